import { env, exports } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { handleStripeEvent } from "@/domain/payments/webhook-handler";
import { deliverPendingWebhooks, payCheckoutSession, type EmulatorContext } from "@/dev/stripe-emulator";
import { stripeEvent } from "./stripe-fixtures";
import { sendDueEmails } from "@/domain/mail/sender";
import { mailTransport } from "@/domain/mail/transport";
import { register } from "@/domain/orders/register";
import { openPayment } from "@/domain/orders/checkout";
import { sweepExpiredHolds } from "@/domain/orders/sweep";
import type { ServiceDeps } from "@/domain/deps";
import { createEvent, db, serviceDeps } from "./helpers";

// Fault injection: webhooks dropped, duplicated, delayed past expiry and reordered; a D1 error
// in the middle of fulfilment; the sweep twice at once; mail failing. After each, the
// invariants below must hold.

/** No paid order without tickets, no ticket without payment, no seat counted twice, no email twice. */
async function expectInvariants(eventId: string) {
  const event = await db.event.findUniqueOrThrow({ where: { id: eventId }, include: { ticketTypes: true } });
  const orders = await db.order.findMany({ where: { eventId }, include: { tickets: true } });
  for (const order of orders) {
    const statuses = order.tickets.map((t) => t.status);
    if (order.status === "paid") expect(statuses.every((s) => s === "valid"), `paid order ${order.reference} has only valid tickets`).toBe(true);
    if (order.status === "pending") expect(statuses.every((s) => s === "pending"), `pending order ${order.reference}`).toBe(true);
    if (["expired", "cancelled", "refunded"].includes(order.status)) expect(statuses.every((s) => s === "cancelled"), `${order.status} order ${order.reference} has no live tickets`).toBe(true);
  }
  const valid = orders.flatMap((o) => o.tickets).filter((t) => t.status === "valid");
  const pending = orders.flatMap((o) => o.tickets).filter((t) => t.status === "pending");
  expect(event.soldCount, "sold counter = valid tickets").toBe(valid.length);
  expect(event.heldCount, "held counter = pending tickets").toBe(pending.length);
  for (const tier of event.ticketTypes) {
    expect(tier.soldCount, `${tier.name} sold`).toBe(valid.filter((t) => t.ticketTypeId === tier.id).length);
    expect(tier.heldCount, `${tier.name} held`).toBe(pending.filter((t) => t.ticketTypeId === tier.id).length);
  }
  const emails = await db.outboxEmail.findMany({ where: { orderId: { in: orders.map((o) => o.id) } } });
  const keys = emails.map((e) => e.idempotencyKey);
  expect(keys.length, "no email queued twice").toBe(new Set(keys).size);
  const confirmations = emails.filter((e) => e.template === "order_confirmation");
  for (const order of orders) {
    const expected = order.status === "paid" || order.status === "refunded" || order.status === "partially_refunded" ? (order.paidAt ? 1 : 0) : 0;
    expect(confirmations.filter((e) => e.orderId === order.id).length, `confirmations of ${order.reference}`).toBeLessThanOrEqual(Math.max(expected, 1));
  }
}

/** An emulator whose webhooks go to a box we control: dropped, held back, replayed. */
function emulatorWithInbox(deps: ServiceDeps) {
  const inbox: Request[] = [];
  const background: Promise<unknown>[] = [];
  let deliver = false;
  const ctx: EmulatorContext = {
    d1: deps.d1,
    db,
    webhookSecret: (deps.config.stripe as { webhookSecret: string }).webhookSecret,
    origin: deps.origin,
    dispatch: async (request) => {
      inbox.push(request.clone());
      return deliver ? exports.default.fetch(request) : new Response("dropped", { status: 503 });
    },
    waitUntil: (promise) => void background.push(promise.catch(() => undefined)),
  };
  /** Lets the emulator's background deliveries (first try and quick retries) finish. */
  const settle = async () => {
    while (background.length) await background.shift();
  };
  /** Makes every queued webhook due now and delivers them. */
  const flush = async () => {
    await settle();
    await db.stripeEmulatorDelivery.updateMany({ where: { status: "pending" }, data: { nextAttemptAt: new Date(0) } });
    await deliverPendingWebhooks(ctx);
    await settle();
  };
  return { ctx, inbox, flush, open: () => (deliver = true) };
}

