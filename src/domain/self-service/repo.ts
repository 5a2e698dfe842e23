// All SQL of attendees' self-service: handing a ticket over to someone else. Renaming and
// cancelling reuse the orders aggregate's statements (orders/repo, orders/seats).
import { normaliseEmail, searchText } from "@/lib/text";
import { sqlTime } from "@/lib/sql-time";

/** What a transfer writes: the ticket handed over, and its successor's id, token and holder. */
export type TransferRow = { fromId: string; toId: string; token: string; name: string; email: string };

/**
 * Hands a ticket over, as two statements for one batch:
 * 1. the old ticket becomes `transferred` if it is still valid and not checked in;
 * 2. a new valid ticket (same order, tier, price and the voucher that priced it, language) is written for the new holder,
 *    only when statement 1 changed a row (`changes()` reads the statement just before it in
 *    the batch's transaction), so two racing transfers of one ticket make one successor.
 * Seat counters do not move: one valid ticket replaces another (orders/seats counts valid tickets).
 */
export function transferStatements(d1: D1Database, t: TransferRow, now: Date): D1PreparedStatement[] {
  const at = sqlTime(now);
  const email = normaliseEmail(t.email);
  return [
    d1
      .prepare(`UPDATE "Ticket" SET "status" = 'transferred', "updatedAt" = ?2 WHERE "id" = ?1 AND "status" = 'valid' AND "checkedInAt" IS NULL`)
      .bind(t.fromId, at),
    d1
      .prepare(
        `INSERT INTO "Ticket" ("id", "orderId", "eventId", "ticketTypeId", "attendeeName", "attendeeEmail",
           "eligibilityAnswer", "pricePaidMinor", "voucherId", "discountMinor", "status", "token", "createdAt", "updatedAt", "searchText", "language")
         SELECT ?2, "orderId", "eventId", "ticketTypeId", ?3, ?4, "eligibilityAnswer", "pricePaidMinor", "voucherId", "discountMinor", 'valid', ?5, ?6, ?6, ?7, "language"
         FROM "Ticket" WHERE "id" = ?1 AND "status" = 'transferred' AND changes() = 1`,
      )
      .bind(t.fromId, t.toId, t.name, email, t.token, at, searchText(t.name, email)),
  ];
}

/** SQL condition (for an outbox or audit statement in the same batch) that the successor `ticketId` exists. */
export const ticketExists = (ticketId: string) => `EXISTS (SELECT 1 FROM "Ticket" WHERE "id" = '${ticketId.replace(/[^a-z0-9_]/g, "")}')`;
