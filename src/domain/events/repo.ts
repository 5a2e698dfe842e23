// All SQL of events, their tiers and programmes, as raw D1 statements. Reads give rows as
// Prisma would (storedRow), relations read in the same D1 batch (one round trip). Organiser changes are raw D1 statements: each change is one D1 batch (one
// transaction) with its audit entry. Where a change must not pass a live counter
// (capacity below the seats sold and held), the statement sets that counter to NULL instead
// of writing, which breaks its NOT NULL constraint and rolls the whole batch back: the check
// and the write are one step, so an order placed at the same moment cannot slip between them.
import type { AgendaItem, Event, Question, TicketType, Voucher, WaitlistEntry } from "@/generated/prisma/client";
import { askedQuestionsStatement, questionOfRow } from "@/domain/questions/repo";
import { storedRow } from "@/lib/stored-rows";
import { newId } from "@/lib/ids";
import { sqlTime } from "@/lib/sql-time";
import { keepTakenWithinSql, LIMIT_BELOW_TAKEN } from "@/domain/orders/seats";
import { EVENT_WAITING_COLUMN, TIER_WAITING_COLUMN } from "@/domain/waitlist/repo";
import { voucherBySlugAndCodeStatement } from "@/domain/vouchers/repo";
import type { Waiting } from "@/domain/events/availability";
export { runBatch } from "@/domain/batch";

export type EventRow = {
  slug: string;
  title: string;
  summary: string;
  description: string;
  venueName: string;
  venueAddress: string;
  timezone: string;
  startsAt: Date;
  endsAt: Date;
  doorsOpenAt: Date | null;
  capacity: number | null;
  salesStartAt: Date | null;
  salesEndAt: Date | null;
  currency: string;
  maxPerOrder: number;
  holdOrdersLimit: number;
  holdTicketsLimit: number;
  ticketsPerMembership: number;
  referencePrefix: string;
  ticketEmailSubject: string | null;
  /** The language of the texts above ("en"). */
  mainLanguage: string;
  /** The texts in other languages, as stored (translations.ts `writeTranslations`). */
  translations: string;
  /** Reminder and notification settings (reminder-input.ts). */
  reminderHours: number | null;
  notifyDailySummary: boolean;
  notifySoldOut: boolean;
  /** Self-service (self-service/policy): refund policy, its date and fee, and the changes cut-off. */
  refundPolicy: string;
  refundUntil: Date | null;
  refundFeeMinor: number;
  changesCutoffHours: number;
};

export type AgendaRow = { startsAt: Date; title: string; detail: string; sortOrder: number; translations: string };

export type TierRow = {
  name: string;
  description: string;
  priceMinor: number;
  quota: number | null;
  eligibility: string;
  declarationText: string | null;
  accessCodeHash: string | null;
  salesStartAt: Date | null;
  salesEndAt: Date | null;
  minPerOrder: number;
  maxPerOrder: number | null;
  sortOrder: number;
  translations: string;
  /** Seen and bought only with a voucher that unlocks it. */
  hidden: boolean;
};

/** A tier's texts in its event's main language, and in the others (JSON). */
export type TierTextsRow = { name: string; description: string; declarationText: string | null; translations: string };

/** What a failed guard looks like: the counter that would have gone past its limit (orders/seats). */
export const LIMIT_GUARD = LIMIT_BELOW_TAKEN;
/** Another event already has the slug (a race with another organiser). */
export const SLUG_TAKEN = /UNIQUE constraint failed: Event\.slug/;
/** A conditional status change found the event in the wrong state. */
export const STATUS_GUARD = /NOT NULL constraint failed: Event\.status/;

const t = (d: Date | null) => (d ? sqlTime(d) : null);

// ---- Events: reads ----

/** Tiers in the order pages list them (then cheapest first), and the programme in its order. */
const TIER_ORDER = `"sortOrder" ASC, "priceMinor" ASC`;
const AGENDA_ORDER = `"sortOrder" ASC, "startsAt" ASC`;

