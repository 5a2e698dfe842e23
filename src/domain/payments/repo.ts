// All SQL of payments: which Stripe events were applied, and the order a session points at.
import { sqlTime } from "@/lib/sql-time";

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
