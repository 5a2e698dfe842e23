/**
 * Whether a ticket lets its holder in, decided in one place for every reader: the door's
 * check-in, the scanner's offline list, door search, the ticket page and the attendee export.
 * Each reads the three stored states (ticket, order, event) and asks `ticketStatus`; none
 * decides on its own, so a ticket can never be "valid" at the door and "cancelled" on its page.
 */

/**
 * - `valid`: paid (or partly refunded) order, ticket not cancelled, event going ahead: admits.
 * - `unpaid`: the order is waiting for payment.
 * - `expired`: the order's seat hold ended without payment.
 * - `cancelled`: the ticket or its order was cancelled.
 * - `refunded`: its order was refunded in full.
 * - `event_cancelled`: the organisers cancelled the event.
 */
export const ticketStatuses = ["valid", "unpaid", "expired", "cancelled", "refunded", "event_cancelled"] as const;
export type TicketStatus = (typeof ticketStatuses)[number];

/** The stored states the rule reads (the columns `Ticket.status`, `Order.status`, `Event.status`). */
export type TicketFacts = { ticketStatus: string; orderStatus: string; eventStatus: string };

/**
 * The one answer. What happened to the ticket or its order comes first (a refunded ticket of a
 * cancelled event reads "refunded": that is the news its holder needs), then the event.
 */
export function ticketStatus(facts: TicketFacts): TicketStatus {
  const { ticketStatus: ticket, orderStatus: order, eventStatus: event } = facts;
  if (order === "refunded") return "refunded";
  if (order === "expired") return "expired";
  if (order === "pending") return "unpaid";
  if (ticket !== "valid" || (order !== "paid" && order !== "partially_refunded")) return "cancelled";
  if (event === "cancelled") return "event_cancelled";
  return "valid";
}

/** True when a ticket in this state may come in. */
export const admits = (status: TicketStatus) => status === "valid";