/** An event with its tiers (TIER_ORDER) and programme (AGENDA_ORDER), by id, or null: one round trip. */
export async function findEventById(d1: D1Database, id: string): Promise<(Event & { ticketTypes: TicketType[]; agenda: AgendaItem[] }) | null> {
  const [events, tiers, agenda] = await d1.batch<Record<string, unknown>>([
    d1.prepare(`SELECT * FROM "Event" WHERE "id" = ?1`).bind(id),
    d1.prepare(`SELECT * FROM "TicketType" WHERE "eventId" = ?1 ORDER BY ${TIER_ORDER}`).bind(id),
    d1.prepare(`SELECT * FROM "AgendaItem" WHERE "eventId" = ?1 ORDER BY ${AGENDA_ORDER}`).bind(id),
  ]);
  const event = events!.results[0];
  if (!event) return null;
  return {
    ...storedRow("Event", event),
    ticketTypes: tiers!.results.map((r) => storedRow("TicketType", r)),
    agenda: agenda!.results.map((r) => storedRow("AgendaItem", r)),
  };
}

/** A tier as the public reads give it: with how many wait for it. */
export type TierWithWaiting = TicketType & Waiting;

export type EventWithTiersAndAgenda = Event & Waiting & { ticketTypes: TierWithWaiting[]; agenda: AgendaItem[]; questions: Question[] };

/**
 * Events with their tiers and programmes in one D1 batch (one round trip, one consistent
 * read): `where` picks the events (a condition on `e`, parameters from ?1), in `orderBy`.
 * Tiers and programme items come in TIER_ORDER and AGENDA_ORDER.
 */
async function readEventsWithTiersAndAgenda(d1: D1Database, where: string, orderBy: string, params: unknown[]): Promise<EventWithTiersAndAgenda[]> {
  const picked = `SELECT e."id" FROM "Event" e WHERE ${where}`;
  const [events, tiers, agenda, questions] = await d1.batch<Record<string, unknown>>([
    d1.prepare(`SELECT e.*, ${EVENT_WAITING_COLUMN} FROM "Event" e WHERE ${where} ORDER BY ${orderBy}`).bind(...params),
    d1.prepare(`SELECT t.*, ${TIER_WAITING_COLUMN} FROM "TicketType" t WHERE t."eventId" IN (${picked}) ORDER BY ${TIER_ORDER}`).bind(...params),
    d1.prepare(`SELECT * FROM "AgendaItem" WHERE "eventId" IN (${picked}) ORDER BY ${AGENDA_ORDER}`).bind(...params),
    askedQuestionsStatement(d1, picked, params),
  ]);
  const byEvent = <T extends { eventId: string }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const row of rows) map.set(row.eventId, [...(map.get(row.eventId) ?? []), row]);
    return map;
  };
  const tiersOf = byEvent(tiers!.results.map((r) => storedRow("TicketType", r)));
  const agendaOf = byEvent(agenda!.results.map((r) => storedRow("AgendaItem", r)));
  const questionsOf = byEvent(questions!.results.map(questionOfRow));
  return events!.results.map((r) => {
    const event = storedRow("Event", r);
    return { ...event, ticketTypes: tiersOf.get(event.id) ?? [], agenda: agendaOf.get(event.id) ?? [], questions: questionsOf.get(event.id) ?? [] };
  });
}

/** An event with its tiers and programme, by slug, or null: one round trip (the public pages and API). */
export async function readEventBySlug(d1: D1Database, slug: string): Promise<EventWithTiersAndAgenda | null> {
  return (await readEventsWithTiersAndAgenda(d1, `e."slug" = ?1`, `e."startsAt"`, [slug]))[0] ?? null;
}

/** Published events that end after `now`, soonest first, with their tiers and programmes: one round trip. */
export function readPublishedEventsEndingAfter(d1: D1Database, now: Date): Promise<EventWithTiersAndAgenda[]> {
  return readEventsWithTiersAndAgenda(d1, `e."status" = 'published' AND e."endsAt" > ?1`, `e."startsAt" ASC`, [sqlTime(now)]);
}

