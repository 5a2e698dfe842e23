// All SQL of personal data retention and erasure. An erasure is one D1 batch: the personal
// fields of the chosen orders, their tickets, check-ins, mail and audit details are blanked,
// the orders marked `erasedAt`, and one audit entry written only when something was erased
// (`changes()`), so a repeated or concurrent run changes nothing.
import { enqueueEmailStatement, type Outbox } from "@/domain/mail/repo";
import { newId } from "@/lib/ids";
import { sqlTime } from "@/lib/sql-time";
import { storedRow } from "@/lib/stored-rows";

/** An event's retention facts as the reads below give them. */
type RetentionFacts = { id: string; endsAt: Date; retentionDays: number; retentionRemindedAt: Date | null };

const retentionFactsOf = (row: Record<string, unknown>): RetentionFacts => {
  const event = storedRow("Event", row);
  return { id: event.id, endsAt: event.endsAt, retentionDays: event.retentionDays, retentionRemindedAt: event.retentionRemindedAt };
};

/** Ended events whose personal data is not erased yet, with what retention needs to decide. */
export async function findRetentionCandidates(d1: D1Database, now: Date): Promise<RetentionFacts[]> {
  const { results } = await d1
    .prepare(
      `SELECT "id", "endsAt", "retentionDays", "retentionRemindedAt" FROM "Event"
       WHERE "personalDataErasedAt" IS NULL AND "endsAt" <= ?1 ORDER BY "endsAt" ASC`,
    )
    .bind(sqlTime(now))
    .all<Record<string, unknown>>();
  return results.map(retentionFactsOf);
}

/** An event's retention facts, or null. */
export async function findEventRetention(d1: D1Database, eventId: string): Promise<(RetentionFacts & { personalDataErasedAt: Date | null }) | null> {
  const row = await d1
    .prepare(`SELECT "id", "endsAt", "retentionDays", "retentionRemindedAt", "personalDataErasedAt" FROM "Event" WHERE "id" = ?1`)
    .bind(eventId)
    .first<Record<string, unknown>>();
  return row ? { ...retentionFactsOf(row), personalDataErasedAt: storedRow("Event", row).personalDataErasedAt } : null;
}

/** An order's erasure facts, or null. */
export async function findOrderErasure(d1: D1Database, orderId: string): Promise<{ id: string; eventId: string; status: string; erasedAt: Date | null } | null> {
  const row = await d1.prepare(`SELECT "id", "eventId", "status", "erasedAt" FROM "Order" WHERE "id" = ?1`).bind(orderId).first<Record<string, unknown>>();
  if (!row) return null;
  const order = storedRow("Order", row);
  return { id: order.id, eventId: order.eventId, status: order.status, erasedAt: order.erasedAt };
}

/** The people told before an event's data is erased: every active owner and organiser. */
export async function findOrganiserRecipients(d1: D1Database): Promise<Array<{ email: string }>> {
  const { results } = await d1
    .prepare(`SELECT "email" FROM "Staff" WHERE "role" IN ('owner', 'organiser') AND "disabledAt" IS NULL ORDER BY "email" ASC`)
    .all<{ email: string }>();
  return results.map((r) => ({ email: r.email }));
}

/** Sets an event's retention period (days after its end). */
export async function saveRetentionDays(d1: D1Database, eventId: string, days: number, now: Date) {
  await d1.prepare(`UPDATE "Event" SET "retentionDays" = ?2, "updatedAt" = ?3 WHERE "id" = ?1`).bind(eventId, days, sqlTime(now)).run();
}

/**
 * The week's-notice emails to each organiser (once per person and event: idempotency keys)
 * and the event's mark that they went out.
 */
export function retentionReminderStatements(outbox: Outbox, eventId: string, recipients: string[], now: Date): D1PreparedStatement[] {
  return [
    ...recipients.map((recipient) =>
      enqueueEmailStatement(outbox, { template: "retention_reminder", recipient, orderId: null, data: { eventId }, idempotencyKey: `retention-reminder-${eventId}-${recipient.toLowerCase()}` }, now),
    ),
    outbox.d1.prepare(`UPDATE "Event" SET "retentionRemindedAt" = ?2 WHERE "id" = ?1 AND "retentionRemindedAt" IS NULL`).bind(eventId, sqlTime(now)),
  ];
}

/** Which orders an erasure covers: all of an event's, or one. */
export type ErasureScope = { eventId: string } | { orderId: string };

/**
 * The statements that erase the personal data of the scope's orders not erased yet. `?1` is
 * the event or order id, `?2` the time. Kept: ids, references, statuses, money, counts,
 * tiers, check-in times and results, languages.
 */
