import { DomainError } from "@/domain/errors";
import type { ServiceDeps } from "@/domain/deps";
import { releaseHold } from "@/domain/orders/settle";

/**
 * Opens a Stripe Checkout Session for a pending order: one line item per tier, the buyer's
 * email prefilled, the order id in metadata and client_reference_id, and an expiry at the end
 * of the hold. The idempotency key is per order, so a retried call returns the same session.
 * If Stripe cannot be reached the hold is released at once and the buyer asked to try again.
 */
export async function startCheckout(deps: ServiceDeps, orderId: string): Promise<string> {
  const order = await deps.db.order.findUniqueOrThrow({
    where: { id: orderId },
    include: { event: true, tickets: { include: { ticketType: true } } },
  });
  const lines = new Map<string, { name: string; unitAmount: number; quantity: number }>();
  for (const ticket of order.tickets) {
    const tier = ticket.ticketType;
    const line = lines.get(tier.id) ?? { name: `${order.event.title}: ${tier.name}`, unitAmount: ticket.pricePaidMinor, quantity: 0 };
    line.quantity++;
    lines.set(tier.id, line);
  }
  const metadata = { orderId: order.id, reference: order.reference };
  try {
    const session = await deps.stripe.checkout.sessions.create(
      {
        mode: "payment",
        line_items: [...lines.values()].map((l) => ({
          quantity: l.quantity,
          price_data: { currency: order.currency.toLowerCase(), unit_amount: l.unitAmount, product_data: { name: l.name } },
        })),
        customer_email: order.buyerEmail,
        client_reference_id: order.id,
        metadata,
        payment_intent_data: { metadata, description: `${order.reference}: ${order.event.title}` },
        expires_at: Math.floor(order.holdExpiresAt!.getTime() / 1000),
        success_url: `${deps.origin}/orders/${order.id}/complete?session_id={CHECKOUT_SESSION_ID}`,
        cancel_url: `${deps.origin}/orders/${order.id}/cancel`,
      },
      { idempotencyKey: `checkout-session-${order.id}` },
    );
    await deps.db.order.update({ where: { id: order.id }, data: { stripeSessionId: session.id } });
    if (!session.url) throw new Error("checkout_session_without_url");
    return session.url;
  } catch (err) {
    console.error(JSON.stringify({ level: "error", event: "checkout_session_failed", orderId, error: String(err) }));
    await releaseHold(deps, order.id, "cancelled");
    throw new DomainError("unavailable", { reason: "payment_start" });
  }
}
