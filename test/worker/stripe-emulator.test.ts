import { env, exports } from "cloudflare:workers";
import { Hono } from "hono";
import { contextStorage } from "hono/context-storage";
import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import type { Config } from "@/config";
import { prismaFor } from "@/dev/db";
import type { AppEnv } from "@/env";
import { newId } from "@/lib/ids";
import { deliverPendingWebhooks, emulatorFetch, expireDueSessions, payCheckoutSession, type EmulatorContext } from "@/dev/stripe-emulator";
import { onError } from "@/web/middleware/errors";
import { retryDelayMs } from "@/dev/stripe-emulator/delivery";
import { devStripeRoutes } from "@/dev/stripe-routes";
import { en, es } from "@/dev/stripe-emulator/words";

const db = prismaFor(env.DB);
const webhookSecret = "whsec_emulator_test_secret";
const origin = "http://example.test";

type Delivered = { url: string; body: string; signature: string; event: Stripe.Event };

/**
 * An emulator whose webhooks go to a fake endpoint that records them and answers
 * `status(event)`, and whose background work the test can wait for (`settle`).
 */
function harness(status: (event: Stripe.Event) => number = () => 200) {
  const delivered: Delivered[] = [];
  const background: Promise<unknown>[] = [];
  const ctx: EmulatorContext = {
    d1: env.DB,
    db,
    webhookSecret,
    origin,
    dispatch: async (request) => {
      const body = await request.text();
      const event = JSON.parse(body) as Stripe.Event;
      delivered.push({ url: request.url, body, signature: request.headers.get("stripe-signature") ?? "", event });
      return new Response(null, { status: status(event) });
    },
    waitUntil: (promise) => void background.push(promise),
  };
  const stripe = new Stripe("sk_test_x", { httpClient: Stripe.createFetchHttpClient(emulatorFetch(ctx)), maxNetworkRetries: 0 });
  return {
    ctx,
    stripe,
    async settle() {
      while (background.length) await Promise.all(background.splice(0));
    },
    /** Webhooks received for one object, of one type. */
    webhooks(type: string, objectId: string) {
      return delivered.filter((d) => d.event.type === type && (d.event.data.object as { id: string }).id === objectId);
    },
  };
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Two Member tickets at £8 and a £5 lunch: £21. */
function sessionParams(overrides: Partial<Stripe.Checkout.SessionCreateParams> = {}): Stripe.Checkout.SessionCreateParams {
  return {
    mode: "payment",
    line_items: [
      { quantity: 2, price_data: { currency: "GBP", unit_amount: 800, product_data: { name: "Member ticket" } } },
      { quantity: 1, price_data: { currency: "gbp", unit_amount: 500, product_data: { name: "Lunch" } } },
    ],
    customer_email: "ada@example.com",
    client_reference_id: "ord_ref_1",
    metadata: { orderId: "ord_1" },
    expires_at: nowSeconds() + 3600,
    success_url: `${origin}/orders/done?session_id={CHECKOUT_SESSION_ID}`,
    cancel_url: `${origin}/events/annual`,
    payment_intent_data: { metadata: { orderId: "ord_1" } },
    ...overrides,
  };
}

const visa = { brand: "visa", last4: "4242", exp_month: 12, exp_year: 2034 } as const;

function payOnPage(sessionId: string, fields: Record<string, string>) {
  return exports.default.fetch(
    // "manual": the runtime would otherwise follow the redirect to the success page.
    new Request(`${origin}/dev/stripe/checkout/${sessionId}`, { method: "POST", body: new URLSearchParams(fields), redirect: "manual" }),
  );
}

const goodCard = { card_number: "4242 4242 4242 4242", expiry: "12 / 34", cvc: "123", name: "Ada Lovelace" };

describe("the emulated Checkout Sessions API", () => {
  it("creates a session in Stripe's format and retrieves the same object", async () => {
    const { stripe } = harness();
    const params = sessionParams();
    const session = await stripe.checkout.sessions.create(params);
    expect(session.id).toMatch(/^cs_test_\w{20,}$/);
    expect(session).toMatchObject({
      object: "checkout.session",
      amount_subtotal: 2100,
      amount_total: 2100,
      currency: "gbp",
      customer_email: "ada@example.com",
      client_reference_id: "ord_ref_1",
      metadata: { orderId: "ord_1" },
      expires_at: params.expires_at,
      livemode: false,
      mode: "payment",
      status: "open",
      payment_status: "unpaid",
      payment_intent: null,
      success_url: params.success_url,
      cancel_url: params.cancel_url,
      url: `${origin}/dev/stripe/checkout/${session.id}`,
      customer_details: null,
    });
    expect(Math.abs(session.created - nowSeconds())).toBeLessThan(60);
    expect(await stripe.checkout.sessions.retrieve(session.id)).toEqual(session);

    const items = await stripe.checkout.sessions.listLineItems(session.id);
    expect(items.data.map((i) => [i.description, i.quantity, i.amount_total, i.price?.unit_amount])).toEqual([
      ["Member ticket", 2, 1600, 800],
      ["Lunch", 1, 500, 500],
    ]);
  });

  it("answers an unknown session with Stripe's resource_missing error", async () => {
    const { stripe } = harness();
    const error = await stripe.checkout.sessions.retrieve("cs_test_nothing_here").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject({ statusCode: 404, code: "resource_missing", message: "No such checkout.session: 'cs_test_nothing_here'" });
  });

  it("returns the same session for a repeated Idempotency-Key, and refuses the key for other parameters", async () => {
    const { stripe } = harness();
    const key = `order-${newId("k")}`;
    const params = sessionParams();
    const first = await stripe.checkout.sessions.create(params, { idempotencyKey: key });
    const again = await stripe.checkout.sessions.create(params, { idempotencyKey: key });
    expect(again.id).toBe(first.id);
    const other = await stripe.checkout.sessions.create(params, { idempotencyKey: `${key}-2` });
    expect(other.id).not.toBe(first.id);
    const misuse = stripe.checkout.sessions.create({ ...params, client_reference_id: "someone else" }, { idempotencyKey: key });
    await expect(misuse).rejects.toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
  });

  it("rejects expires_at under 30 minutes or over 24 hours away, as Stripe does", async () => {
    const { stripe } = harness();
    for (const expiresAt of [nowSeconds() + 29 * 60, nowSeconds() + 25 * 3600]) {
      const error = await stripe.checkout.sessions.create(sessionParams({ expires_at: expiresAt })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
      expect(error).toMatchObject({ statusCode: 400, param: "expires_at" });
    }
  });

  it("refuses unknown parameters and missing required ones, naming them", async () => {
    const { stripe } = harness();
    const unknown = await stripe.checkout.sessions
      .create({ ...sessionParams(), colour: "blue" } as Stripe.Checkout.SessionCreateParams)
      .catch((e: unknown) => e);
    expect(unknown).toMatchObject({ type: "StripeInvalidRequestError", code: "parameter_unknown", param: "colour" });
    const missing = await stripe.checkout.sessions
      .create(sessionParams({ line_items: [{ quantity: 1, price_data: { currency: "gbp", product_data: { name: "Ticket" } } }] }))
      .catch((e: unknown) => e);
    expect(missing).toMatchObject({ code: "parameter_missing", param: "line_items[0][price_data][unit_amount]" });
  });

  it("answers unknown endpoints and missing keys with Stripe-shaped errors", async () => {
    const { ctx } = harness();
    const emulated = emulatorFetch(ctx);
    const unknown = await emulated("https://api.stripe.com/v1/customers/cus_1", { headers: { authorization: "Bearer sk_test_x" } });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { type: "invalid_request_error", message: expect.stringContaining("Unrecognized request URL (GET: /v1/customers/cus_1)") } });
    const anonymous = await emulated("https://api.stripe.com/v1/checkout/sessions/cs_test_x");
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { type: "invalid_request_error", message: expect.stringContaining("API key") } });
  });
});

