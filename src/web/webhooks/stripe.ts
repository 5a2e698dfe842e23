import { Hono } from "hono";
import type { AppEnv } from "@/env";
import { errorBody } from "@/lib/negotiate";
import { handleStripeEvent } from "@/domain/payments/webhook-handler";
import { verifyWebhook } from "@/domain/payments/stripe-client";
import { asStripeEvent } from "@/domain/payments/webhook-event";
import { messagesOf } from "@/web/shared/i18n";

/**
 * Stripe webhooks. The raw body is verified against the endpoint secret before anything is
 * read from it: a missing or bad signature is a 400 and changes nothing, and so is a signed body
 * that is not an event object. A failure while
 * applying a verified event is a 5xx (via onError), so Stripe retries it.
 */
export const webhookRoutes = new Hono<AppEnv>().post("/stripe", async (c) => {
  const signature = c.req.header("stripe-signature");
  const rawBody = await c.req.text();
  if (!signature) return c.json(errorBody("invalid_signature", messagesOf(c).http.missingStripeSignature), 400);
  let event;
  try {
    event = await verifyWebhook(rawBody, signature, c.var.config.stripe.webhookSecret);
  } catch {
    return c.json(errorBody("invalid_signature", messagesOf(c).http.badStripeSignature), 400);
  }
  // Signed by Stripe (or whoever holds the secret) yet not an event we can apply: refused, not a 500.
  const verified = asStripeEvent(event);
  if (!verified) return c.json(errorBody("bad_request", messagesOf(c).http.badStripeEvent), 400);
  event = verified;
  const outcome = await handleStripeEvent(c.var.deps, event);
  console.log(JSON.stringify({ level: "info", event: "stripe_webhook", id: event.id, type: event.type, outcome, requestId: c.var.requestId }));
  return c.json({ received: true, outcome });
});
