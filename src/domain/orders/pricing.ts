// Every price the app charges is computed here, from the tiers chosen (and later vouchers), so
// that the order total, each ticket's recorded price and the Stripe line items always agree.

/** What a ticket's price depends on today: its tier. */
export type PricedTier = { id: string; priceMinor: number };

/** Why an order is priced the way it is. `complimentary`: an organiser's free place. */
export type PriceBasis = "standard" | "complimentary";

/** An order's prices, in minor units of `currency`. */
export type OrderPrice = {
  currency: string;
  /** One price per ticket, in the order the tickets were given. */
  tickets: number[];
  totalMinor: number;
  /** Nothing to pay: the order is confirmed at once, with no payment step. */
  free: boolean;
};

/** The price of one ticket of `tier`. */
export function ticketPrice(tier: PricedTier, basis: PriceBasis = "standard"): number {
  return basis === "complimentary" ? 0 : tier.priceMinor;
}

/** Prices an order of one ticket per entry of `tiers`. */
export function priceOrder(currency: string, tiers: readonly PricedTier[], basis: PriceBasis = "standard"): OrderPrice {
  const tickets = tiers.map((tier) => ticketPrice(tier, basis));
  const totalMinor = tickets.reduce((sum, price) => sum + price, 0);
  return { currency, tickets, totalMinor, free: totalMinor === 0 };
}

/** A payment line: one per tier and price, with how many tickets it covers. */
export type PriceLine = { tierId: string; unitMinor: number; quantity: number };

/** Groups priced tickets into payment lines (Stripe Checkout line items), in first-seen order. */
export function priceLines(tickets: ReadonlyArray<{ tierId: string; priceMinor: number }>): PriceLine[] {
  const lines = new Map<string, PriceLine>();
  for (const t of tickets) {
    const key = `${t.tierId}:${t.priceMinor}`;
    const line = lines.get(key) ?? { tierId: t.tierId, unitMinor: t.priceMinor, quantity: 0 };
    line.quantity++;
    lines.set(key, line);
  }
  return [...lines.values()];
}
