import { describe, expect, it } from "vitest";
import { extendHold } from "@/domain/orders/repo";
import { sweepExpiredHolds } from "@/domain/orders/sweep";
import { createEvent, db, fetchWorker, orderBody, postJson, serviceDeps } from "./helpers";
import { paidThroughEmulator, seats } from "./stripe-fixtures";

const later = (minutes: number) => () => new Date(Date.now() + minutes * 60_000);
const minutesFromNow = (d: Date | null) => (d!.getTime() - Date.now()) / 60_000;

/** A pending API order of `n` £10 tickets on a fresh event, not yet taken to the pay page. */
async function placed(n = 2) {
  const event = await createEvent({ capacity: 10, tiers: [{ name: "Standard", priceMinor: 1000 }] });
  const { status, body } = await postJson<{ order: { id: string }; checkoutUrl: string }>(`/api/v1/events/${event.slug}/orders`, orderBody(event.ticketTypes[0]!.id, n));
  expect(status).toBe(201);
  return { event, orderId: body.order.id, payPath: new URL(body.checkoutUrl).pathname };
}

const openPay = (path: string) => fetchWorker(path, { redirect: "manual" });

describe("the pay page, GET /orders/:id/pay", () => {
  it("lets a hold never taken to the pay page end after 10 minutes", async () => {
    const { event, orderId } = await placed(2);
    await sweepExpiredHolds(serviceDeps(later(9)));
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("pending");
    await sweepExpiredHolds(serviceDeps(later(12)));
    const order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
    expect(order).toMatchObject({ status: "expired", stripeSessionId: null });
    expect(await seats(event.id)).toEqual({ held: 0, sold: 0, tierHeld: 0, tierSold: 0 });
  });

  it("opens the Checkout Session, extends the hold to 35 minutes and sends the buyer to Stripe's page, privately", async () => {
    const { orderId, payPath } = await placed();
    const res = await openPay(payPath);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toMatch(/^http:\/\/example\.test\/dev\/stripe\/checkout\/cs_test_/);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(res.headers.get("x-robots-tag")).toContain("noindex");
    const order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
    expect(order.stripeSessionId).toBe(res.headers.get("location")!.split("/").pop());
    expect(minutesFromNow(order.holdExpiresAt)).toBeGreaterThan(34);
    expect(minutesFromNow(order.holdExpiresAt)).toBeLessThanOrEqual(35);
    // The emulator's page is there to pay on.
    expect((await fetchWorker(new URL(res.headers.get("location")!).pathname)).status).toBe(200);
  });

  it("reuses the open session when opened twice, without extending the hold again", async () => {
    const { orderId, payPath } = await placed();
    const first = await openPay(payPath);
    const afterFirst = await db.order.findUniqueOrThrow({ where: { id: orderId } });
    const second = await openPay(payPath);
    expect(second.status).toBe(303);
    expect(second.headers.get("location")).toBe(first.headers.get("location"));
    const afterSecond = await db.order.findUniqueOrThrow({ where: { id: orderId } });
    expect(afterSecond.stripeSessionId).toBe(afterFirst.stripeSessionId);
    expect(afterSecond.holdExpiresAt).toEqual(afterFirst.holdExpiresAt);
    expect(await db.stripeEmulatorObject.count({ where: { kind: "checkout.session", data: { contains: orderId } } })).toBe(1);
  });

  it("sends the buyer of an expired order back to the form, and does not revive the hold", async () => {
    const { event, orderId, payPath } = await placed(2);
    await sweepExpiredHolds(serviceDeps(later(12)));
    const res = await openPay(payPath);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/events/${event.slug}/register?from=${orderId}`);
    const order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
    expect(order).toMatchObject({ status: "expired", holdExpiresAt: null, stripeSessionId: null });
    expect(await seats(event.id)).toMatchObject({ held: 0 });
  });

  it("does not extend a hold that ran out before the sweep came", async () => {
    const { event, orderId, payPath } = await placed(1);
    const ended = new Date(Date.now() - 1000);
    await db.order.update({ where: { id: orderId }, data: { holdExpiresAt: ended } });
    const res = await openPay(payPath);
    expect(res.headers.get("location")).toBe(`/events/${event.slug}/register?from=${orderId}`);
    expect(await db.order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({ status: "pending", holdExpiresAt: ended, stripeSessionId: null });
  });

  it("extends only a pending order's hold, and only from the end the caller read", async () => {
    const { orderId } = await placed(1);
    const { holdExpiresAt } = await db.order.findUniqueOrThrow({ where: { id: orderId } });
    const until = new Date(Date.now() + 35 * 60_000);
    await db.order.update({ where: { id: orderId }, data: { status: "expired" } });
    expect(await extendHold(serviceDeps().d1, orderId, holdExpiresAt!, until)).toBe(false);
    await db.order.update({ where: { id: orderId }, data: { status: "pending" } });
    expect(await extendHold(serviceDeps().d1, orderId, holdExpiresAt!, until)).toBe(true);
    // A second request that read the old end loses: the hold is extended once.
    expect(await extendHold(serviceDeps().d1, orderId, holdExpiresAt!, new Date(until.getTime() + 1000))).toBe(false);
  });

  it("opens one session for a double click, and both requests go to it", async () => {
    const { orderId, payPath } = await placed(1);
    const [a, b] = await Promise.all([openPay(payPath), openPay(payPath)]);
    expect(a.status).toBe(303);
    expect(b.status).toBe(303);
    expect(a.headers.get("location")).toBe(b.headers.get("location"));
    const sessions = await db.stripeEmulatorObject.count({ where: { kind: "checkout.session", data: { contains: orderId } } });
    expect(sessions).toBe(1);
  });

  it("sends the buyer of a cancelled order back to the form", async () => {
    const { event, orderId, payPath } = await placed(1);
    expect((await openPay(`/orders/${orderId}/cancel`)).status).toBe(303);
    const res = await openPay(payPath);
    expect(res.headers.get("location")).toBe(`/events/${event.slug}/register?from=${orderId}`);
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("cancelled");
  });

  it("sends the buyer of a paid order to its page", async () => {
    const event = await createEvent({ capacity: 10, tiers: [{ priceMinor: 1000 }] });
    const order = await paidThroughEmulator(event.slug, event.ticketTypes[0]!.id);
    const res = await openPay(`/orders/${order.id}/pay`);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/orders/${order.id}/complete`);
  });

  it("answers 404 for an order that does not exist", async () => {
    const res = await openPay("/orders/ord_0000000000000000/pay");
    expect(res.status).toBe(404);
  });
});
