import type { AgendaItem, Event, TicketType, Voucher } from "@/generated/prisma/client";
import { priceWithVoucher, voucherCovers } from "@/domain/orders/pricing";
import { viewInLanguage, type EventView } from "@/domain/events/public-event";
import { agendaTextFields, allVersions, eventTextFields, tierTextFields } from "@/domain/events/translations";
import { questionsJson } from "@/web/api/question-json";

// The organisers' texts are in `language` (the caller's, or the event's main language when the
// caller named none), each falling back to the main language where no version was written;
// `fallback` names the fields that did. `translations` has every version, the main one
// included, for integrations that show their own choice: { "en": { "title": … }, "es": { … } }.

const money = (amount: number, currency: string) => ({ amount, currency });

/** The fields whose text is in another language than `language` (its main one: there was no version). */
function fallbackOf(texts: { textLang: Record<string, string> }, language: string) {
  // The ticket email's subject is not in the API's answer (only in `translations`).
  const fields = Object.entries(texts.textLang).filter(([field, lang]) => lang !== language && field !== "ticketEmailSubject");
  return fields.length ? { fallback: Object.fromEntries(fields) } : {};
}

// A tier's `available` is what it can sell by its own quota (bounded by the event), null when
// only the event's places limit it: the event's places are said once, as the event's `available`.
// With a valid voucher (`?voucher=`), a tier it prices also has `voucherPrice`; the code itself is never in the answer.
function tierJson({ tier, quotaLeft, state, waitlist }: ReturnType<typeof viewInLanguage>["tiers"][number], original: TicketType, event: Event, language: string, voucher: Voucher | null) {
  const versions = allVersions(original, tierTextFields, event.mainLanguage);
  return {
    id: tier.id,
    name: tier.name,
    description: tier.description,
    price: money(tier.priceMinor, event.currency),
    ...(voucher && voucherCovers(voucher, tier.id) ? { voucherPrice: money(priceWithVoucher(tier.priceMinor, voucher), event.currency) } : {}),
    eligibility: tier.eligibility,
    ...(tier.eligibility === "declaration" ? { declaration: tier.declarationText } : {}),
    available: quotaLeft,
    state,
    waitlist,
    maxPerOrder: tier.maxPerOrder,
    ...fallbackOf(tier, language),
    translations: versions,
  };
}

/** An event in the API's list, its texts in `language`: the facts the list page shows, with every tier. */
export function eventSummaryJson(view: EventView, url: string, language: string) {
  const local = viewInLanguage(view, language);
  const { event } = local;
  const main = view.event.mainLanguage;
  return {
    slug: event.slug,
    language,
    mainLanguage: main,
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
    ...fallbackOf(event, language),
    translations: allVersions(view.event, eventTextFields, main),
    tiers: local.tiers.map((t, i) => tierJson(t, view.tiers[i]!.tier, view.event, language, view.voucher)),
  };
}

function agendaJson(item: ReturnType<typeof viewInLanguage>["agenda"][number], original: AgendaItem, main: string, language: string) {
  return {
    startsAt: item.startsAt.toISOString(),
    title: item.title,
    detail: item.detail,
    ...fallbackOf(item, language),
    translations: allVersions(original, agendaTextFields, main),
  };
}

/** One event in full, its texts in `language`: the summary plus its Markdown description and programme. */
export function eventDetailJson(view: EventView, url: string, language: string) {
  const local = viewInLanguage(view, language);
  return {
    ...eventSummaryJson(view, url, language),
    description: local.event.description,
    agenda: local.agenda.map((item, i) => agendaJson(item, view.agenda[i]!, view.event.mainLanguage, language)),
    questions: questionsJson(view.questions, view.event.mainLanguage, language),
  };
}
