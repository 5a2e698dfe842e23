import type { Event, TicketType } from "@/generated/prisma/client";

/** Why a tier can or cannot be bought right now. */
export type SaleState = "on_sale" | "sold_out" | "not_yet_on_sale" | "sales_closed" | "event_cancelled" | "event_over";

/**
 * How many people wait for seats (src/domain/waitlist), read beside the counters: for a tier,
 * those waiting for it; for an event, those waiting only for its capacity. While anyone waits,
 * freed seats are theirs, so none are on sale to others. Absent means nobody.
 */
export type Waiting = { waiting?: number; waitingForEvent?: number };

/** Seats left for the whole event; null when it has no capacity limit. */
export function eventSeatsLeft(event: Pick<Event, "capacity" | "soldCount" | "heldCount"> & Waiting): number | null {
  if (event.capacity === null) return null;
  if (event.waitingForEvent) return 0;
  return Math.max(0, event.capacity - event.soldCount - event.heldCount);
}

/** Seats left for a tier: the smaller of its quota and the event's capacity; null when neither limits it. */
export function tierSeatsLeft(
  event: Pick<Event, "capacity" | "soldCount" | "heldCount"> & Waiting,
  tier: Pick<TicketType, "quota" | "soldCount" | "heldCount"> & Waiting,
): number | null {
  if (tier.waiting) return 0;
  const eventLeft = eventSeatsLeft(event);
  const tierLeft = tier.quota === null ? null : Math.max(0, tier.quota - tier.soldCount - tier.heldCount);
  if (eventLeft === null) return tierLeft;
  if (tierLeft === null) return eventLeft;
  return Math.min(eventLeft, tierLeft);
}

function windowState(start: Date | null, end: Date | null, now: Date): SaleState | null {
  if (start && now < start) return "not_yet_on_sale";
  if (end && now >= end) return "sales_closed";
  return null;
}

/** The state of a tier at `now`, checking the event first, then both sales windows, then seats. */
export function tierSaleState(
  event: Pick<Event, "status" | "endsAt" | "startsAt" | "salesStartAt" | "salesEndAt" | "capacity" | "soldCount" | "heldCount"> & Waiting,
  tier: Pick<TicketType, "salesStartAt" | "salesEndAt" | "quota" | "soldCount" | "heldCount"> & Waiting,
  now: Date,
): SaleState {
  if (event.status === "cancelled") return "event_cancelled";
  if (event.status === "archived" || now >= event.endsAt) return "event_over";
  const salesEnd = event.salesEndAt ?? event.startsAt;
  return (
    windowState(event.salesStartAt, salesEnd, now) ??
    windowState(tier.salesStartAt, tier.salesEndAt, now) ??
    (tierSeatsLeft(event, tier) === 0 ? "sold_out" : "on_sale")
  );
}
