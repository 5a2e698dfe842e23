// Messages from the organisers to an event's ticket holders: who receives one (the audience),
// what each reads (their language's version, else the main language's), and sending through
// the outbox in one batch with the audit entries, once per form submission.
import { runBatch } from "@/domain/batch";
import type { ServiceDeps } from "@/domain/deps";
import { DomainError } from "@/domain/errors";
import type { FieldIssue } from "@/domain/issues";
import { newId } from "@/lib/ids";
import { enqueueEmailStatement } from "@/domain/mail/repo";
import { auditStatement } from "@/domain/staff/audit";
import { admits, ticketStatus } from "@/domain/tickets/status";
import { getAdminEvent } from "@/domain/events/admin-events";
import { readTranslations, writeTranslations, type Translations } from "@/domain/events/translations";
import { findEventTickets, findMessageByNonce, insertMessageStatement, type MessageRow } from "@/domain/correspondence/repo";

export const messageTextFields = ["subject", "body"] as const;
export type MessageTextField = (typeof messageTextFields)[number];

/** Who a message goes to: every ticket holder, the holders of one tier, or those not yet checked in. */
export type Audience = { kind: "all" } | { kind: "tier"; tierId: string } | { kind: "not_checked_in" };

/**
 * One recipient. Ticket holders are the buyer of every order with a ticket in the audience and
 * each such ticket's attendee who gave their own address (as the ticket emails go); an address
 * met twice gets one email, in the language of the first order it was met in.
 */
export type Recipient = { email: string; name: string; orderId: string; language: string };

type HolderTicket = Awaited<ReturnType<typeof findEventTickets>>[number];

/** The tickets of `audience` among an event's tickets: only tickets that admit count. */
function chosenTickets(tickets: HolderTicket[], eventStatus: string, audience: Audience): HolderTicket[] {
  return tickets.filter(
    (t) =>
      admits(ticketStatus({ ticketStatus: t.status, orderStatus: t.order.status, eventStatus })) &&
      (audience.kind !== "tier" || t.ticketTypeId === audience.tierId) &&
      (audience.kind !== "not_checked_in" || t.checkedInAt === null),
  );
}

/** The orders a message to `audience` concerns (their history shows it), whether or not their buyer's address came first. */
export function ordersOf(tickets: HolderTicket[], eventStatus: string, audience: Audience): string[] {
  return [...new Set(chosenTickets(tickets, eventStatus, audience).map((t) => t.order.id))];
}

/** The recipients of `audience` among an event's tickets, one per address. */
export function recipientsOf(tickets: HolderTicket[], eventStatus: string, audience: Audience): Recipient[] {
  const chosen = chosenTickets(tickets, eventStatus, audience);
  const byAddress = new Map<string, Recipient>();
  const add = (r: Recipient) => {
    const key = r.email.trim().toLowerCase();
    if (key && !byAddress.has(key)) byAddress.set(key, { ...r, email: r.email.trim() });
  };
  for (const t of chosen) {
    add({ email: t.order.buyerEmail, name: t.order.buyerName, orderId: t.order.id, language: t.order.language });
    if (t.attendeeEmail) add({ email: t.attendeeEmail, name: t.attendeeName, orderId: t.order.id, language: t.language ?? t.order.language });
  }
  return [...byAddress.values()];
}

/** A message as the organiser wrote it: main-language subject and body, other languages' versions, the form's nonce. */
export type MessageDraft = { audience: Audience; subject: string; body: string; translations: Translations<MessageTextField>; nonce: string };

const SUBJECT_MAX = 200;
const BODY_MAX = 20_000;

/** Every problem with a draft at once (empty or over-long texts, an unknown tier), as field issues. */
function draftIssues(draft: MessageDraft, tierIds: string[]): Record<string, FieldIssue> {
  const issues: Record<string, FieldIssue> = {};
  const check = (path: string, text: string, max: number, required: boolean) => {
    if (required && !text.trim()) issues[path] = { code: "required" };
    else if (text.length > max) issues[path] = { code: "too_long", params: { max } };
  };
  check("subject", draft.subject, SUBJECT_MAX, true);
  check("body", draft.body, BODY_MAX, true);
  for (const [lang, texts] of Object.entries(draft.translations)) {
    // A language's version is whole or absent: half of one would mix two languages in one email.
    const given = Boolean(texts.subject?.trim() || texts.body?.trim());
    check(`translations.${lang}.subject`, texts.subject ?? "", SUBJECT_MAX, given);
    check(`translations.${lang}.body`, texts.body ?? "", BODY_MAX, given);
  }
  if (draft.audience.kind === "tier" && !tierIds.includes(draft.audience.tierId)) issues.audience = { code: "not_allowed" };
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(draft.nonce)) issues.nonce = { code: "nonce_required" };
  return issues;
}

/**
 * Checks a draft and finds its recipients, for the preview and for sending. Refuses (changing
 * nothing) an empty subject or body, an unknown tier, or an audience with no one in it.
 */
