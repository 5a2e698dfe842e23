import type { EmulatorContext } from "@/dev/stripe-emulator/context";
import { emitEvent } from "@/dev/stripe-emulator/events";
import { stripeId, unixNow } from "@/dev/stripe-emulator/ids";
import type { CardDetails, Charge, CheckoutSession, PaymentIntent } from "@/dev/stripe-emulator/objects";
import { loadSession, type SessionRecord } from "@/dev/stripe-emulator/sessions";
import { deleteObjects, findObject, insertObject, swapObject } from "@/dev/stripe-emulator/store";

/** What the checkout page collected. `email` is asked for only when the session has none. */
export type PaymentDetails = { name: string; email: string | null; card: CardDetails };

export type PayResult =
  | { outcome: "paid"; session: CheckoutSession }
  /** Not open any more (paid or expired meanwhile): nothing was charged. */
  | { outcome: "not_open"; session: CheckoutSession }
  | { outcome: "not_found" };

function paymentObjects(record: SessionRecord, details: PaymentDetails, email: string | null) {
  const { session, paymentIntentData } = record;
  const created = unixNow();
  const paymentIntentId = stripeId("pi");
  const chargeId = stripeId("ch");
  const paymentMethod = stripeId("pm");
  const paymentIntent: PaymentIntent = {
    id: paymentIntentId,
    object: "payment_intent",
    amount: session.amount_total,
    amount_capturable: 0,
    amount_received: session.amount_total,
    capture_method: "automatic_async",
    client_secret: `${paymentIntentId}_secret_${stripeId("s").slice(2)}`,
    confirmation_method: "automatic",
    created,
    currency: session.currency,
    customer: null,
    description: paymentIntentData.description,
    latest_charge: chargeId,
    livemode: false,
    metadata: paymentIntentData.metadata,
    payment_method: paymentMethod,
    payment_method_types: ["card"],
    receipt_email: email,
    status: "succeeded",
  };
  const charge: Charge = {
    id: chargeId,
    object: "charge",
    amount: session.amount_total,
    amount_captured: session.amount_total,
    amount_refunded: 0,
    billing_details: { address: null, email, name: details.name, phone: null },
    captured: true,
    created,
    currency: session.currency,
    customer: null,
    description: paymentIntentData.description,
    livemode: false,
    metadata: paymentIntentData.metadata,
    paid: true,
    payment_intent: paymentIntentId,
    payment_method: paymentMethod,
    payment_method_details: { type: "card", card: { ...details.card, country: "US", funding: "credit" } },
    receipt_email: email,
    refunded: false,
    status: "succeeded",
  };
  return { paymentIntent, charge };
}

/**
 * Pays an open session with a card that succeeds: creates the payment intent and its
 * charge, moves the session to complete/paid, and emits `checkout.session.completed`.
 *
 * The payment objects are written first and only become reachable when the session's
 * conditional update succeeds; if the session changed meanwhile (paid in another tab,
 * expired) they are removed and nothing is charged.
 */
export async function payCheckoutSession(ctx: EmulatorContext, id: string, details: PaymentDetails): Promise<PayResult> {
  const stored = await loadSession(ctx, id);
  if (!stored) return { outcome: "not_found" };
  const record = stored.value;
  if (record.session.status !== "open") return { outcome: "not_open", session: record.session };

  const email = record.session.customer_email ?? details.email;
  const { paymentIntent, charge } = paymentObjects(record, details, email);
  await insertObject(ctx, "payment_intent", paymentIntent.id, paymentIntent, id);
  await insertObject(ctx, "charge", charge.id, charge, id);

  const session: CheckoutSession = {
    ...record.session,
    status: "complete",
    payment_status: "paid",
    payment_intent: paymentIntent.id,
    customer_details: { address: null, email, name: details.name, phone: null, tax_exempt: "none", tax_ids: [] },
    url: null,
  };
  if (!(await swapObject(ctx, id, stored.raw, { ...record, session }))) {
    await deleteObjects(ctx, [paymentIntent.id, charge.id]);
    const fresh = await findObject<SessionRecord>(ctx, "checkout.session", id);
    return { outcome: "not_open", session: fresh!.value.session };
  }
  await emitEvent(ctx, "checkout.session.completed", session, { sessionId: id });
  return { outcome: "paid", session };
}
