// All SQL of vouchers. A voucher's uses (orders) and seats (tickets it priced) are counted by
// a statement inside the order's own batch, which fails the whole batch when a limit would be
// passed (VOUCHER_EXHAUSTED), and given back inside the batch that ends the order. No usage
// counter is ever written outside the write that spends it.
import type { Voucher } from "@/generated/prisma/client";
import { newId } from "@/lib/ids";
import { sqlTime } from "@/lib/sql-time";
import { storedRow } from "@/lib/stored-rows";

/** The error D1 raises when an order would pass a voucher's uses, seat budget or validity. */
export const VOUCHER_EXHAUSTED = /NOT NULL constraint failed: Voucher\.usesCount/;

/** The error D1 raises when a new voucher's code is already the event's. */
export const VOUCHER_CODE_TAKEN = /UNIQUE constraint failed: Voucher\.eventId, Voucher\.code/;

/** How codes are compared: trimmed, upper case, inner spaces and dashes kept. */
export const normaliseCode = (code: string) => code.trim().toUpperCase();

/**
 * Counts one use and `seats` tickets against voucher `id` for a new order, at `now`, or fails
 * the batch (VOUCHER_EXHAUSTED) when its total uses, its seat budget or its validity window
 * would not allow it. Concurrent orders are serialised by D1, so no race passes a limit.
 */
export function redeemVoucherStatement(d1: D1Database, id: string, seats: number, now: Date): D1PreparedStatement {
  return d1
    .prepare(
      `UPDATE "Voucher" SET
         "usesCount" = CASE WHEN ("maxUses" IS NULL OR "usesCount" + 1 <= "maxUses")
                              AND ("seatBudget" IS NULL OR "seatsCount" + ?2 <= "seatBudget")
                              AND ("validFrom" IS NULL OR "validFrom" <= ?3) AND ("validUntil" IS NULL OR "validUntil" > ?3)
                         THEN "usesCount" + 1 ELSE NULL END,
         "seatsCount" = "seatsCount" + ?2, "updatedAt" = ?3
       WHERE "id" = ?1`,
    )
    .bind(id, seats, sqlTime(now));
}

/**
 * Gives back the use of the order ?1 (bound by the caller's batch, with ?2 the time) and the
 * seats of its tickets still in `ticketsIn`, when `stillFrom` (the order is still in its old
 * state) holds. Must run before the statement that changes the tickets' status.
 */
export function releaseOrderVoucherSql(ticketsIn: string, stillFrom: string): string {
  return `UPDATE "Voucher" SET "usesCount" = "usesCount" - 1,
      "seatsCount" = "seatsCount" - (SELECT COUNT(*) FROM "Ticket" tk WHERE tk."orderId" = ?1 AND tk."voucherId" = "Voucher"."id" AND tk."status" IN (${ticketsIn})),
      "updatedAt" = ?2
    WHERE "id" = (SELECT "voucherId" FROM "Order" WHERE "id" = ?1) AND ${stillFrom}`;
}

/** Gives back the seat of one ticket cancelled on its own (?1 = its id, still valid). Runs before the ticket's own change. */
export function releaseTicketVoucherStatement(d1: D1Database, ticketId: string, now: Date): D1PreparedStatement {
  return d1
    .prepare(
      `UPDATE "Voucher" SET "seatsCount" = "seatsCount" - 1, "updatedAt" = ?2
       WHERE "id" = (SELECT "voucherId" FROM "Ticket" WHERE "id" = ?1 AND "status" = 'valid')`,
    )
    .bind(ticketId, sqlTime(now));
}

/** What an organiser sets on a voucher. */
export type VoucherRow = Pick<Voucher, "code" | "kind" | "value" | "ticketTypeId" | "validFrom" | "validUntil" | "maxUses" | "maxPerOrder" | "seatBudget" | "label">;

/** A new voucher of an event (its code normalised). */
export function insertVoucherStatement(d1: D1Database, eventId: string, row: VoucherRow, now: Date, id = newId("vch")): D1PreparedStatement {
  const t = (d: Date | null) => (d ? sqlTime(d) : null);
  return d1
    .prepare(
      `INSERT INTO "Voucher" ("id", "eventId", "code", "kind", "value", "ticketTypeId", "validFrom", "validUntil", "maxUses", "maxPerOrder", "seatBudget", "label", "createdAt", "updatedAt")
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13)`,
    )
    .bind(id, eventId, normaliseCode(row.code), row.kind, row.value, row.ticketTypeId, t(row.validFrom), t(row.validUntil), row.maxUses, row.maxPerOrder, row.seatBudget, row.label, sqlTime(now));
}

