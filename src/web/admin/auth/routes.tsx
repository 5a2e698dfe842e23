import { Hono } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import { csrf } from "hono/csrf";
import * as z from "zod";
import type { FieldCode } from "@/domain/issues";
import type { AppEnv } from "@/env";
import { issueOf, validate } from "@/lib/validate";
import { fieldMessage } from "@/i18n";
import { messagesOf } from "@/web/shared/i18n";
import { SESSION_COOKIE, requirePermission } from "@/web/middleware/auth";
import { privatePage } from "@/web/middleware/private-page";
import { consumeSignInLink, requestSignInLink, signOut, signOutEverywhere } from "@/domain/staff/sign-in";
import { mailTransport } from "@/domain/mail/transport";
import { SignInConfirmPage, SignInPage, SignInSentPage } from "@/web/admin/auth/sign-in-pages";
import { readForm } from "@/web/shared/form-body";

/** Only our own organiser pages may be a destination after signing in (no open redirect). */
const safeNext = (value: unknown) => (typeof value === "string" && /^\/(admin|door)(\/|$|\?)/.test(value) && !value.startsWith("//") ? value : "/admin");

const signInEmail = z.string().trim().min(1, "your_email_required" satisfies FieldCode).max(254).pipe(z.email("your_email_invalid" satisfies FieldCode));

const tokenParam = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{40,64}$/) });

/** Passwordless sign-in by emailed one-time link, and signing out. */
export const authRoutes = new Hono<AppEnv>()
  .get("/sign-in", (c) => c.html(<SignInPage next={safeNext(c.req.query("next"))} />))
  // A malformed address comes back as the form with its error and what was typed, not an error page.
  .post("/sign-in", csrf(), validate("form", z.object({ email: z.string().max(1000).default(""), next: z.string().max(1000).optional() })), async (c) => {
    const form = c.req.valid("form");
    const parsed = signInEmail.safeParse(form.email);
    if (!parsed.success) {
      const error = fieldMessage(issueOf(parsed.error.issues[0]!), messagesOf(c));
      return c.html(<SignInPage next={safeNext(form.next)} error={error} value={form.email.slice(0, 254)} />, 422);
    }
    await requestSignInLink(c.var.deps, parsed.data, c.req.header("cf-connecting-ip") ?? "local", c.var.locale);
    return c.html(<SignInSentPage devMailbox={mailTransport(c.var.config).kind === "dev_mailbox"} />);
  })
  // The link is a one-time secret: its page is never cached, indexed or sent on as a referrer.
  .use("/sign-in/:token", privatePage)
  .get("/sign-in/:token", validate("param", tokenParam), (c) =>
    c.html(<SignInConfirmPage token={c.req.valid("param").token} next={safeNext(c.req.query("next"))} />),
  )
  .post("/sign-in/:token", csrf(), validate("param", tokenParam), async (c) => {
    const { sessionToken, role, expiresAt } = await consumeSignInLink(c.var.deps, c.req.valid("param").token);
    setCookie(c, SESSION_COOKIE, sessionToken, { httpOnly: true, secure: true, sameSite: "Lax", path: "/", expires: expiresAt });
    const body = await readForm(c);
    const next = safeNext(body.next);
    // Door staff have only the scanner: send them there rather than to pages they may not see.
    return c.redirect(role === "door" && next === "/admin" ? "/door" : next, 303);
  })
  .post("/sign-out", csrf(), requirePermission("signed_in"), async (c) => {
    const auth = c.var.auth;
    if (auth?.method === "session") await signOut(c.var.deps, auth.sessionId);
    deleteCookie(c, SESSION_COOKIE, { path: "/", secure: true });
    return c.redirect("/admin/sign-in", 303);
  })
  .post("/sign-out-everywhere", csrf(), requirePermission("signed_in"), async (c) => {
    await signOutEverywhere(c.var.deps, c.var.staff.id);
    deleteCookie(c, SESSION_COOKIE, { path: "/", secure: true });
    return c.redirect("/admin/sign-in", 303);
  });
