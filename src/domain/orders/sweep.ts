import type Stripe from "stripe";
import type { ServiceDeps } from "@/domain/deps";
import { findExpiredHolds, holdUntilPaymentSettles } from "@/domain/orders/repo";
import { releaseHold, settlePayment } from "@/domain/orders/settle";
import type { StripeEventRef } from "@/domain/payments/repo";

/** How far past its expiry a hold may run before the sweep ends it (lets a last webhook land first). */
const GRACE_MS = 60_000;

/**
 * Decides a pending order whose Stripe session is no longer open: paid → fulfil (or refund if
 * late), still processing (bank debits) → keep the hold, anything else → release.
 */
export async function settleFromSession(deps: ServiceDeps, orderId: string, session: Stripe.Checkout.Session, stripeEvent?: StripeEventRef) {
  const paymentIntentId = typeof session.payment_intent === "string" ? session.payment_intent : (session.payment_intent?.id ?? null);
  if (session.status === "complete" && session.payment_status !== "unpaid") {
    return settlePayment(deps, orderId, { paymentIntentId, amountMinor: session.amount_total ?? 0 }, stripeEvent);
  }
  if (session.status === "complete") {
    // Payment is processing (e.g. a bank debit): keep the seats until Stripe says how it ended.
    await holdUntilPaymentSettles(deps.d1, orderId);
    return "awaiting_async_payment" as const;
  }
  return (await releaseHold(deps, orderId, "expired")).moved ? ("expired" as const) : ("already_settled" as const);
}

/**
 * The scheduled hold-expiry sweep. For each pending order past its hold, it first asks Stripe
 * to expire the session (so the buyer can no longer pay), then releases the seats; a session
 * that turns out to have been paid is fulfilled instead. Safe to run twice at once: every
 * change is a conditional transition.
 */
export async function sweepExpiredHolds(deps: ServiceDeps, limit = 100) {
  const cutoff = new Date(deps.now().getTime() - GRACE_MS);
  const due = await findExpiredHolds(deps.d1, cutoff, limit);
  const outcomes: Record<string, number> = {};
  for (const order of due) {
    let outcome: string;
    try {
      outcome = await endHold(deps, order.id, order.stripeSessionId, "expired");
    } catch (err) {
      // Stripe unreachable, say: leave the order for the next run.
      console.error(JSON.stringify({ level: "error", event: "hold_sweep_failed", orderId: order.id, error: String(err) }));
      outcome = "error";
    }
    outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
  }
  return outcomes;
}

/**
 * Ends a pending order's hold: asks Stripe to expire its session first (so the buyer can no
 * longer pay), then settles from what Stripe says, so a session paid meanwhile is fulfilled.
 * Without a session the hold is released as `status`. Used by the sweep and the cancel page.
 */
export async function endHold(deps: ServiceDeps, orderId: string, sessionId: string | null, status: "expired" | "cancelled"): Promise<string> {
  if (!sessionId) return (await releaseHold(deps, orderId, status)).moved ? status : "already_settled";
  let session: Stripe.Checkout.Session;
  try {
    session = await deps.stripe.checkout.sessions.expire(sessionId);
  } catch {
    // Not open any more (paid, expired, or processing): look at what happened.
    session = await deps.stripe.checkout.sessions.retrieve(sessionId);
  }
  return settleFromSession(deps, orderId, session);
}