async function buyAndPay(deps: ServiceDeps, slug: string, tierId: string, ctx: EmulatorContext) {
  const { order } = await register(deps, slug, { buyer: { name: "Ada", email: "ada@example.org" }, tickets: [{ tier: tierId, name: "Ada" }] }, "local");
  const step = await openPayment(deps, order.id);
  if (step.to !== "checkout") throw new Error(`pay page went to ${step.to}`);
  const sessionId = new URL(step.url).pathname.split("/").pop()!;
  const paid = await payCheckoutSession(ctx, sessionId, { name: "Ada", email: "ada@example.org", card: { brand: "visa", last4: "4242", exp_month: 12, exp_year: 2034 } });
  expect(paid.outcome).toBe("paid");
  return { orderId: order.id, sessionId };
}

/**
 * An order paid on the emulator, whose checkout.session.completed webhook was caught (every
 * delivery fails) and not yet applied: the request as Stripe would send it, and its body.
 */
async function paidWebhookHeld() {
  const event = await createEvent({ capacity: 10, tiers: [{ priceMinor: 1000 }] });
  const deps = serviceDeps();
  const emulator = emulatorWithInbox(deps);
  const { orderId } = await buyAndPay(deps, event.slug, event.ticketTypes[0]!.id, emulator.ctx);
  await emulator.flush();
  const request = emulator.inbox[0]!;
  return { event, orderId, request, body: await request.clone().text() };
}