export function erasureStatements(d1: D1Database, scope: ErasureScope, now: Date, staffId: string | null): D1PreparedStatement[] {
  const byEvent = "eventId" in scope;
  const id = byEvent ? scope.eventId : scope.orderId;
  const at = sqlTime(now);
  const orders = `SELECT "id" FROM "Order" WHERE ${byEvent ? `"eventId"` : `"id"`} = ?1 AND "erasedAt" IS NULL`;
  // D1 wants exactly the parameters a statement names.
  const run = (sql: string) => (sql.includes("?2") ? d1.prepare(sql).bind(id, at) : d1.prepare(sql).bind(id));
  const statements = [
    // "Email me my tickets again" requests name the address in their data: erased first, while the order still names it.
    run(
      `UPDATE "OutboxEmail" SET "recipient" = '', "data" = json_remove("data", '$.email'),
         "status" = CASE WHEN "status" = 'pending' THEN 'failed' ELSE "status" END,
         "lastError" = CASE WHEN "status" = 'pending' THEN 'personal_data_erased' ELSE "lastError" END
       WHERE "template" = 'tickets_again' AND "recipient" <> '' AND lower("recipient") IN (
         SELECT lower("buyerEmail") FROM "Order" WHERE "id" IN (${orders})
         UNION SELECT lower("attendeeEmail") FROM "Ticket" WHERE "orderId" IN (${orders}) AND "attendeeEmail" IS NOT NULL)
         AND json_extract("data", '$.eventId') IN (SELECT "eventId" FROM "Order" WHERE "id" IN (${orders}))`,
    ),
    run(
      `UPDATE "OutboxEmail" SET "recipient" = '',
         "status" = CASE WHEN "status" = 'pending' THEN 'failed' ELSE "status" END,
         "lastError" = CASE WHEN "status" = 'pending' THEN 'personal_data_erased' ELSE "lastError" END
       WHERE "orderId" IN (${orders}) AND "recipient" <> ''`,
    ),
    run(`UPDATE "AuditEntry" SET "detail" = json_remove("detail", '$.from', '$.to', '$.attendee') WHERE "entity" = 'order' AND "entityId" IN (${orders})`),
    byEvent
      ? run(`UPDATE "CheckIn" SET "device" = '' WHERE "eventId" = ?1 AND "device" <> ''`)
      : run(`UPDATE "CheckIn" SET "device" = '' WHERE "ticketId" IN (SELECT "id" FROM "Ticket" WHERE "orderId" IN (${orders})) AND "device" <> ''`),
    run(
      `UPDATE "Ticket" SET "attendeeName" = '', "attendeeEmail" = NULL, "eligibilityAnswer" = NULL, "checkedInDevice" = NULL, "searchText" = ''
       WHERE "orderId" IN (${orders})`,
    ),
    // Answers to the organisers' questions (dietary and access needs among them) are personal:
    // deleted outright, as nothing in the accounts depends on them.
    run(`DELETE FROM "Answer" WHERE "orderId" IN (${orders})`),
    run(
      `UPDATE "Order" SET "buyerName" = '', "buyerEmail" = '', "clientKey" = NULL, "searchText" = lower("reference"), "erasedAt" = ?2
       WHERE "id" IN (${orders})`,
    ),
  ];
  if (byEvent) {
    // The waiting list names people too: their names go, and each address becomes the entry's
    // own id (still unique per tier), as do the addresses of its emails.
    statements.push(
      run(`UPDATE "OutboxEmail" SET "recipient" = '' WHERE "template" IN ('waitlist_joined', 'waitlist_offer') AND json_extract("data", '$.entryId') IN (SELECT "id" FROM "WaitlistEntry" WHERE "eventId" = ?1)`),
      run(`UPDATE "WaitlistEntry" SET "name" = '', "email" = "id", "updatedAt" = ?2 WHERE "eventId" = ?1 AND "email" <> "id"`),
      run(`UPDATE "Event" SET "personalDataErasedAt" = ?2 WHERE "id" = ?1 AND "personalDataErasedAt" IS NULL`),
    );
  }
  // Written only when the statement just before changed a row: the first run of this erasure.
  statements.push(
    d1
      .prepare(
        `INSERT INTO "AuditEntry" ("id", "staffId", "action", "entity", "entityId", "detail", "createdAt")
         SELECT ?3, ?4, ?5, ?6, ?1, json_object('count', (SELECT count(*) FROM "Order" WHERE ${byEvent ? `"eventId"` : `"id"`} = ?1 AND "erasedAt" = ?2)), ?2
         WHERE changes() > 0`,
      )
      .bind(id, at, newId("aud"), staffId, byEvent ? "event_personal_data_erased" : "order_personal_data_erased", byEvent ? "event" : "order"),
  );
  return statements;
}
