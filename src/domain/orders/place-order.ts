import type { Event, Question, TicketType, Voucher, WaitlistEntry } from "@/generated/prisma/client";
import { checkAnswers, type CheckedAnswer } from "@/domain/questions/answers";
import { insertAnswerStatements } from "@/domain/questions/repo";
import { DomainError, type DomainErrorParams, type VoucherRefusal } from "@/domain/errors";
import { issue, type Alternative, type FieldIssue, type FieldIssues } from "@/domain/issues";
import { newId } from "@/lib/ids";
import { randomToken } from "@/lib/tokens";
import { eventSeatsLeft, tierSaleState } from "@/domain/events/availability";
import type { ServiceDeps } from "@/domain/deps";
import { checkEligibility } from "@/domain/orders/eligibility";
import { spendGuesses } from "@/domain/orders/guessing";
import { ruleInputSchema, type OrderInput } from "@/domain/orders/input";
import { newOrderReference } from "@/domain/orders/reference";
import { runBatch } from "@/domain/batch";
import { findEventWithTiersBySlug } from "@/domain/events/repo";
import { priceOrder } from "@/domain/orders/pricing";
import { firstHoldEnd, HOLD_LIMIT_EXCEEDED, MEMBERSHIP_LIMIT_EXCEEDED, placeOrderStatements, type NewOrder } from "@/domain/orders/repo";
import { sha256Hex } from "@/lib/hash";
import { CAPACITY_EXCEEDED, tookLastSeats } from "@/domain/orders/seats";
import { tierVisible, voucherRefusal } from "@/domain/vouchers/rules";
import { VOUCHER_EXHAUSTED } from "@/domain/vouchers/repo";
import { offerRefusal } from "@/domain/waitlist/offers";
import { findEntryByOfferToken, OFFER_GONE, offerRoundStatements } from "@/domain/waitlist/repo";

/** How long seats are held while the buyer pays. Stripe needs a session to last at least 30 minutes. */
export const HOLD_MINUTES = 35;

/**
 * The first hold of a new order, until the buyer opens the pay page (openPayment extends it to
 * HOLD_MINUTES): an order that never reaches the payment page gives its seats back soon.
 */
export const FIRST_HOLD_MINUTES = 10;

/** An event as placing an order reads it: with the voucher and waiting-list offer the buyer named, if any. */
type EventWithTiers = Event & { ticketTypes: TicketType[]; questions?: Question[]; voucher?: Voucher | null; offer?: WaitlistEntry | null };

/** The cheapest tier anyone may buy now: what to offer someone whose membership was not found. */
export function openAlternative(event: EventWithTiers, now: Date): TicketType | undefined {
  return event.ticketTypes
    .filter((t) => t.eligibility === "open" && !t.hidden && tierSaleState(event, t, now) === "on_sale")
    .sort((a, b) => a.priceMinor - b.priceMinor)[0];
}

function salesClosedReason(event: Event, now: Date): DomainErrorParams["sales_closed"]["reason"] | undefined {
  if (event.status === "cancelled") return "event_cancelled";
  if (event.status !== "published") return "not_open";
  if (now >= event.endsAt || now >= (event.salesEndAt ?? event.startsAt)) return "closed";
  if (event.salesStartAt && now < event.salesStartAt) return "not_yet_open";
  return undefined;
}

/**
 * Whether `total` tickets may be chosen in one order of `event`: asked of the event page's
 * quantities before the names form, and of the order itself. Null when they may.
 */
export function orderSizeIssue(event: Pick<Event, "maxPerOrder">, total: number): FieldIssue | null {
  if (total < 1) return issue("quantity_required");
  if (total > event.maxPerOrder) return issue("order_too_many_people", { max: event.maxPerOrder });
  return null;
}

/** Only a hash of a client's address is kept, and only to count its holds and guesses. */
export const clientKeyOf = (client: string) => sha256Hex(`client:${client}`);

/**
 * Checks tiers, limits and eligibility; throws one DomainError listing every field to fix.
 * An online client (`clientKey`) spends a guess per access code or membership it tries.
 */
async function planOrder(deps: ServiceDeps, event: EventWithTiers, input: OrderInput, now: Date, clientKey: string | null, languages: readonly string[] | undefined, online = true) {
  const closed = salesClosedReason(event, now);
  if (closed) throw new DomainError("sales_closed", { reason: closed });
  const { fields, lines, checks, instead, answers } = await checkOrder(deps, event, input, now, clientKey, online);
  if (languages) Object.assign(fields, languageIssues(input, languages));
  const problems = Object.keys(fields);
  if (problems.length === 1 && fields.voucher?.code === "voucher_invalid") throw new DomainError("voucher_invalid", fields.voucher.params as { reason: VoucherRefusal }, fields);
  if (problems.length) throw new DomainError("invalid", {}, fields);
  const planned = lines.map((line, j) => {
    const passed = checks[j] as { answer: string | null; membershipKeys?: string[] };
    return { ...line, answer: passed.answer, membershipKeys: passed.membershipKeys, instead };
  });
  return { lines: planned, answers };
}

