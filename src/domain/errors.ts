/** Stable codes a service may fail with; routes map them to HTTP statuses. */
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
} as const;

export type DomainErrorCode = keyof typeof domainErrorStatus;

/**
 * A rule was broken in a way the caller can act on. The message is shown to people, so it
 * says what to do next; `fields` carries per-field messages for forms and the API.
 */
export class DomainError extends Error {
  override readonly name = "DomainError";
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }

  get status(): (typeof domainErrorStatus)[DomainErrorCode] {
    return domainErrorStatus[this.code];
  }
}

/** A setting is missing or malformed. The message names the setting, never its value. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
}
