import type { DoorEvent } from "@/domain/checkin/access";
import { newId } from "@/lib/ids";
import { sqlTime } from "@/lib/sql-time";
import type { StaffIdentity } from "@/domain/staff/roles";
import type { ServiceDeps } from "@/domain/deps";
import { verifyTicketCode } from "@/domain/tickets/signing";
import { ticketStatus, type TicketStatus } from "@/domain/tickets/status";

/** The stable reason codes the scanner switches on. */
export type CheckInResult = "admitted" | "already_checked_in" | "invalid" | "wrong_event" | Exclude<TicketStatus, "valid">;

export type CheckInOutcome = {
  result: CheckInResult;
  /** Why a code is invalid: it could not be read, or its signature is not ours. */
  reason?: "malformed" | "unknown_key" | "bad_signature" | "unknown_ticket";
  ticket?: { id: string; name: string; tier: string; eligibility: string; checkedInAt?: string; device?: string };
};

export type CheckInRequest = { code?: string | undefined; ticketId?: string | undefined; nonce: string; device: string };

type TicketRow = { id: string; eventId: string; attendeeName: string; status: string; checkedInAt: string | null; checkedInDevice: string | null; tierName: string; eligibility: string; orderStatus: string; eventStatus: string };

async function loadTicket(deps: ServiceDeps, ticketId: string): Promise<TicketRow | null> {
  return deps.d1
    .prepare(
      `SELECT t."id", t."eventId", t."attendeeName", t."status", t."checkedInAt", t."checkedInDevice", tt."name" AS "tierName", tt."eligibility", o."status" AS "orderStatus", e."status" AS "eventStatus"
       FROM "Ticket" t JOIN "TicketType" tt ON tt."id" = t."ticketTypeId" JOIN "Order" o ON o."id" = t."orderId" JOIN "Event" e ON e."id" = t."eventId"
       WHERE t."id" = ?1`,
    )
    .bind(ticketId)
    .first<TicketRow>();
}

const ticketInfo = (t: TicketRow) => ({
  id: t.id,
  name: t.attendeeName,
  tier: t.tierName,
  eligibility: t.eligibility,
  ...(t.checkedInAt ? { checkedInAt: new Date(t.checkedInAt).toISOString() } : {}),
  ...(t.checkedInDevice ? { device: t.checkedInDevice } : {}),
});

/** What a ticket's state says before trying to admit it (tickets/status decides); null when it may be admitted. */
function refusal(t: TicketRow, event: DoorEvent): CheckInResult | null {
  if (t.eventId !== event.id) return "wrong_event";
  const status = ticketStatus({ ticketStatus: t.status, orderStatus: t.orderStatus, eventStatus: t.eventStatus });
  return status === "valid" ? null : status;
}

function logStatement(deps: ServiceDeps, row: { eventId: string; ticketId: string | null; staffId: string; device: string; nonce: string }, result: string, now: Date) {
  return deps.d1
    .prepare(`INSERT INTO "CheckIn" ("id", "eventId", "ticketId", "staffId", "device", "result", "nonce", "createdAt") VALUES (?1, ?2, ?3, ?4, ?5, ${result}, ?6, ?7)`)
    .bind(newId("chk"), row.eventId, row.ticketId, row.staffId, row.device, row.nonce, sqlTime(now));
}

/** A scan already recorded under this nonce: the answer it got then. */
async function replay(deps: ServiceDeps, nonce: string): Promise<CheckInOutcome | null> {
  const previous = await deps.d1.prepare(`SELECT "ticketId", "result" FROM "CheckIn" WHERE "nonce" = ?1`).bind(nonce).first<{ ticketId: string | null; result: string }>();
  if (!previous) return null;
  const ticket = previous.ticketId ? await loadTicket(deps, previous.ticketId) : null;
  const result = previous.result as CheckInResult;
  return { result, ...(ticket ? { ticket: ticketInfo(ticket) } : {}) };
}

/**
 * The door's single entry point. Verifies the signed code (or takes a ticket id found by
 * search), checks the ticket's state, and admits it with one conditional update that is
 * logged in the same batch: two devices scanning one ticket at the same instant admit it once,
 * and a retried request (same nonce) is recorded once and gets the same answer. Every scan is
 * logged with its result.
 */