/** Languages asked for (the buyer's, an attendee's) that we have no catalogue for. */
export function languageIssues(input: { language?: unknown; tickets?: unknown }, languages: readonly string[]): FieldIssues {
  const fields: FieldIssues = {};
  const unknown = (value: unknown) => typeof value === "string" && value !== "" && !languages.includes(value);
  if (unknown(input.language)) fields.language = issue("not_allowed");
  if (Array.isArray(input.tickets)) {
    input.tickets.forEach((ticket: unknown, i) => {
      if (ticket && typeof ticket === "object" && unknown((ticket as { language?: unknown }).language)) fields[`tickets.${i}.language`] = issue("not_allowed");
    });
  }
  return fields;
}

/**
 * The rules' issues with whatever of `raw` can be read, for a registration the schema refused:
 * the edge lists them beside the schema's, so a person sees every problem at once. None when
 * the event is not on sale (placing the order then says why).
 */
export async function orderRuleIssues(deps: ServiceDeps, slug: string, raw: unknown, client: string): Promise<FieldIssues> {
  const parsed = ruleInputSchema.safeParse(raw);
  if (!parsed.success) return {};
  const now = deps.now();
  const event = await findEventWithTiersBySlug(deps.d1, slug, { voucherCode: parsed.data.voucher, offerToken: parsed.data.offer });
  if (!event || event.status === "draft" || salesClosedReason(event, now)) return {};
  return (await checkOrder(deps, event, parsed.data, now, await clientKeyOf(client))).fields;
}

/**
 * Every field issue of the tiers, limits and eligibility rules, with the lines and their checks.
 * An online client (`clientKey`) spends a guess per access code or membership it tries, whether
 * or not the rest of the order is right, so a broken form is no free way to guess.
 */
async function checkOrder(deps: ServiceDeps, event: EventWithTiers, input: Pick<OrderInput, "tickets" | "answers" | "voucher" | "offer">, now: Date, clientKey: string | null, online = true) {
  // The attendee questions' answers, checked first so that their issues sit beside the rest.
  // Organisers adding a registration by hand may leave required questions unanswered.
  const { answers, fields } = checkAnswers(event.questions ?? [], input, { requireAnswers: online });
  // A voucher that will not price this order may still not reveal its hidden tier.
  const voucher = input.voucher ? (event.voucher ?? null) : null;
  const tiersById = new Map(event.ticketTypes.filter((t) => tierVisible(t, voucher)).map((t) => [t.id, t]));
  const counts = new Map<string, number>();
  const lines = input.tickets.flatMap((ticket, i) => {
    const tier = tiersById.get(ticket.tier);
    if (!tier) {
      fields[`tickets.${i}.tier`] = issue("tier_not_sold");
      return [];
    }
    const state = tierSaleState(event, tier, now);
    if (state === "not_yet_on_sale") fields[`tickets.${i}.tier`] = issue("tier_not_on_sale_yet", { tier: tier.name });
    if (state === "sales_closed") fields[`tickets.${i}.tier`] = issue("tier_no_longer_on_sale", { tier: tier.name });
    counts.set(tier.id, (counts.get(tier.id) ?? 0) + 1);
    return [{ input: ticket, tier, index: i }];
  });

  const size = orderSizeIssue(event, input.tickets.length);
  if (size) fields.tickets = size;
  const offer = input.offer ? event.offer : null;
  if (offer) {
    const offered = event.ticketTypes.find((t) => t.id === offer.ticketTypeId);
    lines.forEach((l) => {
      if (l.tier.id !== offer.ticketTypeId) fields[`tickets.${l.index}.tier`] = issue("offer_tier_only", { tier: offered?.name ?? "" });
    });
    if (input.tickets.length > offer.places) fields.tickets = issue("offer_places_at_most", { max: offer.places });
  }
  if (input.voucher) {
    const refusal = voucherRefusal(voucher, lines.map((l) => l.tier.id), now);
    if (refusal) fields.voucher = issue("voucher_invalid", { reason: refusal });
  }
  for (const [tierId, count] of counts) {
    const tier = tiersById.get(tierId)!;
    if (tier.maxPerOrder !== null && count > tier.maxPerOrder) {
      fields.tickets = issue("tier_max_per_order", { max: tier.maxPerOrder, tier: tier.name });
    }
    if (count < tier.minPerOrder) fields.tickets = issue("tier_min_per_order", { min: tier.minPerOrder, tier: tier.name });
  }

  const alternative = openAlternative(event, now);
  const instead = alternative ? { tier: alternative.name, price: { minor: alternative.priceMinor, currency: event.currency } } : undefined;
  const guesses = clientKey ? await spendGuesses(deps.d1, event.id, clientKey, lines.map((l) => l.tier), now, input.voucher ? 1 : 0) : undefined;
  const checks = await checkEligibility(deps.d1, lines, instead, { d1: deps.d1, eventId: event.id, max: event.ticketsPerMembership, now });
  checks.forEach((check, j) => {
    if ("field" in check) fields[`tickets.${lines[j]!.index}.${check.field}`] = check.issue;
  });
  await guesses?.settle(fields);
  return { fields, lines, checks, instead, answers };
}

