import type { AgendaItem, Event, Question, TicketType, Voucher } from "@/generated/prisma/client";
import type { ServiceDeps } from "@/domain/deps";
import { DomainError } from "@/domain/errors";
import { tierVisible, voucherRefusal } from "@/domain/vouchers/rules";
import { findVoucher } from "@/domain/vouchers/repo";
import { lookUpVoucher, type VoucherLook } from "@/domain/vouchers/reveal";
import { eventSeatsLeft, tierSaleState, tierSeatsLeft, type SaleState } from "@/domain/events/availability";
import { readEventBySlug, readPublishedEventsEndingAfter } from "@/domain/events/repo";
import {
  agendaInLanguage,
  eventInLanguage,
  tierInLanguage,
  type LocalizedAgendaItem,
  type LocalizedEvent,
  type LocalizedTier,
} from "@/domain/events/translations";

export type TierView = {
  tier: TicketType;
  /** How many one order may take now: the tier's quota and the event's places both count. */
  available: number | null;
  /** What the tier itself can still sell: its quota left, bounded by the event's places; null without a quota. */
  quotaLeft: number | null;
  state: SaleState;
  /** One may join the tier's waiting list now: it is sold out and the event's list is on. */
  waitlist: boolean;
};

export type EventView = {
  event: Event;
  tiers: TierView[];
  agenda: AgendaItem[];
  /** The questions still asked when registering, in their order. */
  questions: Question[];
  /** The event's places left, shared by every tier; null without a capacity. */
  placesLeft: number | null;
  /** Cheapest and dearest tier; null when the event has no tiers. */
  priceRange: { min: number; max: number } | null;
  /** Published, not over, and no tier that is or will be on sale has a seat. */
  soldOut: boolean;
  /** True while at least one tier can be bought now. */
  onSale: boolean;
  /** True while at least one tier's waiting list can be joined. */
  waitlistOpen: boolean;
  /** The valid voucher the view was seen with (its hidden tier shown, its prices for the taking), or null. */
  voucher: Voucher | null;
};

type EventWithRelations = Event & { ticketTypes: TicketType[]; agenda: AgendaItem[]; questions?: Question[] };

/**
 * An event with its tiers' seats and sale states at `now`, as the pages and the API show it.
 * Hidden tiers are left out, but for the one a valid unlock `voucher` reveals.
 */
export function toView(event: EventWithRelations, now: Date, voucher: Voucher | null = null): EventView {
  const visible = event.ticketTypes.filter((tier) => tierVisible(tier, voucher));
  const tiers = visible.map((tier) => {
    const state = tierSaleState(event, tier, now);
    return {
      tier,
      available: tierSeatsLeft(event, tier),
      quotaLeft: tier.quota === null ? null : tierSeatsLeft(event, tier),
      state,
      waitlist: event.waitlistEnabled && !tier.hidden && state === "sold_out",
    };
  });
  const prices = visible.map((t) => t.priceMinor);
  const sellable = tiers.filter((t) => t.state === "on_sale" || t.state === "not_yet_on_sale" || t.state === "sold_out");
  const { ticketTypes: _tiers, agenda, questions = [], ...rest } = event;
  return {
    event: rest as Event,
    tiers,
    agenda,
    questions,
    placesLeft: eventSeatsLeft(event),
    priceRange: prices.length ? { min: Math.min(...prices), max: Math.max(...prices) } : null,
    soldOut: sellable.length > 0 && sellable.every((t) => t.state === "sold_out"),
    onSale: tiers.some((t) => t.state === "on_sale"),
    waitlistOpen: tiers.some((t) => t.waitlist),
    voucher,
  };
}

/** Published events that have not ended, soonest first. */
export async function listUpcomingEvents(d1: D1Database, now: Date): Promise<EventView[]> {
  const events = await readPublishedEventsEndingAfter(d1, now);
  return events.map((e) => toView(e, now));
}

/**
 * An event as the public may see it: published, cancelled (shown as cancelled) or archived
 * (shown as past). Drafts do not exist for the public.
 */
export async function getPublicEvent(d1: D1Database, slug: string, now: Date, voucherCode?: string): Promise<EventView> {
  const event = await readEventBySlug(d1, slug);
  if (!event || event.status === "draft") {
    throw new DomainError("not_found", { what: "event", next: "event_moved" });
  }
  return toView(event, now, voucherCode ? await validVoucher(d1, event, voucherCode, now) : null);
}

/**
 * The voucher `code` names when it may be used now, or null; for a form sent back with a code
 * (placing the order checks it again, and spends the guess), never to reveal anything new.
 */
async function validVoucher(d1: D1Database, event: { id: string; ticketTypes: TicketType[] }, code: string, now: Date): Promise<Voucher | null> {
  const voucher = await findVoucher(d1, event.id, code);
  return voucherRefusal(voucher, event.ticketTypes.filter((t) => tierVisible(t, voucher)).map((t) => t.id), now) ? null : voucher;
}

/**
 * An event as getPublicEvent gives it, seen with a voucher code the reader typed (the event
 * page's `?voucher=`, the API's): the code is checked as ordering checks it, and spends a
 * guess from the same budget, so codes cannot be found by trying them here. A valid unlock
 * code reveals its hidden tier; an invalid one reveals nothing and says why (`look.refusal`).
 */
export async function getPublicEventWithVoucher(deps: ServiceDeps, slug: string, code: string, client: string, now: Date): Promise<{ view: EventView; look: VoucherLook }> {
  const event = await readEventBySlug(deps.d1, slug);
  if (!event || event.status === "draft") {
    throw new DomainError("not_found", { what: "event", next: "event_moved" });
  }
  const look = await lookUpVoucher(deps, event, code, client, now);
  return { view: toView(event, now, look.voucher), look };
}

/** An event view with the organisers' texts in `lang` (see translations.ts). */
export type LocalizedEventView = Omit<EventView, "event" | "tiers" | "agenda"> & {
  event: LocalizedEvent;
  tiers: (Omit<TierView, "tier"> & { tier: LocalizedTier })[];
  agenda: LocalizedAgendaItem[];
};

/** `view` with every organiser text in `lang`, the event's main language where none was written. */
export function viewInLanguage(view: EventView, lang: string): LocalizedEventView {
  const main = view.event.mainLanguage;
  return {
    ...view,
    event: eventInLanguage(view.event, lang),
    tiers: view.tiers.map((t) => ({ ...t, tier: tierInLanguage(t.tier, lang, main) })),
    agenda: view.agenda.map((item) => agendaInLanguage(item, lang, main)),
  };
}
