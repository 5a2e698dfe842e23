import { TURNSTILE_TEST_SECRETS } from "@/config";

/**
 * Turnstile's siteverify, offline, for Cloudflare's published test secrets: the first always
 * passes and the second always fails, as Cloudflare's own do. Plugged in by the development
 * entry (src/dev/tools.ts); production refuses test keys, and its bundle has none of this.
 */
export const turnstileStandIn: typeof fetch = async (_input, init) => {
  const form = new URLSearchParams(typeof init?.body === "string" ? init.body : init?.body instanceof URLSearchParams ? init.body : "");
  const secret = form.get("secret") ?? "";
  const success = secret === TURNSTILE_TEST_SECRETS[0] && Boolean(form.get("response"));
  const errors = TURNSTILE_TEST_SECRETS.includes(secret) ? (success ? [] : ["invalid-input-response"]) : ["invalid-input-secret"];
  return Response.json({ success, "error-codes": errors, hostname: "localhost" });
};
