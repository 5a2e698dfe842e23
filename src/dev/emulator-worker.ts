import { Hono, type Context } from "hono";
import { contextStorage } from "hono/context-storage";
import { prismaFor } from "@/dev/db";
import { DomainError } from "@/domain/errors";
import { defaultLocale, errorMessage, localeFrom, messagesFor } from "@/i18n";
import { lazy } from "@/lib/lazy";
import { ErrorPage } from "@/web/shared/error-page";
import { deliverPendingWebhooks, emulatorContextOf, emulatorFetch, expireDueSessions, type EmulatorContext } from "@/dev/stripe-emulator";
import { devStripeRoutes, type CheckoutPagesEnv } from "@/dev/stripe-routes";
import { routeOf, Timings } from "@/dev/emulator-stats";

/**
 * The Stripe emulator as a Worker of its own, with its own D1 database, outside the app's
 * process, as real Stripe is: the app talks to it over HTTP through the Stripe SDK
 * (STRIPE_SECRET_KEY + STRIPE_API_BASE), and it posts signed webhooks to the app's
 * /webhooks/stripe. `npm run bench` runs it this way so the app's numbers are the app's alone;
 * `npm start` and the tests keep the in-process emulator (src/dev/tools.ts). Both use the
 * same modules (src/dev/stripe-emulator), the same checkout pages (src/dev/stripe-routes.tsx).
 * Configured by wrangler.emulator.toml; never deployed.
 *
 * Routes:
 * - `/v1/…`: the Stripe API the SDK calls (Checkout Sessions, refunds, payment intents, events).
 * - `/dev/stripe/checkout/:id`: the hosted checkout page (`session.url`), GET and the form's POST.
 * - `POST /__chores`: expires due sessions and retries due webhooks now (what the cron does;
 *   `wrangler dev` never fires crons by itself). Answers what it did.
 * - `GET /__stats`: the emulator's own time, per route and for webhook deliveries (see
 *   dev/emulator-stats.ts); `DELETE /__stats` starts counting afresh. Every answer also
 *   carries `Server-Timing: emulator;dur=<ms>`.
 */
export type EmulatorBindings = {
  DB: D1Database;
  /** The app's webhook endpoint, e.g. http://127.0.0.1:8787/webhooks/stripe. */
  APP_WEBHOOK_URL: string;
  /** Shared with the app (its STRIPE_WEBHOOK_SECRET): signs every webhook. */
  STRIPE_WEBHOOK_SECRET: string;
  /** This Worker's public origin for the checkout URLs it hands out; the request's own when unset. */
  PUBLIC_URL?: string;
};

type EmulatorWorkerEnv = { Bindings: EmulatorBindings; Variables: CheckoutPagesEnv["Variables"] };

/** What this isolate measured; read and reset through /__stats. */
const timings = new Timings();
const REQUEST = "request ";
const WEBHOOK_APP = "webhook: the app's answer";
const WEBHOOK_OWN = "webhook: the emulator's own delivery work";
const WEBHOOK_FAILED = "webhook: failed attempts (app unreachable or not 2xx)";

function settings(env: EmulatorBindings) {
  const problems = [
    !/^https?:\/\/\S+$/.test(env.APP_WEBHOOK_URL ?? "") && "APP_WEBHOOK_URL (the app's /webhooks/stripe URL) is missing or not a URL",
    !/^whsec_\w+$/.test(env.STRIPE_WEBHOOK_SECRET ?? "") && "STRIPE_WEBHOOK_SECRET (whsec_…, the app's) is missing or malformed",
  ].filter(Boolean);
  if (problems.length) throw new Error(`Stripe emulator Worker misconfigured: ${problems.join("; ")}`);
  return { webhookUrl: env.APP_WEBHOOK_URL, webhookSecret: env.STRIPE_WEBHOOK_SECRET };
}

/**
 * The emulator's context for one request or scheduled run: its own database; webhooks go to
 * the app over HTTP (the emulator names the path /webhooks/stripe on its origin; `dispatch`
 * sends it to APP_WEBHOOK_URL instead), timed so the app's answer is not counted as ours.
 */
