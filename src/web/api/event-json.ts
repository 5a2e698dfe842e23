import type { AgendaItem } from "@/generated/prisma/client";
import type { EventView, TierView } from "@/domain/events/public-event";

const money = (amount: number, currency: string) => ({ amount, currency });

// A tier's `available` is what it can sell by its own quota (bounded by the event), null when
// only the event's places limit it: the event's places are said once, as the event's `available`.
function tierJson({ tier, quotaLeft, state }: TierView, currency: string) {
  return {
    id: tier.id,
    name: tier.name,
    description: tier.description,
    price: money(tier.priceMinor, currency),
    eligibility: tier.eligibility,
    ...(tier.eligibility === "declaration" ? { declaration: tier.declarationText } : {}),
    available: quotaLeft,
    state,
    maxPerOrder: tier.maxPerOrder,
  };
}

/** An event in the API's list: the facts the list page shows, with every tier. */
export function eventSummaryJson(view: EventView, url: string) {
  const { event } = view;
  return {
    slug: event.slug,
    title: event.title,
    summary: event.summary,
    status: event.status,
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt.toISOString(),
    doorsOpenAt: event.doorsOpenAt?.toISOString() ?? null,
    timezone: event.timezone,
    venue: { name: event.venueName, address: event.venueAddress },
    currency: event.currency,
    priceRange: view.priceRange
      ? { min: money(view.priceRange.min, event.currency), max: money(view.priceRange.max, event.currency) }
      : null,
    available: view.placesLeft,
    onSale: view.onSale,
    soldOut: view.soldOut,
    url,
    tiers: view.tiers.map((t) => tierJson(t, event.currency)),
  };
}

function agendaJson(item: AgendaItem) {
  return { startsAt: item.startsAt.toISOString(), title: item.title, detail: item.detail };
}

/** One event in full: the summary plus its Markdown description and programme. */
export function eventDetailJson(view: EventView, url: string) {
  return {
    ...eventSummaryJson(view, url),
    description: view.event.description,
    agenda: view.agenda.map(agendaJson),
  };
}
