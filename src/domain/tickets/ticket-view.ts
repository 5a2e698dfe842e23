import type { Config } from "@/config";
import type { TicketType } from "@/generated/prisma/client";
import { DomainError } from "@/domain/errors";
import { findTicketByToken, findTicketIdByNumber } from "@/domain/tickets/repo";
import { formatShortCode, parseShortCode } from "@/domain/tickets/short-code";
import { signTicketCode } from "@/domain/tickets/signing";
import { admits, ticketStatus, type TicketStatus } from "@/domain/tickets/status";

/** The path of a ticket's page; its token is the only key to it. */
export const ticketPath = (token: string) => `/tickets/${token}`;

/** What the door will ask to see, by the tier's eligibility; the catalogue says it (`tickets.proofNote`). */
export function proofNote(tier: Pick<TicketType, "eligibility">): "declaration" | "member_list" | null {
  if (tier.eligibility === "declaration" || tier.eligibility === "member_list") return tier.eligibility;
  return null;
}

async function findTicket(d1: D1Database, token: string) {
  const ticket = await findTicketByToken(d1, token);
  if (!ticket) throw new DomainError("not_found", { what: "ticket", next: "ticket_email" });
  return ticket;
}

/** A ticket with its event, tier and order, its status (tickets/status) and, when it admits, its signed code. */
export type TicketView = Awaited<ReturnType<typeof findTicket>> & { state: TicketStatus; code: string | null; shortCode: string | null };

/** A ticket by its page token, with its state and, for a valid ticket only, its signed code: one round trip. */
export async function getTicketView(deps: { d1: D1Database; config: Config }, token: string): Promise<TicketView> {
  const ticket = await findTicket(deps.d1, token);
  const state = ticketStatus({ ticketStatus: ticket.status, orderStatus: ticket.order.status, eventStatus: ticket.event.status });
  const code =
    admits(state) ? await signTicketCode(deps.config, { eventId: ticket.eventId, ticketId: ticket.id, ticketTypeId: ticket.ticketTypeId }) : null;
  const shortCode = code ? formatShortCode(ticket.order.reference, ticket.number) : null;
  return { ...ticket, state, code, shortCode };
}

/**
 * The ticket a short code typed at the door names ("HRD-7KQ4M-2"), or null when the text is
 * not a short code or names no ticket. The door then checks it like any scan.
 */
export async function ticketIdOfShortCode(d1: D1Database, typed: string): Promise<string | null> {
  const short = parseShortCode(typed);
  return short ? findTicketIdByNumber(d1, short.reference, short.number) : null;
}