/** Checked answers as rows of `order`: a ticket's by its index, the order's own without a ticket. */
function answerRows(answers: CheckedAnswer[], order: NewOrder) {
  return answers.map((a) => ({ questionId: a.questionId, orderId: order.id, ticketId: a.ticket === null ? null : order.tickets[a.ticket]!.id, value: a.value, detail: a.detail }));
}

/**
 * After a capacity failure: the clearest true account of what is left. In a sell-out most
 * buyers get here, so it reads with one prepared D1 batch, never through Prisma.
 */
async function soldOutError(deps: ServiceDeps, slug: string, counts: Map<string, number>): Promise<DomainError> {
  const event = await findEventWithTiersBySlug(deps.d1, slug);
  if (!event) return new DomainError("sold_out");
  if (event.status !== "published") return new DomainError("sales_closed", { reason: "closed" });
  const wantedTotal = [...counts.values()].reduce((a, b) => a + b, 0);
  const eventLeft = eventSeatsLeft(event);
  if (eventLeft !== null && eventLeft < wantedTotal) {
    return new DomainError("sold_out", { left: eventLeft });
  }
  for (const tier of event.ticketTypes) {
    const wanted = counts.get(tier.id) ?? 0;
    const tierLeft = tier.quota === null ? null : Math.max(0, tier.quota - tier.soldCount - tier.heldCount);
    if (wanted && tierLeft !== null && tierLeft < wanted) {
      return new DomainError("sold_out", { left: tierLeft, tier: tier.name });
    }
  }
  return new DomainError("sold_out");
}

/** The offer was used, withdrawn or ran out while the order was being placed: say which. */
async function offerGoneError(deps: ServiceDeps, token: string, now: Date): Promise<DomainError> {
  const entry = await findEntryByOfferToken(deps.d1, token);
  return new DomainError("offer_unavailable", { reason: (entry && offerRefusal(entry, now)) || "withdrawn" });
}

/** Too many unpaid holds: says when the first of them ends, so the buyer knows when to try again. */
async function holdLimitError(deps: ServiceDeps, order: NewOrder, now: Date): Promise<DomainError> {
  const until = await firstHoldEnd(deps.d1, { eventId: order.eventId, clientKey: order.clientKey, email: order.buyerEmail }, now);
  const retryAfterSeconds = until ? Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000)) : 60;
  return new DomainError("rate_limited", { what: "holds", retryAfterSeconds });
}

/** Another order took a membership's last member ticket meanwhile: say so on each member ticket. */
function membershipLimitError(lines: Array<{ index: number; membershipKeys?: string[] | undefined; instead?: Alternative | undefined }>, max: number): DomainError {
  const fields: FieldIssues = {};
  for (const line of lines) {
    if (line.membershipKeys) fields[`tickets.${line.index}.membership`] = issue("membership_already_used", { max, ...(line.instead ? { instead: line.instead } : {}) });
  }
  return new DomainError("invalid", {}, fields);
}

/**
 * Who placed an order: online (with the client's address, for the hold limits) or an organiser.
 * An online buyer's `language` is the one they read the form or asked the API in (an explicit
 * `language` in the input wins); `languages` are those with a catalogue, to check the input's.
 */
export type Placement =
  | { source: "online"; client?: string; language?: string; languages?: readonly string[] }
  | { source: "complimentary" | "door" };

/** A placed order; `tookLastSeats`: it left its event or a tier with no places (the edge purges its cached pages). */
export type PlacedOrder = { id: string; reference: string; status: "pending" | "paid"; totalMinor: number; currency: string; holdExpiresAt: Date | null; tookLastSeats: boolean };

/**
 * Registers the people in `input` for the event: checks every rule, then inserts the order and
 * its tickets and takes their seats in one atomic batch, so concurrent buyers can never take
 * more seats than exist, nor one client or buyer hold more than the event allows. Orders with
 * something to pay hold their seats for FIRST_HOLD_MINUTES (until the pay page opens checkout); free
 * orders are confirmed at once.
 */
