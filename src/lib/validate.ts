import { zValidator } from "@hono/zod-validator";
import type { ValidationTargets } from "hono";
import type { ZodType } from "zod";
import { DomainError } from "@/domain/errors";

/** Per-field messages from a zod error, keyed by dotted path ("tickets.0.name"). */
export function fieldMessages(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".") || "_";
    fields[key] ??= issue.message;
  }
  return fields;
}

/**
 * zod validation for one part of the request. A path parameter that does not fit can name
 * nothing that exists, so it is a 404; anything else is a 422 with a message per field.
 */
export function validate<Target extends keyof ValidationTargets, Schema extends ZodType>(target: Target, schema: Schema) {
  return zValidator(target, schema, (result) => {
    if (result.success) return;
    if (target === "param") throw new DomainError("not_found", "We could not find that. Check the address.");
    throw new DomainError("invalid", "Some details need correcting.", fieldMessages(result.error.issues));
  });
}