describe("the emulator's checkout page", () => {
  it("labels every field and shows the order, the total, the test cards and a way back", async () => {
    const { stripe } = harness();
    const session = await stripe.checkout.sessions.create(sessionParams());
    const res = await exports.default.fetch(new Request(session.url!));
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain("Offline test checkout");
    expect(html).toContain("No real money");
    expect(html).toMatch(/Member ticket<\/td><td>2<\/td><td>£16</);
    expect(html).toContain("Lunch");
    expect(html).toMatch(/<button[^>]*>Pay £21<\/button>/);
    expect(html).toContain("ada@example.com");
    expect(html).toContain("Test cards: 4242 4242 4242 4242 succeeds; 4000 0000 0000 0002 is declined.");
    expect(html).toContain(`<a href="${session.cancel_url}">Cancel and go back</a>`);
    const inputIds = [...html.matchAll(/<input[^>]*\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(inputIds).toEqual(["emu-card_number", "emu-expiry", "emu-cvc", "emu-name"]);
    for (const id of inputIds) expect(html).toContain(`<label for="${id}">`);
    expect(html).not.toMatch(/<script|\sstyle=/);
  });

  it("speaks the session's locale: Spanish words, money and <html lang>, none of the English page's", async () => {
    const { stripe } = harness();
    const session = await stripe.checkout.sessions.create(sessionParams({ locale: "es" }));
    expect((await stripe.checkout.sessions.retrieve(session.id)).locale).toBe("es");
    const html = await (await exports.default.fetch(new Request(session.url!))).text();
    expect(html).toContain('<html lang="es">');
    expect(html).toContain(es.title);
    expect(html).toContain(es.labels.card_number);
    expect(html).toMatch(/<button[^>]*>Pagar 21(,00)?\s£<\/button>/);
    const englishOnly = [en.banner.body, en.testCards, en.cardDetails, en.yourOrder, en.cancel, en.labels.name];
    expect(englishOnly.filter((sentence) => html.includes(sentence))).toEqual([]);
  });

  it("asks for an email when the session has none", async () => {
    const { stripe } = harness();
    const session = await stripe.checkout.sessions.create(sessionParams({ customer_email: undefined }));
    const html = await (await exports.default.fetch(new Request(session.url!))).text();
    expect(html).toMatch(/<label for="emu-email">Email<\/label>/);
  });

  it("pays with 4242 4242 4242 4242 and redirects to the success URL", async () => {
    const { stripe } = harness();
    const session = await stripe.checkout.sessions.create(sessionParams());
    console.log("T1");
    const res = await payOnPage(session.id, goodCard);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`${origin}/orders/done?session_id=${session.id}`);
    console.log("T2");
    console.log("T3");

    const paid = await stripe.checkout.sessions.retrieve(session.id);
    expect(paid).toMatchObject({ status: "complete", payment_status: "paid", url: null });
    expect(paid.customer_details).toMatchObject({ email: "ada@example.com", name: "Ada Lovelace" });
    expect(paid.payment_intent).toMatch(/^pi_/);
    const intent = await stripe.paymentIntents.retrieve(paid.payment_intent as string);
    expect(intent).toMatchObject({ object: "payment_intent", amount: 2100, currency: "gbp", status: "succeeded", metadata: { orderId: "ord_1" } });
    expect(intent.latest_charge).toMatch(/^ch_/);

    const again = await exports.default.fetch(new Request(`${origin}/dev/stripe/checkout/${session.id}`));
    const html = await again.text();
    expect(html).toContain("This checkout is already paid");
    expect(html).toContain(`href="${origin}/orders/done?session_id=${session.id}"`);
  });

  it("declines 4000 0000 0000 0002, says so beside the card number, and charges nothing", async () => {
    const { stripe } = harness();
    const session = await stripe.checkout.sessions.create(sessionParams());
    const res = await payOnPage(session.id, { ...goodCard, card_number: "4000 0000 0000 0002" });
    const html = await res.text();
    expect(res.status).toBe(402);
    expect(html).toContain('id="emu-card_number-error"');
    expect(html).toContain("Your card was declined. Try another card.");
    expect(html).toMatch(/<input[^>]*id="emu-card_number"[^>]*aria-describedby="emu-test-cards emu-card_number-error"/);
    expect(await stripe.checkout.sessions.retrieve(session.id)).toMatchObject({ status: "open", payment_status: "unpaid", payment_intent: null });
  });

  it("asks again, field by field, for an unknown card, a past expiry and a bad CVC", async () => {
    const { stripe } = harness();
    const session = await stripe.checkout.sessions.create(sessionParams());
    const res = await payOnPage(session.id, { card_number: "5555 5555 5555 4444", expiry: "01 / 20", cvc: "12", name: "" });
    const html = await res.text();
    expect(res.status).toBe(422);
    for (const field of ["card_number", "expiry", "cvc", "name"]) {
      expect(html).toMatch(new RegExp(`<input[^>]*id="emu-${field}"[^>]*aria-invalid="true"[^>]*aria-describedby="[^"]*emu-${field}-error"`));
    }
    expect(html).toContain("only accepts test cards");
    expect(html).toContain("expiry date is in the past");
    expect(html).toContain("3-digit security code");
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe("open");
  });

  it("is a 404 for an unknown session", async () => {
    const res = await exports.default.fetch(new Request(`${origin}/dev/stripe/checkout/cs_test_unknown`));
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("We could not find that checkout");
  });

  it("is a 404 in production, even for a real session", async () => {
    const { ctx, stripe } = harness();
    const session = await stripe.checkout.sessions.create(sessionParams());
    // The error page reads the reader's language through context storage, as in the app.
    const production = new Hono<AppEnv>()
      .use(contextStorage())
      .use(async (c, next) => {
        c.set("locale", "en");
        c.set("config", { environment: "production" } as Config);
        c.set("offlineStripe", ctx);
        await next();
      })
      .onError(onError)
      .route("/dev/stripe", devStripeRoutes);
    const page = await production.request(`/dev/stripe/checkout/${session.id}`);
    expect(page.status).toBe(404);
    const pay = await production.request(`/dev/stripe/checkout/${session.id}`, { method: "POST", body: new URLSearchParams(goodCard) });
    expect(pay.status).toBe(404);
    expect((await stripe.checkout.sessions.retrieve(session.id)).payment_status).toBe("unpaid");
  });
});

describe("the emulator's webhooks", () => {
  it("signs checkout.session.completed exactly as Stripe does, so the SDK verifies it", async () => {
    const { ctx, stripe, settle, webhooks } = harness();
    const session = await stripe.checkout.sessions.create(sessionParams());
    const result = await payCheckoutSession(ctx, session.id, { name: "Ada Lovelace", email: null, card: visa });
    expect(result.outcome).toBe("paid");
    await settle();

    const [hook, ...others] = webhooks("checkout.session.completed", session.id);
    expect(others).toEqual([]);
    expect(hook!.url).toBe(`${origin}/webhooks/stripe`);
    const event = await stripe.webhooks.constructEventAsync(hook!.body, hook!.signature, webhookSecret, undefined, Stripe.createSubtleCryptoProvider());
    expect(event).toMatchObject({
      object: "event",
      type: "checkout.session.completed",
      api_version: Stripe.API_VERSION,
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      data: { object: { id: session.id, status: "complete", payment_status: "paid", client_reference_id: "ord_ref_1" } },
    });
    expect(event.id).toMatch(/^evt_/);
    expect(await stripe.events.retrieve(event.id)).toEqual(event);

    const tampered = hook!.body.replace('"amount_total": 2100', '"amount_total": 1');
    expect(tampered).not.toBe(hook!.body);
    await expect(
      stripe.webhooks.constructEventAsync(tampered, hook!.signature, webhookSecret, undefined, Stripe.createSubtleCryptoProvider()),
    ).rejects.toBeInstanceOf(Stripe.errors.StripeSignatureVerificationError);

    const row = await db.stripeEmulatorDelivery.findFirstOrThrow({ where: { eventId: event.id } });
    expect(row).toMatchObject({ status: "delivered", attempts: 1, lastStatusCode: 200 });
    expect(row.deliveredAt).toBeInstanceOf(Date);
  });

  it("retries a webhook the endpoint answered with a 500, and marks it delivered once it succeeds", async () => {
    let failures = 0;
    const { ctx, stripe, settle, webhooks } = harness((event) =>
      event.type === "checkout.session.completed" && failures++ === 0 ? 500 : 200,
    );
    const session = await stripe.checkout.sessions.create(sessionParams());
    await payCheckoutSession(ctx, session.id, { name: "Ada Lovelace", email: null, card: visa });
    await settle();

    const attempts = webhooks("checkout.session.completed", session.id);
    expect(attempts).toHaveLength(2);
    expect(attempts[1]!.body).toBe(attempts[0]!.body);
    const row = await db.stripeEmulatorDelivery.findFirstOrThrow({ where: { eventId: attempts[0]!.event.id } });
    expect(row).toMatchObject({ status: "delivered", attempts: 2, lastStatusCode: 200 });
  });

  it("backs off exponentially after the quick retries, and gives up after ten attempts", async () => {
    const { ctx } = harness(() => 503);
    const due = new Date(Date.now() - 1000);
    const payload = JSON.stringify({ id: "evt_backoff", object: "event", type: "test.backoff", data: { object: { id: "x" } } });
    const late = await db.stripeEmulatorDelivery.create({ data: { id: newId("whd"), eventId: "evt_backoff", payload, attempts: 3, nextAttemptAt: due } });
    const last = await db.stripeEmulatorDelivery.create({ data: { id: newId("whd"), eventId: "evt_last", payload, attempts: 9, nextAttemptAt: due } });
    const before = Date.now();
    const counts = await deliverPendingWebhooks(ctx);
    expect(counts.failed).toBeGreaterThanOrEqual(2);

    const retried = await db.stripeEmulatorDelivery.findUniqueOrThrow({ where: { id: late.id } });
    expect(retried).toMatchObject({ status: "pending", attempts: 4, lastStatusCode: 503 });
    expect(retried.nextAttemptAt.getTime() - before).toBeGreaterThanOrEqual(160_000 - 1000);
    expect(retried.nextAttemptAt.getTime() - before).toBeLessThan(160_000 + 5000);
    expect(await db.stripeEmulatorDelivery.findUniqueOrThrow({ where: { id: last.id } })).toMatchObject({ status: "failed", attempts: 10 });
    expect([1, 2, 3, 8, 9].map(retryDelayMs)).toEqual([1_000, 3_000, 80_000, 2_560_000, 3_600_000]);
  });
});

describe("expiring sessions", () => {
  it("expires an open session once, emitting checkout.session.expired, then refuses a second expire", async () => {
    const { stripe, settle, webhooks } = harness();
    const session = await stripe.checkout.sessions.create(sessionParams());
    const expired = await stripe.checkout.sessions.expire(session.id);
    expect(expired).toMatchObject({ id: session.id, status: "expired", payment_status: "unpaid", url: null });
    await settle();
    const [hook] = webhooks("checkout.session.expired", session.id);
    expect(hook!.event.request?.id).toMatch(/^req_/);

    const again = await stripe.checkout.sessions.expire(session.id).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(again).toMatchObject({ statusCode: 400, message: 'Only Checkout Sessions with a status in ["open"] can be expired.' });

    const page = await exports.default.fetch(new Request(`${origin}/dev/stripe/checkout/${session.id}`));
    const html = await page.text();
    expect(html).toContain("This checkout has expired");
    expect(html).toContain(`href="${session.cancel_url}"`);
    const pay = await payOnPage(session.id, goodCard);
    expect(pay.status).toBe(409);
    expect((await stripe.checkout.sessions.retrieve(session.id)).payment_status).toBe("unpaid");
  });

  it("expires sessions whose expires_at has passed", async () => {
    const { ctx, stripe, settle, webhooks } = harness();
    const session = await stripe.checkout.sessions.create(sessionParams());
    const row = await db.stripeEmulatorObject.findUniqueOrThrow({ where: { id: session.id } });
    const stored = JSON.parse(row.data);
    stored.session.expires_at = nowSeconds() - 1;
    await db.stripeEmulatorObject.update({ where: { id: session.id }, data: { data: JSON.stringify(stored) } });

    expect(await expireDueSessions(ctx)).toBeGreaterThanOrEqual(1);
    expect(await expireDueSessions(ctx)).toBe(0);
    await settle();
    expect(webhooks("checkout.session.expired", session.id)).toHaveLength(1);
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe("expired");
  });
});

describe("refunds", () => {
  it("refunds part, then the rest, emitting charge.refunded with the running total, and refuses more", async () => {
    const { ctx, stripe, settle, webhooks } = harness();
    const session = await stripe.checkout.sessions.create(sessionParams());
    const paid = await payCheckoutSession(ctx, session.id, { name: "Ada Lovelace", email: null, card: visa });
    if (paid.outcome !== "paid") throw new Error("not paid");
    const paymentIntent = paid.session.payment_intent!;
    const { latest_charge: chargeId } = await stripe.paymentIntents.retrieve(paymentIntent);

    const partial = await stripe.refunds.create({ payment_intent: paymentIntent, amount: 800, reason: "requested_by_customer", metadata: { ticket: "t1" } });
    expect(partial).toMatchObject({
      object: "refund",
      amount: 800,
      currency: "gbp",
      payment_intent: paymentIntent,
      charge: chargeId,
      status: "succeeded",
      metadata: { ticket: "t1" },
    });
    expect(partial.id).toMatch(/^re_/);

    const tooMuch = await stripe.refunds.create({ payment_intent: paymentIntent, amount: 1400 }).catch((e: unknown) => e);
    expect(tooMuch).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(tooMuch).toMatchObject({ param: "amount", message: "Refund amount (£14.00) is greater than unrefunded amount on charge (£13.00)" });

    const rest = await stripe.refunds.create({ payment_intent: paymentIntent });
    expect(rest.amount).toBe(1300);
    await expect(stripe.refunds.create({ payment_intent: paymentIntent, amount: 1 })).rejects.toBeInstanceOf(
      Stripe.errors.StripeInvalidRequestError,
    );

    await settle();
    const charges = webhooks("charge.refunded", chargeId as string).map((d) => d.event.data.object as Stripe.Charge);
    expect(charges.map((c) => [c.object, c.amount, c.amount_refunded, c.refunded, c.payment_intent, c.currency])).toEqual([
      ["charge", 2100, 800, false, paymentIntent, "gbp"],
      ["charge", 2100, 2100, true, paymentIntent, "gbp"],
    ]);
    expect(charges[1]!.metadata).toEqual({ orderId: "ord_1" });
  });
});
