import { signTicketCode } from "@/domain/tickets/signing";
import { signedInAs, type Caller } from "./auth-helpers";
import { db, fetchWorker, serviceDeps } from "./helpers";
import { pendingOrder } from "./stripe-fixtures";

let nonceCounter = 0;

/** A fresh client nonce, as the scanner makes one per scan. */
export const nonce = () => `nonce-${Date.now()}-${++nonceCounter}`;

/** The signed code in the ticket's QR. */
export async function codeFor(ticketId: string) {
  const t = await db.ticket.findUniqueOrThrow({ where: { id: ticketId } });
  return signTicketCode(serviceDeps().config, { eventId: t.eventId, ticketId: t.id, ticketTypeId: t.ticketTypeId });
}

/** POST /api/v1/checkins as `caller` (API token, or session with its CSRF token). */
export function scan(caller: Caller, body: Record<string, unknown>, viaToken = true) {
  return fetchWorker("/api/v1/checkins", {
    method: "POST",
    headers: viaToken ? { authorization: `Bearer ${caller.apiToken}`, "content-type": "application/json" } : { ...caller.headers, "content-type": "application/json", "x-csrf-token": caller.csrf },
    body: JSON.stringify(body),
  });
}

/** A confirmed order of `n` tickets on a fresh event, and a door-staff member assigned to it. */
export async function doorSetup(n = 2, tierFields: Record<string, unknown> = {}) {
  const { order, event } = await pendingOrder(n);
  await db.order.update({ where: { id: order.id }, data: { status: "paid" } });
  await db.ticket.updateMany({ where: { orderId: order.id }, data: { status: "valid" } });
  if (Object.keys(tierFields).length) await db.ticketType.updateMany({ where: { eventId: event.id }, data: tierFields });
  const tickets = await db.ticket.findMany({ where: { orderId: order.id }, orderBy: { createdAt: "asc" } });
  const door = await signedInAs("door", { events: [event.id] });
  return { event, order, tickets, door };
}
