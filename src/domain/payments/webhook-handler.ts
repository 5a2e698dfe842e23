import type Stripe from "stripe";
import type { ServiceDeps } from "@/domain/deps";
import { findEventSeenAndOrderSession, recordStripeEvent, type OrderSession } from "@/domain/payments/repo";
import { recordRefund, releaseHold, settlePayment } from "@/domain/orders/settle";
import { settleFromSession } from "@/domain/orders/sweep";

/** The order id a Checkout Session event names (its metadata, else its client reference); null for other events. */
function sessionOrderId(event: Stripe.Event): string | null {
  if (!event.type.startsWith("checkout.session.")) return null;
  const session = event.data.object as Stripe.Checkout.Session;
  return session.metadata?.orderId ?? session.client_reference_id ?? null;
}

/** The order a Checkout Session belongs to (`order`, read with the event's id), if it is one of ours and the session is current. */
function orderForSession(order: OrderSession | null, session: Stripe.Checkout.Session) {
  if (!order) return null;
  // A session we replaced (none today, but never trust a stale one) does not move the order.
  if (order.stripeSessionId && order.stripeSessionId !== session.id) return null;
  return order;
}

function paymentIntentOf(session: Stripe.Checkout.Session) {
  return typeof session.payment_intent === "string" ? session.payment_intent : (session.payment_intent?.id ?? null);
}

async function applyEvent(deps: ServiceDeps, event: Stripe.Event, named: OrderSession | null): Promise<string> {
  switch (event.type) {
    case "checkout.session.completed":
    case "checkout.session.expired": {
      const order = orderForSession(named, event.data.object);
      return order ? settleFromSession(deps, order.id, event.data.object, event) : "not_ours";
    }
    case "checkout.session.async_payment_succeeded": {
      const session = event.data.object;
      const order = orderForSession(named, session);
      return order ? settlePayment(deps, order.id, { paymentIntentId: paymentIntentOf(session), amountMinor: session.amount_total ?? 0 }, event) : "not_ours";
    }
    case "checkout.session.async_payment_failed": {
      const order = orderForSession(named, event.data.object);
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
 * events may arrive twice, late or out of order. The event id is recorded (unique) only once
 * it has been applied: a failure part-way leaves it unrecorded, the route answers 5xx, and
 * Stripe's retry applies it again. A fulfilment records it in its own batch (settlePayment's
 * "fulfilled"), atomically with the order's move; any other outcome records it after.
 */
export async function handleStripeEvent(deps: ServiceDeps, event: Stripe.Event): Promise<string> {
  const { seen, order } = await findEventSeenAndOrderSession(deps.d1, event.id, sessionOrderId(event));
  if (seen) return "duplicate";
  const outcome = await applyEvent(deps, event, order);
  if (outcome !== "fulfilled") await recordStripeEvent(deps.d1, event, deps.now());
  return outcome;
}
