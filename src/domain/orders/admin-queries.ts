import type { Prisma } from "@/generated/prisma/client";
import { DomainError } from "@/domain/errors";
import type { ServiceDeps } from "@/domain/deps";

/** Order statuses whose money was taken (in full or part). */
const settled = ["paid", "partially_refunded", "refunded"];

/** Sold, held and capacity per tier, money, check-ins and mail needing attention, for one event. */
export async function eventDashboard(deps: ServiceDeps, eventId: string) {
  const event = await deps.db.event.findUnique({ where: { id: eventId }, include: { ticketTypes: { orderBy: { sortOrder: "asc" } } } });
  if (!event) throw new DomainError("not_found", { what: "event" });
  const [money, checkIns, perTierCheckIns, failedMail, pendingOrders] = await Promise.all([
    deps.db.order.aggregate({ where: { eventId, status: { in: settled } }, _sum: { totalMinor: true, refundedMinor: true }, _count: true }),
    deps.db.ticket.count({ where: { eventId, status: "valid", checkedInAt: { not: null } } }),
    deps.db.ticket.groupBy({ by: ["ticketTypeId"], where: { eventId, status: "valid", checkedInAt: { not: null } }, _count: true }),
    deps.d1
      .prepare(
        `SELECT m."id", m."recipient", m."template", m."lastError", m."orderId", o."reference" FROM "OutboxEmail" m JOIN "Order" o ON o."id" = m."orderId"
         WHERE m."status" = 'failed' AND o."eventId" = ?1 ORDER BY m."createdAt" DESC LIMIT 50`,
      )
      .bind(eventId)
      .all<{ id: string; recipient: string; template: string; lastError: string | null; orderId: string; reference: string }>()
      .then((r) => r.results),
    deps.db.order.count({ where: { eventId, status: "pending" } }),
  ]);
  const checkedBy = new Map(perTierCheckIns.map((r) => [r.ticketTypeId, r._count]));
  return {
    event,
    tiers: event.ticketTypes.map((tier) => ({ tier, checkedIn: checkedBy.get(tier.id) ?? 0 })),
    revenue: { grossMinor: money._sum.totalMinor ?? 0, refundedMinor: money._sum.refundedMinor ?? 0, orders: money._count },
    checkIns: { checkedIn: checkIns, expected: event.soldCount },
    failedMail,
    pendingOrders,
  };
}

export type AttendeeFilter = { q?: string | undefined; tierId?: string | undefined; status?: string | undefined; checkedIn?: "yes" | "no" | undefined; page: number };
export const PAGE_SIZE = 50;

/** Attendees of an event (one row per ticket), searched by name, email or reference and filtered. */
export async function searchAttendees(deps: ServiceDeps, eventId: string, filter: AttendeeFilter) {
  const q = filter.q?.trim();
  const where: Prisma.TicketWhereInput = {
    eventId,
    ...(filter.tierId ? { ticketTypeId: filter.tierId } : {}),
    ...(filter.status ? { order: { status: filter.status } } : { order: { status: { not: "expired" } } }),
    ...(filter.checkedIn === "yes" ? { checkedInAt: { not: null } } : filter.checkedIn === "no" ? { checkedInAt: null } : {}),
    ...(q
      ? {
          OR: [
            { attendeeName: { contains: q } },
            { attendeeEmail: { contains: q.toLowerCase() } },
            { order: { reference: { contains: q.toUpperCase() } } },
            { order: { buyerName: { contains: q } } },
            { order: { buyerEmail: { contains: q.toLowerCase() } } },
          ],
        }
      : {}),
  };
  const [total, rows] = await Promise.all([
    deps.db.ticket.count({ where }),
    deps.db.ticket.findMany({
      where,
      include: { order: true, ticketType: true },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (filter.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
    }),
  ]);
  return { total, rows, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

/** An order with its tickets, what happened to it (audit), and its email. */
export async function orderDetail(deps: ServiceDeps, orderId: string) {
  const order = await deps.db.order.findUnique({ where: { id: orderId }, include: { event: true, tickets: { include: { ticketType: true }, orderBy: { createdAt: "asc" } } } });
  if (!order) throw new DomainError("not_found", { what: "order" });
  const [history, emails] = await Promise.all([
    deps.db.auditEntry.findMany({ where: { entity: "order", entityId: orderId }, include: { staff: true }, orderBy: { createdAt: "asc" } }),
    deps.db.outboxEmail.findMany({ where: { orderId }, orderBy: { createdAt: "asc" } }),
  ]);
  return { order, history, emails };
}