/** What an order reads beside its event, when the buyer gives them: a voucher code, a waiting-list offer's token. */
export type OrderExtras = { voucherCode?: string | undefined; offerToken?: string | undefined };

export type EventForOrder = Event & Waiting & { ticketTypes: TierWithWaiting[]; questions: Question[]; voucher: Voucher | null; offer: WaitlistEntry | null };

/**
 * An event by slug with its tiers by sort order (no programme), or null; with the voucher and
 * offer the buyer named, if any. One D1 batch (one round trip): placing an order reads all it
 * needs once.
 */
export async function findEventWithTiersBySlug(d1: D1Database, slug: string, extras: OrderExtras = {}): Promise<EventForOrder | null> {
  const [events, tiers, questions, voucher, offer] = await d1.batch<Record<string, unknown>>([
    d1.prepare(`SELECT e.*, ${EVENT_WAITING_COLUMN} FROM "Event" e WHERE e."slug" = ?1`).bind(slug),
    d1.prepare(`SELECT t.*, ${TIER_WAITING_COLUMN} FROM "TicketType" t WHERE t."eventId" = (SELECT "id" FROM "Event" WHERE "slug" = ?1) ORDER BY t."sortOrder" ASC`).bind(slug),
    askedQuestionsStatement(d1, `SELECT "id" FROM "Event" WHERE "slug" = ?1`, [slug]),
    ...(extras.voucherCode ? [voucherBySlugAndCodeStatement(d1, slug, extras.voucherCode)] : []),
    ...(extras.offerToken ? [d1.prepare(`SELECT * FROM "WaitlistEntry" WHERE "offerToken" = ?1`).bind(extras.offerToken)] : []),
  ]);
  const event = events!.results[0];
  if (!event) return null;
  const voucherRow = extras.voucherCode ? voucher?.results[0] : undefined;
  const offerRow = extras.offerToken ? (extras.voucherCode ? offer : voucher)?.results[0] : undefined;
  return {
    ...storedRow("Event", event),
    ticketTypes: tiers!.results.map((r) => storedRow("TicketType", r)),
    questions: questions!.results.map(questionOfRow),
    voucher: voucherRow ? storedRow("Voucher", voucherRow) : null,
    offer: offerRow ? storedRow("WaitlistEntry", offerRow) : null,
  };
}

/** An event with its tiers by sort order (no programme), or null: one round trip. */
export async function findEventWithTiers(d1: D1Database, id: string): Promise<(Event & { ticketTypes: TicketType[] }) | null> {
  const [events, tiers] = await d1.batch<Record<string, unknown>>([
    d1.prepare(`SELECT * FROM "Event" WHERE "id" = ?1`).bind(id),
    d1.prepare(`SELECT * FROM "TicketType" WHERE "eventId" = ?1 ORDER BY "sortOrder" ASC`).bind(id),
  ]);
  const event = events!.results[0];
  if (!event) return null;
  return { ...storedRow("Event", event), ticketTypes: tiers!.results.map((r) => storedRow("TicketType", r)) };
}

/** Events that `where` picks (parameters from ?1), in `orderBy`. */
async function readEvents(d1: D1Database, where: string, orderBy: string, params: unknown[]): Promise<Event[]> {
  const { results } = await d1.prepare(`SELECT * FROM "Event" WHERE ${where} ORDER BY ${orderBy}`).bind(...params).all<Record<string, unknown>>();
  return results.map((r) => storedRow("Event", r));
}

/** Events in any status that end after `now`, soonest first. */
export function listEventsEndingAfter(d1: D1Database, now: Date): Promise<Event[]> {
  return readEvents(d1, `"endsAt" > ?1`, `"startsAt" ASC`, [sqlTime(now)]);
}

