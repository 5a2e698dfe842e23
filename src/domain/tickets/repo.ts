// All SQL of tickets as their holders see them: the ticket page, and "email me my tickets again".
import type { PrismaClient } from "@/generated/prisma/client";

/** A ticket by its page token, with its event, tier and order. */
export function findTicketByToken(db: PrismaClient, token: string) {
  return db.ticket.findUnique({ where: { token }, include: { event: true, ticketType: true, order: true } });
}

/** The event's valid tickets bought by, or issued to, `email` (already normalised). */
const validTicketsOf = (eventId: string, email: string) => ({
  eventId,
  status: "valid",
  OR: [{ attendeeEmail: { equals: email } }, { order: { buyerEmail: { equals: email } } }],
});

/** How many valid tickets of the event were bought by, or issued to, `email`. */
export function countValidTicketsFor(db: PrismaClient, eventId: string, email: string) {
  return db.ticket.count({ where: validTicketsOf(eventId, email) });
}

/** Those tickets, with their tiers, in the order they were bought (for the email that sends them again). */
export function findValidTicketsOf(db: PrismaClient, eventId: string, email: string) {
  return db.ticket.findMany({ where: validTicketsOf(eventId, email), include: { ticketType: true, order: { select: { status: true, reference: true, language: true, buyerEmail: true } } }, orderBy: { createdAt: "asc" } });
}

/**
 * Each ticket's number in its order (1, 2, …), in the order the tickets were written (SQLite's
 * rowid), which never changes: the number in a ticket's short code (tickets/short-code).
 */
export async function ticketNumbersOf(db: PrismaClient, orderId: string): Promise<Map<string, number>> {
  const rows = await db.$queryRaw<Array<{ id: string; n: number | bigint }>>`
    SELECT "id", ROW_NUMBER() OVER (ORDER BY rowid) AS "n" FROM "Ticket" WHERE "orderId" = ${orderId}`;
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

/** The id of ticket number `number` of the order with `reference`, or null. */
export async function findTicketIdByNumber(db: PrismaClient, reference: string, number: number): Promise<string | null> {
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    SELECT t."id" FROM "Ticket" t JOIN "Order" o ON o."id" = t."orderId"
    WHERE o."reference" = ${reference} ORDER BY t.rowid LIMIT 1 OFFSET ${number - 1}`;
  return rows[0]?.id ?? null;
}
