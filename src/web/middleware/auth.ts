import type { Context } from "hono";
import { getCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "@/env";
import { DomainError } from "@/domain/errors";
import { constantTimeEqual, sha256Hex } from "@/lib/hash";
import { wantsJson } from "@/lib/negotiate";
import { can, type Permission } from "@/domain/staff/roles";
import { staffForApiToken, staffForSession } from "@/domain/staff/sign-in";

export const SESSION_COOKIE = "session";

/** The CSRF token of a session: derived from its secret cookie, so nothing more is stored. */
export const csrfTokenFor = async (sessionToken: string) => (await sha256Hex(`csrf:${sessionToken}`)).slice(0, 32);

/**
 * Who is calling: a bearer API token, or a session cookie. Sets `staff` and `auth` once per
 * request; anonymous callers get neither.
 */
async function authenticate(c: Context<AppEnv>): Promise<void> {
  if (c.get("auth") !== undefined) return;
  const header = c.req.header("authorization");
  if (header) {
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    const staff = token ? await staffForApiToken(c.var.deps, token) : null;
    if (!staff) throw new DomainError("unauthorized", { reason: "bad_api_token" });
    c.set("staff", staff);
    c.set("auth", { method: "token" });
    return;
  }
  const cookie = getCookie(c, SESSION_COOKIE);
  const found = cookie ? await staffForSession(c.var.deps, cookie) : null;
  if (found && cookie) {
    c.set("staff", found.staff);
    c.set("auth", { method: "session", sessionId: found.sessionId, csrfToken: await csrfTokenFor(cookie) });
  } else {
    c.set("auth", null);
  }
}

const unsafe = (method: string) => !["GET", "HEAD", "OPTIONS"].includes(method);

/**
 * Lets the request through only for staff whose role has `permission`. Anonymous callers are
 * sent to sign in (pages) or answered 401 (API); the wrong role gets 403. State-changing
 * requests made with a session cookie must carry the session's CSRF token (`_csrf` field or
 * `X-CSRF-Token` header); API-token requests carry no cookie and need none.
 */
export const requirePermission = (permission: Permission) =>
  createMiddleware<AppEnv>(async function requirePermission(c, next) {
    await authenticate(c);
    const staff = c.get("staff");
    if (!staff) {
      if (wantsJson(c.req.path, c.req.header("accept"))) throw new DomainError("unauthorized", { reason: "sign_in" });
      const nextPath = c.req.method === "GET" ? c.req.path + (new URL(c.req.url).search || "") : "/admin";
      return c.redirect(`/admin/sign-in?next=${encodeURIComponent(nextPath)}`, 303);
    }
    if (!can(staff, permission)) throw new DomainError("forbidden", { reason: "role" });
    const auth = c.get("auth");
    if (auth?.method === "session" && unsafe(c.req.method)) {
      const contentType = c.req.header("content-type") ?? "";
      const fromForm = /form/.test(contentType) ? (await c.req.parseBody())._csrf : undefined;
      const sent = c.req.header("x-csrf-token") ?? (typeof fromForm === "string" ? fromForm : "");
      if (!constantTimeEqual(sent, auth.csrfToken)) throw new DomainError("forbidden", { reason: "form_expired" });
    }
    await next();
  });