/** Events in any status that ended at or before `now`, latest first. */
export function listEventsEndedBy(d1: D1Database, now: Date): Promise<Event[]> {
  return readEvents(d1, `"endsAt" <= ?1`, `"startsAt" DESC`, [sqlTime(now)]);
}

/** Events in one of `statuses`, soonest first. */
export function listEventsInStatus(d1: D1Database, statuses: string[]): Promise<Event[]> {
  return readEvents(d1, `"status" IN (SELECT value FROM json_each(?1))`, `"startsAt" ASC`, [JSON.stringify(statuses)]);
}

/** The id and status of the event with this slug, or null. */
export function findEventStatusBySlug(d1: D1Database, slug: string): Promise<{ id: string; status: string } | null> {
  return d1.prepare(`SELECT "id", "status" FROM "Event" WHERE "slug" = ?1`).bind(slug).first<{ id: string; status: string }>();
}

/** The title of the event with this slug, or null. */
export function findEventTitleBySlug(d1: D1Database, slug: string): Promise<{ title: string } | null> {
  return d1.prepare(`SELECT "title" FROM "Event" WHERE "slug" = ?1`).bind(slug).first<{ title: string }>();
}

/**
 * Every event slug that starts with `prefix`. A range on the slug index rather than `LIKE`:
 * D1 refuses LIKE patterns over 50 bytes, and a slug made from a title may be 60 characters.
 * Under SQLite's binary collation every text that starts with `prefix` sorts between `prefix`
 * and `prefix` followed by the highest code point.
 */
export async function listSlugsStartingWith(d1: D1Database, prefix: string): Promise<string[]> {
  const { results } = await d1
    .prepare(`SELECT "slug" FROM "Event" WHERE "slug" >= ?1 AND "slug" < ?2`)
    .bind(prefix, `${prefix}\u{10FFFF}`)
    .all<{ slug: string }>();
  return results.map((e) => e.slug).filter((slug) => slug.startsWith(prefix));
}

// ---- Tiers: reads ----

/** A tier with its event, or null: one round trip. */
export async function findTierWithEvent(d1: D1Database, id: string): Promise<(TicketType & { event: Event }) | null> {
  const [tiers, events] = await d1.batch<Record<string, unknown>>([
    d1.prepare(`SELECT * FROM "TicketType" WHERE "id" = ?1`).bind(id),
    d1.prepare(`SELECT * FROM "Event" WHERE "id" = (SELECT "eventId" FROM "TicketType" WHERE "id" = ?1)`).bind(id),
  ]);
  const tier = tiers!.results[0];
  const event = events!.results[0];
  if (!tier || !event) return null;
  return { ...storedRow("TicketType", tier), event: storedRow("Event", event) };
}

/** The highest sort order among an event's tiers; null when it has none. */
export async function findLastTierSortOrder(d1: D1Database, eventId: string): Promise<number | null> {
  const last = await d1.prepare(`SELECT "sortOrder" FROM "TicketType" WHERE "eventId" = ?1 ORDER BY "sortOrder" DESC LIMIT 1`).bind(eventId).first<{ sortOrder: number }>();
  return last ? last.sortOrder : null;
}

/** Ids of an event's tiers with nothing sold or held and no ticket at all (even of a cancelled order). */
export async function listUnorderedTierIds(d1: D1Database, eventId: string): Promise<string[]> {
  const { results } = await d1
    .prepare(
      `SELECT t."id" FROM "TicketType" t
       WHERE t."eventId" = ?1 AND t."soldCount" = 0 AND t."heldCount" = 0 AND NOT EXISTS (SELECT 1 FROM "Ticket" WHERE "ticketTypeId" = t."id")`,
    )
    .bind(eventId)
    .all<{ id: string }>();
  return results.map((t) => t.id);
}

// ---- Events: changes ----

