import type { ServiceDeps } from "@/domain/deps";
import type { OrderInput } from "@/domain/orders/input";
import { placeOrder, type PlacedOrder } from "@/domain/orders/place-order";
import { startCheckout } from "@/domain/orders/checkout";

export type Registration = { order: PlacedOrder; checkoutUrl: string | undefined };

/**
 * The whole registration step shared by the form and the API: place the order (holding seats,
 * or confirming at once when free), then open Stripe Checkout for anything to pay. `client`
 * names who is asking (CF-Connecting-IP, or "local"), for the per-client hold limits.
 */
export async function register(deps: ServiceDeps, slug: string, input: OrderInput, client: string): Promise<Registration> {
  const order = await placeOrder(deps, slug, input, { source: "online", client });
  if (order.status === "paid") return { order, checkoutUrl: undefined };
  const checkout = await startCheckout(deps, order.id);
  return { order: { ...order, holdExpiresAt: checkout.holdExpiresAt }, checkoutUrl: checkout.url };
}
