import type { ServiceDeps } from "@/domain/deps";
import { enqueueEmailStatement, ticketEmailStatements } from "@/domain/mail/repo";
import { runBatch } from "@/domain/batch";
import { findOrder, findOrderByPaymentIntent, findOrderWithTickets, partialRefundStatement, transitionStatements, type OrderTransition } from "@/domain/orders/repo";
import { seatsFreed, type SeatsFreed } from "@/domain/orders/seats";
import { DomainError } from "@/domain/errors";
import { sqlTime } from "@/lib/sql-time";
import { offerRoundStatements } from "@/domain/waitlist/repo";
import { recordStripeEventStatement, type StripeEventRef } from "@/domain/payments/repo";

/** Whether this call moved the order (a repeat or a lost race did not), and the seats it freed. */
export type Transitioned = { moved: boolean; freed: SeatsFreed };

/**
 * Runs one order transition (repo's statements plus `extra`, e.g. emails) as one D1 batch. A
 * transition that frees seats offers them to the event's waiting list in the same batch.
 */
export async function runTransition(
  deps: ServiceDeps,
  now: Date,
  transition: OrderTransition,
  extra: (now: Date) => D1PreparedStatement[] = () => [],
): Promise<Transitioned> {
  const statements = transitionStatements(deps.d1, transition, now);
  // Extra statements (emails) go before the order's own update, which must stay last: they are
  // conditioned on the order still being in its old state.
  const last = statements.pop()!;
  const frees = transition.seats === "release_hold" || transition.seats === "release_sold";
  const offers = frees ? offerRoundStatements(deps, { orderId: transition.orderId }, now) : [];
  const results = await runBatch(deps.d1, [...statements, ...extra(now), ...offers, last]);
  return { moved: results.at(-1)!.meta.changes === 1, freed: seatsFreed(results) };
}

export const stillIn = (statuses: string[]) => `EXISTS (SELECT 1 FROM "Order" WHERE "id" = ?1 AND "status" IN (${statuses.map((s) => `'${s}'`).join(", ")}))`;

/**
 * The one way an order becomes paid: pending → paid with its tickets made valid, its held
 * seats counted as sold and the confirmation email queued, in one batch. Called from the
 * Stripe webhook, the success page and the expiry sweep alike; returns true only for the call
 * that made the change, so repeats and races are harmless. The webhook's Stripe event
 * (`stripeEvent`) is recorded in the same batch, on the same condition: exactly when this call
 * made the change (true); otherwise the caller records it.
 */
export async function fulfilOrder(deps: ServiceDeps, orderId: string, payment: { paymentIntentId: string | null }, stripeEvent?: StripeEventRef): Promise<boolean> {
  const now = deps.now();
  const { moved } = await runTransition(
    deps,
    now,
    {
      orderId,
      from: ["pending"],
      to: "paid",
      seats: "hold_to_sold",
      ticketsFrom: ["pending"],
      ticketsTo: "valid",
      set: { paidAt: sqlTime(now), stripePaymentIntentId: payment.paymentIntentId, holdExpiresAt: null },
    },
    (now) => [
      ...ticketEmailStatements(deps, orderId, now, stillIn(["pending"])),
      ...(stripeEvent ? [recordStripeEventStatement(deps.d1, stripeEvent, orderId, now, stillIn(["pending"]))] : []),
    ],
  );
  return moved;
}

/** Gives a pending order's held seats back: on expiry, cancellation or failed payment. */
export async function releaseHold(deps: ServiceDeps, orderId: string, to: "expired" | "cancelled", email?: "payment_failed"): Promise<Transitioned> {
  const order = await findOrder(deps.d1, orderId);
  if (!order) return { moved: false, freed: seatsFreed([]) };
  const now = deps.now();
  return runTransition(
    deps,
    now,
    {
      orderId,
      from: ["pending"],
      to,
      seats: "release_hold",
      ticketsFrom: ["pending"],
      ticketsTo: "cancelled",
      set: { cancelledAt: sqlTime(now), holdExpiresAt: null },
    },
    (now) =>
      email
        ? [enqueueEmailStatement(deps, { template: email, recipient: order.buyerEmail, orderId, data: { orderId }, idempotencyKey: `${email}-${orderId}` }, now, stillIn(["pending"]))]
        : [],
  );
}

/**
 * A payment arrived for an order (webhook, success page or sweep). Pending orders are
 * fulfilled. An order whose hold already ended (expired or cancelled) has lost its seats, so
 * the payment is refunded in full and the buyer told; a repeat of either is a no-op.
 */
export async function settlePayment(deps: ServiceDeps, orderId: string, payment: { paymentIntentId: string | null; amountMinor: number }, stripeEvent?: StripeEventRef) {
  // "fulfilled" means `stripeEvent` was recorded with the fulfilment (fulfilOrder).
  if (await fulfilOrder(deps, orderId, payment, stripeEvent)) return "fulfilled" as const;
  const order = await findOrder(deps.d1, orderId);
  if (!order) return "unknown_order" as const;
  if (order.status === "expired" || order.status === "cancelled") {
    if (!payment.paymentIntentId) return "ignored" as const;
    // Idempotency key per order and payment: a retried webhook cannot refund twice.
    await deps.stripe.refunds.create(
      { payment_intent: payment.paymentIntentId, metadata: { orderId, reason: "hold_expired" } },
      { idempotencyKey: `late-payment-refund-${orderId}-${payment.paymentIntentId}` },
    );
    await runTransition(
      deps,
      deps.now(),
      {
        orderId,
        from: ["expired", "cancelled"],
        to: "refunded",
        seats: "none",
        ticketsFrom: [],
        ticketsTo: null,
        set: { stripePaymentIntentId: payment.paymentIntentId, refundedMinor: payment.amountMinor },
      },
      (now) => [
        enqueueEmailStatement(
          deps,
          { template: "late_payment_refunded", recipient: order.buyerEmail, orderId, data: { orderId, amountMinor: payment.amountMinor }, idempotencyKey: `late-payment-refunded-${orderId}` },
          now,
          stillIn(["expired", "cancelled"]),
        ),
      ],
    );
    return "refunded_late" as const;
  }
  return "already_settled" as const;
}

/**
 * Stripe reports a refund (ours or one made in the Stripe dashboard). A full refund cancels the
 * order's tickets and frees their seats; a partial one records the amount.
 */
export async function recordRefund(deps: ServiceDeps, paymentIntentId: string, amountRefundedMinor: number, full: boolean) {
  const order = await findOrderByPaymentIntent(deps.d1, paymentIntentId);
  if (!order) return "unknown_order" as const;
  if (full) {
    const { moved } = await runTransition(deps, deps.now(), {
      orderId: order.id,
      from: ["paid", "partially_refunded"],
      to: "refunded",
      seats: "release_sold",
      ticketsFrom: ["valid"],
      ticketsTo: "cancelled",
      set: { refundedMinor: amountRefundedMinor },
    });
    return moved ? ("refunded" as const) : ("already_settled" as const);
  }
  // A partial refund raises the recorded amount (never lowers it, whatever order events arrive in).
  await partialRefundStatement(deps.d1, order.id, amountRefundedMinor, deps.now()).run();
  return "partially_refunded" as const;
}

/** An order as its buyer may see it, by its unguessable id. */
export async function getOrderForBuyer(deps: ServiceDeps, orderId: string) {
  const order = await findOrderWithTickets(deps.d1, orderId);
  if (!order) throw new DomainError("not_found", { what: "order", next: "order_email" });
  return order;
}
