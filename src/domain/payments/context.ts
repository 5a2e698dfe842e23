import type Stripe from "stripe";
import type { Config } from "@/config";
import { createStripe } from "@/domain/payments/stripe-client";
import { lazy } from "@/lib/lazy";

/**
 * What an offline Stripe stand-in (the development entry's emulator) gets for one request
 * or scheduled run, when no STRIPE_SECRET_KEY is set.
 */
export type OfflineStripeContext = {
  /** The app's database (the development entry's emulator keeps its objects there). */
  d1: D1Database;
  /** Signs the webhooks it delivers, exactly as Stripe would. */
  webhookSecret: string;
  /** Origin for the URLs it hands out, e.g. http://localhost:8787 (checkout page). */
  origin: string;
  /** Sends a request to this Worker's own fetch handler, in process (no network). */
  dispatch: (request: Request) => Promise<Response>;
  /** Keeps work (webhook delivery and retries) running after the response. */
  waitUntil: (promise: Promise<unknown>) => void;
};

export type Payments = { stripe: Stripe; offline: OfflineStripeContext | undefined };

/**
 * The Stripe client for one request or one scheduled run. Offline (no key), it talks to
 * `offlineStripe` when the entry has one, and `offline` is the context that stand-in runs
 * with; `dispatch` reaches this Worker's own fetch handler for its webhooks.
 */
export function paymentsFor(args: {
  config: Config;
  d1: D1Database;
  origin: string;
  dispatch: (request: Request) => Promise<Response>;
  waitUntil: (promise: Promise<unknown>) => void;
  offlineStripe?: ((ctx: OfflineStripeContext) => typeof fetch) | undefined;
}): Payments {
  const { config, offlineStripe } = args;
  const offline: OfflineStripeContext | undefined =
    config.stripe.mode === "offline" && offlineStripe
      ? { d1: args.d1, webhookSecret: config.stripe.webhookSecret, origin: args.origin, dispatch: args.dispatch, waitUntil: args.waitUntil }
      : undefined;
  const stripe = lazy(() => createStripe(config.stripe, offline && offlineStripe ? () => offlineStripe(offline) : undefined));
  return { stripe, offline };
}
