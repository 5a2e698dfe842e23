// All SQL of the waiting list. An offer's places are counted in its tier's and event's
// heldCount from the statement that makes it until the one that ends it (used, expired,
// declined or withdrawn), each in the same D1 batch as the entry's own change, so a freed seat
// is never both on sale and offered, nor offered twice.
import type { WaitlistEntry } from "@/generated/prisma/client";
import type { Outbox } from "@/domain/mail/repo";
import { newId } from "@/lib/ids";
import { sqlTime } from "@/lib/sql-time";
import { firstStored, storedRow } from "@/lib/stored-rows";
import { normaliseEmail } from "@/lib/text";
import { randomToken } from "@/lib/tokens";

/** Which event's freed seats to offer: by its id, or by one of its orders (a transition's batch). */
export type EventRef = { eventId: string } | { orderId: string };

const eventOf = (ref: EventRef, param: string) => ("eventId" in ref ? param : `(SELECT "eventId" FROM "Order" WHERE "id" = ${param})`);
const refValue = (ref: EventRef) => ("eventId" in ref ? ref.eventId : ref.orderId);

/** Whether the event's waiting list runs by itself: on, and not paused (SQL on the event `e`). */
const automatic = (e: string) => `${e}."waitlistEnabled" = 1 AND ${e}."waitlistPaused" = 0`;

/** Whether entry `w`'s places fit under its tier `t`'s quota. */
const tierRoomFor = (w: string, t: string) => `(${t}."quota" IS NULL OR ${t}."quota" - ${t}."soldCount" - ${t}."heldCount" >= ${w}."places")`;

/** Places an entry `w` of tier `t` still fits in, under the tier's quota and the event `e`'s capacity. */
const fits = (w: string, t: string, e: string) =>
  `${tierRoomFor(w, t)} AND (${e}."capacity" IS NULL OR ${e}."capacity" - ${e}."soldCount" - ${e}."heldCount" >= ${w}."places")`;

/** The entries (`FROM … WHERE`) waiting for the tier row `tier`, while its event's list runs by itself. */
const waitingForTier = (tier: string) => `FROM "WaitlistEntry" w JOIN "Event" e ON e."id" = w."eventId"
  WHERE w."ticketTypeId" = ${tier}."id" AND w."status" = 'waiting' AND ${automatic("e")}`;

/**
 * The entries (`FROM … WHERE`) waiting for the event row `event`'s own capacity, while its list
 * runs by itself: those whose tier has room under its quota, so wait only for the event's seats.
 */
const waitingForEvent = (event: string) => `FROM "WaitlistEntry" w JOIN "TicketType" t ON t."id" = w."ticketTypeId"
  WHERE w."eventId" = ${event}."id" AND w."status" = 'waiting' AND ${event}."capacity" IS NOT NULL AND ${automatic(event)} AND ${tierRoomFor("w", "t")}`;

// The guards on taking seats and the columns the public pages read say the same thing, from
// one definition each, so the page never shows on sale what an order would be refused.

/** The condition (SQL, on "TicketType") that nobody waits for this tier: while someone does, its freed seats are theirs and it is not on sale to others. */
export const NOBODY_WAITING_FOR_TIER = `NOT EXISTS (SELECT 1 ${waitingForTier(`"TicketType"`)})`;

/** The condition (SQL, on "Event") that nobody waits for the event's own capacity, whose freed seats are then theirs first. */
export const NOBODY_WAITING_FOR_EVENT = `NOT EXISTS (SELECT 1 ${waitingForEvent(`"Event"`)})`;

/** SQL column for reads of tiers `t`: how many wait for the tier. */
export const TIER_WAITING_COLUMN = `(SELECT COUNT(*) ${waitingForTier("t")}) AS "waiting"`;

/** SQL column for reads of events `e`: how many wait for the event's own capacity. */
export const EVENT_WAITING_COLUMN = `(SELECT COUNT(*) ${waitingForEvent("e")}) AS "waitingForEvent"`;

