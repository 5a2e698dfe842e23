import { doorNotes, type DoorNote } from "@/domain/questions/door-notes";
import type { DoorEvent } from "@/domain/checkin/access";
import { admitForCaller, admitTicket, findDoorTicket, findScanByNonce, logRefusal, undoAdmit, type DoorTicketRow, type ScanLog } from "@/domain/checkin/repo";
import { DomainError } from "@/domain/errors";
import type { ServiceDeps } from "@/domain/deps";
import type { CredentialHash } from "@/domain/staff/repo";
import type { StaffIdentity } from "@/domain/staff/roles";
import { verifyTicketCode } from "@/domain/tickets/signing";
import { ticketStatus, type TicketStatus } from "@/domain/tickets/status";

/** The error D1 gives when a scan's nonce is already in the log (a retry, or a reused nonce). */
const NONCE_TAKEN = /UNIQUE constraint failed: CheckIn\.nonce/;

/** The stable reason codes the scanner switches on. */
export type CheckInResult = "admitted" | "already_checked_in" | "invalid" | "wrong_event" | Exclude<TicketStatus, "valid">;

export type CheckInOutcome = {
  result: CheckInResult;
  /** Why a code is invalid: it could not be read, or its signature is not ours. */
  reason?: "malformed" | "unknown_key" | "bad_signature" | "unknown_ticket";
  ticket?: { id: string; name: string; tier: string; eligibility: string; checkedInAt?: string; device?: string; notes?: DoorNote[] };
};

export type CheckInRequest = { code?: string | undefined; ticketId?: string | undefined; nonce: string; device: string };

const ticketInfo = (t: DoorTicketRow) => ({
  id: t.id,
  name: t.attendeeName,
  tier: t.tierName,
  eligibility: t.eligibility,
  ...(t.checkedInAt ? { checkedInAt: new Date(t.checkedInAt).toISOString() } : {}),
  ...(t.checkedInDevice ? { device: t.checkedInDevice } : {}),
  // Answers to the questions shown at the door (e.g. access needs), read with the ticket.
  ...(t.doorAnswers && t.doorAnswers !== "[]" ? { notes: doorNotes(t.doorAnswers) } : {}),
});

/** What a ticket's state says before trying to admit it (tickets/status decides); null when it may be admitted. */
function refusal(t: DoorTicketRow, event: DoorEvent): CheckInResult | null {
  if (t.eventId !== event.id) return "wrong_event";
  const status = ticketStatus({ ticketStatus: t.status, orderStatus: t.orderStatus, eventStatus: t.eventStatus });
  return status === "valid" ? null : status;
}

/**
 * The answer to a retry: the scan first recorded under this nonce, when it was this same scan
 * (same staff member, event and ticket). A nonce first used for anything else (another ticket,
 * another event, someone else's scan, an undo) is refused with a conflict that names no one.
 * Null when nothing was recorded under it.
 */
async function replay(deps: ServiceDeps, nonce: string, scan: ScanLog): Promise<CheckInOutcome | null> {
  const previous = await findScanByNonce(deps.d1, nonce);
  if (!previous) return null;
  const same = previous.eventId === scan.eventId && previous.staffId === scan.staffId && previous.ticketId === scan.ticketId && previous.result !== "undone";
  if (!same) throw new DomainError("conflict", { reason: "nonce_reused" });
  const ticket = previous.ticketId ? await findDoorTicket(deps.d1, previous.ticketId) : null;
  const result = previous.result as CheckInResult;
  return { result, ...(ticket && result !== "wrong_event" ? { ticket: ticketInfo(ticket) } : {}) };
}

/**
 * The door's single entry point. Verifies the signed code (or takes a ticket id found by
 * search), checks the ticket's state, and admits it with one conditional update that is
 * logged in the same batch: two devices scanning one ticket at the same instant admit it once,
 * and a retried request (same nonce, same scan) is recorded once and gets the same answer; a
 * nonce reused for a different scan is refused. Every scan is logged with its result. A ticket
 * of another event is only ever `wrong_event`, never its holder's name.
 */
