import { sqlTime } from "@/lib/sql-time";
import { newId } from "@/lib/ids";

// All SQL of reminders and the organisers' notifications. Mail is queued in the outbox with an
// idempotency key, so a run repeated (two crons at once, one late) queues nothing twice.

/** An event whose reminders may be due: published, with a reminder, starting within a week. */
export type ReminderEvent = { id: string; startsAt: string; timezone: string; reminderHours: number };

/** The longest reminder the form offers, in hours (reminder-input.ts `reminderChoices`). */
const LONGEST_REMINDER_HOURS = 168;

/** Published events with a reminder set that start after `now` and within the longest reminder. */
export async function findEventsWithReminders(d1: D1Database, now: Date): Promise<ReminderEvent[]> {
  const horizon = new Date(now.getTime() + (LONGEST_REMINDER_HOURS + 2) * 3_600_000);
  const { results } = await d1
    .prepare(
      `SELECT "id", "startsAt", "timezone", "reminderHours" FROM "Event"
       WHERE "status" = 'published' AND "reminderHours" IS NOT NULL AND "startsAt" > ?1 AND "startsAt" <= ?2`,
    )
    .bind(sqlTime(now), sqlTime(horizon))
    .all<ReminderEvent>();
  return results;
}

/** The same states tickets/status.ts calls `valid`: the ticket valid, its order paid (or partly refunded), its event published. */
const ADMITS = `t."status" = 'valid' AND o."status" IN ('paid', 'partially_refunded') AND e."status" = 'published'`;

/**
 * Up to `limit` reminders each for buyers (one per order, with all its tickets) and for
 * attendees who gave their own address (one per ticket), for orders confirmed by `moment` (the
 * reminder's time: later buyers have just had their tickets). Two statements for one batch;
 * each inserts only rows not queued before (idempotency keys `reminder-order-…`,
 * `reminder-ticket-…`), so running it again queues only what is still missing.
 */
export function queueReminderStatements(d1: D1Database, eventId: string, moment: Date, now: Date, limit: number): D1PreparedStatement[] {
  const at = sqlTime(now);
  const by = sqlTime(moment);
  return [
    d1
      .prepare(
        `INSERT OR IGNORE INTO "OutboxEmail" ("id", "recipient", "template", "data", "status", "attempts", "nextAttemptAt", "idempotencyKey", "orderId", "createdAt")
         SELECT 'eml_' || lower(hex(randomblob(10))), o."buyerEmail", 'event_reminder', json_object('orderId', o."id"), 'pending', 0, ?2, 'reminder-order-' || o."id", o."id", ?2
         FROM "Order" o JOIN "Event" e ON e."id" = o."eventId"
         WHERE o."eventId" = ?1 AND COALESCE(o."paidAt", o."createdAt") <= ?3
           AND EXISTS (SELECT 1 FROM "Ticket" t WHERE t."orderId" = o."id" AND ${ADMITS})
           AND NOT EXISTS (SELECT 1 FROM "OutboxEmail" x WHERE x."idempotencyKey" = 'reminder-order-' || o."id")
         LIMIT ?4`,
      )
      .bind(eventId, at, by, limit),
    d1
      .prepare(
        `INSERT OR IGNORE INTO "OutboxEmail" ("id", "recipient", "template", "data", "status", "attempts", "nextAttemptAt", "idempotencyKey", "orderId", "createdAt")
         SELECT 'eml_' || lower(hex(randomblob(10))), t."attendeeEmail", 'event_reminder', json_object('orderId', t."orderId", 'ticketId', t."id"), 'pending', 0, ?2,
                'reminder-ticket-' || t."id", t."orderId", ?2
         FROM "Ticket" t JOIN "Order" o ON o."id" = t."orderId" JOIN "Event" e ON e."id" = t."eventId"
         WHERE t."eventId" = ?1 AND ${ADMITS} AND COALESCE(o."paidAt", o."createdAt") <= ?3
           AND t."attendeeEmail" IS NOT NULL AND lower(t."attendeeEmail") <> lower(o."buyerEmail")
           AND NOT EXISTS (SELECT 1 FROM "OutboxEmail" x WHERE x."idempotencyKey" = 'reminder-ticket-' || t."id")
         LIMIT ?4`,
      )
      .bind(eventId, at, by, limit),
  ];
}

// ---- The organisers' notifications ----

