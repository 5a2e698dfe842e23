import { DomainError, invalidField } from "@/domain/errors";
import { issue } from "@/domain/issues";
import { parseMoneyInput } from "@/lib/money";
import { sqlTime } from "@/lib/sql-time";
import { cleanLine } from "@/lib/text";
import { auditStatement } from "@/domain/staff/audit";
import type { ServiceDeps } from "@/domain/deps";
import { enqueueEmailStatement } from "@/domain/mail/repo";
import { runBatch } from "@/domain/batch";
import { cancelTicketStatement, findOrderWithTickets, findTicket, partialRefundStatement, renameTicketStatement } from "@/domain/orders/repo";
import { freeTicketSeatStatements } from "@/domain/orders/seats";
import { releaseTicketVoucherStatement } from "@/domain/vouchers/repo";
import { offerRoundStatements } from "@/domain/waitlist/repo";
import { releaseHold, runTransition, stillIn } from "@/domain/orders/settle";

/** Who is acting, for the audit log: a staff member, or null for an attendee or buyer acting through their own link (self-service). */
export type Actor = { staffId: string | null };

async function orderOrThrow(deps: ServiceDeps, orderId: string) {
  const order = await findOrderWithTickets(deps.d1, orderId);
  if (!order) throw new DomainError("not_found", { what: "order" });
  return order;
}

/** The order a ticket belongs to (organiser pages act on tickets and show their order). */
export async function orderOfTicket(deps: ServiceDeps, ticketId: string): Promise<string> {
  const ticket = await findTicket(deps.d1, ticketId);
  if (!ticket) throw new DomainError("not_found", { what: "ticket" });
  return ticket.orderId;
}

/** Corrects an attendee's name (badges, door list). */
export async function renameAttendee(deps: ServiceDeps, actor: Actor, ticketId: string, rawName: string) {
  const name = cleanLine(rawName);
  if (!name || name.length > 100) throw invalidField("name", issue("attendee_name_length", { max: 100 }));
  const ticket = await findTicket(deps.d1, ticketId);
  if (!ticket) throw new DomainError("not_found", { what: "ticket" });
  const now = deps.now();
  await runBatch(deps.d1, [
    renameTicketStatement(deps.d1, ticketId, name, now),
    auditStatement(deps.d1, { staffId: actor.staffId, action: "attendee_renamed", entity: "order", entityId: ticket.orderId, detail: { ticketId, from: ticket.attendeeName, to: name } }, now),
  ]);
  return ticket.orderId;
}

/**
 * Cancels one valid ticket and gives its seat back, in one batch conditioned on the ticket
 * still being valid (a repeat does nothing). Money is a separate decision (refund).
 */
export async function cancelTicket(deps: ServiceDeps, actor: Actor, ticketId: string) {
  const ticket = await findTicket(deps.d1, ticketId);
  if (!ticket) throw new DomainError("not_found", { what: "ticket" });
  const now = deps.now();
  const results = await runBatch(deps.d1, [
    ...freeTicketSeatStatements(deps.d1, ticket, now),
    releaseTicketVoucherStatement(deps.d1, ticketId, now),
    // The freed seat goes to the waiting list first, in the same batch.
    ...offerRoundStatements(deps, { eventId: ticket.eventId }, now),
    auditStatement(deps.d1, { staffId: actor.staffId, action: "ticket_cancelled", entity: "order", entityId: ticket.orderId, detail: { ticketId, attendee: ticket.attendeeName } }, now),
    cancelTicketStatement(deps.d1, ticketId, now),
  ]);
  if (results.at(-1)!.meta.changes !== 1) throw new DomainError("conflict", { reason: "ticket_not_valid" });
  return ticket.orderId;
}

/**
 * Cancels a whole order: a pending one releases its hold (and its Stripe session is expired by
 * the caller's next sweep or now); a confirmed one, only when `confirmed` (it keeps the money),
 * has every valid ticket cancelled, its seats freed and its buyer told, in one batch.
 * Refunding is a separate action.
 */
export async function cancelOrder(deps: ServiceDeps, actor: Actor, orderId: string, options: { confirmed: boolean }) {
  const order = await orderOrThrow(deps, orderId);
  const now = deps.now();
  if (order.status === "pending") {
    if (order.stripeSessionId) await deps.stripe.checkout.sessions.expire(order.stripeSessionId).catch(() => undefined);
    await releaseHold(deps, orderId, "cancelled");
  } else if (order.status === "paid" || order.status === "partially_refunded") {
    if (!options.confirmed) throw invalidField("confirm", issue("confirm_cancel_paid"));
    const email = { template: "order_cancelled" as const, recipient: order.buyerEmail, orderId, data: { orderId }, idempotencyKey: `order-cancelled-${orderId}` };
    await runTransition(deps, now, { orderId, from: ["paid", "partially_refunded"], to: "cancelled", seats: "release_sold", ticketsFrom: ["valid"], ticketsTo: "cancelled", set: { cancelledAt: sqlTime(now) } }, () => [
      enqueueEmailStatement(deps, email, now, stillIn(["paid", "partially_refunded"])),
    ]);
  } else {
    throw new DomainError("conflict", { reason: "order_not_cancellable", status: order.status });
  }
  await auditStatement(deps.d1, { staffId: actor.staffId, action: "order_cancelled", entity: "order", entityId: orderId, detail: { previousStatus: order.status } }, now).run();
}

