/**
 * The Stripe objects the emulator serves, in the API's own JSON shape (the fields a
 * Checkout integration reads, with Stripe's defaults for the rest).
 */

export type Metadata = Record<string, string>;

export type CustomerDetails = {
  address: null;
  email: string | null;
  name: string | null;
  phone: null;
  tax_exempt: "none";
  tax_ids: [];
};

export type CheckoutSession = {
  id: string;
  object: "checkout.session";
  after_expiration: null;
  allow_promotion_codes: null;
  amount_subtotal: number;
  amount_total: number;
  automatic_tax: { enabled: false; liability: null; status: null };
  billing_address_collection: null;
  cancel_url: string | null;
  client_reference_id: string | null;
  client_secret: null;
  created: number;
  currency: string;
  customer: null;
  customer_creation: "if_required";
  customer_details: CustomerDetails | null;
  customer_email: string | null;
  expires_at: number;
  invoice: null;
  livemode: false;
  locale: string | null;
  metadata: Metadata;
  mode: "payment";
  payment_intent: string | null;
  payment_method_types: ["card"];
  payment_status: "unpaid" | "paid";
  status: "open" | "complete" | "expired";
  submit_type: string | null;
  success_url: string;
  total_details: { amount_discount: 0; amount_shipping: 0; amount_tax: 0 };
  ui_mode: "hosted";
  /** The hosted page; null once the session is complete or expired, as on Stripe. */
  url: string | null;
};

export type Price = {
  id: string;
  object: "price";
  active: false;
  billing_scheme: "per_unit";
  created: number;
  currency: string;
  livemode: false;
  lookup_key: null;
  metadata: Metadata;
  nickname: null;
  product: string;
  recurring: null;
  tax_behavior: "unspecified";
  type: "one_time";
  unit_amount: number;
  unit_amount_decimal: string;
};

export type LineItem = {
  id: string;
  object: "item";
  amount_discount: 0;
  amount_subtotal: number;
  amount_tax: 0;
  amount_total: number;
  currency: string;
  description: string;
  price: Price;
  quantity: number;
};

export type PaymentIntent = {
  id: string;
  object: "payment_intent";
  amount: number;
  amount_capturable: 0;
  amount_received: number;
  capture_method: "automatic_async";
  client_secret: string;
  confirmation_method: "automatic";
  created: number;
  currency: string;
  customer: null;
  description: string | null;
  latest_charge: string;
  livemode: false;
  metadata: Metadata;
  payment_method: string;
  payment_method_types: ["card"];
  receipt_email: string | null;
  status: "succeeded";
};

export type CardDetails = { brand: "visa"; last4: string; exp_month: number; exp_year: number };

export type Charge = {
  id: string;
  object: "charge";
  amount: number;
  amount_captured: number;
  amount_refunded: number;
  billing_details: { address: null; email: string | null; name: string | null; phone: null };
  captured: true;
  created: number;
  currency: string;
  customer: null;
  description: string | null;
  livemode: false;
  metadata: Metadata;
  paid: true;
  payment_intent: string;
  payment_method: string;
  payment_method_details: { type: "card"; card: CardDetails & { country: "US"; funding: "credit" } };
  receipt_email: string | null;
  refunded: boolean;
  status: "succeeded";
};

export type Refund = {
  id: string;
  object: "refund";
  amount: number;
  balance_transaction: null;
  charge: string;
  created: number;
  currency: string;
  destination_details: null;
  metadata: Metadata;
  payment_intent: string;
  reason: "duplicate" | "fraudulent" | "requested_by_customer" | null;
  receipt_number: null;
  status: "succeeded";
};

export type StripeObject = CheckoutSession | PaymentIntent | Charge | Refund;

export type StripeEvent = {
  id: string;
  object: "event";
  api_version: string;
  created: number;
  data: { object: StripeObject; previous_attributes?: Record<string, unknown> };
  livemode: false;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  type: string;
};

/** A Stripe list, as `GET /v1/checkout/sessions/:id/line_items` answers. */
export function list<T>(data: T[], url: string) {
  return { object: "list" as const, data, has_more: false, url };
}