describe("faults", { timeout: 30_000 }, () => {
  it("dropped webhooks: the sweep asks Stripe and fulfils the paid order once", async () => {
    const event = await createEvent({ capacity: 10, tiers: [{ priceMinor: 1000 }] });
    const deps = serviceDeps();
    const emulator = emulatorWithInbox(deps);
    const { orderId } = await buyAndPay(deps, event.slug, event.ticketTypes[0]!.id, emulator.ctx);
    await emulator.flush(); // every delivery fails: the webhook is lost to us
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("pending");
    await sweepExpiredHolds(serviceDeps(() => new Date(Date.now() + 40 * 60_000)));
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("paid");
    await expectInvariants(event.id);
  });

  it("duplicated and replayed webhooks: one fulfilment, one email", async () => {
    const { event, orderId, request: completed, body } = await paidWebhookHeld();
    const replays = await Promise.all(Array.from({ length: 5 }, () => exports.default.fetch(new Request(completed.url, { method: "POST", headers: completed.headers, body }))));
    expect(replays.every((r) => r.status === 200)).toBe(true);
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("paid");
    expect(await db.outboxEmail.count({ where: { orderId, template: "order_confirmation" } })).toBe(1);
    await expectInvariants(event.id);
  });

  it("reordered and delayed past expiry: an expired order that is paid later is refunded, seats not double counted", async () => {
    const event = await createEvent({ capacity: 1, tiers: [{ priceMinor: 1000 }] });
    const deps = serviceDeps();
    const emulator = emulatorWithInbox(deps);
    const { orderId, sessionId } = await buyAndPay(deps, event.slug, event.ticketTypes[0]!.id, emulator.ctx);
    // The "expired" event is handled first (reordered), freeing the seat; someone else takes it.
    const order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
    await handleStripeEvent(deps, stripeEvent("checkout.session.expired", { id: sessionId, object: "checkout.session", metadata: { orderId }, client_reference_id: orderId, status: "expired", payment_status: "unpaid", amount_total: order.totalMinor }) as never);
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("expired");
    const rival = await register(deps, event.slug, { buyer: { name: "Bo", email: "bo@example.org" }, tickets: [{ tier: event.ticketTypes[0]!.id, name: "Bo" }] }, "local");
    expect(rival.order.status).toBe("pending");
    // Then the delayed payment webhook arrives.
    emulator.open();
    await emulator.flush();
    const late = await db.order.findUniqueOrThrow({ where: { id: orderId }, include: { tickets: true } });
    expect(late.status).toBe("refunded");
    expect(late.refundedMinor).toBe(1000);
    expect(late.tickets.every((t) => t.status === "cancelled")).toBe(true);
    expect(await db.outboxEmail.count({ where: { orderId, template: "late_payment_refunded" } })).toBe(1);
    await expectInvariants(event.id);
  });

  it("a D1 error in the middle of fulfilment changes nothing, answers 5xx, and the retry fulfils once", async () => {
    const { event, orderId, request, body } = await paidWebhookHeld();
    // The first batch after this point fails as D1 would on a transient error.
    const realBatch = env.DB.batch.bind(env.DB);
    const spy = vi.spyOn(env.DB, "batch").mockImplementationOnce(async () => {
      throw new Error("D1_ERROR: Network connection lost.");
    });
    vi.spyOn(console, "error").mockImplementation(() => {});
    const failed = await exports.default.fetch(new Request(request.url, { method: "POST", headers: request.headers, body }));
    expect(failed.status).toBe(500);
    spy.mockImplementation(realBatch);
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("pending");
    await expectInvariants(event.id);
    const retried = await exports.default.fetch(new Request(request.url, { method: "POST", headers: request.headers, body }));
    expect(retried.status).toBe(200);
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("paid");
    await expectInvariants(event.id);
    vi.restoreAllMocks();
  });

  it("a D1 error in the fulfilment's own batch records neither the payment nor the event, so the retry applies it", async () => {
    const { event, orderId, request, body } = await paidWebhookHeld();
    const eventId = (JSON.parse(body) as { id: string }).id;
    // The first batch (was the event seen? the order's session) goes through; the second, the
    // fulfilment that also records the event, fails as D1 would on a transient error.
    const realBatch = env.DB.batch.bind(env.DB);
    const spy = vi
      .spyOn(env.DB, "batch")
      .mockImplementationOnce(realBatch)
      .mockImplementationOnce(async () => {
        throw new Error("D1_ERROR: Network connection lost.");
      });
    vi.spyOn(console, "error").mockImplementation(() => {});
    const failed = await exports.default.fetch(new Request(request.url, { method: "POST", headers: request.headers, body }));
    expect(failed.status).toBe(500);
    expect(spy).toHaveBeenCalledTimes(2);
    spy.mockImplementation(realBatch);
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("pending");
    expect(await db.stripeEvent.count({ where: { id: eventId } })).toBe(0);
    await expectInvariants(event.id);
    const retried = await exports.default.fetch(new Request(request.url, { method: "POST", headers: request.headers, body }));
    expect(retried.status).toBe(200);
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("paid");
    expect(await db.stripeEvent.count({ where: { id: eventId } })).toBe(1);
    await expectInvariants(event.id);
    vi.restoreAllMocks();
  });

  it("the sweep running twice at once expires each hold once", async () => {
    const event = await createEvent({ capacity: 10, tiers: [{ priceMinor: 1000 }] });
    const deps = serviceDeps();
    for (let i = 0; i < 4; i++) await register(deps, event.slug, { buyer: { name: "X", email: `x${i}@example.org` }, tickets: [{ tier: event.ticketTypes[0]!.id, name: "X" }] }, `client-${i}`);
    const later = serviceDeps(() => new Date(Date.now() + 40 * 60_000));
    await Promise.all([sweepExpiredHolds(later), sweepExpiredHolds(later)]);
    expect(await db.order.count({ where: { eventId: event.id, status: "expired" } })).toBe(4);
    await expectInvariants(event.id);
  });

  it("mail failing: nothing is lost, and each message is sent once when the service recovers", async () => {
    const event = await createEvent({ capacity: 10, tiers: [{ priceMinor: 0 }] });
    const deps = serviceDeps();
    for (let i = 0; i < 3; i++) await register(deps, event.slug, { buyer: { name: "Y", email: `y${i}@example.org` }, tickets: [{ tier: event.ticketTypes[0]!.id, name: "Y" }] }, "local");
    const failing = { kind: "resend" as const, send: async () => ({ ok: false as const, permanent: false, error: "503: unavailable" }) };
    let clock = Date.now();
    const timed = { ...serviceDeps(() => new Date(clock)) };
    await sendDueEmails(timed, failing);
    clock += 10 * 60_000;
    await sendDueEmails(timed, failing);
    const pending = await db.outboxEmail.findMany({ where: { orderId: { not: null }, status: "pending" } });
    expect(pending.length).toBeGreaterThanOrEqual(3);
    const sent: string[] = [];
    const working = { kind: "resend" as const, send: async (_e: unknown, key: string) => (sent.push(key), { ok: true as const, providerId: `re_${key}` }) };
    clock += 60 * 60_000;
    await sendDueEmails(timed, working);
    await sendDueEmails(timed, working);
    expect(sent.length).toBe(new Set(sent).size);
    expect(await db.outboxEmail.count({ where: { status: "pending", orderId: { not: null } } })).toBe(0);
    await expectInvariants(event.id);
    expect(mailTransport(deps.config).kind).toBe("dev_mailbox");
  });
});
