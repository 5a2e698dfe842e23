import { Hono, type Context } from "hono";
import * as z from "zod";
import type { AppEnv } from "@/env";
import { DomainError } from "@/domain/errors";
import { validate } from "@/lib/validate";
import { errorMessage, fieldMessage, fieldMessages } from "@/i18n";
import { messagesOf } from "@/web/shared/i18n";
import { requirePermission } from "@/web/middleware/auth";
import { addStaff, assignableEvents, auditLog, createToken, listStaff, listTokens, revokeToken, updateStaff } from "@/domain/staff/staff";
import { AuditPage } from "@/web/admin/staff/audit-page";
import { StaffPage } from "@/web/admin/staff/staff-page";
import { TokensPage } from "@/web/admin/staff/tokens-page";

const who = (c: Context<AppEnv>) => ({ staff: c.var.staff!, csrfToken: c.var.auth?.method === "session" ? c.var.auth.csrfToken : "" });

async function renderStaff(c: Context<AppEnv>, extra: { error?: string; errors?: Record<string, string>; status?: 409 | 422 } = {}) {
  const [rows, events] = await Promise.all([listStaff(c.var.deps), assignableEvents(c.var.deps)]);
  return c.html(<StaffPage rows={rows} events={events} {...who(c)} error={extra.error} errors={extra.errors} />, extra.status ?? 200);
}

async function renderTokens(c: Context<AppEnv>, extra: { created?: string; error?: string; status?: 422 } = {}) {
  const tokens = await listTokens(c.var.deps, c.var.staff!);
  return c.html(<TokensPage tokens={tokens} {...who(c)} created={extra.created} error={extra.error} />, extra.status ?? 200);
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

const staffParam = z.object({ id: z.string().regex(/^stf_[0-9a-z]{16}$/) });
const tokenParam = z.object({ id: z.string().regex(/^tok_[0-9a-z]{16}$/) });

/** Staff and roles (owners), API tokens (everyone, their own), and the audit log (owners). */
export const adminStaffRoutes = new Hono<AppEnv>()
  .get("/staff", requirePermission("manage_staff"), (c) => renderStaff(c))
  .post("/staff", requirePermission("manage_staff"), async (c) => {
    const body = await c.req.parseBody();
    const email = z.email().safeParse(String(body.email ?? "").trim());
    if (!email.success) {
      const said = fieldMessage({ code: "email_invalid" }, messagesOf(c));
      return renderStaff(c, { error: said, errors: { email: said }, status: 422 });
    }
    const err = await attempt(() => addStaff(c.var.deps, c.var.staff!, { email: email.data, name: String(body.name ?? ""), role: String(body.role ?? "") }));
    return err ? renderStaff(c, { error: errorMessage(err, messagesOf(c)), errors: fieldMessages(err.fields, messagesOf(c)), status: err.status === 409 ? 409 : 422 }) : c.redirect("/admin/staff", 303);
  })
  .post("/staff/:id", requirePermission("manage_staff"), validate("param", staffParam), async (c) => {
    const body = await c.req.parseBody({ all: true });
    const eventIds = ([] as unknown[]).concat(body.events ?? []).filter((v): v is string => typeof v === "string");
    const err = await attempt(() => updateStaff(c.var.deps, c.var.staff!, c.req.valid("param").id, { role: String(body.role ?? ""), eventIds, disabled: body.disabled === "yes" }));
    return err ? renderStaff(c, { error: errorMessage(err, messagesOf(c)), status: err.status === 409 ? 409 : 422 }) : c.redirect("/admin/staff", 303);
  })
  .get("/tokens", requirePermission("signed_in"), (c) => renderTokens(c))
  .post("/tokens", requirePermission("signed_in"), async (c) => {
    const body = await c.req.parseBody();
    let created = "";
    const err = await attempt(async () => {
      created = await createToken(c.var.deps, c.var.staff!, String(body.name ?? ""));
    });
    return err ? renderTokens(c, { error: errorMessage(err, messagesOf(c)), status: 422 }) : renderTokens(c, { created });
  })
  .post("/tokens/:id/revoke", requirePermission("signed_in"), validate("param", tokenParam), async (c) => {
    await revokeToken(c.var.deps, c.var.staff!, c.req.valid("param").id);
    return c.redirect("/admin/tokens", 303);
  })
  .get("/audit", requirePermission("view_audit"), validate("query", z.object({ page: z.coerce.number().int().min(1).max(100_000).default(1) })), async (c) => {
    const { page } = c.req.valid("query");
    return c.html(<AuditPage log={await auditLog(c.var.deps, page)} page={page} {...who(c)} />);
  });
