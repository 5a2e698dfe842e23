import { newId } from "@/lib/ids";
import { sqlTime } from "@/lib/sql-time";

/** The emails the service sends; each has a template in emails/. */
export type EmailTemplate =
  | "order_confirmation"
  | "attendee_ticket"
  | "tickets_again"
  | "late_payment_refunded"
  | "payment_failed"
  | "sign_in_link"
  | "refund_issued";

/**
 * A statement that queues an email in the outbox, for use inside the batch that makes the
 * change the email reports, so the two happen together or not at all. `onlyIf` is an SQL
 * condition (with ?1 bound to `orderId`) evaluated in the same transaction; the idempotency
 * key makes a repeated queueing a no-op.
 */
export function enqueueEmailStatement(
  d1: D1Database,
  email: { template: EmailTemplate; recipient: string; orderId: string | null; data: Record<string, unknown>; idempotencyKey: string },
  now: Date,
  onlyIf = "1",
): D1PreparedStatement {
  return d1
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
export function ticketEmailStatements(d1: D1Database, orderId: string, now: Date, onlyIf = "1"): D1PreparedStatement[] {
  const at = sqlTime(now);
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
