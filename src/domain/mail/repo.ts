import { DomainError } from "@/domain/errors";
import type { Event, OutboxEmail } from "@/generated/prisma/client";
import { newId } from "@/lib/ids";
import { sqlTime } from "@/lib/sql-time";
import { firstStored, storedRow } from "@/lib/stored-rows";

/** The emails the service sends; each has a template in emails/. */
export type EmailTemplate =
  | "order_confirmation"
  | "attendee_ticket"
  | "tickets_again"
  | "late_payment_refunded"
  | "payment_failed"
  | "sign_in_link"
  | "refund_issued"
  | "order_cancelled"
  | "attendee_message"
  | "event_reminder"
  | "reminder_preview"
  | "daily_summary"
  | "sold_out"
  | "retention_reminder"
  | "self_service_change"
  | "waitlist_joined"
  | "waitlist_offer";

/** Where mail is queued: the database, and whoever sends it right after the request (ServiceDeps). */
export type Outbox = { d1: D1Database; mailQueued?: ((orderId: string | null) => void) | undefined };

/**
 * A statement that queues an email in the outbox, for use inside the batch that makes the
 * change the email reports, so the two happen together or not at all. `onlyIf` is an SQL
 * condition (with ?1 bound to `orderId`) evaluated in the same transaction; the idempotency
 * key makes a repeated queueing a no-op.
 */
export function enqueueEmailStatement(
  outbox: Outbox,
  email: { template: EmailTemplate; recipient: string; orderId: string | null; data: Record<string, unknown>; idempotencyKey: string },
  now: Date,
  onlyIf = "1",
): D1PreparedStatement {
  outbox.mailQueued?.(email.orderId);
  return outbox.d1
    .prepare(
      `INSERT OR IGNORE INTO "OutboxEmail" ("id", "recipient", "template", "data", "status", "attempts", "nextAttemptAt", "idempotencyKey", "orderId", "createdAt")
       SELECT ?2, ?3, ?4, ?5, 'pending', 0, ?6, ?7, ?1, ?6 WHERE ${onlyIf}`,
    )
    .bind(email.orderId, newId("eml"), email.recipient, email.template, JSON.stringify(email.data), sqlTime(now), email.idempotencyKey);
}

/**
 * The ticket emails of a confirmed order: one to the buyer with every ticket, and one to each
 * attendee who gave an address other than the buyer's, with their own ticket. For the batch
 * that confirms the order; `onlyIf` as above.
 */
export function ticketEmailStatements(outbox: Outbox, orderId: string, now: Date, onlyIf = "1"): D1PreparedStatement[] {
  const at = sqlTime(now);
  const { d1 } = outbox;
  outbox.mailQueued?.(orderId);
  return [
    d1
      .prepare(
        `INSERT OR IGNORE INTO "OutboxEmail" ("id", "recipient", "template", "data", "status", "attempts", "nextAttemptAt", "idempotencyKey", "orderId", "createdAt")
         SELECT ?2, o."buyerEmail", 'order_confirmation', json_object('orderId', o."id"), 'pending', 0, ?3, 'order-confirmation-' || o."id", o."id", ?3
         FROM "Order" o WHERE o."id" = ?1 AND ${onlyIf}`,
      )
      .bind(orderId, newId("eml"), at),
    d1
      .prepare(
        `INSERT OR IGNORE INTO "OutboxEmail" ("id", "recipient", "template", "data", "status", "attempts", "nextAttemptAt", "idempotencyKey", "orderId", "createdAt")
         SELECT 'eml_' || lower(hex(randomblob(10))), t."attendeeEmail", 'attendee_ticket', json_object('orderId', t."orderId", 'ticketId', t."id"),
                'pending', 0, ?2, 'attendee-ticket-' || t."id", t."orderId", ?2
         FROM "Ticket" t JOIN "Order" o ON o."id" = t."orderId"
         WHERE t."orderId" = ?1 AND t."attendeeEmail" IS NOT NULL AND lower(t."attendeeEmail") <> lower(o."buyerEmail") AND ${onlyIf}`,
      )
      .bind(orderId, at),
  ];
}

// ---- The sender's reads and writes ----

