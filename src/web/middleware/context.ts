import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { loadConfig } from "@/config";
import type { AppEnv, SelfFetch } from "@/env";
import { serviceDepsFrom } from "@/deps";
import { sendQueuedMail } from "@/domain/mail/sender";
import { mailTransport } from "@/domain/mail/transport";
import { paymentsFor, type OfflineStripeContext } from "@/domain/payments/context";

const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function executionCtxOf(c: Context<AppEnv>) {
  try {
    return c.executionCtx;
  } catch {
    return undefined; // app.request() in tests runs without one
  }
}

function waitUntilFor(c: Context<AppEnv>): (promise: Promise<unknown>) => void {
  const ctx = executionCtxOf(c);
  if (ctx) return (promise) => ctx.waitUntil(promise);
  // Without an execution context, let the promise run on its own and log its failure.
  return (promise) => void promise.catch((err) => console.error(JSON.stringify({ level: "error", error: String(err) })));
}

/**
 * Parses the configuration and opens the database and Stripe clients for the request; after
 * the response, sends the mail the request queued.
 * `offlineStripe` is the development entry's Stripe emulator (none in production).
 */
export const appContext = (options: { selfFetch: SelfFetch; offlineStripe?: ((ctx: OfflineStripeContext) => typeof fetch) | undefined }) =>
  createMiddleware<AppEnv>(async function appContext(c, next) {
    const config = loadConfig(c.env);
    c.set("config", config);
    const waitUntil = waitUntilFor(c);
    const origin = config.publicUrl ?? new URL(c.req.url).origin;
    const { stripe, offline } = paymentsFor({
      config,
      d1: c.env.DB,
      origin,
      dispatch: (request) => options.selfFetch(request, c.env, executionCtxOf(c)),
      waitUntil,
      offlineStripe: options.offlineStripe,
    });
    c.set("stripe", stripe);
    c.set("offlineStripe", offline);
    // Mail is sent in one place: whatever the request queued goes out after its response.
    const queued = new Set<string | null>();
    c.set("deps", serviceDepsFrom({ config, d1: c.env.DB, stripe, origin, mailQueued: (orderId) => queued.add(orderId) }));
    c.set("waitUntil", waitUntil);
    await next();
    // Started on the next turn of the event loop, once the response has been handed back: none
    // of the mail's queries sit on the request's path (nor in its round-trip count, dev/round-trips).
    if (queued.size) waitUntil(nextTurn().then(() => sendQueuedMail(c.var.deps, mailTransport(config), queued)));
  });
