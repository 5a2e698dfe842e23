import type { Config } from "@/config";
import type { PrismaClient, TicketType } from "@/generated/prisma/client";
import { DomainError } from "@/domain/errors";
import { findTicketByToken } from "@/domain/tickets/repo";
import { signTicketCode } from "@/domain/tickets/signing";
import { admits, ticketStatus, type TicketStatus } from "@/domain/tickets/status";

/** The path of a ticket's page; its token is the only key to it. */
export const ticketPath = (token: string) => `/tickets/${token}`;

/** What the door will ask to see, by the tier's eligibility; the catalogue says it (`tickets.proofNote`). */
export function proofNote(tier: Pick<TicketType, "eligibility">): "declaration" | "member_list" | null {
  if (tier.eligibility === "declaration" || tier.eligibility === "member_list") return tier.eligibility;
  return null;
}

async function findTicket(db: PrismaClient, token: string) {
  const ticket = await findTicketByToken(db, token);
  if (!ticket) throw new DomainError("not_found", { what: "ticket", next: "ticket_email" });
  return ticket;
}

/** A ticket with its event, tier and order, its status (tickets/status) and, when it admits, its signed code. */
export type TicketView = Awaited<ReturnType<typeof findTicket>> & { state: TicketStatus; code: string | null };

/** A ticket by its page token, with its state and, for a valid ticket only, its signed code. */
export async function getTicketView(deps: { db: PrismaClient; config: Config }, token: string): Promise<TicketView> {
  const ticket = await findTicket(deps.db, token);
  const state = ticketStatus({ ticketStatus: ticket.status, orderStatus: ticket.order.status, eventStatus: ticket.event.status });
  const code =
    admits(state) ? await signTicketCode(deps.config, { eventId: ticket.eventId, ticketId: ticket.id, ticketTypeId: ticket.ticketTypeId }) : null;
  return { ...ticket, state, code };
}
