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

/** How many valid tickets of the event were bought by, or issued to, `email` (already normalised). */
export function countValidTicketsFor(db: PrismaClient, eventId: string, email: string) {
  return db.ticket.count({
    where: { eventId, status: "valid", OR: [{ attendeeEmail: { equals: email } }, { order: { buyerEmail: { equals: email } } }] },
  });
}
