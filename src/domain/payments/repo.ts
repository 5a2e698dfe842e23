// All SQL of payments: which Stripe events were applied, and the order a session points at.
import { sqlTime } from "@/lib/sql-time";

/** A Stripe event as it is recorded: its id and type. */
export type StripeEventRef = { id: string; type: string };

/**
 * A statement that records a Stripe event, for the batch that applies it, so the two happen
 * together or not at all. `onlyIf` is an SQL condition with ?1 bound to `orderId` (as for the
 * outbox's statements), evaluated in the same transaction; a repeat is ignored (the id is unique).
 */
export function recordStripeEventStatement(d1: D1Database, event: StripeEventRef, orderId: string, now: Date, onlyIf = "1"): D1PreparedStatement {
  return d1
    .prepare(`INSERT OR IGNORE INTO "StripeEvent" ("id", "type", "receivedAt") SELECT ?2, ?3, ?4 WHERE ${onlyIf}`)
    .bind(orderId, event.id, event.type, sqlTime(now));
}

/** Records an applied Stripe event (a repeat is ignored: the id is unique). */
export async function recordStripeEvent(d1: D1Database, event: { id: string; type: string }, now: Date): Promise<void> {
  await d1.prepare(`INSERT OR IGNORE INTO "StripeEvent" ("id", "type", "receivedAt") VALUES (?1, ?2, ?3)`).bind(event.id, event.type, sqlTime(now)).run();
}

/** An order's id and current Checkout Session, to match a session's webhook against. */
export type OrderSession = { id: string; stripeSessionId: string | null };

/**
 * Whether this Stripe event was applied before and, when it names an order, that order's
 * current Checkout Session: one D1 batch (one round trip) before the webhook applies it.
 */
export async function findEventSeenAndOrderSession(d1: D1Database, eventId: string, orderId: string | null): Promise<{ seen: boolean; order: OrderSession | null }> {
  const [seen, order] = await d1.batch<Record<string, unknown>>([
    d1.prepare(`SELECT "id" FROM "StripeEvent" WHERE "id" = ?1`).bind(eventId),
    d1.prepare(`SELECT "id", "stripeSessionId" FROM "Order" WHERE "id" = ?1`).bind(orderId),
  ]);
  return { seen: seen!.results.length > 0, order: (order!.results[0] as OrderSession | undefined) ?? null };
}
