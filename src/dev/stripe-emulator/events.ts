import Stripe from "stripe";
import { newId } from "@/lib/ids";
import type { EmulatorContext } from "@/dev/stripe-emulator/context";
import { deliverWithQuickRetries } from "@/dev/stripe-emulator/delivery";
import { stripeId, unixNow } from "@/dev/stripe-emulator/ids";
import type { StripeEvent, StripeObject } from "@/dev/stripe-emulator/objects";
import { insertObject } from "@/dev/stripe-emulator/store";

/** The API request that caused an event; null for the checkout page and the expiry sweep. */
export type EventCause = { requestId: string | null; idempotencyKey: string | null };

export const noRequest: EventCause = { requestId: null, idempotencyKey: null };

/**
 * Records an event as Stripe would (`evt_…`, the SDK's pinned API version), queues its
 * webhook and starts delivering it after the response (ctx.waitUntil).
 *
 * Called after the state change it reports has been committed: a crash in between loses
 * the webhook, which the app must survive anyway (it confirms payment from the session too).
 */
export async function emitEvent(
  ctx: EmulatorContext,
  type: string,
  object: StripeObject,
  options: { sessionId: string | null; cause?: EventCause; previousAttributes?: Record<string, unknown> },
): Promise<StripeEvent> {
  const cause = options.cause ?? noRequest;
  const event: StripeEvent = {
    id: stripeId("evt"),
    object: "event",
    api_version: Stripe.API_VERSION,
    created: unixNow(),
    data: { object, ...(options.previousAttributes && { previous_attributes: options.previousAttributes }) },
    livemode: false,
    pending_webhooks: 1,
    request: { id: cause.requestId, idempotency_key: cause.idempotencyKey },
    type,
  };
  await insertObject(ctx, "event", event.id, event, options.sessionId);
  const delivery = await ctx.db.stripeEmulatorDelivery.create({
    data: { id: newId("whd"), eventId: event.id, payload: JSON.stringify(event, null, 2), nextAttemptAt: new Date() },
  });
  ctx.waitUntil(deliverWithQuickRetries(ctx, delivery.id));
  return event;
}