/** Deletes a voucher no order has used (a used one stays, for the orders that name it). */
export function deleteUnusedVoucherStatement(d1: D1Database, eventId: string, id: string): D1PreparedStatement {
  return d1.prepare(`DELETE FROM "Voucher" WHERE "id" = ?1 AND "eventId" = ?2 AND "usesCount" = 0 AND NOT EXISTS (SELECT 1 FROM "Order" WHERE "voucherId" = ?1)`).bind(id, eventId);
}

/** The statement that reads an event's voucher by code (for the order's own read batch); ?1 = event slug. */
export function voucherBySlugAndCodeStatement(d1: D1Database, slug: string, code: string): D1PreparedStatement {
  return d1.prepare(`SELECT * FROM "Voucher" WHERE "eventId" = (SELECT "id" FROM "Event" WHERE "slug" = ?1) AND "code" = ?2`).bind(slug, normaliseCode(code));
}

export const voucherOfRow = (row: Record<string, unknown>) => storedRow("Voucher", row);

/** An event's voucher by code, or null. */
export async function findVoucher(d1: D1Database, eventId: string, code: string): Promise<Voucher | null> {
  const row = await d1.prepare(`SELECT * FROM "Voucher" WHERE "eventId" = ?1 AND "code" = ?2`).bind(eventId, normaliseCode(code)).first();
  return row ? voucherOfRow(row) : null;
}

/** Every voucher of an event, newest first (the organisers' list and CSV). */
export async function listVouchers(d1: D1Database, eventId: string): Promise<Voucher[]> {
  const { results } = await d1.prepare(`SELECT * FROM "Voucher" WHERE "eventId" = ?1 ORDER BY "createdAt" DESC, "code" ASC`).bind(eventId).all();
  return results.map(voucherOfRow);
}

/** An event's voucher by id, or null. */
export async function findVoucherById(d1: D1Database, eventId: string, id: string): Promise<Voucher | null> {
  const row = await d1.prepare(`SELECT * FROM "Voucher" WHERE "id" = ?1 AND "eventId" = ?2`).bind(id, eventId).first();
  return row ? voucherOfRow(row) : null;
}

/**
 * Many new vouchers of an event with the same settings, one statement whatever their number:
 * the codes and ids travel as one JSON parameter, so the statement stays far below D1's 100
 * bound parameters. Fails (VOUCHER_CODE_TAKEN) when any code is already the event's.
 */
export function insertVouchersStatement(d1: D1Database, eventId: string, codes: readonly string[], row: Omit<VoucherRow, "code">, now: Date): D1PreparedStatement {
  const t = (d: Date | null) => (d ? sqlTime(d) : null);
  const items = JSON.stringify(codes.map((code) => [newId("vch"), normaliseCode(code)]));
  return d1
    .prepare(
      `INSERT INTO "Voucher" ("id", "eventId", "code", "kind", "value", "ticketTypeId", "validFrom", "validUntil", "maxUses", "maxPerOrder", "seatBudget", "label", "createdAt", "updatedAt")
       SELECT json_extract(value, '$[0]'), ?2, json_extract(value, '$[1]'), ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12 FROM json_each(?1)`,
    )
    .bind(items, eventId, row.kind, row.value, row.ticketTypeId, t(row.validFrom), t(row.validUntil), row.maxUses, row.maxPerOrder, row.seatBudget, row.label, sqlTime(now));
}

/**
 * Fails its batch (VOUCHER_EXHAUSTED) when voucher `id` still exists: placed after
 * deleteUnusedVoucherStatement, it undoes the batch (and its audit row) when the voucher was
 * used, so a deletion is audited only when it happened.
 */
export function voucherGoneGuardStatement(d1: D1Database, id: string): D1PreparedStatement {
  return d1.prepare(`UPDATE "Voucher" SET "usesCount" = NULL WHERE "id" = ?1`).bind(id);
}
