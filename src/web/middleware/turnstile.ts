import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "@/env";
import { ConfigError, DomainError } from "@/domain/errors";

/** The form field Turnstile's widget fills in, and the header API clients send the token in. */
export const TURNSTILE_FIELD = "cf-turnstile-response";
export const TURNSTILE_HEADER = "CF-Turnstile-Response";

/**
 * Asks Turnstile's siteverify (TURNSTILE_VERIFY_URL) whether `token` was passed by a person,
 * through `fetchFn` (the offline stand-in under the development entry, with a test key).
 */
async function tokenPasses(fetchFn: typeof fetch, turnstile: { secretKey: string; verifyUrl: string }, token: string, ip: string | undefined): Promise<boolean> {
  const body = new URLSearchParams({ secret: turnstile.secretKey, response: token, ...(ip ? { remoteip: ip } : {}) });
  const res = await fetchFn(turnstile.verifyUrl, { method: "POST", body, signal: AbortSignal.timeout(10_000) });
  if (!res.ok) throw new Error(`siteverify answered ${res.status}`);
  const outcome = (await res.json()) as { success?: unknown };
  return outcome.success === true;
}

/**
 * When TURNSTILE_SECRET_KEY is set, refuses a request whose Turnstile `token` (from the form's
 * widget, or the API's CF-Turnstile-Response header) siteverify does not accept: 403
 * `forbidden` (`human_check`), or 503 when siteverify cannot be reached.
 */
export async function verifyHuman(c: Context<AppEnv>, token: unknown): Promise<void> {
  const turnstile = c.var.config.turnstile;
  if (!turnstile) return;
  const fetchFn = turnstile.offline ? c.var.offlineTurnstile : fetch;
  if (!fetchFn) throw new ConfigError({ setting: "TURNSTILE_SECRET_KEY", problem: "no_offline_turnstile" });
  const sent = typeof token === "string" ? token.trim().slice(0, 2048) : "";
  let passed = false;
  if (sent) {
    try {
      passed = await tokenPasses(fetchFn, turnstile, sent, c.req.header("cf-connecting-ip"));
    } catch (err) {
      console.error(JSON.stringify({ level: "error", event: "turnstile_unreachable", error: String(err) }));
      throw new DomainError("unavailable", { reason: "human_check" });
    }
  }
  if (!passed) throw new DomainError("forbidden", { reason: "human_check" });
}

/** verifyHuman as middleware, for API routes: the token comes in the CF-Turnstile-Response header. */
export const requireHuman = () =>
  createMiddleware<AppEnv>(async function requireHuman(c, next) {
    await verifyHuman(c, c.req.header(TURNSTILE_HEADER));
    await next();
  });
