// Per-field issues: what a rule or a schema says about one field, as a code with parameters.
// The edge turns them into sentences through the catalogue (src/i18n).

/** An amount of money in minor units, to be formatted in the reader's language. */
export type Money = { minor: number; currency: string };

/** A cheaper open tier to suggest when an eligibility check fails. */
export type Alternative = { tier: string; price: Money };

/** What a whole-number field counts, so its message can name it. */
export type CountedThing = "capacity" | "event_max_per_order" | "quota" | "min_per_order" | "max_per_order" | "position" | "weeks" | "hold_orders_limit" | "hold_tickets_limit" | "tickets_per_membership";

/** One problem with a line of the programme (agenda) text. */
export type AgendaProblem = { line: number; problem: "no_time" | "title_too_long" | "detail_too_long" | "beyond_main" } | { problem: "too_many_lines" };

/** Parameters of each field code. Codes with `{}` take none. */
export type FieldParams = {
  // zod's built-in checks, mapped by src/lib/validate.ts
  required: {};
  invalid: {};
  too_short: { min: number };
  too_long: { max: number };
  too_few: { min: number };
  too_many: { max: number };
  at_least: { min: number };
  at_most: { max: number };
  email_invalid: {};
  format_invalid: {};
  not_allowed: {};
  // registration
  your_name_required: {};
  attendee_name_required: {};
  your_email_required: {};
  attendee_email_required: {};
  your_email_invalid: {};
  attendee_email_invalid: {};
  tier_required: {};
  tickets_required: {};
  quantity_required: {};
  tickets_too_many: { max: number };
  tier_not_sold: {};
  tier_not_on_sale_yet: { tier: string };
  tier_no_longer_on_sale: { tier: string };
  order_too_many_people: { max: number };
  tier_max_per_order: { max: number; tier: string };
  tier_min_per_order: { min: number; tier: string };
  declaration_required: { statement: string | null; instead?: Alternative };
  membership_required: { instead?: Alternative };
  membership_not_found: { instead?: Alternative };
  membership_used_twice: {};
  /** The membership already bought its `max` member tickets for this event (in other orders). */
  membership_already_used: { max: number; instead?: Alternative };
  access_code_required: {};
  access_code_wrong: {};
  not_sold_online: {};
  /** The voucher field: the code cannot be used (see VoucherRefusal). */
  voucher_invalid: { reason: "unknown" | "not_yet_valid" | "expired" | "exhausted" | "not_applicable" };
  /** A ticket through a waiting-list offer must be of the offer's tier, and no more than its places. */
  offer_tier_only: { tier: string };
  offer_places_at_most: { max: number };
  // organisers' orders
  amount_format: {};
  refund_at_most: { max: Money };
  confirm_cancel_paid: {};
  attendee_name_length: { max: number };
  contact_name_required: {};
  attendee_names_required: {};
  attendee_names_too_many: { max: number };
  attendee_name_too_long: { max: number };
  // staff
  role_required: {};
  staff_email_taken: {};
  token_name_required: {};
  // events and tiers
  slug_format: {};
  slug_taken: { by: string | null };
  capacity_below_taken: { sold: number; held: number };
  quota_below_taken: { sold: number; held: number };
  whole_number: { what: CountedThing; example: number };
  price_format: {};
  time_format: {};
  date_format: {};
  datetime_format: {};
  agenda_invalid: { problems: AgendaProblem[] };
  title_required: {};
  venue_name_required: {};
  venue_address_required: {};
  timezone_required: {};
  date_required: {};
  start_time_required: {};
  end_time_required: {};
  max_per_order_required: {};
  weeks_required: {};
  currency_invalid: {};
  reference_prefix_format: {};
  time_skipped: {};
  end_before_start: {};
  doors_after_start: {};
  sales_end_before_start: {};
  sales_end_after_event: {};
  sales_start_after_event: {};
  tier_name_required: {};
  price_required: {};
  eligibility_required: {};
  declaration_text_required: {};
  access_code_to_give: {};
  access_code_short: { min: number };
  min_above_max: {};
  // members list upload
  csv_empty: {};
  csv_columns_unknown: {};
  csv_too_many_rows: { rows: number; max: number };
  // door
  nonce_required: {};
  // attendee questions (answers, and the organisers' question form)
  answer_required: {};
  answer_not_asked: {};
  answer_not_offered: {};
  answer_details_required: {};
  answer_number: {};
  answer_yes_no: {};
  answer_phone: {};
  answer_country: {};
  question_label_required: {};
  question_options_required: {};
  question_type_locked: {};
  // messages to attendees
  no_recipients: {};
  // vouchers (the organisers' form)
  voucher_code_format: {};
  voucher_code_taken: {};
  voucher_prefix_format: {};
  voucher_percent: {};
  voucher_amount_required: {};
  voucher_unlock_hidden: {};
  voucher_limit: {};
  voucher_count: { max: number };
  valid_until_before_from: {};
};