/**
 * Offer rounds in a batch that raises a capacity or quota (more seats may come free at once than
 * an order's release frees); the scheduled chore offers whatever is still left.
 */
export const RAISE_ROUNDS = 10;

// Marks the RETURNING rows of offers made, so they can be counted among any batch's results.
const OFFERED = "waitlist_offered";

/**
 * Offers free seats of an event to its waiting list: each round offers the next entry, in
 * joining order, whose places fit in what is free of its tier and the event, while sales are
 * open and the list runs by itself; the entry's places become held and its offer email is
 * queued. Appended to every batch that frees seats (after the statements that free them), and
 * run by the scheduled chore for what `rounds` did not cover. A round with nothing to offer
 * changes nothing.
 */
export function offerRoundStatements(outbox: Outbox, ref: EventRef, now: Date, rounds = 4): D1PreparedStatement[] {
  const pick = `w."eventId" = ${eventOf(ref, "?1")} AND w."status" = 'waiting' AND ${automatic("e")}`;
  return Array.from({ length: rounds }, () => offerStatements(outbox, pick, refValue(ref), now)).flat();
}

/**
 * An organiser's offer to one waiting entry (?1 = its id), out of turn and even while the list
 * is paused, if its places fit in what is free. Offers nothing otherwise (see offersMade).
 */
export function offerByHandStatements(outbox: Outbox, entryId: string, now: Date): D1PreparedStatement[] {
  return offerStatements(outbox, `w."id" = ?1 AND w."status" = 'waiting'`, entryId, now);
}

/**
 * Adds (`+`) or gives back (`-`) an entry's places in its tier's and its event's heldCount, the
 * entry picked by `entry.where` (SQL on "WaitlistEntry", ?1 = `entry.param`), when `onlyIf`
 * holds (SQL; ?2 is the time). Every offer's places move through here.
 */
function entryHeldStatements(d1: D1Database, entry: { where: string; param: string }, sign: "+" | "-", at: string, onlyIf = "1"): D1PreparedStatement[] {
  const places = `(SELECT "places" FROM "WaitlistEntry" WHERE ${entry.where})`;
  return (["TicketType", "Event"] as const).map((table) =>
    d1
      .prepare(
        `UPDATE "${table}" SET "heldCount" = "heldCount" ${sign} ${places}, "updatedAt" = ?2
         WHERE "id" = (SELECT "${table === "Event" ? "eventId" : "ticketTypeId"}" FROM "WaitlistEntry" WHERE ${entry.where}) AND ${onlyIf}`,
      )
      .bind(entry.param, at),
  );
}

/** One offer: to the first entry `pick` (SQL on w, t, e; ?1 = `param`) finds that fits, with its held places and email. */
function offerStatements(outbox: Outbox, pick: string, param: string, now: Date): D1PreparedStatement[] {
  const { d1 } = outbox;
  const at = sqlTime(now);
  const token = randomToken();
  return [
    d1
      .prepare(
        `UPDATE "WaitlistEntry" SET "status" = 'offered', "offerToken" = ?3, "offeredAt" = ?2, "updatedAt" = ?2,
           "offerExpiresAt" = (SELECT MIN(strftime('%Y-%m-%dT%H:%M:%f+00:00', ?2, '+' || e."offerHours" || ' hours'), COALESCE(e."salesEndAt", e."startsAt"))
                               FROM "Event" e WHERE e."id" = "WaitlistEntry"."eventId")
         WHERE "id" = (
           SELECT w."id" FROM "WaitlistEntry" w JOIN "TicketType" t ON t."id" = w."ticketTypeId" JOIN "Event" e ON e."id" = w."eventId"
           WHERE ${pick} AND e."status" = 'published'
             AND ?2 < COALESCE(e."salesEndAt", e."startsAt") AND (t."salesEndAt" IS NULL OR ?2 < t."salesEndAt")
             AND ${fits("w", "t", "e")}
           ORDER BY w."position" LIMIT 1)
         RETURNING '${OFFERED}' AS "outcome", "id" AS "entryId", "ticketTypeId" AS "tierId", "places"`,
      )
      .bind(param, at, token),
    ...entryHeldStatements(d1, { where: `"offerToken" = ?1`, param: token }, "+", at),
    entryEmailStatement(outbox, "waitlist_offer", `"offerToken" = ?4`, [token], now),
  ];
}

