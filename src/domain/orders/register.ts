import type { ServiceDeps } from "@/domain/deps";
import type { OrderInput } from "@/domain/orders/input";
import { placeOrder, type PlacedOrder } from "@/domain/orders/place-order";

export type Registration = { order: PlacedOrder; checkoutUrl: string | undefined };

/**
 * The whole registration step shared by the form and the API: place the order (holding seats
 * for the short first hold, or confirming at once when free). An order with something to pay
 * gets our own pay page as `checkoutUrl`: the Checkout Session is opened (and the hold
 * extended) only when the buyer gets there. `client` names who is asking (CF-Connecting-IP,
 * or "local"), for the per-client hold limits. `speaks` is the buyer's language (the order's
 * emails and payment page speak it) and the languages an input may ask for.
 */
export async function register(deps: ServiceDeps, slug: string, input: OrderInput, client: string, speaks: { language: string; languages: readonly string[] } = { language: "en", languages: ["en"] }): Promise<Registration> {
  const order = await placeOrder(deps, slug, input, { source: "online", client, ...speaks });
  if (order.status === "paid") return { order, checkoutUrl: undefined };
  return { order, checkoutUrl: `${deps.origin}/orders/${order.id}/pay` };
}
