import type { FieldIssue, FieldIssues } from "@/domain/issues";

/**
 * Stable codes a rule may fail with, and the HTTP status each maps to. API clients switch on
 * these codes, so they never change meaning; the variation lives in each code's parameters.
 */
export const domainErrorStatus = {
  not_found: 404,
  invalid: 422,
  sold_out: 409,
  conflict: 409,
  sales_closed: 409,
  forbidden: 403,
  unauthorized: 401,
  rate_limited: 429,
  unavailable: 503,
  not_sold_out: 409,
  voucher_invalid: 422,
  offer_unavailable: 409,
} as const;

export type DomainErrorCode = keyof typeof domainErrorStatus;

/** What could not be found. */
export type MissingThing =
  | "event"
  | "tier"
  | "order"
  | "ticket"
  | "ticket_code"
  | "person"
  | "token"
  | "email"
  | "member"
  | "checkout"
  | "page"
  | "address"
  | "outbox_message"
  | "outbox_content"
  | "attachment"
  | "dev_tool"
  | "offer"
  | "waitlist_entry"
  | "voucher";

/** Where a person can go next after something was not found. */
export type NextStep = "events_list" | "event_moved" | "address_or_events" | "check_address" | "order_email" | "ticket_email" | "back_to_event" | "members_list" | "restart_checkout" | "ticket_page";

/** Parameters each code carries: the facts the reader's sentence is built from. */
export type DomainErrorParams = {
  not_found: { what: MissingThing; next?: NextStep };
  /** With `issue`: that one issue is the whole story. Neither: the details are in `fields`. */
  invalid: { reason?: "no_tiers" | "event_times"; issue?: FieldIssue };
  /** `left` places remain (0: none); with `tier`, of that tier. No `left`: gone just now. */
  sold_out: { left?: number; tier?: string; reason?: "not_enough_to_add" };
  conflict:
    | { reason: "ticket_not_valid" | "not_paid_online" | "no_tickets_to_send" | "event_changed" | "own_owner_access" | "members_changed" | "staff_email_taken" | "nonce_reused" | "event_not_ended" | "order_pending" }
    | { reason: "order_not_cancellable" | "order_not_refundable"; status: string }
    | { reason: "event_status"; status: string; to: string }
    | { reason: "tier_ordered"; tier: string }
    | { reason: "waitlist_closed" | "entry_not_waiting" | "offer_no_room" | "voucher_used" };
  sales_closed: { reason: "event_cancelled" | "not_open" | "closed" | "not_yet_open" };
  forbidden: { reason: "not_on_door_team" | "role" | "form_expired" | "human_check" };
  unauthorized: { reason: "bad_api_token" | "sign_in" | "link_expired" };
  /** `holds`: too many unpaid orders; `guesses`: too many wrong codes. `retryAfterSeconds`: when to try again. */
  rate_limited: { what: "sign_in" | "requests" | "holds" | "guesses"; retryAfterSeconds?: number };
  unavailable: { reason: "payment_start" | "human_check" };
  /** Joining a waiting list while the tier still has places on sale. */
  not_sold_out: { tier?: string };
  /** A voucher code that cannot be used for this order, and why. */
  voucher_invalid: { reason: VoucherRefusal };
  /** A waiting-list offer that can no longer be used, and why. */
  offer_unavailable: { reason: "expired" | "used" | "withdrawn" | "not_yours" };
};

/** Why a voucher code cannot be used: no such code, outside its dates, used up, or not for these tickets. */
export type VoucherRefusal = "unknown" | "not_yet_valid" | "expired" | "exhausted" | "not_applicable";

type ParamsArg<C extends DomainErrorCode> = {} extends DomainErrorParams[C] ? [params?: DomainErrorParams[C]] : [params: DomainErrorParams[C]];

/**
 * A rule was broken in a way the caller can act on. It carries a code and its parameters,
 * never a sentence: the edge turns them into words in the reader's language. `fields`
 * carries per-field issues (codes with parameters) for forms and the API.
 */
export class DomainError<C extends DomainErrorCode = DomainErrorCode> extends Error {
  override readonly name = "DomainError";
  readonly params: DomainErrorParams[C];
  readonly fields: FieldIssues | undefined;
  constructor(
    readonly code: C,
    ...args: [...ParamsArg<C>, fields?: FieldIssues]
  ) {
    // The message is for logs only; people read the catalogue's sentence.
    super(code);
    const [params, fields] = args as unknown as [DomainErrorParams[C] | undefined, FieldIssues | undefined];
    this.params = params ?? ({} as DomainErrorParams[C]);
    this.fields = fields;
  }

  get status(): (typeof domainErrorStatus)[DomainErrorCode] {
    return domainErrorStatus[this.code];
  }
}

/** Seconds to wait before trying again, when a rate limit says (for a Retry-After header). */
export function retryAfterOf(err: DomainError): number | undefined {
  return err.code === "rate_limited" ? (err.params as DomainErrorParams["rate_limited"]).retryAfterSeconds : undefined;
}

/** One field is wrong, and saying so is the whole message (as for a one-field form). */
export function invalidField(path: string, issue: FieldIssue): DomainError<"invalid"> {
  return new DomainError("invalid", { issue }, { [path]: issue });
}

/** What is wrong with a setting, as a code (the edge says it in words). */
export type ConfigProblem =
  | { setting: string; problem: "key_format" | "not_ed25519" | "no_offline_stripe" | "no_offline_turnstile" }
  | { setting: string; problem: "key_id_clash"; keyId: string };

/**
 * A setting is missing or malformed. It names the setting, never its value; it is written for
 * whoever runs the server (logs, the 500 page). Settings code may pass a sentence of its own;
 * rules pass a `ConfigProblem`.
 */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
  readonly problem: ConfigProblem | undefined;
  constructor(detail: string | ConfigProblem, options?: ErrorOptions) {
    super(typeof detail === "string" ? detail : `${detail.setting}: ${detail.problem}`, options);
    this.problem = typeof detail === "string" ? undefined : detail;
  }
}
