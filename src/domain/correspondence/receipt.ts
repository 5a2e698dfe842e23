// A receipt: what an order bought, what came off, what came back, and the VAT inside, from
// the order as stored. Pure: the numbers are the order's, never recomputed from tier prices.
import type { Event, Order, Organisation, Ticket, TicketType } from "@/generated/prisma/client";
import { DomainError } from "@/domain/errors";
import type { ServiceDeps } from "@/domain/deps";
import { findReceiptSource } from "@/domain/correspondence/repo";

/** An order as a receipt reads it; `voucherCode` names the voucher it used (null: none). */
export type ReceiptOrder = Order & { event: Event; tickets: Array<Ticket & { ticketType: TicketType }>; voucherCode?: string | null };

/**
 * A receipt line. `ticket`: one attendee's ticket at its tier's price before any voucher.
 * `discount`: money taken off (negative), naming the voucher's code when one did it. `refund`:
 * money given back (negative).
 */
export type ReceiptLine =
  | { kind: "ticket"; ticketId: string; tier: TicketType; attendee: string; amountMinor: number; cancelled: boolean }
  | { kind: "discount"; /** The voucher or offer, when one is named. */ label: string | null; /** The voucher's code. */ voucherCode: string | null; amountMinor: number }
  | { kind: "refund"; amountMinor: number };

/** VAT as the organisation's setting says: none charged, or included in the amount kept. */
export type ReceiptVat = { kind: "none" } | { kind: "included"; number: string; rateBasisPoints: number; vatMinor: number; netMinor: number };

export type Receipt = {
  state: "issued";
  order: ReceiptOrder;
  organisation: Pick<Organisation, "name" | "address" | "charityNumber" | "companyNumber"> | null;
  /** When it was paid: the receipt's date. */
  date: Date;
  lines: ReceiptLine[];
  /** What the tickets cost before discounts. */
  subtotalMinor: number;
  /** What was paid. */
  paidMinor: number;
  refundedMinor: number;
  /** What was paid and not given back. */
  netMinor: number;
  vat: ReceiptVat;
};

/** No receipt (yet): the order was never paid, or its personal data has been erased. */
export type NoReceipt = { state: "unpaid" | "erased"; order: ReceiptOrder };

/** The VAT inside `grossMinor` at `rateBasisPoints` (2000 = 20%), rounded to the nearest penny. */
export function vatInside(grossMinor: number, rateBasisPoints: number): number {
  return Math.round((grossMinor * rateBasisPoints) / (10_000 + rateBasisPoints));
}

/** Whether an order ever had money (or a free registration) confirmed, so a receipt exists. */
export function wasPaid(order: Pick<Order, "status" | "paidAt">): boolean {
  return order.paidAt !== null && ["paid", "partially_refunded", "refunded", "cancelled"].includes(order.status);
}

/** The receipt for `order`, or why there is none. */
export function receiptOf(order: ReceiptOrder, organisation: Organisation | null): Receipt | NoReceipt {
  // Hook for erasure (a later migration may add a nullable Order.erasedAt): an erased order's receipt says so.
  if ((order as { erasedAt?: Date | null }).erasedAt) return { state: "erased", order };
  if (!wasPaid(order)) return { state: "unpaid", order };
  // A transferred ticket was replaced by its successor, which carries its price: bought once.
  const bought = order.tickets.filter((t) => t.status !== "transferred");
  const lines: ReceiptLine[] = bought.map((t) => ({
    kind: "ticket",
    ticketId: t.id,
    tier: t.ticketType,
    attendee: t.attendeeName,
    amountMinor: t.pricePaidMinor + t.discountMinor,
    cancelled: t.status === "cancelled",
  }));
  // The tickets at their list prices, then what the voucher took off (Ticket.discountMinor
  // summed, so Order.discountMinor), so the lines add up to what was paid.
  const subtotalMinor = bought.reduce((sum, t) => sum + t.pricePaidMinor + t.discountMinor, 0);
  if (subtotalMinor > order.totalMinor) lines.push({ kind: "discount", label: null, voucherCode: order.voucherCode ?? null, amountMinor: order.totalMinor - subtotalMinor });
  if (order.refundedMinor > 0) lines.push({ kind: "refund", amountMinor: -order.refundedMinor });
  const netMinor = order.totalMinor - order.refundedMinor;
  const vat: ReceiptVat =
    organisation?.vatStatus === "registered"
      ? { kind: "included", number: organisation.vatNumber, rateBasisPoints: organisation.vatRateBasisPoints, vatMinor: vatInside(netMinor, organisation.vatRateBasisPoints), netMinor: netMinor - vatInside(netMinor, organisation.vatRateBasisPoints) }
      : { kind: "none" };
  return {
    state: "issued",
    order,
    organisation: organisation && { name: organisation.name, address: organisation.address, charityNumber: organisation.charityNumber, companyNumber: organisation.companyNumber },
    date: order.paidAt!,
    lines,
    subtotalMinor,
    paidMinor: order.totalMinor,
    refundedMinor: order.refundedMinor,
    netMinor,
    vat,
  };
}

/** The receipt of an order by its (unguessable) id, as the order page finds it. */
export async function getReceipt(deps: Pick<ServiceDeps, "d1">, orderId: string): Promise<Receipt | NoReceipt> {
  const { order, organisation } = await findReceiptSource(deps.d1, orderId);
  if (!order) throw new DomainError("not_found", { what: "order", next: "order_email" });
  return receiptOf(order, organisation);
}
