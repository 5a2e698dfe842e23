// All SQL of payments: which Stripe events were applied, and the order a session points at.
import type { PrismaClient } from "@/generated/prisma/client";
import { sqlTime } from "@/lib/sql-time";

/** True when this Stripe event was applied before. */
export async function stripeEventSeen(db: PrismaClient, eventId: string): Promise<boolean> {
  return (await db.stripeEvent.findUnique({ where: { id: eventId }, select: { id: true } })) !== null;
}

/** Records an applied Stripe event (a repeat is ignored: the id is unique). */
export async function recordStripeEvent(d1: D1Database, event: { id: string; type: string }, now: Date): Promise<void> {
  await d1.prepare(`INSERT OR IGNORE INTO "StripeEvent" ("id", "type", "receivedAt") VALUES (?1, ?2, ?3)`).bind(event.id, event.type, sqlTime(now)).run();
}

/** An order's id and current Checkout Session, to match a session's webhook against. */
export function findOrderSession(db: PrismaClient, orderId: string) {
  return db.order.findUnique({ where: { id: orderId }, select: { id: true, stripeSessionId: true } });
}
