// The organisers' hand on the waiting list: offer out of turn, remove someone, and the list's
// settings (open, paused, how long an offer holds). Each change is one batch with its audit entry.
import type { ServiceDeps } from "@/domain/deps";
import { DomainError } from "@/domain/errors";
import { runBatch } from "@/domain/batch";
import { auditStatement } from "@/domain/staff/audit";
import { endOfferStatements, findEntry, offerByHandStatements, offerRoundStatements, offersMade, RAISE_ROUNDS, settingsStatement, withdrawWaitingStatement } from "@/domain/waitlist/repo";

/** The waiting-list settings of an event. */
export type WaitlistSettings = { enabled: boolean; paused: boolean; offerHours: number };

/** Most hours an offer may hold its places (two weeks). */
export const MOST_OFFER_HOURS = 336;

async function entryOf(deps: ServiceDeps, eventId: string, entryId: string) {
  const entry = await findEntry(deps.d1, entryId);
  if (!entry || entry.eventId !== eventId) throw new DomainError("not_found", { what: "waitlist_entry" });
  return entry;
}

/** Offers a waiting entry its places now, out of turn (the list may be paused), if they fit in what is free. */
export async function offerByHand(deps: ServiceDeps, staffId: string, eventId: string, entryId: string): Promise<void> {
  const entry = await entryOf(deps, eventId, entryId);
  if (entry.status !== "waiting") throw new DomainError("conflict", { reason: "entry_not_waiting" });
  const now = deps.now();
  const results = await runBatch(deps.d1, [
    ...offerByHandStatements(deps, entryId, now),
    // Recorded only if the offer was made (the places may not fit).
    auditStatement(deps.d1, { staffId, action: "waitlist_offered", entity: "event", entityId: eventId, detail: { entryId, places: entry.places } }, now, {
      sql: `EXISTS (SELECT 1 FROM "WaitlistEntry" WHERE "id" = ?8 AND "status" = 'offered' AND "offeredAt" = ?7)`,
      params: [entryId],
    }),
  ]);
  if (offersMade(results).length === 0) {
    throw new DomainError("conflict", { reason: (await findEntry(deps.d1, entryId))?.status === "waiting" ? "offer_no_room" : "entry_not_waiting" });
  }
}

/** Takes someone off the list; an open offer is withdrawn and its places pass to the next people waiting. */
export async function removeEntry(deps: ServiceDeps, staffId: string, eventId: string, entryId: string): Promise<void> {
  const entry = await entryOf(deps, eventId, entryId);
  const now = deps.now();
  const audit = auditStatement(deps.d1, { staffId, action: "waitlist_removed", entity: "event", entityId: eventId, detail: { entryId, status: entry.status } }, now);
  if (entry.status === "offered") {
    await runBatch(deps.d1, [...endOfferStatements(deps.d1, entryId, "removed", now), ...offerRoundStatements(deps, { eventId }, now), audit]);
  } else if (entry.status === "waiting") {
    const [withdrawn] = await runBatch(deps.d1, [withdrawWaitingStatement(deps.d1, entryId, "removed", now), audit]);
    if (withdrawn!.meta.changes !== 1) throw new DomainError("conflict", { reason: "entry_not_waiting" });
  } else {
    throw new DomainError("conflict", { reason: "entry_not_waiting" });
  }
}

/** Saves the list's settings; a list opened or resumed offers free seats at once, in the same batch. */
export async function saveWaitlistSettings(deps: ServiceDeps, staffId: string, eventId: string, settings: WaitlistSettings): Promise<void> {
  const now = deps.now();
  await runBatch(deps.d1, [
    settingsStatement(deps.d1, eventId, settings, now),
    ...offerRoundStatements(deps, { eventId }, now, RAISE_ROUNDS),
    auditStatement(deps.d1, { staffId, action: "waitlist_settings_changed", entity: "event", entityId: eventId, detail: { ...settings } }, now),
  ]);
}
