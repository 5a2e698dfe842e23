import { getCookie } from "hono/cookie";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv, Auth } from "@/env";
import type { ServiceDeps } from "@/domain/deps";
import { DomainError } from "@/domain/errors";
import { constantTimeEqual, sha256Hex } from "@/lib/hash";
import { wantsJson } from "@/lib/negotiate";
import type { CredentialHash } from "@/domain/staff/repo";
import { can, type Permission, type StaffIdentity } from "@/domain/staff/roles";
import { staffForApiToken, staffForSession } from "@/domain/staff/sign-in";
import { readForm } from "@/web/shared/form-body";

export const SESSION_COOKIE = "session";

/** The CSRF token of a session: derived from its secret cookie, so nothing more is stored. */
export const csrfTokenFor = async (sessionToken: string) => (await sha256Hex(`csrf:${sessionToken}`)).slice(0, 32);

const unsafe = (method: string) => !["GET", "HEAD", "OPTIONS"].includes(method);

const bearerToken = (header: string) => /^Bearer\s+(\S+)$/i.exec(header)?.[1];

/** Who is calling: a bearer API token, or a session cookie; null for anonymous callers. */
async function identify(deps: ServiceDeps, header: string | undefined, cookie: string | undefined): Promise<Auth> {
  if (header) {
    const token = bearerToken(header);
    const staff = token ? await staffForApiToken(deps, token) : null;
    if (!staff) throw new DomainError("unauthorized", { reason: "bad_api_token" });
    return { method: "token", staff };
  }
  const found = cookie ? await staffForSession(deps, cookie) : null;
  if (!found || !cookie) return null;
  return { method: "session", staff: found.staff, sessionId: found.sessionId, csrfToken: await csrfTokenFor(cookie) };
}

/**
 * The caller's credential by hash, read without the database, for a route that checks it in
 * the same batch as its own work (the door's one-trip admit; staff/repo's callerSql is the
 * rule of which credentials are current). A session must first have sent its CSRF token, as
 * requirePermission demands of it. Null when there is nothing to check that way (no
 * credential, a malformed header, a missing CSRF token): requirePermission then answers.
 */
export async function credentialOf(c: Context<AppEnv>): Promise<CredentialHash | null> {
  const header = c.req.header("authorization");
  if (header) {
    const token = bearerToken(header);
    return token ? { kind: "token", hash: await sha256Hex(token) } : null;
  }
  const cookie = getCookie(c, SESSION_COOKIE);
  if (!cookie) return null;
  if (unsafe(c.req.method) && !constantTimeEqual(c.req.header("x-csrf-token") ?? "", await csrfTokenFor(cookie))) return null;
  return { kind: "session", hash: await sha256Hex(cookie) };
}

/**
 * What handlers after requirePermission may rely on: who is calling (never undefined there)
 * and the CSRF token their pages' forms carry (empty for API tokens, which open no pages).
 */
export type SignedInEnv = AppEnv & { Variables: { staff: StaffIdentity; csrfToken: string } };

/** The values a page for signed-in staff is drawn with. */
export type SignedIn = Pick<SignedInEnv["Variables"], "staff" | "csrfToken">;

/** Who is signed in and their CSRF token, picked from `c.var` for a page's props. */
export const signedIn = (vars: SignedIn): SignedIn => ({ staff: vars.staff, csrfToken: vars.csrfToken });

/**
 * Lets the request through only for staff whose role has `permission`. Anonymous callers are
 * sent to sign in (pages) or answered 401 (API); the wrong role gets 403. State-changing
 * requests made with a session cookie must carry the session's CSRF token (`_csrf` field or
 * `X-CSRF-Token` header); API-token requests carry no cookie and need none.
 */
export const requirePermission = (permission: Permission) =>
  createMiddleware<SignedInEnv>(async function requirePermission(c, next) {
    // Looked up once per request, however many checks a route has.
    const auth = c.var.auth !== undefined ? c.var.auth : await identify(c.var.deps, c.req.header("authorization"), getCookie(c, SESSION_COOKIE));
    c.set("auth", auth);
    const staff = auth?.staff;
    if (!staff) {
      if (wantsJson(c.req.path, c.req.header("accept"))) throw new DomainError("unauthorized", { reason: "sign_in" });
      const nextPath = c.req.method === "GET" ? c.req.path + (new URL(c.req.url).search || "") : "/admin";
      return c.redirect(`/admin/sign-in?next=${encodeURIComponent(nextPath)}`, 303);
    }
    if (!can(staff, permission)) throw new DomainError("forbidden", { reason: "role" });
    if (auth.method === "session" && unsafe(c.req.method)) {
      const contentType = c.req.header("content-type") ?? "";
      const fromForm = /form/.test(contentType) ? (await readForm(c))._csrf : undefined;
      const sent = c.req.header("x-csrf-token") ?? (typeof fromForm === "string" ? fromForm : "");
      if (!constantTimeEqual(sent, auth.csrfToken)) throw new DomainError("forbidden", { reason: "form_expired" });
    }
    c.set("staff", staff);
    c.set("csrfToken", auth.method === "session" ? auth.csrfToken : "");
    await next();
  });