export async function checkIn(deps: ServiceDeps, staff: StaffIdentity, event: DoorEvent, request: CheckInRequest): Promise<CheckInOutcome> {
  // A retried admit needs no lookup first: its log row's unique nonce fails the batch below,
  // which then answers from the first attempt. Refusals are the same each time anyway.
  const now = deps.now();
  const log = { eventId: event.id, staffId: staff.id, device: request.device, nonce: request.nonce };

  let ticketId = request.ticketId;
  if (!ticketId) {
    const verified = await verifyTicketCode(deps.config, request.code ?? "");
    if (!verified.ok) {
      await logStatement(deps, { ...log, ticketId: null }, "'invalid'", now).run().catch(() => undefined);
      return { result: "invalid", reason: verified.reason };
    }
    if (verified.eventId !== event.id) {
      await logStatement(deps, { ...log, ticketId: null }, "'wrong_event'", now).run().catch(() => undefined);
      return { result: "wrong_event" };
    }
    ticketId = verified.ticketId;
  }
  const ticket = await loadTicket(deps, ticketId);
  if (!ticket) {
    await logStatement(deps, { ...log, ticketId: null }, "'invalid'", now).run().catch(() => undefined);
    return { result: "invalid", reason: "unknown_ticket" };
  }
  const refused = refusal(ticket, event);
  if (refused) {
    await logStatement(deps, { ...log, ticketId: ticket.id }, `'${refused}'`, now).run().catch(() => undefined);
    return { result: refused, ticket: ticketInfo(ticket) };
  }
  let admitted: boolean;
  try {
    const [update] = await deps.d1.batch([
      deps.d1
        .prepare(`UPDATE "Ticket" SET "checkedInAt" = ?2, "checkedInDevice" = ?3, "updatedAt" = ?2 WHERE "id" = ?1 AND "status" = 'valid' AND "checkedInAt" IS NULL`)
        .bind(ticket.id, sqlTime(now), request.device),
      // changes() is the row count of the update just above, in the same transaction.
      logStatement(deps, { ...log, ticketId: ticket.id }, `CASE WHEN changes() = 1 THEN 'admitted' ELSE 'already_checked_in' END`, now),
    ]);
    admitted = update!.meta.changes === 1;
  } catch (err) {
    // The same nonce raced in from a retry: the batch rolled back; answer as the first did.
    const raced = /UNIQUE constraint failed: CheckIn\.nonce/.test(String(err)) ? await replay(deps, request.nonce) : null;
    if (raced) return raced;
    throw err;
  }
  if (admitted) return { result: "admitted", ticket: ticketInfo({ ...ticket, checkedInAt: now.toISOString(), checkedInDevice: request.device || null }) };
  // Someone got there first: say when and on which device.
  const current = await loadTicket(deps, ticket.id);
  return { result: "already_checked_in", ticket: ticketInfo(current ?? ticket) };
}

/** Takes back a mistaken admit; logged like a scan. */
export async function undoCheckIn(deps: ServiceDeps, staff: StaffIdentity, event: DoorEvent, request: { ticketId: string; nonce: string; device: string }) {
  const now = deps.now();
  const results = await deps.d1.batch([
    deps.d1.prepare(`UPDATE "Ticket" SET "checkedInAt" = NULL, "checkedInDevice" = NULL, "updatedAt" = ?3 WHERE "id" = ?1 AND "eventId" = ?2 AND "checkedInAt" IS NOT NULL`).bind(request.ticketId, event.id, sqlTime(now)),
    deps.d1
      .prepare(`INSERT OR IGNORE INTO "CheckIn" ("id", "eventId", "ticketId", "staffId", "device", "result", "nonce", "createdAt") SELECT ?1, ?2, ?3, ?4, ?5, 'undone', ?6, ?7 WHERE changes() = 1`)
      .bind(newId("chk"), event.id, request.ticketId, staff.id, request.device, request.nonce, sqlTime(now)),
  ]);
  return { undone: results[0]!.meta.changes === 1 };
}