/**
 * Claims up to `limit` messages due now (of the given orders, when given) for `leaseMs`, oldest first:
 * one conditional update (UPDATE … RETURNING), so two senders running at once (the kick after a
 * request and the cron) never both get a message, and each claim counts an attempt. `reads` go
 * in the same batch, after the claim (one round trip, one consistent view): the sender reads what
 * composing the messages needs with them. The claimed rows, and the results of `reads`.
 */
export async function claimDueEmails(
  d1: D1Database,
  claim: { now: Date; limit: number; leaseMs: number; orderIds?: readonly string[] | undefined },
  reads: D1PreparedStatement[] = [],
): Promise<{ rows: OutboxEmail[]; reads: Array<D1Result<Record<string, unknown>>> }> {
  const orderIds = claim.orderIds ?? [];
  const forOrder = orderIds.length ? ` AND "orderId" IN (${orderIds.map((_, i) => `?${i + 4}`).join(", ")})` : "";
  const statement = d1.prepare(
    `UPDATE "OutboxEmail" SET "attempts" = "attempts" + 1, "nextAttemptAt" = ?2
     WHERE "status" = 'pending' AND "nextAttemptAt" <= ?1 AND "id" IN (
       SELECT "id" FROM "OutboxEmail" WHERE "status" = 'pending' AND "nextAttemptAt" <= ?1${forOrder} ORDER BY "nextAttemptAt" ASC LIMIT ?3
     ) RETURNING *`,
  );
  const params = [sqlTime(claim.now), sqlTime(new Date(claim.now.getTime() + claim.leaseMs)), claim.limit, ...orderIds];
  const [claimed, ...results] = await d1.batch<Record<string, unknown>>([statement.bind(...params), ...reads]);
  // RETURNING has no order; the oldest message goes first.
  const rows = claimed!.results.map((r) => storedRow("OutboxEmail", r)).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { rows, reads: results };
}

/** How sending a message went: sent (with the provider's id), skipped, failed, or to be retried at `retryAt`. */
export type SendOutcome = { status: "sent"; providerId: string; at: Date } | { status: "skipped" | "failed"; error: string } | { status: "retry"; error: string; retryAt: Date };

/** Records how sending went for each message, in one batch. */
export async function recordSendOutcomes(d1: D1Database, outcomes: ReadonlyArray<{ id: string; outcome: SendOutcome }>): Promise<void> {
  if (!outcomes.length) return;
  await d1.batch(
    outcomes.map(({ id, outcome }) =>
      outcome.status === "sent"
        ? d1.prepare(`UPDATE "OutboxEmail" SET "status" = 'sent', "providerId" = ?2, "sentAt" = ?3, "lastError" = NULL WHERE "id" = ?1`).bind(id, outcome.providerId, sqlTime(outcome.at))
        : outcome.status === "retry"
          ? d1.prepare(`UPDATE "OutboxEmail" SET "lastError" = ?2, "nextAttemptAt" = ?3 WHERE "id" = ?1`).bind(id, outcome.error.slice(0, 500), sqlTime(outcome.retryAt))
          : d1.prepare(`UPDATE "OutboxEmail" SET "status" = ?2, "lastError" = ?3 WHERE "id" = ?1`).bind(id, outcome.status, outcome.error.slice(0, 500)),
    ),
  );
}

/** A message by id (organisers retrying a failed one). */
export async function findEmail(d1: D1Database, id: string): Promise<OutboxEmail | null> {
  return firstStored("OutboxEmail", d1.prepare(`SELECT * FROM "OutboxEmail" WHERE "id" = ?1`).bind(id));
}

/** Puts a failed message back in the queue, due now; true when it was failed. */
export async function requeueFailedEmail(d1: D1Database, id: string, now: Date): Promise<boolean> {
  const { meta } = await d1
    .prepare(`UPDATE "OutboxEmail" SET "status" = 'pending', "attempts" = 0, "nextAttemptAt" = ?2, "lastError" = NULL WHERE "id" = ?1 AND "status" = 'failed'`)
    .bind(id, sqlTime(now))
    .run();
  return meta.changes === 1;
}

// ---- What a message says, read when it is sent (so a ticket cancelled meanwhile is left out) ----

/** An event by id. */
export async function findEventForEmail(d1: D1Database, eventId: string): Promise<Event> {
  const row = await d1.prepare(`SELECT * FROM "Event" WHERE "id" = ?1`).bind(eventId).first<Record<string, unknown>>();
  if (!row) throw new DomainError("not_found", { what: "event" });
  return storedRow("Event", row);
}
