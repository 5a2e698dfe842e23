import type { AppExtensions } from "@/extensions";
import { devRoutes } from "@/dev/routes";
import { notCounted } from "@/dev/round-trips";
import { devStripeRoutes } from "@/dev/stripe-routes";
import { deliverPendingWebhooks, emulatorContextOf, emulatorFetch, expireDueSessions } from "@/dev/stripe-emulator";
import { turnstileStandIn } from "@/dev/turnstile-stand-in";

/**
 * The development tools plugged into the app: the Stripe emulator answering the SDK when no
 * STRIPE_SECRET_KEY is set, its checkout page under /dev/stripe, the dev mailbox and the
 * demo seed under /dev, the emulator's expiry and webhook retries in each cron run, and a
 * Turnstile siteverify stand-in for Cloudflare's test keys.
 */
export const devTools: AppExtensions = {
  // The emulator stands in for Stripe: its own D1 queries are Stripe's round trips, not the app's.
  offlineStripe: (ctx) => {
    const stripe = emulatorFetch(emulatorContextOf(ctx));
    return (input, init) => notCounted(() => stripe(input, init));
  },
  offlineTurnstile: turnstileStandIn,
  routes(app) {
    app.route("/dev", devRoutes);
    app.route("/dev/stripe", devStripeRoutes);
  },
  chores: (emulator) =>
    emulator
      ? [
          ["emulator_expire_sessions", () => expireDueSessions(emulatorContextOf(emulator))],
          ["emulator_deliver_webhooks", () => deliverPendingWebhooks(emulatorContextOf(emulator))],
        ]
      : [],
};
