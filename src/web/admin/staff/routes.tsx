import { Hono } from "hono";
import * as z from "zod";
import type { AppEnv } from "@/env";
import { DomainError } from "@/domain/errors";
import { validate } from "@/lib/validate";
import { errorMessage, fieldMessage, fieldMessages } from "@/i18n";
import { messagesOf } from "@/web/shared/i18n";
import { requirePermission, signedIn, type SignedIn } from "@/web/middleware/auth";
import type { ServiceDeps } from "@/domain/deps";
import { addStaff, assignableEvents, auditLog, createToken, listStaff, listTokens, revokeToken, updateStaff } from "@/domain/staff/staff";
import { AuditPage } from "@/web/admin/staff/audit-page";
import { StaffPage } from "@/web/admin/staff/staff-page";
import { TokensPage } from "@/web/admin/staff/tokens-page";
import { readForm } from "@/web/shared/form-body";

type StaffPageValues = SignedIn & { deps: ServiceDeps };

/** The staff page, with a refusal from the last change when there was one. */
async function staffPage(v: StaffPageValues, extra: { error?: string; errors?: Record<string, string> } = {}) {
  const [rows, events] = await Promise.all([listStaff(v.deps), assignableEvents(v.deps)]);
  return <StaffPage rows={rows} events={events} {...signedIn(v)} error={extra.error} errors={extra.errors} />;
}

/** The signed-in person's own API tokens, with a token just created (shown once) or a refusal. */
async function tokensPage(v: SignedIn & { deps: ServiceDeps }, extra: { created?: string; error?: string } = {}) {
  const tokens = await listTokens(v.deps, v.staff);
  return <TokensPage tokens={tokens} {...signedIn(v)} created={extra.created} error={extra.error} />;
}

/** Catches a rule the service refused, to show on the same page. */
async function attempt(action: () => Promise<unknown>): Promise<DomainError | null> {
  try {
    await action();
    return null;
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
}

const manageStaff = requirePermission("manage_staff");
const signedInOnly = requirePermission("signed_in");
const staffParam = z.object({ id: z.string().regex(/^stf_[0-9a-z]{16}$/) });
const tokenParam = z.object({ id: z.string().regex(/^tok_[0-9a-z]{16}$/) });

/** Staff and roles (owners), API tokens (everyone, their own), and the audit log (owners). */
export const adminStaffRoutes = new Hono<AppEnv>()
  .get("/staff", manageStaff, async (c) => c.html(await staffPage(c.var)))
  .post("/staff", manageStaff, async (c) => {
    const body = await readForm(c);
    const email = z.email().safeParse(String(body.email ?? "").trim());
    if (!email.success) {
      const said = fieldMessage({ code: "email_invalid" }, messagesOf(c));
      return c.html(await staffPage(c.var, { error: said, errors: { email: said } }), 422);
    }
    const err = await attempt(() => addStaff(c.var.deps, c.var.staff, { email: email.data, name: String(body.name ?? ""), role: String(body.role ?? "") }));
    return err ? c.html(await staffPage(c.var, { error: errorMessage(err, messagesOf(c)), errors: fieldMessages(err.fields, messagesOf(c)) }), err.status === 409 ? 409 : 422) : c.redirect("/admin/staff", 303);
  })
  .post("/staff/:id", manageStaff, validate("param", staffParam), async (c) => {
    const body = await readForm(c, { all: true });
    const eventIds = ([] as unknown[]).concat(body.events ?? []).filter((v): v is string => typeof v === "string");
    const err = await attempt(() => updateStaff(c.var.deps, c.var.staff, c.req.valid("param").id, { role: String(body.role ?? ""), eventIds, disabled: body.disabled === "yes" }));
    return err ? c.html(await staffPage(c.var, { error: errorMessage(err, messagesOf(c)) }), err.status === 409 ? 409 : 422) : c.redirect("/admin/staff", 303);
  })
  .get("/tokens", signedInOnly, async (c) => c.html(await tokensPage(c.var)))
  .post("/tokens", signedInOnly, async (c) => {
    const body = await readForm(c);
    let created = "";
    const err = await attempt(async () => {
      created = await createToken(c.var.deps, c.var.staff, String(body.name ?? ""));
    });
    return err ? c.html(await tokensPage(c.var, { error: errorMessage(err, messagesOf(c)) }), 422) : c.html(await tokensPage(c.var, { created }));
  })
  .post("/tokens/:id/revoke", signedInOnly, validate("param", tokenParam), async (c) => {
    await revokeToken(c.var.deps, c.var.staff, c.req.valid("param").id);
    return c.redirect("/admin/tokens", 303);
  })
  .get("/audit", requirePermission("view_audit"), validate("query", z.object({ page: z.coerce.number().int().min(1).max(100_000).default(1) })), async (c) => {
    const { page } = c.req.valid("query");
    return c.html(<AuditPage log={await auditLog(c.var.deps, page)} page={page} {...signedIn(c.var)} />);
  });
