// The rows of an attendee list, read from D1 in pages so that an export of any size holds only
// one page in memory at a time.
import { DomainError } from "@/domain/errors";

/** Rows per query: large enough that D1 round trips do not dominate, small enough to stay flat. */
export const EXPORT_BATCH_SIZE = 500;

export type ExportEvent = { id: string; slug: string; title: string; timezone: string; status: string; mainLanguage?: string };

/** One ticket as the attendee list shows it. Times are as stored (UTC text). */
export type AttendeeRow = {
  seq: number;
  reference: string;
  attendeeName: string;
  attendeeEmail: string | null;
  ticketType: string;
  pricePaidMinor: number;
  currency: string;
  ticketStatus: string;
  orderStatus: string;
  checkedInAt: string | null;
  buyerName: string;
  buyerEmail: string;
  eligibilityAnswer: string | null;
  orderedAt: string;
  paidAt: string | null;
  /** The code of the voucher that priced the ticket, and what it took off (0: none). */
  voucherCode: string | null;
  discountMinor: number;
  ticketId: string;
  orderId: string;
};

/** The event an export is for, by id (organiser pages) or slug (API); unknown → not_found. */
export async function findExportEvent(d1: D1Database, where: { id: string } | { slug: string }): Promise<ExportEvent> {
  const event = await d1
    .prepare(`SELECT "id", "slug", "title", "timezone", "status", "mainLanguage" FROM "Event" WHERE ${"id" in where ? `"id"` : `"slug"`} = ?1`)
    .bind("id" in where ? where.id : where.slug)
    .first<ExportEvent>();
  if (!event) throw new DomainError("not_found", { what: "event", next: "address_or_events" });
  return event;
}

// Orders that ever took money: paid and partly refunded ones, and refunded or cancelled ones
// that had been paid (their tickets show as refunded/cancelled). Pending and expired orders,
// and checkouts the buyer cancelled before paying, never held a place, so they are left out.
const LISTED_ORDERS = `(o."status" IN ('paid', 'partially_refunded') OR (o."status" IN ('refunded', 'cancelled') AND o."paidAt" IS NOT NULL))`;

// Keyset pagination on the ticket's rowid. A ticket is written in the same D1 batch as its order
// (one transaction, serialised by D1), in the order the buyer listed the attendees, so rowid
// order is order-creation order, then ticket order within the order. `NOT INDEXED` makes SQLite
// walk the rowid range instead of the (eventId, status) index, which would sort every remaining
// ticket of the event again for each page. Four bound parameters per query.
const PAGE_SQL = `
  SELECT t.rowid AS "seq", o."reference", t."attendeeName", t."attendeeEmail", tt."name" AS "ticketType",
    t."pricePaidMinor", o."currency", t."status" AS "ticketStatus", o."status" AS "orderStatus", t."checkedInAt",
    o."buyerName", o."buyerEmail", t."eligibilityAnswer", o."createdAt" AS "orderedAt", o."paidAt",
    v."code" AS "voucherCode", t."discountMinor", t."id" AS "ticketId", o."id" AS "orderId"
  FROM "Ticket" AS t NOT INDEXED
  JOIN "Order" AS o ON o."id" = t."orderId"
  JOIN "TicketType" AS tt ON tt."id" = t."ticketTypeId"
  LEFT JOIN "Voucher" AS v ON v."id" = t."voucherId"
  WHERE t."eventId" = ?1 AND t.rowid > ?2 AND t.rowid <= ?3 AND ${LISTED_ORDERS}
  ORDER BY t.rowid
  LIMIT ?4`;

/**
 * The event's attendee rows in pages of `batchSize`, ordered by order creation then ticket.
 * The rowid range is fixed when the export starts, so tickets sold meanwhile do not join a
 * list half-way through, and pages only walk the stretch of the table that holds this event.
 */
export async function* attendeeBatches(d1: D1Database, eventId: string, batchSize = EXPORT_BATCH_SIZE): AsyncGenerator<AttendeeRow[]> {
  const range = await d1
    .prepare(`SELECT min(rowid) AS "first", max(rowid) AS "last" FROM "Ticket" WHERE "eventId" = ?1`)
    .bind(eventId)
    .first<{ first: number | null; last: number | null }>();
  if (range?.first == null || range.last == null) return;
  const page = d1.prepare(PAGE_SQL);
  let after = range.first - 1;
  for (;;) {
    const { results } = await page.bind(eventId, after, range.last, batchSize).all<AttendeeRow>();
    if (results.length) yield results;
    if (results.length < batchSize) return;
    after = results[results.length - 1]!.seq;
  }
}
