import type { ServiceDeps } from "@/domain/deps";
import type { OrderInput } from "@/domain/orders/input";
import { placeOrder, type PlacedOrder } from "@/domain/orders/place-order";
import { startCheckout } from "@/domain/orders/checkout";

export type Registration = { order: PlacedOrder; checkoutUrl: string | undefined };

/**
 * The whole registration step shared by the form and the API: place the order (holding seats,
 * or confirming at once when free), then open Stripe Checkout for anything to pay.
 */
export async function register(deps: ServiceDeps, slug: string, input: OrderInput): Promise<Registration> {
  const order = await placeOrder(deps, slug, input);
  if (order.status === "paid") return { order, checkoutUrl: undefined };
  return { order, checkoutUrl: await startCheckout(deps, order.id) };
}
