import { EMULATOR_WEBHOOK_SECRET } from "@/config";
import { stripeSignatureHeader } from "@/domain/payments/webhook-signature";
import { placeOrder } from "@/domain/orders/place-order";
import { createEvent, db, fetchWorker, serviceDeps } from "./helpers";

let counter = 0;

/** A Checkout Session object as Stripe sends it in webhooks. */
export function sessionObject(order: { id: string; totalMinor: number }, sessionId: string, fields: Record<string, unknown> = {}) {
  return {
    id: sessionId,
    object: "checkout.session",
    amount_total: order.totalMinor,
    currency: "gbp",
    client_reference_id: order.id,
    metadata: { orderId: order.id },
    mode: "payment",
    status: "complete",
    payment_status: "paid",
    payment_intent: `pi_test_${sessionId.slice(8)}`,
    ...fields,
  };
}

/** A Stripe event envelope around `object`. */
export function stripeEvent(type: string, object: Record<string, unknown>, id = `evt_test_${Date.now()}_${++counter}`) {
  return { id, object: "event", type, api_version: "2025-01-01", created: Math.floor(Date.now() / 1000), livemode: false, data: { object } };
}

/** Posts an event to the webhook endpoint, signed as Stripe signs (or with the signature given). */
export async function deliver(event: unknown, signature?: string) {
  const payload = JSON.stringify(event);
  const header = signature ?? (await stripeSignatureHeader(payload, EMULATOR_WEBHOOK_SECRET));
  return fetchWorker("/webhooks/stripe", { method: "POST", headers: { "content-type": "application/json", "stripe-signature": header }, body: payload });
}

/** A pending order of `n` £10 tickets on a fresh event with `capacity`, with a Stripe session id recorded. */
export async function pendingOrder(n = 2, capacity = 10) {
  const event = await createEvent({ capacity, tiers: [{ name: "Standard", priceMinor: 1000 }] });
  const tier = event.ticketTypes[0]!;
  const placed = await placeOrder(serviceDeps(), event.slug, {
    buyer: { name: "Ada Buyer", email: "ada@example.org" },
    tickets: Array.from({ length: n }, (_, i) => ({ tier: tier.id, name: `Person ${i + 1}` })),
  });
  const sessionId = `cs_test_${placed.id.slice(4)}`;
  await db.order.update({ where: { id: placed.id }, data: { stripeSessionId: sessionId } });
  return { event, tier, order: placed, sessionId };
}

/** Seat counters of an event and its first tier. */
export async function seats(eventId: string) {
  const event = await db.event.findUniqueOrThrow({ where: { id: eventId }, include: { ticketTypes: true } });
  return { held: event.heldCount, sold: event.soldCount, tierHeld: event.ticketTypes[0]!.heldCount, tierSold: event.ticketTypes[0]!.soldCount };
}

/**
 * A real paid order: created through the API, taken to the pay page, paid on the emulator's checkout page with the
 * test card, and settled by the emulator's signed webhook (awaited by polling).
 */
export async function paidThroughEmulator(slug: string, tierId: string, n = 1) {
  const created = await fetchWorker(`/api/v1/events/${slug}/orders`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ buyer: { name: "Ada Buyer", email: "ada@example.org" }, tickets: Array.from({ length: n }, (_, i) => ({ tier: tierId, name: `Person ${i + 1}` })) }),
  });
  const { order, checkoutUrl } = (await created.json()) as { order: { id: string }; checkoutUrl: string };
  const stripePage = await openPayPage(checkoutUrl);
  const paid = await fetchWorker(new URL(stripePage).pathname, {
    method: "POST",
    body: new URLSearchParams({ card_number: "4242 4242 4242 4242", expiry: "12 / 34", cvc: "123", name: "Ada Buyer" }),
    redirect: "manual",
  });
  if (paid.status !== 303) throw new Error(`emulator payment failed: ${paid.status}`);
  // The success page settles the order by asking Stripe, as a returning buyer would.
  await fetchWorker(new URL(paid.headers.get("location")!).pathname + new URL(paid.headers.get("location")!).search);
  const row = await db.order.findUniqueOrThrow({ where: { id: order.id } });
  if (row.status !== "paid") throw new Error(`order not paid: ${row.status}`);
  return row;
}

/** Opens an order's pay page (the API's `checkoutUrl`) as the buyer would: returns where it sends them (Stripe's page). */
export async function openPayPage(checkoutUrl: string) {
  const res = await fetchWorker(new URL(checkoutUrl).pathname, { redirect: "manual" });
  if (res.status !== 303) throw new Error(`pay page failed: ${res.status}`);
  return res.headers.get("location")!;
}
