import { Hono, type Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { bodyText, type ApiEnv } from "@/dev/stripe-emulator/api-env";
import { noSuch, StripeApiError } from "@/dev/stripe-emulator/errors";
import type { EventCause } from "@/dev/stripe-emulator/events";
import { expandObject, expandSession, lineItemList } from "@/dev/stripe-emulator/expand";
import { decodeForm, type FormRecord } from "@/dev/stripe-emulator/form";
import { stripeId } from "@/dev/stripe-emulator/ids";
import { idempotency } from "@/dev/stripe-emulator/idempotency";
import { createRefundParams, createSessionParams, expandOnly, listParams, parseParams } from "@/dev/stripe-emulator/params";
import { createRefund } from "@/dev/stripe-emulator/refunds";
import { createSession, expireSession, loadSession } from "@/dev/stripe-emulator/sessions";
import { findObject, type Kind } from "@/dev/stripe-emulator/store";

/** A Stripe JSON answer: pretty-printed, as api.stripe.com sends it. */
function stripeJson(c: Context<ApiEnv>, body: unknown, status: ContentfulStatusCode = 200) {
  return c.body(JSON.stringify(body, null, 2), status, { "content-type": "application/json" });
}

/** The request's parameters: the form body of a POST, the query string of a GET. */
async function formOf(c: Context<ApiEnv>): Promise<FormRecord> {
  return decodeForm(c.req.method === "GET" ? new URL(c.req.url).search.slice(1) : await bodyText(c));
}

function causeOf(c: Context<ApiEnv>): EventCause {
  return { requestId: c.var.requestId, idempotencyKey: c.req.header("idempotency-key") ?? null };
}

/** Every request needs a test-mode secret key, as Stripe requires a key. */
const authenticate = createMiddleware<ApiEnv>(async function authenticate(c, next) {
  const key = /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "")?.[1];
  if (!key) {
    throw new StripeApiError(
      401,
      "invalid_request_error",
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
    );
  }
  if (!/^(sk|rk)_test_/.test(key)) {
    throw new StripeApiError(401, "invalid_request_error", "The offline Stripe emulator accepts test-mode keys only (sk_test_…).");
  }
  await next();
});

/** A plain `GET /v1/<things>/:id` for objects with no behaviour of their own. */
function retrieve(kind: Kind) {
  return async (c: Context<ApiEnv>) => {
    const { expand } = parseParams(expandOnly, await formOf(c));
    const id = c.req.param("id")!;
    const stored = await findObject<object>(c.env.emulator, kind, id);
    if (!stored) throw noSuch(kind, id);
    return stripeJson(c, await expandObject(c.env.emulator, stored.value, expand));
  };
}

/** The emulated Stripe API (https://api.stripe.com/v1/…), answering in Stripe's formats. */
export const stripeApi = new Hono<ApiEnv>()
  .use(async function requestHeaders(c, next) {
    c.set("requestId", stripeId("req").slice(0, 18));
    await next();
    c.res.headers.set("request-id", c.var.requestId);
    const version = c.req.header("stripe-version");
    if (version) c.res.headers.set("stripe-version", version);
  })
  .use(authenticate)
  .use(idempotency)
  .post("/v1/checkout/sessions", async (c) => {
    const params = parseParams(createSessionParams, await formOf(c));
    const record = await createSession(c.env.emulator, params);
    return stripeJson(c, await expandSession(c.env.emulator, record, params.expand));
  })
  .get("/v1/checkout/sessions/:id", async (c) => {
    const { expand } = parseParams(expandOnly, await formOf(c));
    const stored = await loadSession(c.env.emulator, c.req.param("id"));
    if (!stored) throw noSuch("checkout.session", c.req.param("id"));
    return stripeJson(c, await expandSession(c.env.emulator, stored.value, expand));
  })
  .get("/v1/checkout/sessions/:id/line_items", async (c) => {
    parseParams(listParams, await formOf(c));
    const stored = await loadSession(c.env.emulator, c.req.param("id"));
    if (!stored) throw noSuch("checkout.session", c.req.param("id"));
    return stripeJson(c, lineItemList(stored.value));
  })
  .post("/v1/checkout/sessions/:id/expire", async (c) => {
    const { expand } = parseParams(expandOnly, await formOf(c));
    const session = await expireSession(c.env.emulator, c.req.param("id"), causeOf(c));
    return stripeJson(c, await expandObject(c.env.emulator, session, expand));
  })
  .post("/v1/refunds", async (c) => {
    const params = parseParams(createRefundParams, await formOf(c));
    const refund = await createRefund(c.env.emulator, params, causeOf(c));
    return stripeJson(c, await expandObject(c.env.emulator, refund, params.expand));
  })
  .get("/v1/payment_intents/:id", retrieve("payment_intent"))
  .get("/v1/charges/:id", retrieve("charge"))
  .get("/v1/refunds/:id", retrieve("refund"))
  .get("/v1/events/:id", retrieve("event"))
  .notFound((c) =>
    stripeJson(
      c,
      new StripeApiError(
        404,
        "invalid_request_error",
        `Unrecognized request URL (${c.req.method}: ${c.req.path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
      ),
      404,
    ),
  )
  .onError((err, c) => {
    if (err instanceof StripeApiError) return stripeJson(c, err, err.status);
    console.error(JSON.stringify({ level: "error", source: "stripe-emulator", path: c.req.path, error: String(err), stack: err.stack }));
    return stripeJson(c, new StripeApiError(500, "api_error", "An unknown error occurred in the offline Stripe emulator."), 500);
  });