/**
 * Refunds through Stripe: the whole order, or `amount` of it (as the organiser typed it, in the
 * order's currency; blank = everything left). A full refund cancels the
 * tickets and frees their seats; a partial one cancels the tickets chosen (`ticketIds`). The
 * buyer is emailed. Recorded at once; Stripe's charge.refunded webhook then finds it done.
 */
export async function refundOrder(deps: ServiceDeps, actor: Actor, orderId: string, request: { amount?: string | undefined; ticketIds?: string[] }) {
  const order = await orderOrThrow(deps, orderId);
  if (!order.stripePaymentIntentId) throw new DomainError("conflict", { reason: "not_paid_online" });
  if (order.status !== "paid" && order.status !== "partially_refunded") throw new DomainError("conflict", { reason: "order_not_refundable", status: order.status });
  const refundable = order.totalMinor - order.refundedMinor;
  const typed = parseMoneyInput(request.amount ?? "", order.currency);
  if (typed === undefined) throw invalidField("amount", issue("amount_format"));
  const amount = typed ?? refundable;
  if (!Number.isInteger(amount) || amount <= 0 || amount > refundable) {
    throw invalidField("amount", issue("refund_at_most", { max: { minor: refundable, currency: order.currency } }));
  }
  await refundMinor(deps, actor, order, amount, request.ticketIds ?? []);
}

/**
 * The refund itself, `amount` minor units of a paid order (checked by the caller): Stripe first,
 * so a refund Stripe refuses throws before anything here changes; then the record, the email
 * and, for a partial refund, the cancelled tickets. Self-service refunds go through here too.
 */
export async function refundMinor(deps: ServiceDeps, actor: Actor, order: Awaited<ReturnType<typeof orderOrThrow>>, amount: number, ticketIds: readonly string[]) {
  const orderId = order.id;
  if (!order.stripePaymentIntentId) throw new DomainError("conflict", { reason: "not_paid_online" });
  // The key names the refund's place in the order's history, so a double-submitted form refunds once.
  await deps.stripe.refunds.create(
    { payment_intent: order.stripePaymentIntentId, amount, metadata: { orderId, staffId: actor.staffId } },
    { idempotencyKey: `refund-${orderId}-${order.refundedMinor}-${amount}` },
  );
  const now = deps.now();
  const total = order.refundedMinor + amount;
  const email = enqueueEmailStatement(
    deps,
    { template: "refund_issued", recipient: order.buyerEmail, orderId, data: { orderId, amountMinor: amount }, idempotencyKey: `refund-issued-${orderId}-${total}` },
    now,
  );
  const entry = auditStatement(deps.d1, { staffId: actor.staffId, action: "order_refunded", entity: "order", entityId: orderId, detail: { amountMinor: amount, totalRefundedMinor: total, currency: order.currency } }, now);
  if (total === order.totalMinor) {
    await runTransition(deps, now, { orderId, from: ["paid", "partially_refunded"], to: "refunded", seats: "release_sold", ticketsFrom: ["valid"], ticketsTo: "cancelled", set: { refundedMinor: total } }, () => [email, entry]);
  } else {
    await runBatch(deps.d1, [
      partialRefundStatement(deps.d1, orderId, total, now),
      email,
      entry,
    ]);
    for (const ticketId of ticketIds) {
      if (order.tickets.some((t) => t.id === ticketId && t.status === "valid")) await cancelTicket(deps, actor, ticketId);
    }
  }
}

/** Sends the order's tickets to the buyer again (a new message: the old one may be lost). */
export async function resendTickets(deps: ServiceDeps, actor: Actor, orderId: string) {
  const order = await orderOrThrow(deps, orderId);
  if (!order.tickets.some((t) => t.status === "valid")) throw new DomainError("conflict", { reason: "no_tickets_to_send" });
  const now = deps.now();
  await runBatch(deps.d1, [
    enqueueEmailStatement(deps, { template: "order_confirmation", recipient: order.buyerEmail, orderId, data: { orderId }, idempotencyKey: `order-confirmation-${orderId}-resent-${now.getTime()}` }, now),
    auditStatement(deps.d1, { staffId: actor.staffId, action: "tickets_resent", entity: "order", entityId: orderId, detail: { to: order.buyerEmail } }, now),
  ]);
}

