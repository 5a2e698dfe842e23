import { DomainError } from "@/domain/errors";
import type { ServiceDeps } from "@/domain/deps";
import { findEventWithTiers } from "@/domain/events/repo";
import { findAttendeePage, findOrderHistory, findOrderWithTickets, orderVoucherCode, salesFigures, type AttendeeFilter as Filter } from "@/domain/orders/repo";

/** Sold, held and capacity per tier, money, check-ins and mail needing attention, for one event. */
export async function eventDashboard(deps: ServiceDeps, eventId: string) {
  const event = await findEventWithTiers(deps.d1, eventId);
  if (!event) throw new DomainError("not_found", { what: "event" });
  const { money, checkedIn, checkedInPerTier, pendingOrders, failedMail } = await salesFigures(deps.d1, eventId);
  const checkedBy = new Map(checkedInPerTier.map((r) => [r.ticketTypeId, r._count]));
  return {
    event,
    tiers: event.ticketTypes.map((tier) => ({ tier, checkedIn: checkedBy.get(tier.id) ?? 0 })),
    revenue: { grossMinor: money._sum.totalMinor ?? 0, refundedMinor: money._sum.refundedMinor ?? 0, orders: money._count },
    checkIns: { checkedIn, expected: event.soldCount },
    failedMail,
    pendingOrders,
  };
}

export type AttendeeFilter = Filter & { page: number };
export const PAGE_SIZE = 50;

/** Attendees of an event (one row per ticket), searched by name, email or reference and filtered. */
export async function searchAttendees(deps: ServiceDeps, eventId: string, filter: AttendeeFilter) {
  const { total, rows } = await findAttendeePage(deps.d1, eventId, filter, { skip: (filter.page - 1) * PAGE_SIZE, take: PAGE_SIZE });
  return { total, rows, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

/** An order with its tickets and its voucher's code (null: none), what happened to it (audit), and its email. */
export async function orderDetail(deps: ServiceDeps, orderId: string) {
  const found = await findOrderWithTickets(deps.d1, orderId);
  if (!found) throw new DomainError("not_found", { what: "order" });
  const [voucherCode, history] = await Promise.all([orderVoucherCode(deps.d1, found), findOrderHistory(deps.d1, orderId)]);
  return { order: { ...found, voucherCode }, ...history };
}
