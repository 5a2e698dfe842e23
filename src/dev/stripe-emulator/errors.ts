/** Stripe's error types (https://docs.stripe.com/api/errors). */
export type StripeErrorType =
  | "api_error"
  | "card_error"
  | "idempotency_error"
  | "invalid_request_error"
  | "authentication_error";

/**
 * An error the emulated API answers in Stripe's shape:
 * `{ "error": { "type", "message", "code"?, "param"? } }` with Stripe's status. The SDK turns
 * it into the matching class (400/404 → StripeInvalidRequestError, 401 → authentication…).
 */
export class StripeApiError extends Error {
  override readonly name = "StripeApiError";
  constructor(
    readonly status: 400 | 401 | 402 | 404 | 409 | 429 | 500,
    readonly type: StripeErrorType,
    message: string,
    readonly extra: { code?: string; param?: string } = {},
  ) {
    super(message);
  }

  toJSON() {
    return { error: { type: this.type, message: this.message, ...this.extra } };
  }
}

/** 404 for an id that names nothing: "No such checkout.session: 'cs_test_…'". */
export function noSuch(kind: string, id: string, param?: string): StripeApiError {
  return new StripeApiError(param ? 400 : 404, "invalid_request_error", `No such ${kind}: '${id}'`, {
    code: "resource_missing",
    ...(param && { param }),
  });
}

/** A 400 for a parameter Stripe would refuse. */
export function invalidParam(param: string, message: string, code?: string): StripeApiError {
  return new StripeApiError(400, "invalid_request_error", message, { param, ...(code && { code }) });
}
