import { sqlTime } from "@/lib/sql-time";

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