/** The offers a batch made (entry ids), read from its results. */
export function offersMade(results: readonly D1Result[]): string[] {
  return results.flatMap((r) => ((r.results ?? []) as Array<{ outcome?: unknown; entryId?: unknown }>).filter((row) => row.outcome === OFFERED).map((row) => String(row.entryId)));
}

/**
 * Queues an email about the entry picked by `where` (SQL on "WaitlistEntry", its parameters
 * from ?4), to the person waiting. The key makes one email per entry and moment (its updatedAt).
 */
function entryEmailStatement(outbox: Outbox, template: "waitlist_joined" | "waitlist_offer", where: string, params: unknown[], now: Date): D1PreparedStatement {
  outbox.mailQueued?.(null);
  return outbox.d1
    .prepare(
      `INSERT OR IGNORE INTO "OutboxEmail" ("id", "recipient", "template", "data", "status", "attempts", "nextAttemptAt", "idempotencyKey", "orderId", "createdAt")
       SELECT ?1, "email", ?2, json_object('entryId', "id"), 'pending', 0, ?3, ?2 || '-' || "id" || '-' || "updatedAt", NULL, ?3
       FROM "WaitlistEntry" WHERE ${where}`,
    )
    .bind(newId("eml"), template, sqlTime(now), ...params);
}

/**
 * Ends the offer of an entry (if it is still offered, and for "expired" only once its time has
 * come): its held places are given back and the entry moves to `to`.
 * The caller appends offer rounds, so the places pass to the next entries in the same batch.
 * The last statement changes one row exactly when this call ended the offer.
 */
export function endOfferStatements(d1: D1Database, entryId: string, to: "expired" | "left" | "removed", now: Date): D1PreparedStatement[] {
  const at = sqlTime(now);
  const stillIf = to === "expired" ? `"offerExpiresAt" <= ?2` : "1";
  const offered = `EXISTS (SELECT 1 FROM "WaitlistEntry" WHERE "id" = ?1 AND "status" = 'offered' AND ${stillIf})`;
  return [
    ...entryHeldStatements(d1, { where: `"id" = ?1`, param: entryId }, "-", at, offered),
    d1.prepare(`UPDATE "WaitlistEntry" SET "status" = ?3, "updatedAt" = ?2 WHERE "id" = ?1 AND "status" = 'offered' AND ${stillIf}`).bind(entryId, at, to),
  ];
}

/** Takes a waiting (not offered) entry off the list, as `to`; changes one row exactly when it did. */
export function withdrawWaitingStatement(d1: D1Database, entryId: string, to: "left" | "removed", now: Date): D1PreparedStatement {
  return d1.prepare(`UPDATE "WaitlistEntry" SET "status" = ?3, "updatedAt" = ?2 WHERE "id" = ?1 AND "status" = 'waiting'`).bind(entryId, sqlTime(now), to);
}

/** The error D1 raises when an order claims an offer that is no longer open (used, expired or withdrawn meanwhile). */
export const OFFER_GONE = /NOT NULL constraint failed: WaitlistEntry\.status/;

/**
 * For the batch that places an order through offer `token`: gives the offer's held places back
 * (the order's own take follows, so they pass straight to it) and marks the entry converted,
 * or fails the whole batch (OFFER_GONE) when the offer is no longer open at `now`.
 */
