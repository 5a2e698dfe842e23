import { describe, expect, it } from "vitest";
import { db } from "./helpers";
import { deliver, pendingOrder, seats, sessionObject, stripeEvent } from "./stripe-fixtures";

const orderState = async (id: string) => {
  const order = await db.order.findUniqueOrThrow({ where: { id }, include: { tickets: true } });
  return { status: order.status, tickets: order.tickets.map((t) => t.status), paymentIntent: order.stripePaymentIntentId };
};

describe("POST /webhooks/stripe", () => {
  it("refuses a missing or forged signature with 400 and changes nothing", async () => {
    const { order, sessionId, event } = await pendingOrder();
    const completed = stripeEvent("checkout.session.completed", sessionObject(order, sessionId));
    const forged = await deliver(completed, "t=1700000000,v1=deadbeef");
    expect(forged.status).toBe(400);
    const unsigned = await deliver(completed, "");
    expect(unsigned.status).toBe(400);
    expect((await orderState(order.id)).status).toBe("pending");
    expect(await seats(event.id)).toMatchObject({ held: 2, sold: 0 });
    expect(await db.stripeEvent.count({ where: { id: completed.id } })).toBe(0);
  });

  it("fulfils a paid session once: tickets valid, seats sold, one confirmation email queued", async () => {
    const { order, sessionId, event } = await pendingOrder(2);
    const completed = stripeEvent("checkout.session.completed", sessionObject(order, sessionId));
    const res = await deliver(completed);
    expect(res.status).toBe(200);
    expect(await orderState(order.id)).toEqual({ status: "paid", tickets: ["valid", "valid"], paymentIntent: `pi_test_${sessionId.slice(8)}` });
    expect(await seats(event.id)).toEqual({ held: 0, sold: 2, tierHeld: 0, tierSold: 2 });

    // The same event again, and a second event id for the same payment: nothing moves twice.
    expect((await deliver(completed)).status).toBe(200);
    expect((await deliver(stripeEvent("checkout.session.completed", sessionObject(order, sessionId)))).status).toBe(200);
    expect(await seats(event.id)).toEqual({ held: 0, sold: 2, tierHeld: 0, tierSold: 2 });
    expect(await db.outboxEmail.count({ where: { orderId: order.id, template: "order_confirmation" } })).toBe(1);
    expect(await db.stripeEvent.count({ where: { id: completed.id } })).toBe(1);
  });

  it("releases the hold when the session expires", async () => {
    const { order, sessionId, event } = await pendingOrder(3);
    const res = await deliver(stripeEvent("checkout.session.expired", sessionObject(order, sessionId, { status: "expired", payment_status: "unpaid", payment_intent: null })));
    expect(res.status).toBe(200);
    expect(await orderState(order.id)).toMatchObject({ status: "expired", tickets: ["cancelled", "cancelled", "cancelled"] });
    expect(await seats(event.id)).toEqual({ held: 0, sold: 0, tierHeld: 0, tierSold: 0 });
  });

  it("keeps the hold while an asynchronous payment is processing, then fulfils on success", async () => {
    const { order, sessionId, event } = await pendingOrder(1);
    await deliver(stripeEvent("checkout.session.completed", sessionObject(order, sessionId, { payment_status: "unpaid" })));
    const held = await db.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(held.status).toBe("pending");
    expect(held.holdExpiresAt).toBeNull();
    await deliver(stripeEvent("checkout.session.async_payment_succeeded", sessionObject(order, sessionId)));
    expect((await orderState(order.id)).status).toBe("paid");
    expect(await seats(event.id)).toMatchObject({ held: 0, sold: 1 });
  });

  it("releases the seats and tells the buyer when an asynchronous payment fails", async () => {
    const { order, sessionId, event } = await pendingOrder(1);
    await deliver(stripeEvent("checkout.session.completed", sessionObject(order, sessionId, { payment_status: "unpaid" })));
    await deliver(stripeEvent("checkout.session.async_payment_failed", sessionObject(order, sessionId, { payment_status: "unpaid" })));
    expect((await orderState(order.id)).status).toBe("cancelled");
    expect(await seats(event.id)).toMatchObject({ held: 0, sold: 0 });
    expect(await db.outboxEmail.count({ where: { orderId: order.id, template: "payment_failed" } })).toBe(1);
  });

  it("ignores sessions that are not ours and event types it does not handle", async () => {
    const stranger = stripeEvent("checkout.session.completed", { id: "cs_test_elsewhere", object: "checkout.session", metadata: {}, client_reference_id: null, status: "complete", payment_status: "paid" });
    expect((await deliver(stranger)).status).toBe(200);
    expect((await deliver(stripeEvent("customer.created", { id: "cus_1", object: "customer" }))).status).toBe(200);
  });

  it("does not let a stale session move an order that has another session", async () => {
    const { order, sessionId } = await pendingOrder(1);
    await deliver(stripeEvent("checkout.session.completed", sessionObject(order, "cs_test_someothersession")));
    expect((await orderState(order.id)).status).toBe("pending");
    expect(sessionId).not.toBe("cs_test_someothersession");
  });

  it("cancels tickets and frees seats on a full refund, and records a partial one", async () => {
    const a = await pendingOrder(2);
    await deliver(stripeEvent("checkout.session.completed", sessionObject(a.order, a.sessionId)));
    const pi = `pi_test_${a.sessionId.slice(8)}`;
    const charge = (amountRefunded: number, refunded: boolean) => ({ id: "ch_1", object: "charge", amount: 2000, amount_refunded: amountRefunded, refunded, payment_intent: pi, currency: "gbp" });

    await deliver(stripeEvent("charge.refunded", charge(500, false)));
    let order = await db.order.findUniqueOrThrow({ where: { id: a.order.id } });
    expect(order).toMatchObject({ status: "partially_refunded", refundedMinor: 500 });
    expect(await seats(a.event.id)).toMatchObject({ sold: 2 });

    await deliver(stripeEvent("charge.refunded", charge(2000, true)));
    order = await db.order.findUniqueOrThrow({ where: { id: a.order.id } });
    expect(order).toMatchObject({ status: "refunded", refundedMinor: 2000 });
    expect((await orderState(a.order.id)).tickets).toEqual(["cancelled", "cancelled"]);
    expect(await seats(a.event.id)).toMatchObject({ sold: 0, held: 0 });

    // A late, smaller partial-refund event changes nothing now.
    await deliver(stripeEvent("charge.refunded", charge(500, false)));
    expect(await db.order.findUniqueOrThrow({ where: { id: a.order.id } })).toMatchObject({ status: "refunded", refundedMinor: 2000 });
  });

  it("answers 500 when applying an event fails, so Stripe retries, and does not record it", async () => {
    const { order, sessionId } = await pendingOrder(1);
    // A payment for an expired order must be refunded; with no such payment at the emulator the
    // refund fails, and the event must stay unrecorded for the retry.
    await deliver(stripeEvent("checkout.session.expired", sessionObject(order, sessionId, { status: "expired", payment_status: "unpaid" })));
    const late = stripeEvent("checkout.session.completed", sessionObject(order, sessionId, { payment_intent: "pi_does_not_exist" }));
    const { vi } = await import("vitest");
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = await deliver(late);
    log.mockRestore();
    expect(res.status).toBe(500);
    expect(await db.stripeEvent.count({ where: { id: late.id } })).toBe(0);
    expect((await orderState(order.id)).status).toBe("expired");
  });
});
