// All SQL of tickets as their holders see them: the ticket page, and "email me my tickets again".
import type { PrismaClient } from "@/generated/prisma/client";

/** A ticket by its page token, with its event, tier and order. */
export function findTicketByToken(db: PrismaClient, token: string) {
  return db.ticket.findUnique({ where: { token }, include: { event: true, ticketType: true, order: true } });
}

/** An event's id and status by slug (drafts are to be treated as missing by the caller). */
export function findEventStatusBySlug(db: PrismaClient, slug: string) {
  return db.event.findUnique({ where: { slug }, select: { id: true, status: true } });
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
  return db.ticket.findMany({ where: validTicketsOf(eventId, email), include: { ticketType: true, order: { select: { status: true } } }, orderBy: { createdAt: "asc" } });
}
