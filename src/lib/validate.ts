import { zValidator } from "@hono/zod-validator";
import type { ValidationTargets } from "hono";
import type { ZodType } from "zod";
import { DomainError } from "@/domain/errors";
import { isFieldCode, type FieldIssue, type FieldIssues } from "@/domain/issues";

/** What this mapper reads of a zod issue (zod's own issue types all fit it). */
export type ZodIssueLike = {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  origin?: string;
  format?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  params?: Record<string, unknown>;
  input?: unknown;
};

const made = (code: string, params?: Record<string, unknown>) => (params ? { code, params } : { code }) as FieldIssue;

/** The limit a too_small / too_big issue names, as parameters. */
function limits(issue: ZodIssueLike): Record<string, number> | undefined {
  if (issue.code === "too_small" && issue.minimum !== undefined) return { min: Number(issue.minimum) };
  if (issue.code === "too_big" && issue.maximum !== undefined) return { max: Number(issue.maximum) };
  return undefined;
}

/**
 * The one mapper from a zod issue to a field issue. Schemas in the domain put a field code in
 * the message (and, for custom issues, its parameters in `params`); zod's built-in checks
 * that carry no code of ours map to generic codes with their limits as parameters.
 */
export function issueOf(issue: ZodIssueLike): FieldIssue {
  const bounds = limits(issue);
  if (isFieldCode(issue.message)) {
    const params = issue.params || bounds ? { ...bounds, ...issue.params } : undefined;
    return made(issue.message, params);
  }
  const numeric = issue.origin === "number" || issue.origin === "bigint";
  const list = issue.origin === "array" || issue.origin === "set";
  switch (issue.code) {
    case "invalid_type": {
      const absent = "input" in issue ? issue.input === undefined : /received undefined/.test(issue.message);
      return made(absent ? "required" : "invalid");
    }
    case "too_small":
      if (numeric) return made("at_least", bounds);
      if (list) return made("too_few", bounds);
      return bounds?.min === 1 ? made("required") : made("too_short", bounds);
    case "too_big":
      if (numeric) return made("at_most", bounds);
      return made(list ? "too_many" : "too_long", bounds);
    case "invalid_format":
      return made(issue.format === "email" ? "email_invalid" : "format_invalid");
    case "invalid_value":
      return made("not_allowed");
    default:
      return made("invalid");
  }
}

/** Field issues from zod's issues, keyed by dotted path ("tickets.0.name"); the first per field wins. */
export function fieldIssues(issues: readonly ZodIssueLike[]): FieldIssues {
  const fields: FieldIssues = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".") || "_";
    fields[key] ??= issueOf(issue);
  }
  return fields;
}

/**
 * zod validation for one part of the request. A path parameter that does not fit can name
 * nothing that exists, so it is a 404; anything else is a 422 with an issue per field.
 */
export function validate<Target extends keyof ValidationTargets, Schema extends ZodType>(target: Target, schema: Schema) {
  return zValidator(target, schema, (result) => {
    if (result.success) return;
    if (target === "param") throw new DomainError("not_found", { what: "address", next: "check_address" });
    throw new DomainError("invalid", {}, fieldIssues(result.error.issues));
  });
}
