import type { Hono } from "hono";
import type { AppEnv } from "@/env";
import type { OfflineStripeContext } from "@/domain/payments/context";

/** One named job of a scheduled run; its result is logged. */
export type Chore = [name: string, run: () => Promise<unknown>];

/**
 * What a development entry adds to the Worker (src/dev/entry.ts: the Stripe emulator, the
 * dev mailbox, the demo seed). The production entry (src/index.ts) passes none of it, so
 * none of that code is bundled for deploy. Each is used only when ENVIRONMENT is not
 * production: the configuration refuses to run without real keys there.
 */
export type AppExtensions = {
  /**
   * Answers the Stripe SDK's requests when no STRIPE_SECRET_KEY (or STRIPE_API_BASE) is
   * set. Without it, such a Worker fails every Stripe call with a ConfigError.
   */
  offlineStripe?: (ctx: OfflineStripeContext) => typeof fetch;
  /** Answers Turnstile's siteverify offline when TURNSTILE_SECRET_KEY is one of Cloudflare's test keys. */
  offlineTurnstile?: typeof fetch;
  /** Mounts more routes (under /dev), after the app's own and before the 404 answer. */
  routes?: (app: Hono<AppEnv>) => void;
  /** More chores for each scheduled run; `offline` is set when Stripe is offline. */
  chores?: (offline: OfflineStripeContext | undefined) => Chore[];
};
