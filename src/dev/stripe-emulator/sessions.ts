import { formatMoney } from "@/lib/format";
import type { EmulatorContext } from "@/dev/stripe-emulator/context";
import { invalidParam, noSuch, StripeApiError } from "@/dev/stripe-emulator/errors";
import { emitEvent, noRequest, type EventCause } from "@/dev/stripe-emulator/events";
import { checkoutSessionId, stripeId, unixNow } from "@/dev/stripe-emulator/ids";
import type { CheckoutSession, LineItem, Metadata } from "@/dev/stripe-emulator/objects";
import type { CreateSessionParams } from "@/dev/stripe-emulator/params";
import { findObject, insertObject, swapObject, type Stored } from "@/dev/stripe-emulator/store";

/** One stored Checkout Session: the API object plus what only the emulator sees. */
export type SessionRecord = {
  session: CheckoutSession;
  lineItems: LineItem[];
  paymentIntentData: { metadata: Metadata; description: string | null };
};

const MINUTE = 60;
const HOUR = 60 * MINUTE;
/** Stripe's smallest chargeable amounts, in minor units (most currencies: 50). */
const minimumAmount: Record<string, number> = { gbp: 30 };

function buildLineItems(params: CreateSessionParams, created: number): LineItem[] {
  const currency = params.line_items[0]!.price_data.currency;
  return params.line_items.map((item, i) => {
    const { price_data: priceData, quantity } = item;
    if (priceData.currency !== currency) {
      throw invalidParam(`line_items[${i}][price_data][currency]`, "All line items must use the same currency.");
    }
    const total = priceData.unit_amount * quantity;
    return {
      id: stripeId("li"),
      object: "item",
      amount_discount: 0,
      amount_subtotal: total,
      amount_tax: 0,
      amount_total: total,
      currency,
      description: priceData.product_data.name,
      price: {
        id: stripeId("price"),
        object: "price",
        active: false,
        billing_scheme: "per_unit",
        created,
        currency,
        livemode: false,
        lookup_key: null,
        metadata: {},
        nickname: null,
        product: stripeId("prod"),
        recurring: null,
        tax_behavior: "unspecified",
        type: "one_time",
        unit_amount: priceData.unit_amount,
        unit_amount_decimal: String(priceData.unit_amount),
      },
      quantity,
    };
  });
}

/** `POST /v1/checkout/sessions`: validates as Stripe does and stores an open session. */
export async function createSession(ctx: EmulatorContext, params: CreateSessionParams): Promise<SessionRecord> {
  const created = unixNow();
  const expiresAt = params.expires_at ?? created + 24 * HOUR;
  if (expiresAt < created + 30 * MINUTE) {
    throw invalidParam("expires_at", "The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.");
  }
  if (expiresAt > created + 24 * HOUR) {
    throw invalidParam("expires_at", "The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.");
  }
  const lineItems = buildLineItems(params, created);
  const currency = lineItems[0]!.currency;
  const total = lineItems.reduce((sum, item) => sum + item.amount_total, 0);
  const minimum = minimumAmount[currency] ?? 50;
  if (total < minimum) {
    throw invalidParam(
      "line_items",
      `The Checkout Session's total amount due must add up to at least ${formatMoney(minimum, currency)} ${currency}`,
    );
  }
  if (total > 99_999_999) throw invalidParam("line_items", "The Checkout Session's total amount due is too large.");

  const id = checkoutSessionId();
  const session: CheckoutSession = {
    id,
    object: "checkout.session",
    after_expiration: null,
    allow_promotion_codes: null,
    amount_subtotal: total,
    amount_total: total,
    automatic_tax: { enabled: false, liability: null, status: null },
    billing_address_collection: null,
    cancel_url: params.cancel_url ?? null,
    client_reference_id: params.client_reference_id ?? null,
    client_secret: null,
    created,
    currency,
    customer: null,
    customer_creation: "if_required",
    customer_details: null,
    customer_email: params.customer_email ?? null,
    expires_at: expiresAt,
    invoice: null,
    livemode: false,
    locale: params.locale ?? null,
    metadata: params.metadata ?? {},
    mode: "payment",
    payment_intent: null,
    payment_method_types: ["card"],
    payment_status: "unpaid",
    status: "open",
    submit_type: params.submit_type ?? null,
    success_url: params.success_url,
    total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
    ui_mode: "hosted",
    url: `${ctx.origin}/dev/stripe/checkout/${id}`,
  };
  const record: SessionRecord = {
    session,
    lineItems,
    paymentIntentData: {
      metadata: params.payment_intent_data?.metadata ?? {},
      description: params.payment_intent_data?.description ?? null,
    },
  };
  await insertObject(ctx, "checkout.session", id, record, id);
  return record;
}

/**
 * Open → expired, emitting `checkout.session.expired`, if the session is still open.
 * Returns the session as it now stands and whether this call expired it.
 */
async function expireIfOpen(ctx: EmulatorContext, stored: Stored<SessionRecord>, cause: EventCause) {
  const { session } = stored.value;
  if (session.status !== "open") return { expired: false, record: stored.value };
  const next: SessionRecord = { ...stored.value, session: { ...session, status: "expired", url: null } };
  if (await swapObject(ctx, session.id, stored.raw, next)) {
    await emitEvent(ctx, "checkout.session.expired", next.session, { sessionId: session.id, cause });
    return { expired: true, record: next };
  }
  const fresh = await findObject<SessionRecord>(ctx, "checkout.session", session.id);
  return { expired: false, record: fresh!.value };
}

/**
 * A session as it stands now. An open session past its expires_at is expired first, as
 * Stripe would have done by then, so nobody can pay a session the app already gave up on.
 */
export async function loadSession(ctx: EmulatorContext, id: string): Promise<Stored<SessionRecord> | null> {
  const stored = await findObject<SessionRecord>(ctx, "checkout.session", id);
  if (!stored || stored.value.session.status !== "open" || stored.value.session.expires_at > unixNow()) return stored;
  await expireIfOpen(ctx, stored, noRequest);
  return findObject<SessionRecord>(ctx, "checkout.session", id);
}

/** The Checkout Session and its line items, or null for an unknown id (the checkout page uses it). */
export async function getCheckoutSession(ctx: EmulatorContext, id: string): Promise<SessionRecord | null> {
  return (await loadSession(ctx, id))?.value ?? null;
}

/** `POST /v1/checkout/sessions/:id/expire`: only an open session can be expired. */
export async function expireSession(ctx: EmulatorContext, id: string, cause: EventCause): Promise<CheckoutSession> {
  const stored = await findObject<SessionRecord>(ctx, "checkout.session", id);
  if (!stored) throw noSuch("checkout.session", id);
  const { expired, record } = await expireIfOpen(ctx, stored, cause);
  if (!expired) {
    throw new StripeApiError(400, "invalid_request_error", 'Only Checkout Sessions with a status in ["open"] can be expired.');
  }
  return record.session;
}

/** Expires every open session whose expires_at has passed; returns how many it expired. */
export async function expireDueSessions(ctx: EmulatorContext): Promise<number> {
  const due = await ctx.db.$queryRaw<Array<{ id: string }>>`
    SELECT id FROM "StripeEmulatorObject"
    WHERE kind = 'checkout.session'
      AND json_extract(data, '$.session.status') = 'open'
      AND json_extract(data, '$.session.expires_at') <= ${unixNow()}
    LIMIT 100`;
  let count = 0;
  for (const { id } of due) {
    const stored = await findObject<SessionRecord>(ctx, "checkout.session", id);
    if (stored && (await expireIfOpen(ctx, stored, noRequest)).expired) count++;
  }
  return count;
}
