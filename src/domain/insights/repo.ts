// All SQL of the dashboard's pictures: the settled orders of an event with their valid tickets,
// and the times its tickets were checked in. One batch, one round trip.
import { runBatch } from "@/domain/batch";

/** The statuses whose money the dashboard counts (as its table does: orders/repo salesFigures). */
const SETTLED = `'paid', 'partially_refunded', 'refunded'`;

export type SaleRow = { at: string; totalMinor: number; tickets: number };
export type ArrivalRow = { at: string };

/** An event's settled orders (when paid, what they cost, their valid tickets) and its arrivals. */
export async function findInsightRows(d1: D1Database, eventId: string): Promise<{ sales: SaleRow[]; arrivals: ArrivalRow[] }> {
  const [sales, arrivals] = await runBatch(d1, [
    d1
      .prepare(
        `SELECT coalesce(o."paidAt", o."createdAt") AS "at", o."totalMinor" AS "totalMinor",
                (SELECT count(*) FROM "Ticket" t WHERE t."orderId" = o."id" AND t."status" = 'valid') AS "tickets"
         FROM "Order" o WHERE o."eventId" = ?1 AND o."status" IN (${SETTLED}) ORDER BY "at"`,
      )
      .bind(eventId),
    d1.prepare(`SELECT "checkedInAt" AS "at" FROM "Ticket" WHERE "eventId" = ?1 AND "status" = 'valid' AND "checkedInAt" IS NOT NULL ORDER BY "checkedInAt"`).bind(eventId),
  ]);
  return { sales: (sales?.results ?? []) as SaleRow[], arrivals: (arrivals?.results ?? []) as ArrivalRow[] };
}
