import { newId } from "@/lib/ids";
import { sqlTime } from "@/lib/sql-time";

/** The emails the service sends; each names a template in emails/. */
export type EmailTemplate = "order_confirmation" | "late_payment_refunded" | "payment_failed";

/**
 * A statement that queues an email in the outbox, for use inside the batch that makes the
 * change the email reports, so the two happen together or not at all. `onlyIf` is an SQL
 * condition (with ?1 bound to `orderId`) evaluated in the same transaction; the idempotency
 * key makes a repeated queueing a no-op.
 */
export function enqueueEmailStatement(
  d1: D1Database,
  email: { template: EmailTemplate; recipient: string; orderId: string; data: Record<string, unknown>; idempotencyKey: string },
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
