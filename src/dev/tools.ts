import type { AppExtensions } from "@/extensions";
import { devRoutes } from "@/dev/routes";
import { devStripeRoutes } from "@/dev/stripe-routes";
import { deliverPendingWebhooks, emulatorFetch, expireDueSessions } from "@/dev/stripe-emulator";

/**
 * The development tools plugged into the app: the Stripe emulator answering the SDK when no
 * STRIPE_SECRET_KEY is set, its checkout page under /dev/stripe, the dev mailbox and the
 * demo seed under /dev, and the emulator's expiry and webhook retries in each cron run.
 */
export const devTools: AppExtensions = {
  offlineStripe: emulatorFetch,
  routes(app) {
    app.route("/dev", devRoutes);
    app.route("/dev/stripe", devStripeRoutes);
  },
  chores: (emulator) =>
    emulator
      ? [
          ["emulator_expire_sessions", () => expireDueSessions(emulator)],
          ["emulator_deliver_webhooks", () => deliverPendingWebhooks(emulator)],
        ]
      : [],
};
