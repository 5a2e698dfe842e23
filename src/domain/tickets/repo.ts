// All SQL of tickets as their holders see them: the ticket page, and "email me my tickets again".
import type { Event, Order, Ticket, TicketType } from "@/generated/prisma/client";
import { storedRow } from "@/lib/stored-rows";

/**
 * A ticket with its event, tier and order, its number in its order (1, 2, …; see
 * ticketNumbersOf), and how many of the organisers' questions its holder answers for themself.
 */
export type TicketWithParts = Ticket & { event: Event; ticketType: TicketType; order: Order; number: number; questionCount: number };

/**
 * A ticket by its page token, with its event, tier, order and number in its order: one D1
 * batch (one round trip, one consistent read) for the ticket page, its calendar file and QR.
 */
export async function findTicketByToken(d1: D1Database, token: string): Promise<TicketWithParts | null> {
  const byToken = (sql: string) => d1.prepare(sql).bind(token);
  const [ticket, event, tier, order, number, questions] = await d1.batch<Record<string, unknown>>([
    byToken(`SELECT * FROM "Ticket" WHERE "token" = ?1`),
    byToken(`SELECT e.* FROM "Event" e JOIN "Ticket" t ON t."eventId" = e."id" WHERE t."token" = ?1`),
    byToken(`SELECT tt.* FROM "TicketType" tt JOIN "Ticket" t ON t."ticketTypeId" = tt."id" WHERE t."token" = ?1`),
    byToken(`SELECT o.* FROM "Order" o JOIN "Ticket" t ON t."orderId" = o."id" WHERE t."token" = ?1`),
    byToken(
      `SELECT n."n" FROM (SELECT "token", ROW_NUMBER() OVER (ORDER BY rowid) AS "n" FROM "Ticket" WHERE "orderId" = (SELECT "orderId" FROM "Ticket" WHERE "token" = ?1)) n
       WHERE n."token" = ?1`,
    ),
    // Questions asked per attendee of this ticket's tier (tierIds "[]" = every tier; see questions/model).
    byToken(
      `SELECT COUNT(*) AS "n" FROM "Question" q JOIN "Ticket" t ON q."eventId" = t."eventId"
       WHERE t."token" = ?1 AND q."per" = 'attendee' AND q."retiredAt" IS NULL
         AND (q."tierIds" = '[]' OR instr(q."tierIds", '"' || t."ticketTypeId" || '"') > 0)`,
    ),
  ]);
  const row = ticket!.results[0];
  const [eventRow, tierRow, orderRow] = [event!.results[0], tier!.results[0], order!.results[0]];
  if (!row || !eventRow || !tierRow || !orderRow) return null;
  return {
    ...storedRow("Ticket", row),
    event: storedRow("Event", eventRow),
    ticketType: storedRow("TicketType", tierRow),
    order: storedRow("Order", orderRow),
    number: Number(number!.results[0]?.n ?? 0),
    questionCount: Number(questions!.results[0]?.n ?? 0),
  };
}

/** The event's valid tickets (?1) bought by, or issued to, `email` (?2, already normalised). */
const validTicketsOf = `SELECT t."id" FROM "Ticket" t JOIN "Order" o ON o."id" = t."orderId"
  WHERE t."eventId" = ?1 AND t."status" = 'valid' AND (t."attendeeEmail" = ?2 OR o."buyerEmail" = ?2)`;

/** How many valid tickets of the event were bought by, or issued to, `email`. */
export async function countValidTicketsFor(d1: D1Database, eventId: string, email: string): Promise<number> {
  const row = await d1.prepare(`SELECT COUNT(*) AS "n" FROM (${validTicketsOf})`).bind(eventId, email).first<{ n: number }>();
  return Number(row?.n ?? 0);
}

/** Those tickets, with their tiers, in the order they were bought (for the email that sends them again). */
export async function findValidTicketsOf(
  d1: D1Database,
  eventId: string,
  email: string,
): Promise<Array<Ticket & { ticketType: TicketType; order: Pick<Order, "status" | "reference" | "language" | "buyerEmail"> }>> {
  const [tickets, tiers, orders] = await d1.batch<Record<string, unknown>>([
    d1.prepare(`SELECT * FROM "Ticket" WHERE "id" IN (${validTicketsOf}) ORDER BY "createdAt" ASC`).bind(eventId, email),
    d1.prepare(`SELECT * FROM "TicketType" WHERE "id" IN (SELECT "ticketTypeId" FROM "Ticket" WHERE "id" IN (${validTicketsOf}))`).bind(eventId, email),
    d1
      .prepare(`SELECT "id", "status", "reference", "language", "buyerEmail" FROM "Order" WHERE "id" IN (SELECT "orderId" FROM "Ticket" WHERE "id" IN (${validTicketsOf}))`)
      .bind(eventId, email),
  ]);
  const tierById = new Map(tiers!.results.map((r) => storedRow("TicketType", r)).map((t) => [t.id, t]));
  const orderById = new Map(orders!.results.map((r) => [String(r.id), { status: String(r.status), reference: String(r.reference), language: String(r.language), buyerEmail: String(r.buyerEmail) }]));
  return tickets!.results.map((r) => storedRow("Ticket", r)).map((t) => ({ ...t, ticketType: tierById.get(t.ticketTypeId)!, order: orderById.get(t.orderId)! }));
}

/**
 * Each ticket's number in its order (1, 2, …), in the order the tickets were written (SQLite's
 * rowid), which never changes: the number in a ticket's short code (tickets/short-code).
 */
export async function ticketNumbersOf(d1: D1Database, orderId: string): Promise<Map<string, number>> {
  return ticketNumbersFrom(await ticketNumbersStatement(d1, orderId).all());
}

/** ticketNumbersOf's read, for a batch; ticketNumbersFrom reads its result. */
export function ticketNumbersStatement(d1: D1Database, orderId: string): D1PreparedStatement {
  return d1.prepare(`SELECT "id", ROW_NUMBER() OVER (ORDER BY rowid) AS "n" FROM "Ticket" WHERE "orderId" = ?1`).bind(orderId);
}

export function ticketNumbersFrom({ results }: D1Result<Record<string, unknown>>): Map<string, number> {
  return new Map(results.map((r) => [String(r.id), Number(r.n)]));
}

/** The id of ticket number `number` of the order with `reference`, or null. */
export async function findTicketIdByNumber(d1: D1Database, reference: string, number: number): Promise<string | null> {
  const row = await d1
    .prepare(`SELECT t."id" FROM "Ticket" t JOIN "Order" o ON o."id" = t."orderId" WHERE o."reference" = ?1 ORDER BY t.rowid LIMIT 1 OFFSET ?2`)
    .bind(reference, number - 1)
    .first<{ id: string }>();
  return row?.id ?? null;
}