export function claimOfferStatements(d1: D1Database, token: string, orderId: string, now: Date): D1PreparedStatement[] {
  const at = sqlTime(now);
  const open = `EXISTS (SELECT 1 FROM "WaitlistEntry" WHERE "offerToken" = ?1 AND "status" = 'offered' AND "offerExpiresAt" > ?2)`;
  return [
    ...entryHeldStatements(d1, { where: `"offerToken" = ?1`, param: token }, "-", at, open),
    d1
      .prepare(
        `UPDATE "WaitlistEntry" SET "status" = CASE WHEN "status" = 'offered' AND "offerExpiresAt" > ?2 THEN 'converted' ELSE NULL END, "orderId" = ?3, "updatedAt" = ?2
         WHERE "offerToken" = ?1`,
      )
      .bind(token, at, orderId),
  ];
}

/** Someone joining (or joining again): who, for which tier, how many places, in which language. */
export type JoinRequest = { eventId: string; tierId: string; name: string; email: string; places: number; language: string };

/**
 * Adds a person to a tier's list at the end, or updates their entry when the same email is
 * already on it (name, places and language; an entry that left, expired or bought goes to the
 * end again; an open offer keeps its places), and queues the confirmation email, in one batch.
 * The position is taken in the same statement, so joining order is exact under concurrency.
 * The batch's results say the entry as stored and its place (joinedOf), so joining costs no
 * read after the write.
 */
export function joinStatements(outbox: Outbox, join: JoinRequest, now: Date): D1PreparedStatement[] {
  const at = sqlTime(now);
  const email = normaliseEmail(join.email);
  return [
    outbox.d1
      .prepare(
        `INSERT INTO "WaitlistEntry" ("id", "eventId", "ticketTypeId", "position", "name", "email", "places", "language", "status", "leaveToken", "createdAt", "updatedAt")
         VALUES (?1, ?2, ?3, (SELECT COALESCE(MAX("position"), 0) + 1 FROM "WaitlistEntry" WHERE "eventId" = ?2), ?4, ?5, ?6, ?7, 'waiting', ?8, ?9, ?9)
         ON CONFLICT ("ticketTypeId", "email") DO UPDATE SET
           "name" = excluded."name", "language" = excluded."language", "updatedAt" = excluded."updatedAt",
           "places" = CASE WHEN "status" = 'offered' THEN "places" ELSE excluded."places" END,
           "position" = CASE WHEN "status" IN ('waiting', 'offered') THEN "position" ELSE excluded."position" END,
           "status" = CASE WHEN "status" IN ('waiting', 'offered') THEN "status" ELSE 'waiting' END
         RETURNING *`,
      )
      .bind(newId("wle"), join.eventId, join.tierId, join.name, email, join.places, join.language, randomToken(), at),
    entryEmailStatement(outbox, "waitlist_joined", `"ticketTypeId" = ?4 AND "email" = ?5`, [join.tierId, email], now),
    outbox.d1.prepare(placeSql(`(SELECT "position" FROM "WaitlistEntry" WHERE "ticketTypeId" = ?1 AND "email" = ?2)`)).bind(join.tierId, email),
  ];
}

/** The entry and its place in the tier's queue, from the results of joinStatements' batch. */
export function joinedOf(results: readonly D1Result[]): { entry: WaitlistEntry; place: number } {
  const row = results[0]!.results[0] as Record<string, unknown>;
  return { entry: storedRow("WaitlistEntry", row), place: Number((results[2]!.results[0] as { place: number }).place) };
}

/** Stores an event's waiting-list settings (open, paused, an offer's hours). */
export function settingsStatement(d1: D1Database, eventId: string, settings: { enabled: boolean; paused: boolean; offerHours: number }, now: Date): D1PreparedStatement {
  return d1
    .prepare(`UPDATE "Event" SET "waitlistEnabled" = ?2, "waitlistPaused" = ?3, "offerHours" = ?4, "updatedAt" = ?5 WHERE "id" = ?1`)
    .bind(eventId, settings.enabled ? 1 : 0, settings.paused ? 1 : 0, settings.offerHours, sqlTime(now));
}

// ---- Reads ----

