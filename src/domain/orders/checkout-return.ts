import type { ServiceDeps } from "@/domain/deps";
import { getOrderForBuyer } from "@/domain/orders/settle";
import { endHold, settleFromSession } from "@/domain/orders/sweep";

/**
 * The buyer is back from Stripe's page. Nothing is marked paid on the buyer's say-so: a
 * pending order asks Stripe about its session and runs the same idempotent settlement as the
 * webhook. If Stripe cannot be reached the order stays as it is (the webhook will settle it,
 * and the page says it is waiting). Returns the order as it stands now.
 */
export async function orderAfterCheckout(deps: ServiceDeps, orderId: string) {
  const order = await getOrderForBuyer(deps, orderId);
  if (order.status !== "pending" || !order.stripeSessionId) return order;
  try {
    const session = await deps.stripe.checkout.sessions.retrieve(order.stripeSessionId);
    if (session.status !== "complete") return order;
    await settleFromSession(deps, order.id, session);
  } catch (err) {
    console.error(JSON.stringify({ level: "warn", event: "success_page_lookup_failed", orderId, error: String(err) }));
    return order;
  }
  return getOrderForBuyer(deps, orderId);
}

/**
 * The buyer left Stripe's page: end the session and free the seats, unless Stripe says it was
 * paid meanwhile. Returns the order as it stands now (paid, or cancelled with its event).
 */
export async function abandonCheckout(deps: ServiceDeps, orderId: string) {
  const order = await getOrderForBuyer(deps, orderId);
  if (order.status === "pending") await endHold(deps, order.id, order.stripeSessionId, "cancelled");
  return getOrderForBuyer(deps, orderId);
}
