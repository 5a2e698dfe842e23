import { DomainError } from "@/domain/errors";
import type { ServiceDeps } from "@/domain/deps";
import { priceLines } from "@/domain/orders/pricing";
import { findOrderWithTickets, setStripeSession } from "@/domain/orders/repo";
import { releaseHold } from "@/domain/orders/settle";
import { HOLD_MINUTES } from "@/domain/orders/place-order";

/**
 * Opens a Stripe Checkout Session for a pending order: one line item per tier, the buyer's
 * email prefilled, the order id in metadata and client_reference_id. The order's short first
 * hold is extended to HOLD_MINUTES from now, and the session expires with it. The idempotency key is per order, so a retried call returns the same session.
 * If Stripe cannot be reached the hold is released at once and the buyer asked to try again.
 */
export async function startCheckout(deps: ServiceDeps, orderId: string): Promise<{ url: string; holdExpiresAt: Date }> {
  const holdExpiresAt = new Date(deps.now().getTime() + HOLD_MINUTES * 60_000);
  const order = await findOrderWithTickets(deps.db, orderId);
  if (!order) throw new DomainError("not_found", { what: "order" });
  const tierNames = new Map(order.tickets.map((t) => [t.ticketTypeId, t.ticketType.name]));
  const lines = priceLines(order.tickets.map((t) => ({ tierId: t.ticketTypeId, priceMinor: t.pricePaidMinor })));
  const metadata = { orderId: order.id, reference: order.reference };
  try {
    const session = await deps.stripe.checkout.sessions.create(
      {
        mode: "payment",
        line_items: lines.map((l) => ({
          quantity: l.quantity,
          price_data: { currency: order.currency.toLowerCase(), unit_amount: l.unitMinor, product_data: { name: `${order.event.title}: ${tierNames.get(l.tierId)}` } },
        })),
        customer_email: order.buyerEmail,
        client_reference_id: order.id,
        metadata,
        payment_intent_data: { metadata, description: `${order.reference}: ${order.event.title}` },
        expires_at: Math.floor(holdExpiresAt.getTime() / 1000),
        success_url: `${deps.origin}/orders/${order.id}/complete?session_id={CHECKOUT_SESSION_ID}`,
        cancel_url: `${deps.origin}/orders/${order.id}/cancel`,
      },
      { idempotencyKey: `checkout-session-${order.id}` },
    );
    await setStripeSession(deps.db, order.id, session.id, holdExpiresAt);
    if (!session.url) throw new Error("checkout_session_without_url");
    return { url: session.url, holdExpiresAt };
  } catch (err) {
    console.error(JSON.stringify({ level: "error", event: "checkout_session_failed", orderId, error: String(err) }));
    await releaseHold(deps, order.id, "cancelled");
    throw new DomainError("unavailable", { reason: "payment_start" });
  }
}
