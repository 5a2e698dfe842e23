import { StripeApiError } from "@/dev/stripe-emulator/errors";

/** A decoded Stripe request: strings, nested under bracketed keys. */
export type FormValue = string | FormRecord;
export type FormRecord = { [key: string]: FormValue };

const keyPattern = /^([^[\]]+)((?:\[[^[\]]*\])*)$/;

/**
 * Decodes Stripe's form encoding (`line_items[0][price_data][currency]=gbp`,
 * `expand[]=line_items`) into nested records. Array indices stay record keys ("0", "1");
 * schemas turn them into lists where a list is expected (`asList`). Records are built
 * without a prototype, so a key such as `__proto__` is just a key.
 */
export function decodeForm(body: string): FormRecord {
  const root: FormRecord = Object.create(null);
  for (const [name, value] of new URLSearchParams(body)) {
    const match = keyPattern.exec(name);
    if (!match) throw new StripeApiError(400, "invalid_request_error", `Invalid parameter name: ${name}`, { param: name });
    const path = [match[1]!, ...[...match[2]!.matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1]!)];
    let node = root;
    path.forEach((segment, i) => {
      const key = segment === "" ? String(Object.keys(node).length) : segment;
      if (i === path.length - 1) {
        if (typeof node[key] === "object") throw conflict(name);
        node[key] = value;
        return;
      }
      const next = node[key] ?? Object.create(null);
      if (typeof next === "string") throw conflict(name);
      node[key] = next;
      node = next;
    });
  }
  return root;
}

function conflict(name: string) {
  return new StripeApiError(400, "invalid_request_error", `Invalid parameter: ${name} is given both as a value and as a hash.`, {
    param: name,
  });
}

/** `{ "0": a, "1": b }` (how lists arrive) → `[a, b]`, in index order; other values unchanged. */
export function asList(value: unknown): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  if (!keys.every((k) => /^\d+$/.test(k))) return value;
  return keys
    .map(Number)
    .sort((a, b) => a - b)
    .map((k) => (value as Record<string, unknown>)[String(k)]);
}

/** `line_items.0.quantity` as Stripe names it: `line_items[0][quantity]`. */
export function paramName(path: readonly PropertyKey[]): string {
  const [head, ...rest] = path.map(String);
  return `${head ?? ""}${rest.map((p) => `[${p}]`).join("")}`;
}