const eventColumns = [
  "slug", "title", "summary", "description", "venueName", "venueAddress", "timezone", "startsAt", "endsAt", "doorsOpenAt",
  "capacity", "salesStartAt", "salesEndAt", "currency", "maxPerOrder", "referencePrefix", "ticketEmailSubject",
  "holdOrdersLimit", "holdTicketsLimit", "ticketsPerMembership", "mainLanguage", "translations",
  "reminderHours", "notifyDailySummary", "notifySoldOut",
  "refundPolicy", "refundUntil", "refundFeeMinor", "changesCutoffHours",
] as const;

const eventValues = (e: EventRow) => [
  e.slug, e.title, e.summary, e.description, e.venueName, e.venueAddress, e.timezone, sqlTime(e.startsAt), sqlTime(e.endsAt),
  t(e.doorsOpenAt), e.capacity, t(e.salesStartAt), t(e.salesEndAt), e.currency, e.maxPerOrder, e.referencePrefix, e.ticketEmailSubject,
  e.holdOrdersLimit, e.holdTicketsLimit, e.ticketsPerMembership, e.mainLanguage, e.translations,
  e.reminderHours, e.notifyDailySummary ? 1 : 0, e.notifySoldOut ? 1 : 0,
  e.refundPolicy, t(e.refundUntil), e.refundFeeMinor, e.changesCutoffHours,
];

const quoted = (names: readonly string[]) => names.map((n) => `"${n}"`).join(", ");
const params = (from: number, n: number) => Array.from({ length: n }, (_, i) => `?${from + i}`).join(", ");

/** A new event (status as given, counters at zero). */
export function insertEventStatement(d1: D1Database, id: string, row: EventRow, status: string, now: Date): D1PreparedStatement {
  const n = eventColumns.length;
  return d1
    .prepare(
      `INSERT INTO "Event" ("id", "status", "createdAt", "updatedAt", ${quoted(eventColumns)})
       VALUES (?1, ?2, ?3, ?3, ${params(4, n)})`,
    )
    .bind(id, status, sqlTime(now), ...eventValues(row));
}

/**
 * Updates every editable field. When the new capacity is below the seats sold and held, the
 * statement fails (LIMIT_GUARD) and nothing in its batch is written.
 */
export function updateEventStatement(d1: D1Database, id: string, row: EventRow, now: Date): D1PreparedStatement {
  const sets = eventColumns.map((c, i) => `"${c}" = ?${i + 3}`).join(", ");
  const capacity = `?${eventColumns.indexOf("capacity") + 3}`;
  return d1
    .prepare(
      `UPDATE "Event" SET ${sets}, "updatedAt" = ?2, ${keepTakenWithinSql(capacity)} WHERE "id" = ?1`,
    )
    .bind(id, sqlTime(now), ...eventValues(row));
}

/** Replaces an event's programme with `items`. */
export function replaceAgendaStatements(d1: D1Database, eventId: string, items: AgendaRow[]): D1PreparedStatement[] {
  return [d1.prepare(`DELETE FROM "AgendaItem" WHERE "eventId" = ?1`).bind(eventId), ...insertAgendaStatements(d1, eventId, items)];
}

export function insertAgendaStatements(d1: D1Database, eventId: string, items: AgendaRow[]): D1PreparedStatement[] {
  return items.map((a) =>
    d1
      .prepare(`INSERT INTO "AgendaItem" ("id", "eventId", "startsAt", "title", "detail", "sortOrder", "translations") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)`)
      .bind(newId("agd"), eventId, sqlTime(a.startsAt), a.title, a.detail, a.sortOrder, a.translations),
  );
}

/**
 * Moves an event to `to`, but only from one of `from` (and, for publishing, only with a tier
 * and a start before its end). In any other state the statement fails (STATUS_GUARD).
 */
export function statusChangeStatement(d1: D1Database, id: string, from: string[], to: string, now: Date, requireTiers = false): D1PreparedStatement {
  const tiers = requireTiers ? `AND "startsAt" < "endsAt" AND EXISTS (SELECT 1 FROM "TicketType" WHERE "eventId" = "Event"."id")` : "";
  return d1
    .prepare(
      `UPDATE "Event" SET "status" = CASE WHEN "status" IN (SELECT value FROM json_each(?3)) ${tiers} THEN ?2 ELSE NULL END, "updatedAt" = ?4
       WHERE "id" = ?1`,
    )
    .bind(id, to, JSON.stringify(from), sqlTime(now));
}

