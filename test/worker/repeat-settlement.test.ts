import { describe, expect, it } from "vitest";
import { fulfilOrder, recordRefund, releaseHold, settlePayment } from "@/domain/orders/settle";
import { db, serviceDeps } from "./helpers";
import { deliver, pendingOrder, seats, sessionObject, stripeEvent } from "./stripe-fixtures";

/** Everything a settlement may change: the order, its tickets, the seat counters and its mail. */
async function stateOf(orderId: string, eventId: string) {
  const order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
  const tickets = await db.ticket.findMany({ where: { orderId }, orderBy: { id: "asc" }, select: { id: true, status: true, updatedAt: true } });
  const mail = await db.outboxEmail.count({ where: { orderId } });
  return { status: order.status, paidAt: order.paidAt, paymentIntent: order.stripePaymentIntentId, refundedMinor: order.refundedMinor, tickets, mail, seats: await seats(eventId) };
}

/** A paid order of two £10 tickets, paid an hour ago, and a clock for later calls. */
async function paidOrder() {
  const setup = await pendingOrder(2);
  const paidAt = new Date(Date.now() - 3_600_000);
  const paymentIntent = `pi_${setup.order.id}`;
  expect(await fulfilOrder(serviceDeps(() => paidAt), setup.order.id, { paymentIntentId: paymentIntent })).toBe(true);
  return { ...setup, paymentIntent, before: await stateOf(setup.order.id, setup.event.id) };
}

describe("a payment repeated on a paid order", () => {
  it("is not fulfilled again by fulfilOrder or settlePayment, and changes nothing", async () => {
    const { order, event, before } = await paidOrder();
    expect(before.status).toBe("paid");
    expect(before.seats).toMatchObject({ held: 0, sold: 2 });
    expect(await fulfilOrder(serviceDeps(), order.id, { paymentIntentId: "pi_second" })).toBe(false);
    expect(await settlePayment(serviceDeps(), order.id, { paymentIntentId: "pi_second", amountMinor: 2000 })).toBe("already_settled");
    expect(await stateOf(order.id, event.id)).toEqual(before);
  });

  it("is answered already_settled when checkout.session.completed comes again under a new event id", async () => {
    const { order, event, sessionId, before } = await paidOrder();
    const res = await deliver(stripeEvent("checkout.session.completed", sessionObject(order, sessionId, { payment_intent: "pi_second" })));
    expect(await res.json()).toEqual({ received: true, outcome: "already_settled" });
    const again = await deliver(stripeEvent("checkout.session.async_payment_succeeded", sessionObject(order, sessionId, { payment_intent: "pi_third" })));
    expect(await again.json()).toEqual({ received: true, outcome: "already_settled" });
    expect(await stateOf(order.id, event.id)).toEqual(before);
  });
});

describe("other repeats on a settled order", () => {
  it("a paid order's hold is not released, by expiry, cancellation or a failed payment", async () => {
    const { order, event, sessionId, before } = await paidOrder();
    expect((await releaseHold(serviceDeps(), order.id, "expired")).moved).toBe(false);
    expect((await releaseHold(serviceDeps(), order.id, "cancelled", "payment_failed")).moved).toBe(false);
    const failed = await deliver(stripeEvent("checkout.session.async_payment_failed", sessionObject(order, sessionId, { payment_status: "unpaid" })));
    expect(await failed.json()).toEqual({ received: true, outcome: "already_settled" });
    const expired = await deliver(stripeEvent("checkout.session.expired", sessionObject(order, sessionId, { status: "expired" })));
    expect(await expired.json()).toEqual({ received: true, outcome: "already_settled" });
    expect(await stateOf(order.id, event.id)).toEqual(before);
  });

  it("a full refund recorded twice frees the seats once", async () => {
    const { order, event, paymentIntent } = await paidOrder();
    expect(await recordRefund(serviceDeps(), paymentIntent, 2000, true)).toBe("refunded");
    const once = await stateOf(order.id, event.id);
    expect(once.seats).toMatchObject({ held: 0, sold: 0 });
    expect(once.tickets.map((t) => t.status)).toEqual(["cancelled", "cancelled"]);
    expect(await recordRefund(serviceDeps(), paymentIntent, 2000, true)).toBe("already_settled");
    expect(await stateOf(order.id, event.id)).toEqual(once);
  });

  it("a partial refund reported again, or out of order, never lowers the amount", async () => {
    const { order, event, paymentIntent } = await paidOrder();
    expect(await recordRefund(serviceDeps(), paymentIntent, 800, false)).toBe("partially_refunded");
    await recordRefund(serviceDeps(), paymentIntent, 500, false);
    await recordRefund(serviceDeps(), paymentIntent, 800, false);
    const after = await stateOf(order.id, event.id);
    expect(after.refundedMinor).toBe(800);
    expect(after.seats).toMatchObject({ held: 0, sold: 2 });
    expect(after.tickets.map((t) => t.status)).toEqual(["valid", "valid"]);
  });
});