export async function prepareMessage(deps: Pick<ServiceDeps, "d1">, eventId: string, draft: MessageDraft) {
  const event = await getAdminEvent(deps.d1, eventId);
  const issues = draftIssues(draft, event.ticketTypes.map((t) => t.id));
  if (Object.keys(issues).length) throw new DomainError("invalid", {}, issues);
  const tickets = await findEventTickets(deps.d1, eventId);
  const recipients = recipientsOf(tickets, event.status, draft.audience);
  if (!recipients.length) throw new DomainError("invalid", { issue: { code: "no_recipients" } }, { audience: { code: "no_recipients" } });
  return { event, recipients, orderIds: ordersOf(tickets, event.status, draft.audience) };
}

/** The email statements and per-order audit entries of one message, for its batch. */
function deliveryStatements(deps: ServiceDeps, message: MessageRow, recipients: Recipient[], orders: string[], staffId: string | null, action: "attendees_messaged" | "cancellation_sent", now: Date) {
  const outbox = { d1: deps.d1, mailQueued: deps.mailQueued };
  const emails = recipients.map((r) =>
    enqueueEmailStatement(
      outbox,
      { template: "attendee_message", recipient: r.email, orderId: r.orderId, data: { messageId: message.id, orderId: r.orderId, language: r.language, name: r.name }, idempotencyKey: `msg:${message.id}:${r.email.toLowerCase()}` },
      now,
    ),
  );
  const history = orders.map((orderId) => auditStatement(deps.d1, { staffId, action, entity: "order", entityId: orderId, detail: message.subject ? { subject: message.subject, messageId: message.id } : { messageId: message.id } }, now));
  return [...emails, ...history];
}

const NONCE_TAKEN = /UNIQUE constraint failed: AttendeeMessage\.nonce/;

/**
 * Sends a message: records it, queues one email per recipient and an audit entry on the event
 * and on each order concerned, in one batch. The form's nonce is unique, so a second submission
 * (a double click) sends nothing more and answers with the first message.
 */
export async function sendMessage(deps: ServiceDeps, staffId: string, eventId: string, draft: MessageDraft): Promise<{ messageId: string; recipients: number; repeated: boolean }> {
  const earlier = await findMessageByNonce(deps.d1, draft.nonce);
  if (earlier) return { messageId: earlier.id, recipients: earlier.recipients, repeated: true };
  const { event, recipients, orderIds } = await prepareMessage(deps, eventId, draft);
  const now = deps.now();
  const message: MessageRow = {
    id: newId("msg"),
    eventId,
    kind: "message",
    audience: draft.audience.kind,
    ticketTypeId: draft.audience.kind === "tier" ? draft.audience.tierId : null,
    subject: draft.subject.trim(),
    body: draft.body,
    translations: writeTranslations(draft.translations, messageTextFields),
    nonce: draft.nonce,
    staffId,
    recipients: recipients.length,
  };
  const tier = draft.audience.kind === "tier" ? event.ticketTypes.find((t) => t.id === (draft.audience as { tierId: string }).tierId)?.name : undefined;
  try {
    await runBatch(deps.d1, [
      insertMessageStatement(deps.d1, message, now),
      auditStatement(deps.d1, { staffId, action: "attendees_messaged", entity: "event", entityId: eventId, detail: { subject: message.subject, recipients: recipients.length, ...(tier ? { tier } : {}), notCheckedIn: draft.audience.kind === "not_checked_in", messageId: message.id } }, now),
      ...deliveryStatements(deps, message, recipients, orderIds, staffId, "attendees_messaged", now),
    ]);
  } catch (err) {
    if (!NONCE_TAKEN.test(String(err instanceof Error ? err.message : err))) throw err;
    const first = await findMessageByNonce(deps.d1, draft.nonce);
    if (!first) throw err;
    return { messageId: first.id, recipients: first.recipients, repeated: true };
  }
  return { messageId: message.id, recipients: recipients.length, repeated: false };
}

/**
 * The statements that tell every ticket holder of an event being cancelled, in their language,
 * with the organisers' refund plan: for the batch that cancels it (so neither happens alone).
 * Nothing when no one holds a ticket.
 */
export async function cancellationStatements(deps: ServiceDeps, staffId: string, eventId: string, eventStatus: string, refundPlan: string, now: Date): Promise<D1PreparedStatement[]> {
  const tickets = await findEventTickets(deps.d1, eventId);
  const recipients = recipientsOf(tickets, eventStatus, { kind: "all" });
  if (!recipients.length) return [];
  const message: MessageRow = {
    id: newId("msg"),
    eventId,
    kind: "cancellation",
    audience: "all",
    ticketTypeId: null,
    subject: "",
    body: refundPlan.trim(),
    translations: "{}",
    nonce: newId("cxl"),
    staffId,
    recipients: recipients.length,
  };
  return [insertMessageStatement(deps.d1, message, now), ...deliveryStatements(deps, message, recipients, ordersOf(tickets, eventStatus, { kind: "all" }), staffId, "cancellation_sent", now)];
}

/** A stored message's subject and body in `lang`, else the main language's. */
export function messageIn(message: { subject: string; body: string; translations: string }, lang: string, mainLang: string): { subject: string; body: string; lang: string } {
  if (lang === mainLang) return { subject: message.subject, body: message.body, lang };
  const version = readTranslations(message.translations, messageTextFields)[lang];
  return version?.subject && version.body ? { subject: version.subject, body: version.body, lang } : { subject: message.subject, body: message.body, lang: mainLang };
}
