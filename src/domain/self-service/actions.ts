// What attendees and buyers may change themselves, through the unguessable link they were sent
// (a ticket's token, or an order's id): no sign-in, so the link is the authority and each action
// touches only what that link names. Every action checks, in this order: the ticket still
// admits (tickets/status), not yet checked in, and the event's cut-off (self-service/policy).
// Refusals are answers (codes), not exceptions; bad input throws `invalid` with field issues.
//
// Transfers and the QR code. A ticket's code is signed over (event, ticket id, tier) and
// verified offline, so a code cannot be "unsigned". Two designs revoke it everywhere:
// (a) a per-ticket version in the signed payload and in the door list, or (b) a new ticket row
// that replaces the old one. We take (b): the old row becomes `transferred`, which tickets/status
// reads as not admitting, so the online check-in (it only admits `valid` rows), the door list
// (every ticket's status; a phone that has synced since refuses the old id) and the ticket page
// (the old token names the old row) all refuse it with no change to the code format, the
// scanner or the key handling; and the new row has a fresh id (a new code), a fresh token (a new
// page link) and a new short code. With (a), a phone that synced before the transfer would
// still accept the old code's version unless it also knew versions of every ticket, which is
// the same thing the door list already carries as a status. Seats do not move: one valid ticket
// replaces another. The order keeps the old row, so its history shows the hand-over.
import { DomainError, invalidField } from "@/domain/errors";
import { issue } from "@/domain/issues";
import type { ServiceDeps } from "@/domain/deps";
import { runBatch } from "@/domain/batch";
import { enqueueEmailStatement } from "@/domain/mail/repo";
import { cancelTicket, refundMinor, type Actor } from "@/domain/orders/admin-actions";
import { findOrderWithTickets, renameTicketStatement } from "@/domain/orders/repo";
import { findTicketByToken } from "@/domain/tickets/repo";
import { auditStatement } from "@/domain/staff/audit";
import { admits, ticketStatus } from "@/domain/tickets/status";
import { changesOpen, refundable, refundFor } from "@/domain/self-service/policy";
import { ticketExists, transferStatements } from "@/domain/self-service/repo";
import { cleanLine, normaliseEmail } from "@/lib/text";
import { newId } from "@/lib/ids";
import { randomToken } from "@/lib/tokens";

/** Why a change was not made (the page says it in words; nothing changed). */
export type Refusal = "changes_closed" | "not_valid" | "checked_in" | "refund_refused";

/** What a self-service action did. `token`: the new ticket's page after a transfer. */
export type Outcome =
  | { done: "renamed" | "unchanged" | "transferred" | "cancelled" | "answered"; token?: string; refundedMinor?: number }
  | { refused: Refusal };

/** Self-service acts as no staff member: the audit log shows "system" with a self-service action. */
const SELF: Actor = { staffId: null };

type Order = NonNullable<Awaited<ReturnType<typeof findOrderWithTickets>>>;
/** An order as self-service reads it: with its event and tickets. */
export type OrderForSelfService = Order;
type OrderTicket = Order["tickets"][number];

/** An order by its unguessable id (the order link), with its event and tickets; not_found otherwise. */
export async function orderForSelfService(deps: ServiceDeps, orderId: string): Promise<Order> {
  const order = await findOrderWithTickets(deps.d1, orderId);
  if (!order) throw new DomainError("not_found", { what: "order", next: "order_email" });
  return order;
}

/** A ticket by its page token, with its order (only to act on this ticket): not_found otherwise. */
export async function ticketForSelfService(deps: ServiceDeps, token: string): Promise<{ order: Order; ticket: OrderTicket }> {
  const found = await findTicketByToken(deps.d1, token);
  if (!found) throw new DomainError("not_found", { what: "ticket", next: "ticket_email" });
  const order = await orderForSelfService(deps, found.orderId);
  const ticket = order.tickets.find((t) => t.id === found.id);
  if (!ticket) throw new DomainError("not_found", { what: "ticket", next: "ticket_email" });
  return { order, ticket };
}

/** The tickets of an order its buyer may still cancel from the order page: valid and not yet used. */
export const cancellableTickets = (order: Order) => order.tickets.filter((t) => t.status === "valid" && !t.checkedInAt);

/** Whether this ticket may be changed by its holder now, or why not. */
export function refusalFor(order: Order, ticket: OrderTicket, now: Date): Refusal | null {
  const state = ticketStatus({ ticketStatus: ticket.status, orderStatus: order.status, eventStatus: order.event.status });
  if (!admits(state)) return "not_valid";
  if (ticket.checkedInAt) return "checked_in";
  if (!changesOpen(order.event, now)) return "changes_closed";
  return null;
}

/** What cancelling these tickets would refund now (what the page says before the holder confirms). */
export function refundQuote(order: Order, tickets: readonly OrderTicket[], now: Date): number {
  const wanted = tickets.reduce((sum, t) => sum + refundFor(order.event, t.pricePaidMinor, now), 0);
  return refundable(order, wanted);
}

const validName = (raw: string, field: string) => {
  const name = cleanLine(raw);
  if (!name) throw invalidField(field, issue("attendee_name_required"));
  if (name.length > 100) throw invalidField(field, issue("attendee_name_length", { max: 100 }));
  return name;
};