/** Staff who hear about sales: owners and organisers still enabled. */
const ORGANISERS = `s."role" IN ('owner', 'organiser') AND s."disabledAt" IS NULL`;

/** The outbox row of one notification per organiser, keyed `key || staff id` so it is queued once. */
const perOrganiser = (data: string, key: string, onlyIf: string) =>
  `INSERT OR IGNORE INTO "OutboxEmail" ("id", "recipient", "template", "data", "status", "attempts", "nextAttemptAt", "idempotencyKey", "orderId", "createdAt")
   SELECT 'eml_' || lower(hex(randomblob(10))), s."email", ?2, ${data}, 'pending', 0, ?3, ${key} || s."id", NULL, ?3
   FROM "Staff" s WHERE ${ORGANISERS} AND ${onlyIf}
   LIMIT 100`;

/** Published events that asked for a daily summary and have not ended. */
export async function findEventsWantingSummaries(d1: D1Database, now: Date): Promise<Array<{ id: string }>> {
  const { results } = await d1
    .prepare(`SELECT "id" FROM "Event" WHERE "status" = 'published' AND "notifyDailySummary" = 1 AND "endsAt" > ?1 LIMIT 200`)
    .bind(sqlTime(now))
    .all<{ id: string }>();
  return results;
}

/** Queues one event's summary for `date` (the organisation's day) to each organiser, once per day (key `daily-summary-<event>-<date>-<staff>`). */
export function queueSummaryStatement(d1: D1Database, eventId: string, date: string, window: { from: Date; to: Date }, now: Date): D1PreparedStatement {
  return d1
    .prepare(perOrganiser(`json_object('eventId', ?1, 'date', ?4, 'from', ?5, 'to', ?6, 'name', s."name", 'language', s."language")`, `'daily-summary-' || ?1 || '-' || ?4 || '-'`, "1"))
    .bind(eventId, "daily_summary", sqlTime(now), date, sqlTime(window.from), sqlTime(window.to));
}

/**
 * Forgets the sold-out alerts of events and tiers that have places again (a refund, a
 * cancellation, a larger capacity), so that selling out again alerts again.
 */
export function rearmSoldOutStatements(d1: D1Database): D1PreparedStatement[] {
  return [
    d1.prepare(`UPDATE "Event" SET "soldOutNotifiedAt" = NULL WHERE "soldOutNotifiedAt" IS NOT NULL AND ("capacity" IS NULL OR "soldCount" < "capacity")`),
    d1.prepare(`UPDATE "TicketType" SET "soldOutNotifiedAt" = NULL WHERE "soldOutNotifiedAt" IS NOT NULL AND ("quota" IS NULL OR "soldCount" < "quota")`),
  ];
}

/** Events and tiers whose paid tickets fill their places, not yet alerted, of published events that asked for alerts and have not ended. */
export async function findNewlySoldOut(d1: D1Database, now: Date): Promise<Array<{ eventId: string; tierId: string | null }>> {
  const { results } = await d1
    .prepare(
      `SELECT e."id" AS "eventId", NULL AS "tierId" FROM "Event" e
       WHERE e."status" = 'published' AND e."notifySoldOut" = 1 AND e."endsAt" > ?1 AND e."capacity" IS NOT NULL AND e."soldCount" >= e."capacity" AND e."soldOutNotifiedAt" IS NULL
       UNION ALL
       SELECT e."id", t."id" FROM "TicketType" t JOIN "Event" e ON e."id" = t."eventId"
       WHERE e."status" = 'published' AND e."notifySoldOut" = 1 AND e."endsAt" > ?1 AND t."quota" IS NOT NULL AND t."soldCount" >= t."quota" AND t."soldOutNotifiedAt" IS NULL
       LIMIT 100`,
    )
    .bind(sqlTime(now))
    .all<{ eventId: string; tierId: string | null }>();
  return results;
}

/**
 * Marks one sell-out as alerted and queues its alert to each organiser, in one batch: the
 * alert is queued only by the run whose mark went in, so two runs at once alert once.
 */
