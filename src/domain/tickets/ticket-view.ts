import type { Config } from "@/config";
import type { PrismaClient, TicketType } from "@/generated/prisma/client";
import { DomainError } from "@/domain/errors";
import { signTicketCode } from "@/domain/tickets/signing";

/**
 * What a ticket page shows. Only `valid` tickets get a QR code:
 * - `valid`: paid (or partly refunded) order, ticket not cancelled, event going ahead;
 * - `pending`: the order's payment is not confirmed yet;
 * - `cancelled`: the ticket or its order was cancelled, expired or refunded;
 * - `event_cancelled`: the organisers cancelled the event.
 */
export type TicketState = "valid" | "pending" | "cancelled" | "event_cancelled";

/** The path of a ticket's page; its token is the only key to it. */
export const ticketPath = (token: string) => `/tickets/${token}`;

/** What the door will ask to see, by the tier's eligibility; the catalogue says it (`tickets.proofNote`). */
export function proofNote(tier: Pick<TicketType, "eligibility">): "declaration" | "member_list" | null {
  if (tier.eligibility === "declaration" || tier.eligibility === "member_list") return tier.eligibility;
  return null;
}

async function findTicket(db: PrismaClient, token: string) {
  const ticket = await db.ticket.findUnique({ where: { token }, include: { event: true, ticketType: true, order: true } });
  if (!ticket) throw new DomainError("not_found", { what: "ticket", next: "ticket_email" });
  return ticket;
}

export type TicketView = Awaited<ReturnType<typeof findTicket>> & { state: TicketState; code: string | null };

function stateOf(ticket: Awaited<ReturnType<typeof findTicket>>): TicketState {
  if (ticket.status === "cancelled") return "cancelled";
  if (ticket.event.status === "cancelled") return "event_cancelled";
  if (ticket.status === "valid" && (ticket.order.status === "paid" || ticket.order.status === "partially_refunded")) return "valid";
  if (ticket.order.status === "pending") return "pending";
  return "cancelled";
}

/** A ticket by its page token, with its state and, for a valid ticket only, its signed code. */
export async function getTicketView(deps: { db: PrismaClient; config: Config }, token: string): Promise<TicketView> {
  const ticket = await findTicket(deps.db, token);
  const state = stateOf(ticket);
  const code =
    state === "valid" ? await signTicketCode(deps.config, { eventId: ticket.eventId, ticketId: ticket.id, ticketTypeId: ticket.ticketTypeId }) : null;
  return { ...ticket, state, code };
}