export async function checkIn(deps: ServiceDeps, staff: StaffIdentity, event: DoorEvent, request: CheckInRequest): Promise<CheckInOutcome> {
  // A retried admit needs no lookup first: its log row's unique nonce fails the batch below,
  // which then answers from the first attempt. Refusals are the same each time anyway.
  const now = deps.now();
  const log = { eventId: event.id, staffId: staff.id, device: request.device, nonce: request.nonce };
  // Logs a refusal; when its nonce is already in the log, the first answer (a retry) or a conflict.
  const refuse = async (ticketId: string | null, result: CheckInResult) =>
    (await logRefusal(deps.d1, { ...log, ticketId }, result, now)) ? null : replay(deps, request.nonce, { ...log, ticketId });

  let ticketId = request.ticketId;
  if (!ticketId) {
    const verified = await verifyTicketCode(deps.config, request.code ?? "");
    if (!verified.ok) {
      await refuse(null, "invalid");
      return { result: "invalid", reason: verified.reason };
    }
    if (verified.eventId !== event.id) {
      await refuse(null, "wrong_event");
      return { result: "wrong_event" };
    }
    ticketId = verified.ticketId;
  }
  const ticket = await findDoorTicket(deps.d1, ticketId);
  if (!ticket) {
    await refuse(null, "invalid");
    return { result: "invalid", reason: "unknown_ticket" };
  }
  const refused = refusal(ticket, event);
  if (refused) {
    const first = await refuse(ticket.id, refused);
    if (first) return first;
    return refused === "wrong_event" ? { result: refused } : { result: refused, ticket: ticketInfo(ticket) };
  }
  let admitted: boolean;
  try {
    admitted = await admitTicket(deps.d1, ticket.id, { ...log, ticketId: ticket.id }, now);
  } catch (err) {
    // The same nonce raced in from a retry: the batch rolled back; answer as the first did.
    const raced = NONCE_TAKEN.test(String(err)) ? await replay(deps, request.nonce, { ...log, ticketId: ticket.id }) : null;
    if (raced) return raced;
    throw err;
  }
  if (admitted) return { result: "admitted", ticket: ticketInfo({ ...ticket, checkedInAt: now.toISOString(), checkedInDevice: request.device || null }) };
  // Someone got there first: say when and on which device.
  const current = await findDoorTicket(deps.d1, ticket.id);
  return { result: "already_checked_in", ticket: ticketInfo(current ?? ticket) };
}

/**
 * The door's usual scan in one round trip (DESIGN: a check-in is one round trip): a valid
 * ticket admitted for a caller who may scan at this door, with the caller's credential, their
 * door access, the ticket's state and the admit checked in one batch (checkin/repo
 * admitForCaller). Answers only when it admitted; null otherwise (an unreadable code, a
 * refusal, a retried nonce, a caller who may not scan), and then `checkIn`, the long way with
 * its every answer and log entry, decides: this never admits what the long way would refuse.
 */
export async function admitInOneTrip(deps: ServiceDeps, credential: CredentialHash, slug: string, request: CheckInRequest): Promise<CheckInOutcome | null> {
  let target = request.ticketId ? { ticketId: request.ticketId, codeEventId: null as string | null } : null;
  if (!target) {
    const verified = await verifyTicketCode(deps.config, request.code ?? "");
    if (!verified.ok) return null;
    target = { ticketId: verified.ticketId, codeEventId: verified.eventId };
  }
  const now = deps.now();
  try {
    const admitted = await admitForCaller(deps.d1, { credential, slug, ...target, device: request.device, nonce: request.nonce }, now);
    return admitted ? { result: "admitted", ticket: ticketInfo(admitted) } : null;
  } catch (err) {
    // A nonce already used: the batch rolled back, and the long way answers as the first scan did (or refuses).
    if (NONCE_TAKEN.test(String(err))) return null;
    throw err;
  }
}

/**
 * Takes back a mistaken admit; logged like a scan. A retried undo (same nonce, same person and
 * ticket) gets the first answer; a nonce first used for anything else is refused.
 */
export async function undoCheckIn(deps: ServiceDeps, staff: StaffIdentity, event: DoorEvent, request: { ticketId: string; nonce: string; device: string }) {
  if (await undoAdmit(deps.d1, event.id, request.ticketId, { staffId: staff.id, device: request.device, nonce: request.nonce }, deps.now())) return { undone: true };
  const previous = await findScanByNonce(deps.d1, request.nonce);
  if (!previous) return { undone: false };
  const retry = previous.result === "undone" && previous.eventId === event.id && previous.staffId === staff.id && previous.ticketId === request.ticketId;
  if (!retry) throw new DomainError("conflict", { reason: "nonce_reused" });
  return { undone: true };
}
