import type Stripe from "stripe";
import * as z from "zod";

const id = z.string().min(1).max(255);
// Stripe's metadata values are always strings; anything else did not come from a session of ours.
const metadata = z.record(z.string(), z.string()).nullish();
const expandable = z.union([z.string(), z.looseObject({ id: z.string() })]).nullish();

/** The fields of a Checkout Session the handler reads. */
const session = z.looseObject({ id, metadata, client_reference_id: z.string().nullish(), payment_intent: expandable, amount_total: z.number().int().nullish() });

/** The fields of a Charge the handler reads. */
const charge = z.looseObject({ payment_intent: expandable, amount_refunded: z.number().int().min(0), refunded: z.boolean() });

/** What each event type we act on must carry in `data.object`; other types are only recorded. */
const objectOf: Record<string, z.ZodType> = {
  "checkout.session.completed": session,
  "checkout.session.expired": session,
  "checkout.session.async_payment_succeeded": session,
  "checkout.session.async_payment_failed": session,
  "charge.refunded": charge,
};

const envelope = z.looseObject({ id, type: z.string().min(1).max(255), data: z.looseObject({ object: z.record(z.string(), z.unknown()) }) });

/**
 * A verified webhook body as an event, or null when it is not one (`null`, an array, no `type`,
 * no `data.object`, or an object of the wrong shape for its type). A correct signature proves
 * who sent the body, not that it is an event we can apply.
 */
export function asStripeEvent(body: unknown): Stripe.Event | null {
  const parsed = envelope.safeParse(body);
  if (!parsed.success) return null;
  const shape = objectOf[parsed.data.type];
  if (shape && !shape.safeParse(parsed.data.data.object).success) return null;
  return body as Stripe.Event;
}
