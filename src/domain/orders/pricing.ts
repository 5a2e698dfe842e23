// Every price the app charges is computed here, from the tiers chosen and the voucher given, so
// that the order total, each ticket's recorded price and the Stripe line items always agree.

/** What a ticket's price depends on: its tier. */
export type PricedTier = { id: string; priceMinor: number };

/** Why an order is priced the way it is. `complimentary`: an organiser's free place. */
export type PriceBasis = "standard" | "complimentary";

/**
 * A voucher as pricing sees it. `percent` takes `value`% off, `amount` takes `value` minor
 * units off (never below nothing), `fixed` makes the price `value` (never above the tier's),
 * `unlock` only opens a hidden tier at its own price. It prices the tickets of `tierId` (null:
 * every tier), at most `maxPerOrder` of them (null: all), in the order they were given.
 */
export type PricingVoucher = { kind: string; value: number; ticketTypeId: string | null; maxPerOrder: number | null };

/** An order's prices, in minor units of `currency`. */
export type OrderPrice = {
  currency: string;
  /** One price per ticket, in the order the tickets were given (after any voucher). */
  tickets: number[];
  /** What the voucher took off each ticket (0 for those it did not price). */
  discounts: number[];
  /** Which tickets the voucher priced (they count against its seat budget). */
  vouchered: boolean[];
  totalMinor: number;
  /** Everything the voucher took off. */
  discountMinor: number;
  /** Nothing to pay: the order is confirmed at once, with no payment step. */
  free: boolean;
};

/** The price of one ticket of `tier`. */
export function ticketPrice(tier: PricedTier, basis: PriceBasis = "standard"): number {
  return basis === "complimentary" ? 0 : tier.priceMinor;
}

/** Whether `voucher` prices tickets of `tierId`. */
export const voucherCovers = (voucher: Pick<PricingVoucher, "ticketTypeId">, tierId: string) => voucher.ticketTypeId === null || voucher.ticketTypeId === tierId;

/** A tier price after a voucher. */
export function priceWithVoucher(priceMinor: number, voucher: Pick<PricingVoucher, "kind" | "value">): number {
  switch (voucher.kind) {
    case "percent":
      return priceMinor - Math.round((priceMinor * Math.min(100, Math.max(0, voucher.value))) / 100);
    case "amount":
      return Math.max(0, priceMinor - voucher.value);
    case "fixed":
      return Math.min(priceMinor, Math.max(0, voucher.value));
    default:
      return priceMinor;
  }
}

/** Prices an order of one ticket per entry of `tiers`, with an optional voucher. */
export function priceOrder(currency: string, tiers: readonly PricedTier[], basis: PriceBasis = "standard", voucher: PricingVoucher | null = null): OrderPrice {
  let left = voucher?.maxPerOrder ?? Infinity;
  const vouchered = tiers.map((tier) => {
    if (!voucher || basis === "complimentary" || left <= 0 || !voucherCovers(voucher, tier.id)) return false;
    left--;
    return true;
  });
  const listed = tiers.map((tier) => ticketPrice(tier, basis));
  const tickets = listed.map((price, i) => (vouchered[i] ? priceWithVoucher(price, voucher!) : price));
  const discounts = listed.map((price, i) => price - tickets[i]!);
  const totalMinor = tickets.reduce((sum, price) => sum + price, 0);
  const discountMinor = discounts.reduce((sum, d) => sum + d, 0);
  return { currency, tickets, discounts, vouchered, totalMinor, discountMinor, free: totalMinor === 0 };
}

/** A payment line: one per tier and price, with how many tickets it covers and what each had taken off. */
export type PriceLine = { tierId: string; unitMinor: number; quantity: number; discountMinor: number };

/** Groups priced tickets into payment lines (Stripe Checkout line items), in first-seen order. */
export function priceLines(tickets: ReadonlyArray<{ tierId: string; priceMinor: number; discountMinor?: number }>): PriceLine[] {
  const lines = new Map<string, PriceLine>();
  for (const t of tickets) {
    const discountMinor = t.discountMinor ?? 0;
    const key = `${t.tierId}:${t.priceMinor}:${discountMinor}`;
    const line = lines.get(key) ?? { tierId: t.tierId, unitMinor: t.priceMinor, quantity: 0, discountMinor };
    line.quantity++;
    lines.set(key, line);
  }
  return [...lines.values()];
}