/** A notice to the buyer about this change, in the order's language (emails/self-service.ts). */
export function changeEmail(deps: ServiceDeps, order: Order, data: Record<string, unknown>, key: string, now: Date, onlyIf?: string) {
  return enqueueEmailStatement(deps, { template: "self_service_change", recipient: order.buyerEmail, orderId: order.id, data: { orderId: order.id, ...data }, idempotencyKey: key }, now, onlyIf);
}

/** Changes the attendee's name on a ticket (badges, door list), until the cut-off. */
export async function changeName(deps: ServiceDeps, order: Order, ticket: OrderTicket, rawName: string): Promise<Outcome> {
  const name = validName(rawName, "name");
  const now = deps.now();
  const refused = refusalFor(order, ticket, now);
  if (refused) return { refused };
  if (name === ticket.attendeeName) return { done: "unchanged" };
  await runBatch(deps.d1, [
    renameTicketStatement(deps.d1, ticket.id, name, now),
    auditStatement(deps.d1, { staffId: null, action: "self_service_renamed", entity: "order", entityId: order.id, detail: { ticketId: ticket.id, from: ticket.attendeeName, to: name } }, now),
    changeEmail(deps, order, { change: "renamed", ticketId: ticket.id, from: ticket.attendeeName, to: name }, `self-renamed-${ticket.id}-${now.getTime()}`, now),
  ]);
  return { done: "renamed" };
}

/**
 * Hands a ticket to someone else (see the comment at the top): the old code, page link and short
 * code stop working; the new holder gets their own ticket email. The same name and email as now
 * is no change at all.
 */
export async function transferTicket(deps: ServiceDeps, order: Order, ticket: OrderTicket, input: { name: string; email: string }): Promise<Outcome> {
  const name = cleanLine(input.name);
  const email = normaliseEmail(input.email);
  const fields: Record<string, ReturnType<typeof issue>> = {};
  if (!name) fields.name = issue("attendee_name_required");
  else if (name.length > 100) fields.name = issue("attendee_name_length", { max: 100 });
  if (!email) fields.email = issue("attendee_email_required");
  else if (email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) fields.email = issue("attendee_email_invalid");
  if (Object.keys(fields).length) throw new DomainError("invalid", {}, fields);
  const now = deps.now();
  const refused = refusalFor(order, ticket, now);
  if (refused) return { refused };
  if (name === ticket.attendeeName && email === (ticket.attendeeEmail ?? "")) return { done: "unchanged" };
  const toId = newId("tkt");
  const token = randomToken();
  const made = ticketExists(toId);
  const results = await runBatch(deps.d1, [
    ...transferStatements(deps.d1, { fromId: ticket.id, toId, token, name, email }, now),
    enqueueEmailStatement(deps, { template: "attendee_ticket", recipient: email, orderId: order.id, data: { orderId: order.id, ticketId: toId }, idempotencyKey: `attendee-ticket-${toId}` }, now, made),
    changeEmail(deps, order, { change: "transferred", ticketId: toId, from: ticket.attendeeName, to: name }, `self-transferred-${ticket.id}`, now, made),
    auditStatement(deps.d1, { staffId: null, action: "self_service_transferred", entity: "order", entityId: order.id, detail: { ticketId: ticket.id, from: ticket.attendeeName, to: name } }, now),
  ]);
  if (results[0]!.meta.changes !== 1) return { refused: "not_valid" };
  return { done: "transferred", token };
}

/** A refund Stripe refused (its SDK's errors), as opposed to a fault of ours. */
const stripeRefused = (err: unknown) => typeof err === "object" && err !== null && typeof (err as { type?: unknown }).type === "string" && (err as { type: string }).type.startsWith("Stripe");

/**
 * Cancels tickets of one order under the event's refund policy: the refund through the
 * organisers' refund path (Stripe first: if Stripe refuses, nothing changes and the tickets stay
 * valid), each seat freed through orders/seats. `tickets`: one ticket (its page) or every valid
 * ticket of the order (the order page).
 */
export async function cancelTickets(deps: ServiceDeps, order: Order, tickets: readonly OrderTicket[]): Promise<Outcome> {
  const now = deps.now();
  for (const ticket of tickets) {
    const refused = refusalFor(order, ticket, now);
    if (refused) return { refused };
  }
  if (!tickets.length) return { refused: "not_valid" };
  const amount = refundQuote(order, tickets, now);
  const ids = tickets.map((t) => t.id);
  if (amount > 0) {
    try {
      await refundMinor(deps, SELF, order, amount, ids);
    } catch (err) {
      if (stripeRefused(err)) return { refused: "refund_refused" };
      throw err;
    }
  } else {
    for (const id of ids) await cancelTicket(deps, SELF, id);
  }
  const at = deps.now();
  await runBatch(deps.d1, [
    ...tickets.map((t) => auditStatement(deps.d1, { staffId: null, action: "self_service_cancelled", entity: "order", entityId: order.id, detail: { ticketId: t.id, attendee: t.attendeeName, amountMinor: refundQuote(order, [t], now), currency: order.currency } }, at)),
    changeEmail(deps, order, { change: "cancelled", ticketIds: ids, amountMinor: amount }, `self-cancelled-${ids.join("-")}`, at),
  ]);
  return { done: "cancelled", refundedMinor: amount };
}
