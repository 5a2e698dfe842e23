// The event's rules for attendees changing their own registration: until when they may, and
// how much a ticket they cancel gives back. Pure functions of the stored settings and a clock.
import type { Event } from "@/generated/prisma/client";

/** How a ticket cancelled by its holder is refunded. */
export const refundPolicies = ["none", "full_until", "minus_fee"] as const;
export type RefundPolicy = (typeof refundPolicies)[number];

/** The settings the rules read (columns of Event). */
export type SelfServiceSettings = Pick<Event, "startsAt" | "refundPolicy" | "refundUntil" | "refundFeeMinor" | "changesCutoffHours">;

const HOUR = 3_600_000;

/** A stored policy, read safely (an unknown value is treated as "none": never refund by mistake). */
export const policyOf = (event: Pick<Event, "refundPolicy">): RefundPolicy =>
  (refundPolicies as readonly string[]).includes(event.refundPolicy) ? (event.refundPolicy as RefundPolicy) : "none";

/** The last moment attendees may change a name, transfer or cancel. */
export const changesCutoff = (event: Pick<Event, "startsAt" | "changesCutoffHours">): Date =>
  new Date(event.startsAt.getTime() - Math.max(0, event.changesCutoffHours) * HOUR);

/** True while attendees may still change their registration themselves. */
export const changesOpen = (event: Pick<Event, "startsAt" | "changesCutoffHours">, now: Date): boolean => now.getTime() < changesCutoff(event).getTime();

/**
 * What cancelling a ticket that cost `pricePaidMinor` gives back at `now`, by the event's policy:
 * - `none`: nothing (the ticket can still be cancelled, freeing the seat for someone else);
 * - `full_until`: the whole price until `refundUntil` (inclusive), nothing after;
 * - `minus_fee`: the price less the fee, never below zero.
 * The money actually paid online caps it (see `refundable`).
 */
export function refundFor(event: SelfServiceSettings, pricePaidMinor: number, now: Date): number {
  const price = Math.max(0, pricePaidMinor);
  switch (policyOf(event)) {
    case "full_until":
      return event.refundUntil && now.getTime() <= event.refundUntil.getTime() ? price : 0;
    case "minus_fee":
      return Math.max(0, price - Math.max(0, event.refundFeeMinor));
    default:
      return 0;
  }
}

/**
 * What can really go back to the buyer: nothing for an order not paid online (complimentary,
 * pay at the door), and never more than is left unrefunded.
 */
export function refundable(order: { stripePaymentIntentId: string | null; totalMinor: number; refundedMinor: number }, wanted: number): number {
  if (!order.stripePaymentIntentId) return 0;
  return Math.max(0, Math.min(wanted, order.totalMinor - order.refundedMinor));
}