export function soldOutAlertStatements(d1: D1Database, sellOut: { eventId: string; tierId: string | null }, now: Date): D1PreparedStatement[] {
  const at = sqlTime(now);
  const [table, id, full] = sellOut.tierId ? ["TicketType", sellOut.tierId, `"soldCount" >= "quota"`] : ["Event", sellOut.eventId, `"soldCount" >= "capacity"`];
  return [
    d1.prepare(`UPDATE "${table}" SET "soldOutNotifiedAt" = ?2 WHERE "id" = ?1 AND "soldOutNotifiedAt" IS NULL AND ${full}`).bind(id, at),
    d1
      .prepare(
        perOrganiser(
          `json_object('eventId', ?1, 'tierId', ?4, 'name', s."name", 'language', s."language")`,
          `'sold-out-' || ?5 || '-' || ?3 || '-'`,
          `(SELECT "soldOutNotifiedAt" FROM "${table}" WHERE "id" = ?5) = ?3`,
        ),
      )
      .bind(sellOut.eventId, "sold_out", at, sellOut.tierId, id),
  ];
}

/** What a daily summary says: seats now, takings, and tickets in orders paid within the window. */
export async function summaryFigures(d1: D1Database, eventId: string, window: { from: Date; to: Date }) {
  const [money, since] = await d1.batch([
    d1
      .prepare(`SELECT COALESCE(SUM("totalMinor" - "refundedMinor"), 0) AS "revenueMinor" FROM "Order" WHERE "eventId" = ?1 AND "status" IN ('paid', 'partially_refunded')`)
      .bind(eventId),
    d1
      .prepare(
        `SELECT COUNT(*) AS "count" FROM "Ticket" t JOIN "Order" o ON o."id" = t."orderId"
         WHERE t."eventId" = ?1 AND t."status" = 'valid' AND o."status" IN ('paid', 'partially_refunded') AND o."paidAt" >= ?2 AND o."paidAt" < ?3`,
      )
      .bind(eventId, sqlTime(window.from), sqlTime(window.to)),
  ]);
  return {
    revenueMinor: (money!.results[0] as { revenueMinor: number }).revenueMinor,
    soldSince: (since!.results[0] as { count: number }).count,
  };
}

/** Runs statements as one batch (one transaction); the rows each wrote. */
export async function runBatch(d1: D1Database, statements: D1PreparedStatement[]): Promise<number[]> {
  if (!statements.length) return [];
  return (await d1.batch(statements)).map((r) => r.meta.changes ?? 0);
}

// ---- An organiser's preview of the reminder ----

/** Who asked for a preview, and what its outbox row carries (the composer reads `data`). */
export type PreviewRequest = { staffId: string; email: string; eventId: string; data: Record<string, unknown>; since: Date };

/**
 * Queues one preview of an event's reminder to the staff member who asked, unless one for the
 * same person and event was queued since `since` (a second press of the button), and audits
 * it: the audit row goes in only if the email did, in the same batch.
 */
export function reminderPreviewStatements(d1: D1Database, request: PreviewRequest, now: Date): D1PreparedStatement[] {
  const at = sqlTime(now);
  const emailId = newId("eml");
  return [
    d1
      .prepare(
        `INSERT OR IGNORE INTO "OutboxEmail" ("id", "recipient", "template", "data", "status", "attempts", "nextAttemptAt", "idempotencyKey", "orderId", "createdAt")
         SELECT ?1, ?2, 'reminder_preview', ?3, 'pending', 0, ?4, 'reminder-preview-' || ?5 || '-' || ?6 || '-' || ?1, NULL, ?4
         WHERE NOT EXISTS (
           SELECT 1 FROM "OutboxEmail" x WHERE x."template" = 'reminder_preview' AND x."createdAt" > ?7
             AND json_extract(x."data", '$.eventId') = ?5 AND json_extract(x."data", '$.staffId') = ?6)`,
      )
      .bind(emailId, request.email, JSON.stringify({ ...request.data, eventId: request.eventId, staffId: request.staffId }), at, request.eventId, request.staffId, sqlTime(request.since)),
    d1
      .prepare(
        `INSERT INTO "AuditEntry" ("id", "staffId", "action", "entity", "entityId", "detail", "createdAt")
         SELECT ?1, ?2, 'reminder_preview_sent', 'event', ?3, json_object('email', ?4, 'emailId', ?5), ?6
         WHERE EXISTS (SELECT 1 FROM "OutboxEmail" WHERE "id" = ?5)`,
      )
      .bind(newId("aud"), request.staffId, request.eventId, request.email, emailId, at),
  ];
}
