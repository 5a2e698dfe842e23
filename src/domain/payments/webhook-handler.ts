import type Stripe from "stripe";
import type { ServiceDeps } from "@/domain/deps";
import { findOrderSession, recordStripeEvent, stripeEventSeen } from "@/domain/payments/repo";
import { recordRefund, releaseHold, settlePayment } from "@/domain/orders/settle";
import { settleFromSession } from "@/domain/orders/sweep";

/** The order a Checkout Session belongs to, if it is one of ours and the session is current. */
async function orderForSession(deps: ServiceDeps, session: Stripe.Checkout.Session) {
  const orderId = session.metadata?.orderId ?? session.client_reference_id;
  if (!orderId) return null;
  const order = await findOrderSession(deps.db, orderId);
  if (!order) return null;
  // A session we replaced (none today, but never trust a stale one) does not move the order.
  if (order.stripeSessionId && order.stripeSessionId !== session.id) return null;
  return order;
}

function paymentIntentOf(session: Stripe.Checkout.Session) {
  return typeof session.payment_intent === "string" ? session.payment_intent : (session.payment_intent?.id ?? null);
}

async function applyEvent(deps: ServiceDeps, event: Stripe.Event): Promise<string> {
  switch (event.type) {
    case "checkout.session.completed":
    case "checkout.session.expired": {
      const order = await orderForSession(deps, event.data.object);
      return order ? settleFromSession(deps, order.id, event.data.object) : "not_ours";
    }
    case "checkout.session.async_payment_succeeded": {
      const session = event.data.object;
      const order = await orderForSession(deps, session);
      return order ? settlePayment(deps, order.id, { paymentIntentId: paymentIntentOf(session), amountMinor: session.amount_total ?? 0 }) : "not_ours";
    }
    case "checkout.session.async_payment_failed": {
      const order = await orderForSession(deps, event.data.object);
      if (!order) return "not_ours";
      return (await releaseHold(deps, order.id, "cancelled", "payment_failed")).moved ? "payment_failed" : "already_settled";
    }
    case "charge.refunded": {
      const charge = event.data.object;
      const paymentIntentId = typeof charge.payment_intent === "string" ? charge.payment_intent : charge.payment_intent?.id;
      if (!paymentIntentId) return "not_ours";
      return recordRefund(deps, paymentIntentId, charge.amount_refunded, charge.refunded);
    }
    default:
      return "ignored";
  }
}

/**
 * Applies one verified Stripe event. Every effect is an idempotent conditional transition, so
 * events may arrive twice, late or out of order. The event id is recorded (unique) only after
 * it has been applied: a failure part-way leaves it unrecorded, the route answers 5xx, and
 * Stripe's retry applies it again.
 */
export async function handleStripeEvent(deps: ServiceDeps, event: Stripe.Event): Promise<string> {
  if (await stripeEventSeen(deps.db, event.id)) return "duplicate";
  const outcome = await applyEvent(deps, event);
  await recordStripeEvent(deps.d1, event, deps.now());
  return outcome;
}
