// The waiting list as organisers read it: every entry in joining order with its tier's name and,
// once someone bought through their offer, the order's reference; and a count per tier.
import type { WaitlistEntry } from "@/generated/prisma/client";
import type { ServiceDeps } from "@/domain/deps";
import { listEntries, offerOrderReferences } from "@/domain/waitlist/repo";

/** An entry as the organisers' page and export show it. */
export type OrganiserEntry = WaitlistEntry & { tierName: string; orderReference: string | null };

/** One tier's line in the summary: entries waiting, open offers, and the places the waiting want. */
export type TierSummary = { tierId: string; tierName: string; waiting: number; offered: number; placesWanted: number };

/** The list of an event whose tiers are `event.ticketTypes`. */
export type OrganiserWaitlist = { entries: OrganiserEntry[]; tiers: TierSummary[] };

type EventTiers = { id: string; ticketTypes: ReadonlyArray<{ id: string; name: string }> };

/** Every entry of `event` in joining order, with tier names and order references, and the per-tier summary (tiers with anyone on the list). */
export async function organiserWaitlist(deps: ServiceDeps, event: EventTiers): Promise<OrganiserWaitlist> {
  const rows = await listEntries(deps.d1, event.id);
  const references = rows.some((r) => r.orderId) ? await offerOrderReferences(deps.d1, event.id) : new Map<string, string>();
  const names = new Map(event.ticketTypes.map((t) => [t.id, t.name]));
  const entries = rows.map((r) => ({ ...r, tierName: names.get(r.ticketTypeId) ?? "", orderReference: r.orderId ? (references.get(r.orderId) ?? null) : null }));
  const tiers = event.ticketTypes
    .map((t) => {
      const mine = entries.filter((e) => e.ticketTypeId === t.id);
      const waiting = mine.filter((e) => e.status === "waiting");
      return { tierId: t.id, tierName: t.name, waiting: waiting.length, offered: mine.filter((e) => e.status === "offered").length, placesWanted: waiting.reduce((n, e) => n + e.places, 0), any: mine.length > 0 };
    })
    .filter((t) => t.any)
    .map(({ any: _any, ...t }) => t);
  return { entries, tiers };
}