export type FieldCode = keyof FieldParams;

/** Every field code, so that code can recognise one (e.g. in a zod issue's message). */
export const fieldCodes = Object.keys({
  required: 1, invalid: 1, too_short: 1, too_long: 1, too_few: 1, too_many: 1, at_least: 1, at_most: 1, email_invalid: 1, format_invalid: 1, not_allowed: 1,
  your_name_required: 1, attendee_name_required: 1, your_email_required: 1, attendee_email_required: 1, your_email_invalid: 1, attendee_email_invalid: 1,
  tier_required: 1, tickets_required: 1, quantity_required: 1, tickets_too_many: 1, tier_not_sold: 1, tier_not_on_sale_yet: 1, tier_no_longer_on_sale: 1, order_too_many_people: 1,
  tier_max_per_order: 1, tier_min_per_order: 1, declaration_required: 1, membership_required: 1, membership_not_found: 1, membership_used_twice: 1, membership_already_used: 1,
  access_code_required: 1, access_code_wrong: 1, not_sold_online: 1,
  voucher_invalid: 1, offer_tier_only: 1, offer_places_at_most: 1,
  amount_format: 1, refund_at_most: 1, attendee_name_length: 1, contact_name_required: 1, attendee_names_required: 1,
  attendee_names_too_many: 1, attendee_name_too_long: 1,
  role_required: 1, staff_email_taken: 1, token_name_required: 1,
  slug_format: 1, slug_taken: 1, capacity_below_taken: 1, quota_below_taken: 1, whole_number: 1, price_format: 1, time_format: 1, date_format: 1,
  datetime_format: 1, agenda_invalid: 1, title_required: 1, venue_name_required: 1, venue_address_required: 1, timezone_required: 1, date_required: 1,
  start_time_required: 1, end_time_required: 1, max_per_order_required: 1, weeks_required: 1, currency_invalid: 1, reference_prefix_format: 1, time_skipped: 1,
  end_before_start: 1, doors_after_start: 1, sales_end_before_start: 1, sales_end_after_event: 1, sales_start_after_event: 1, tier_name_required: 1,
  price_required: 1, eligibility_required: 1, declaration_text_required: 1, access_code_to_give: 1, access_code_short: 1, min_above_max: 1,
  confirm_cancel_paid: 1,
  csv_empty: 1, csv_columns_unknown: 1, csv_too_many_rows: 1,
  nonce_required: 1,
  answer_required: 1, answer_not_asked: 1, answer_not_offered: 1, answer_details_required: 1, answer_number: 1, answer_yes_no: 1, answer_phone: 1, answer_country: 1,
  question_label_required: 1, question_options_required: 1, question_type_locked: 1,
  no_recipients: 1,
  voucher_code_format: 1, voucher_code_taken: 1, voucher_prefix_format: 1, voucher_percent: 1, voucher_amount_required: 1, voucher_unlock_hidden: 1,
  voucher_limit: 1, voucher_count: 1, valid_until_before_from: 1,
} satisfies Record<FieldCode, 1>) as FieldCode[];

/** True when `value` is one of the field codes. */
export const isFieldCode = (value: unknown): value is FieldCode => typeof value === "string" && (fieldCodes as string[]).includes(value);

/** One field's issue: its code and, for codes that take them, its parameters. */
export type FieldIssue = {
  [C in FieldCode]: {} extends FieldParams[C] ? { code: C; params?: FieldParams[C] } : { code: C; params: FieldParams[C] };
}[FieldCode];

/** Issues by dotted field path ("tickets.0.membership"). */
export type FieldIssues = Record<string, FieldIssue>;

/** A field issue; typed so that a wrong parameter fails the type check. */
export function issue<C extends FieldCode>(code: C, ...params: {} extends FieldParams[C] ? [params?: FieldParams[C]] : [params: FieldParams[C]]): FieldIssue {
  return (params[0] === undefined ? { code } : { code, params: params[0] }) as FieldIssue;
}

/** Field codes that take no parameters. */
export type BareFieldCode = { [C in FieldCode]: {} extends FieldParams[C] ? C : never }[FieldCode];
