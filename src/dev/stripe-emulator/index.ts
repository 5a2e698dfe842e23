/**
 * The offline Stripe emulator: with no STRIPE_SECRET_KEY the real Stripe SDK talks to this,
 * in process, in Stripe's own wire format (Checkout Sessions, payment intents, refunds,
 * events and signed webhooks), keeping its state in D1. Never used in production.
 */
import type { EmulatorContext } from "@/dev/stripe-emulator/context";
import { stripeApi } from "@/dev/stripe-emulator/api";
import { deliverPendingWebhooks, hasDueWebhooks } from "@/dev/stripe-emulator/delivery";
import { pruneIdempotencyKeys } from "@/dev/stripe-emulator/idempotency";
import { expireDueSessions as expireDue } from "@/dev/stripe-emulator/sessions";

export { emulatorContextOf, type EmulatorContext } from "@/dev/stripe-emulator/context";
export type { CheckoutSession, LineItem } from "@/dev/stripe-emulator/objects";
export type { PaymentDetails, PayResult } from "@/dev/stripe-emulator/pay";
export type { SessionRecord } from "@/dev/stripe-emulator/sessions";
export { deliverPendingWebhooks } from "@/dev/stripe-emulator/delivery";
export { payCheckoutSession } from "@/dev/stripe-emulator/pay";
export { getCheckoutSession } from "@/dev/stripe-emulator/sessions";

/** At most one look for due webhooks per isolate per second, so busy pages do not pay for it. */
const SWEEP_INTERVAL_MS = 1_000;
let lastSweep = 0;

/**
 * Starts the due webhook retries in the background, if there are any. Called whenever the
 * emulator is used, so retries also happen under `wrangler dev`, where the cron never fires.
 * The check is awaited, so nothing is left running after the response when nothing is due.
 */
export async function deliverPendingSoon(ctx: EmulatorContext): Promise<void> {
  const now = Date.now();
  if (now - lastSweep < SWEEP_INTERVAL_MS) return;
  lastSweep = now;
  if (!(await hasDueWebhooks(ctx))) return;
  ctx.waitUntil(
    deliverPendingWebhooks(ctx).catch((err) =>
      console.error(JSON.stringify({ level: "error", source: "stripe-emulator", error: String(err) })),
    ),
  );
}

/** A fetch function that answers Stripe API requests (https://api.stripe.com/v1/...) offline. */
export function emulatorFetch(ctx: EmulatorContext): typeof fetch {
  const emulated = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    await deliverPendingSoon(ctx);
    return stripeApi.fetch(new Request(input, init), { emulator: ctx });
  };
  return emulated as typeof fetch;
}

/**
 * Expires open sessions whose expires_at has passed, as Stripe does, emitting
 * checkout.session.expired; also forgets idempotency keys older than a day.
 */
export async function expireDueSessions(ctx: EmulatorContext): Promise<number> {
  await pruneIdempotencyKeys(ctx);
  return expireDue(ctx);
}