// ---- Tiers: changes ----

const tierColumns = [
  "name", "description", "priceMinor", "quota", "eligibility", "declarationText", "accessCodeHash", "salesStartAt", "salesEndAt",
  "minPerOrder", "maxPerOrder", "sortOrder", "translations", "hidden",
] as const;

const tierValues = (r: TierRow) => [
  r.name, r.description, r.priceMinor, r.quota, r.eligibility, r.declarationText, r.accessCodeHash, t(r.salesStartAt), t(r.salesEndAt),
  r.minPerOrder, r.maxPerOrder, r.sortOrder, r.translations, r.hidden ? 1 : 0,
];

/** A new tier with its counters at zero. */
export function insertTierStatement(d1: D1Database, id: string, eventId: string, row: TierRow, now: Date): D1PreparedStatement {
  return d1
    .prepare(
      `INSERT INTO "TicketType" ("id", "eventId", "createdAt", "updatedAt", ${quoted(tierColumns)})
       VALUES (?1, ?2, ?3, ?3, ${params(4, tierColumns.length)})`,
    )
    .bind(id, eventId, sqlTime(now), ...tierValues(row));
}

/** Updates a tier; fails (LIMIT_GUARD) when the new quota is below its seats sold and held. */
export function updateTierStatement(d1: D1Database, id: string, row: TierRow, now: Date): D1PreparedStatement {
  const sets = tierColumns.map((c, i) => `"${c}" = ?${i + 3}`).join(", ");
  const quota = `?${tierColumns.indexOf("quota") + 3}`;
  return d1
    .prepare(
      `UPDATE "TicketType" SET ${sets}, "updatedAt" = ?2, ${keepTakenWithinSql(quota)} WHERE "id" = ?1`,
    )
    .bind(id, sqlTime(now), ...tierValues(row));
}

/** Rewrites a tier's texts (its event's main language changed). */
export function updateTierTextsStatement(d1: D1Database, id: string, row: TierTextsRow, now: Date): D1PreparedStatement {
  return d1
    .prepare(`UPDATE "TicketType" SET "name" = ?2, "description" = ?3, "declarationText" = ?4, "translations" = ?5, "updatedAt" = ?6 WHERE "id" = ?1`)
    .bind(id, row.name, row.description, row.declarationText, row.translations, sqlTime(now));
}

/**
 * Deletes a tier only while nothing of it is sold or held and no ticket (even of a cancelled
 * or expired order) points at it; otherwise it fails (LIMIT_GUARD) and nothing changes.
 */
export function deleteTierStatements(d1: D1Database, id: string): D1PreparedStatement[] {
  return [
    d1
      .prepare(
        `UPDATE "TicketType" SET "soldCount" = CASE
           WHEN "soldCount" = 0 AND "heldCount" = 0 AND NOT EXISTS (SELECT 1 FROM "Ticket" WHERE "ticketTypeId" = ?1) THEN 0 ELSE NULL END
         WHERE "id" = ?1`,
      )
      .bind(id),
    d1.prepare(`DELETE FROM "TicketType" WHERE "id" = ?1`).bind(id),
  ];
}

// ---- Running a change ----


/** Runs a batch; a constraint that names `guard` becomes `onGuard()`'s error instead. */
export async function runGuarded(d1: D1Database, statements: D1PreparedStatement[], guards: Array<[RegExp, () => Promise<Error> | Error]>): Promise<void> {
  try {
    await d1.batch(statements);
  } catch (err) {
    const message = String(err instanceof Error ? err.message : err);
    for (const [pattern, toError] of guards) if (pattern.test(message)) throw await toError();
    throw err;
  }
}