/** An entry by id. */
export async function findEntry(d1: D1Database, id: string): Promise<WaitlistEntry | null> {
  return firstStored("WaitlistEntry", d1.prepare(`SELECT * FROM "WaitlistEntry" WHERE "id" = ?1`).bind(id));
}

/** The entry of a "leave the list" link. */
export async function findEntryByLeaveToken(d1: D1Database, token: string): Promise<WaitlistEntry | null> {
  return firstStored("WaitlistEntry", d1.prepare(`SELECT * FROM "WaitlistEntry" WHERE "leaveToken" = ?1`).bind(token));
}

/** The entry of an offer link. */
export async function findEntryByOfferToken(d1: D1Database, token: string): Promise<WaitlistEntry | null> {
  return firstStored("WaitlistEntry", d1.prepare(`SELECT * FROM "WaitlistEntry" WHERE "offerToken" = ?1`).bind(token));
}

/** An entry's place in its tier's queue (how many wait ahead of it, plus one), for the entry at `position` (SQL) of tier ?1. */
const placeSql = (position: string) =>
  `SELECT COUNT(*) + 1 AS "place" FROM "WaitlistEntry" WHERE "ticketTypeId" = ?1 AND "status" = 'waiting' AND "position" < ${position}`;

/** How many wait ahead of an entry for the same tier, plus one: its place in that tier's queue. */
export async function placeInQueue(d1: D1Database, e: Pick<WaitlistEntry, "ticketTypeId" | "position">): Promise<number> {
  const row = await d1.prepare(placeSql("?2")).bind(e.ticketTypeId, e.position).first<{ place: number }>();
  return row?.place ?? 1;
}

/** Every entry of an event in joining order (the organisers' list and export). */
export async function listEntries(d1: D1Database, eventId: string): Promise<WaitlistEntry[]> {
  const { results } = await d1.prepare(`SELECT * FROM "WaitlistEntry" WHERE "eventId" = ?1 ORDER BY "position" ASC`).bind(eventId).all();
  return results.map((r) => storedRow("WaitlistEntry", r));
}

/** The references of the orders bought through an event's offers, by order id (the organisers' list links them). */
export async function offerOrderReferences(d1: D1Database, eventId: string): Promise<Map<string, string>> {
  const { results } = await d1
    .prepare(`SELECT o."id", o."reference" FROM "WaitlistEntry" w JOIN "Order" o ON o."id" = w."orderId" WHERE w."eventId" = ?1`)
    .bind(eventId)
    .all<{ id: string; reference: string }>();
  return new Map(results.map((r) => [r.id, r.reference]));
}

/** How many are waiting (not yet offered) per event: the dashboard's count. */
export async function countWaiting(d1: D1Database, eventId: string): Promise<number> {
  const row = await d1.prepare(`SELECT COUNT(*) AS "n" FROM "WaitlistEntry" WHERE "eventId" = ?1 AND "status" = 'waiting'`).bind(eventId).first<{ n: number }>();
  return row?.n ?? 0;
}

/** Offers past their end at `now`, oldest first. */
export async function findExpiredOffers(d1: D1Database, now: Date, limit: number): Promise<Array<{ id: string; eventId: string }>> {
  const { results } = await d1
    .prepare(`SELECT "id", "eventId" FROM "WaitlistEntry" WHERE "status" = 'offered' AND "offerExpiresAt" <= ?1 ORDER BY "offerExpiresAt" LIMIT ?2`)
    .bind(sqlTime(now), limit)
    .all<{ id: string; eventId: string }>();
  return results;
}

/** Events with someone waiting whose list runs by itself: where the chore looks for seats to offer. */
export async function eventsWithWaiting(d1: D1Database): Promise<string[]> {
  const { results } = await d1
    .prepare(`SELECT DISTINCT w."eventId" AS "id" FROM "WaitlistEntry" w JOIN "Event" e ON e."id" = w."eventId" WHERE w."status" = 'waiting' AND ${automatic("e")} AND e."status" = 'published'`)
    .all<{ id: string }>();
  return results.map((r) => r.id);
}
