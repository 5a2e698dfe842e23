// Orders made straight in the database, in whatever state a receipt or message test needs.
import { newId } from "@/lib/ids";
import { randomToken } from "@/lib/tokens";
import { db } from "./helpers";

type TicketSpec = { tierId: string; name: string; priceMinor: number; email?: string; language?: string; checkedIn?: boolean; status?: string };

/** An order of `tickets` for `eventId`: paid unless told otherwise, its total the tickets' prices. */
export async function orderWith(eventId: string, tickets: TicketSpec[], options: { status?: string; language?: string; buyerEmail?: string; buyerName?: string; refundedMinor?: number } = {}) {
  const id = newId("ord");
  const status = options.status ?? "paid";
  const paid = status !== "pending" && status !== "expired";
  const totalMinor = tickets.reduce((sum, t) => sum + t.priceMinor, 0);
  await db.order.create({
    data: {
      id,
      eventId,
      reference: `TST-${id.slice(4, 10).toUpperCase()}`,
      buyerName: options.buyerName ?? "Ada Buyer",
      buyerEmail: options.buyerEmail ?? `buyer-${id.slice(4, 10)}@example.org`,
      status,
      totalMinor,
      refundedMinor: options.refundedMinor ?? 0,
      currency: "GBP",
      paidAt: paid ? new Date() : null,
      language: options.language ?? "en",
      tickets: {
        create: tickets.map((t) => ({
          id: newId("tkt"),
          eventId,
          ticketTypeId: t.tierId,
          attendeeName: t.name,
          attendeeEmail: t.email ?? null,
          language: t.language ?? null,
          pricePaidMinor: t.priceMinor,
          status: t.status ?? (paid ? "valid" : "pending"),
          token: randomToken(),
          checkedInAt: t.checkedIn ? new Date() : null,
        })),
      },
    },
  });
  return db.order.findUniqueOrThrow({ where: { id }, include: { tickets: true } });
}