function emulatorContext(env: EmulatorBindings, origin: string, waitUntil: (promise: Promise<unknown>) => void): EmulatorContext {
  const { webhookUrl, webhookSecret } = settings(env);
  let appMs = 0;
  let posted = 0;
  let failed = 0;
  const dispatch = async (request: Request): Promise<Response> => {
    const body = await request.text();
    const started = Date.now();
    let ok = false;
    try {
      const response = await fetch(webhookUrl, { method: request.method, headers: request.headers, body });
      await response.arrayBuffer().catch(() => undefined);
      ok = response.ok;
      return new Response(null, { status: response.status });
    } finally {
      const spent = Date.now() - started;
      appMs += spent;
      posted++;
      if (!ok) failed++;
      timings.record(ok ? WEBHOOK_APP : WEBHOOK_FAILED, spent);
    }
  };
  const timedWaitUntil = (promise: Promise<unknown>) => {
    const started = Date.now();
    const before = { appMs, posted, failed };
    waitUntil(
      promise.finally(() => {
        // Background work that delivered a webhook at the first try: with a failure in it, its
        // time would include the waits between retries, which are nobody's work.
        if (posted > before.posted && failed === before.failed) timings.record(WEBHOOK_OWN, Date.now() - started - (appMs - before.appMs));
      }),
    );
  };
  return { d1: env.DB, db: lazy(() => prismaFor(env.DB)), webhookSecret, origin, dispatch, waitUntil: timedWaitUntil };
}

function summaries() {
  return {
    clock: "workerd's clock: advances on I/O (D1, fetch, timers); CPU after a request's last I/O reads as zero",
    since: timings.startedAt?.toISOString() ?? null,
    requests: { all: timings.combined(REQUEST), byRoute: timings.byPrefix(REQUEST) },
    webhooks: {
      appAnswer: timings.summary(WEBHOOK_APP) ?? null,
      emulatorWork: timings.summary(WEBHOOK_OWN) ?? null,
      failedAttempts: timings.summary(WEBHOOK_FAILED) ?? null,
    },
  };
}

/** The emulator's own chores: what the app's cron does for the in-process emulator. */
async function chores(ctx: EmulatorContext) {
  const expired = await expireDueSessions(ctx);
  const { delivered, failed } = await deliverPendingWebhooks(ctx);
  return { expired, delivered, failed };
}

const app = new Hono<EmulatorWorkerEnv>()
  .get("/__stats", (c) => c.json(summaries()))
  .delete("/__stats", (c) => {
    timings.reset();
    return c.json(summaries());
  })
  .use(async function measure(c, next) {
    const started = Date.now();
    await next();
    const spent = Date.now() - started;
    if (c.req.path !== "/__chores") timings.record(REQUEST + routeOf(c.req.method, c.req.path), spent);
    c.res.headers.append("Server-Timing", `emulator;dur=${spent}`);
  })
  // The checkout pages read the request through context storage (the page shell's language).
  .use(contextStorage())
  .use(async function emulatorVariables(c, next) {
    c.set("requestId", crypto.randomUUID());
    c.set("config", { environment: "development" });
    const accept = c.req.header("accept-language")?.split(",")[0]?.split(";")[0];
    c.set("locale", localeFrom(c.req.query("lang")) ?? localeFrom(accept) ?? defaultLocale);
    const origin = (c.env.PUBLIC_URL || new URL(c.req.url).origin).replace(/\/$/, "");
    c.set("offlineStripe", emulatorContext(c.env, origin, (promise) => c.executionCtx.waitUntil(promise)));
    await next();
  })
  .post("/__chores", async (c) => c.json(await chores(emulatorContextOf(c.var.offlineStripe!))))
  // The Stripe API, exactly as the in-process emulator answers the SDK.
  .all("/v1/*", (c) => emulatorFetch(emulatorContextOf(c.var.offlineStripe!))(c.req.raw))
  .route("/dev/stripe", devStripeRoutes)
  .notFound((c) => c.json({ error: { type: "invalid_request_error", message: `Unrecognized request URL (${c.req.method}: ${c.req.path}).` } }, 404))
  .onError((err, c: Context<EmulatorWorkerEnv>) => {
    if (err instanceof DomainError) {
      const m = messagesFor(c.var.locale);
      return c.html(ErrorPage({ m, status: err.status, message: errorMessage(err, m), requestId: c.var.requestId }), err.status);
    }
    console.error(JSON.stringify({ level: "error", source: "stripe-emulator-worker", path: c.req.path, error: String(err), stack: err.stack }));
    return c.text(`Stripe emulator Worker: ${String(err)}`, 500);
  });

export default {
  fetch: app.fetch,
  scheduled: (_controller, env, ctx) => {
    const origin = (env.PUBLIC_URL || "http://localhost").replace(/\/$/, "");
    ctx.waitUntil(
      chores(emulatorContext(env, origin, (promise) => ctx.waitUntil(promise))).then((done) =>
        console.log(JSON.stringify({ level: "info", source: "stripe-emulator-worker", chores: done })),
      ),
    );
  },
} satisfies ExportedHandler<EmulatorBindings>;
