// The waiting list as people use it: join a sold-out tier, leave (or decline an offer), and
// the scheduled chore that ends unused offers and offers whatever seats are free. Offers are
// made by ./repo's statements inside whichever batch frees the seats (orders/settle,
// orders/admin-actions, events), so this file only decides who and when.
import * as z from "zod";
import type { WaitlistEntry } from "@/generated/prisma/client";
import type { ServiceDeps } from "@/domain/deps";
import { DomainError } from "@/domain/errors";
import type { FieldCode } from "@/domain/issues";
import { runBatch } from "@/domain/batch";
import { findEventWithTiersBySlug } from "@/domain/events/repo";
import { tierSaleState } from "@/domain/events/availability";
import { tierVisible } from "@/domain/vouchers/rules";
import { cleanLine } from "@/lib/text";
import {
  endOfferStatements,
  eventsWithWaiting,
  findEntryByLeaveToken,
  findExpiredOffers,
  joinedOf,
  joinStatements,
  offerRoundStatements,
  offersMade,
  withdrawWaitingStatement,
} from "@/domain/waitlist/repo";

/** Most places one entry may ask for. */
export const MOST_PLACES = 4;

const code = (c: FieldCode) => c;

/** Joining a waiting list: the API and the form both use it. */
export const joinInputSchema = z.object({
  tier: z.string({ error: code("tier_required") }).trim().min(1, code("tier_required")).max(64),
  name: z.string({ error: code("your_name_required") }).transform(cleanLine).pipe(z.string().min(1, code("your_name_required")).max(100, code("too_long"))),
  email: z.string({ error: code("your_email_required") }).trim().min(1, code("your_email_required")).max(254, code("too_long")).pipe(z.email(code("your_email_invalid"))),
  places: z.coerce.number({ error: code("required") }).int(code("invalid")).min(1, code("at_least")).max(MOST_PLACES, code("at_most")),
  language: z.string().trim().toLowerCase().max(8).optional(),
});
export type JoinInput = z.infer<typeof joinInputSchema>;

/** A person's place on a list: their entry, and how many wait ahead of them for the same tier plus one. */
export type Joined = { entry: WaitlistEntry; place: number };

/**
 * Puts a person on a tier's waiting list (or updates their entry: one per email and tier) and
 * queues the confirmation email. Only while the tier is sold out and the event's list is open:
 * while places are on sale it says so (not_sold_out), so nobody queues for what they could buy.
 */
export async function joinWaitlist(deps: ServiceDeps, slug: string, input: JoinInput, language: string): Promise<Joined> {
  const now = deps.now();
  const event = await findEventWithTiersBySlug(deps.d1, slug);
  if (!event || event.status === "draft") throw new DomainError("not_found", { what: "event" });
  const tier = event.ticketTypes.find((t) => t.id === input.tier && tierVisible(t, null));
  if (!tier) throw new DomainError("invalid", {}, { tier: { code: "tier_not_sold" } });
  const state = tierSaleState(event, tier, now);
  if (state === "event_cancelled") throw new DomainError("sales_closed", { reason: "event_cancelled" });
  if (state === "event_over" || state === "sales_closed") throw new DomainError("sales_closed", { reason: "closed" });
  if (state === "not_yet_on_sale") throw new DomainError("sales_closed", { reason: "not_yet_open" });
  if (!event.waitlistEnabled) throw new DomainError("conflict", { reason: "waitlist_closed" });
  if (state === "on_sale") throw new DomainError("not_sold_out", { tier: tier.name });
  return joinedOf(await runBatch(deps.d1, joinStatements(deps, { eventId: event.id, tierId: tier.id, name: input.name, email: input.email, places: input.places, language: input.language ?? language }, now)));
}

/**
 * Leaves the list through the link in the confirmation email. An open offer is declined: its
 * places pass to the next people waiting, in the same batch. Leaving twice changes nothing.
 */
export async function leaveWaitlist(deps: ServiceDeps, leaveToken: string): Promise<{ entry: WaitlistEntry; left: boolean }> {
  const entry = await findEntryByLeaveToken(deps.d1, leaveToken);
  if (!entry) throw new DomainError("not_found", { what: "waitlist_entry" });
  const now = deps.now();
  if (entry.status === "offered") {
    await runBatch(deps.d1, [...endOfferStatements(deps.d1, entry.id, "left", now), ...offerRoundStatements(deps, { eventId: entry.eventId }, now)]);
  } else if (entry.status === "waiting") {
    await withdrawWaitingStatement(deps.d1, entry.id, "left", now).run();
  }
  return { entry, left: entry.status === "waiting" || entry.status === "offered" };
}

/** Entries whose offers one chore run ends, and rounds of offers it makes per event. */
const EXPIRY_BATCH = 50;
const SWEEP_ROUNDS = 10;
const MOST_SWEEPS_PER_EVENT = 5;

/**
 * The scheduled chore: ends offers past their time (their places pass to the next entries, in
 * the same batch), then offers any seats still free to events' waiting lists (seats a batch's
 * few rounds did not cover, or freed while the list was paused). Safe to run twice at once:
 * every change is conditional. Returns how many offers ended and were made.
 */
export async function sweepWaitlists(deps: ServiceDeps): Promise<{ expired: number; offered: number }> {
  const now = deps.now();
  let expired = 0;
  let offered = 0;
  for (const entry of await findExpiredOffers(deps.d1, now, EXPIRY_BATCH)) {
    const end = endOfferStatements(deps.d1, entry.id, "expired", now);
    const results = await runBatch(deps.d1, [...end, ...offerRoundStatements(deps, { eventId: entry.eventId }, now)]);
    // The end's last statement changed its row only if this run ended the offer.
    if (results[end.length - 1]!.meta.changes === 1) expired++;
    offered += offersMade(results).length;
  }
  for (const eventId of await eventsWithWaiting(deps.d1)) {
    for (let sweep = 0; sweep < MOST_SWEEPS_PER_EVENT; sweep++) {
      const made = offersMade(await runBatch(deps.d1, offerRoundStatements(deps, { eventId }, now, SWEEP_ROUNDS))).length;
      offered += made;
      if (made < SWEEP_ROUNDS) break;
    }
  }
  return { expired, offered };
}