export async function placeOrder(
  deps: ServiceDeps,
  slug: string,
  input: OrderInput,
  placement: Placement = { source: "online" },
): Promise<PlacedOrder> {
  const now = deps.now();
  const event = await findEventWithTiersBySlug(deps.d1, slug, { voucherCode: input.voucher, offerToken: input.offer });
  if (!event || event.status === "draft") throw new DomainError("not_found", { what: "event" });
  if (input.offer) {
    if (!event.offer || event.offer.eventId !== event.id) throw new DomainError("not_found", { what: "offer" });
    const refused = offerRefusal(event.offer, now, input.buyer.email);
    if (refused) throw new DomainError("offer_unavailable", { reason: refused });
  }
  const clientKey = "client" in placement && placement.client ? await clientKeyOf(placement.client) : null;
  const speaks: { language?: string; languages?: readonly string[] } = placement.source === "online" ? placement : {};
  const { lines, answers } = await planOrder(deps, event, input, now, clientKey, speaks.languages, placement.source === "online");

  // Checked by planOrder: a voucher named here is valid for these tickets.
  const voucher = input.voucher ? event.voucher : null;
  const price = priceOrder(event.currency, lines.map((l) => l.tier), "standard", voucher);
  const { totalMinor } = price;
  const paid = price.free;
  const counts = new Map<string, number>();
  for (const l of lines) counts.set(l.tier.id, (counts.get(l.tier.id) ?? 0) + 1);
  const order: NewOrder = {
    id: newId("ord"),
    eventId: event.id,
    reference: newOrderReference(event.referencePrefix),
    buyerName: input.buyer.name,
    buyerEmail: input.buyer.email,
    totalMinor,
    currency: event.currency,
    source: placement.source,
    paid,
    holdExpiresAt: paid ? null : new Date(now.getTime() + FIRST_HOLD_MINUTES * 60_000),
    clientKey,
    language: input.language ?? speaks.language ?? "en",
    holdLimits: paid || placement.source !== "online" ? undefined : { orders: event.holdOrdersLimit, tickets: event.holdTicketsLimit },
    voucherId: voucher?.id ?? null,
    discountMinor: price.discountMinor,
    offerToken: input.offer ?? null,
    tickets: lines.map((l, i) => ({
      id: newId("tkt"),
      ticketTypeId: l.tier.id,
      attendeeName: l.input.name,
      attendeeEmail: l.input.email ?? null,
      eligibilityAnswer: l.answer,
      pricePaidMinor: price.tickets[i]!,
      token: randomToken(),
      language: l.input.language ?? null,
      voucherId: price.vouchered[i] ? voucher!.id : null,
      discountMinor: price.discounts[i]!,
      ...(l.membershipKeys ? { membership: { keys: l.membershipKeys, max: event.ticketsPerMembership } } : {}),
    })),
  };

  let lastSeats = false;
  for (let attempt = 0; ; attempt++) {
    try {
      // The answers are written in the order's own batch: no order without them, nor answers without it.
      lastSeats = tookLastSeats(
        await runBatch(deps.d1, [
          ...placeOrderStatements(deps, order, now),
          ...insertAnswerStatements(deps.d1, answerRows(answers, order), now),
          // Places of the offer the buyer did not take pass to the next people waiting.
          ...(order.offerToken ? offerRoundStatements(deps, { eventId: event.id }, now) : []),
        ]),
      );
      break;
    } catch (err) {
      const message = String(err);
      if (CAPACITY_EXCEEDED.test(message)) throw await soldOutError(deps, slug, counts);
      if (HOLD_LIMIT_EXCEEDED.test(message)) throw await holdLimitError(deps, order, now);
      if (MEMBERSHIP_LIMIT_EXCEEDED.test(message)) throw membershipLimitError(lines, event.ticketsPerMembership);
      if (VOUCHER_EXHAUSTED.test(message)) throw new DomainError("voucher_invalid", { reason: "exhausted" }, { voucher: issue("voucher_invalid", { reason: "exhausted" }) });
      if (OFFER_GONE.test(message)) throw await offerGoneError(deps, order.offerToken!, now);
      // A reference collision (1 in millions) just needs another reference.
      if (/UNIQUE constraint failed: Order\.reference/.test(message) && attempt < 3) {
        order.reference = newOrderReference(event.referencePrefix);
        continue;
      }
      throw err;
    }
  }
  return { id: order.id, reference: order.reference, status: paid ? "paid" : "pending", totalMinor, currency: event.currency, holdExpiresAt: order.holdExpiresAt, tookLastSeats: lastSeats };
}
