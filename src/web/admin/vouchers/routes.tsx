import { Hono, type Context } from "hono";
import * as z from "zod";
import type { AppEnv } from "@/env";
import { DomainError } from "@/domain/errors";
import { defaultLocale, errorMessage, errorSentence, fieldMessages, messagesFor, type Messages } from "@/i18n";
import { validate } from "@/lib/validate";
import { requirePermission, signedIn, type SignedIn } from "@/web/middleware/auth";
import { messagesOf } from "@/web/shared/i18n";
import { readForm } from "@/web/shared/form-body";
import { getAdminEvent } from "@/domain/events/admin-events";
import { blankGenerateValues, blankVoucherValues, generateFields, generateFromForm, voucherFields, voucherFromForm, type VoucherContext } from "@/domain/vouchers/input";
import { createVoucher, deleteVoucher, generateVouchers } from "@/domain/vouchers/manage";
import { listVouchersLabelled, vouchersCsv } from "@/domain/vouchers/export";
import { downloadHeaders } from "@/web/admin/exports";
import { GENERATE_PREFIX } from "@/web/admin/vouchers/voucher-forms";
import { VoucherListPage } from "@/web/admin/vouchers/voucher-list-page";

const id = z.string().regex(/^[a-z]{2,8}_[0-9a-z]{16}$/);
const idParam = z.object({ id });
const voucherParam = z.object({ id, voucherId: id });
const listQuery = z.object({
  label: z.string().trim().max(100).optional(),
  done: z.enum(["created", "generated", "deleted"]).optional(),
  code: z.string().max(32).optional(),
  count: z.coerce.number().int().min(0).max(10_000).optional(),
});
const csvQuery = z.object({ label: z.string().trim().max(100).optional(), headers: z.enum(["english", "translated"]).default("english") });
const manageEvents = requirePermission("manage_events");

type AdminEvent = Awaited<ReturnType<typeof getAdminEvent>>;
type FormState = { values: Record<string, string>; errors: Record<string, string>; message?: string };
type Query = z.infer<typeof listQuery>;

const contextOf = (event: AdminEvent): VoucherContext => ({ timezone: event.timezone, currency: event.currency, tiers: event.ticketTypes });

/** A posted form's fields named in `names` (after `prefix`), each a string of bounded length. */
async function formValues(c: Context, names: readonly string[], prefix = ""): Promise<Record<string, string>> {
  const body = await readForm(c);
  const values: Record<string, string> = {};
  for (const name of names) {
    const value = body[`${prefix}${name}`];
    values[name] = typeof value === "string" ? value.slice(0, 1000) : "";
  }
  return values;
}

/** The sentence a redirect's ?done=… asks the page to say. */
function noticeOf(m: Messages, q: Query): string | undefined {
  const words = m.vouchersAdmin.list.notices;
  if (q.done === "created" && q.code) return words.created({ code: q.code });
  if (q.done === "deleted" && q.code) return words.deleted({ code: q.code });
  if (q.done === "generated" && q.count) return words.generated({ count: q.count, label: q.label ?? "" });
  return undefined;
}

/** The vouchers page, with its forms as given (blank unless one came back with problems). */
async function page(vars: SignedIn & { deps: { d1: D1Database } }, event: AdminEvent, label: string | null, extra: { notice?: string | undefined; problem?: string; create?: FormState; generate?: FormState }) {
  const vouchers = await listVouchersLabelled(vars.deps.d1, event.id, label);
  return (
    <VoucherListPage
      {...signedIn(vars)}
      event={event}
      vouchers={vouchers}
      label={label}
      notice={extra.notice}
      problem={extra.problem}
      create={extra.create ?? { values: blankVoucherValues(), errors: {} }}
      generate={extra.generate ?? { values: blankGenerateValues(), errors: {} }}
    />
  );
}

/** Organiser pages for an event's vouchers: list, add, generate, delete, download. Each needs manage_events. */
export const adminVoucherRoutes = new Hono<AppEnv>()
  .get("/events/:id/vouchers", manageEvents, validate("param", idParam), validate("query", listQuery), async (c) => {
    const event = await getAdminEvent(c.var.deps.d1, c.req.valid("param").id);
    const q = c.req.valid("query");
    return c.html(await page(c.var, event, q.label || null, { notice: noticeOf(messagesOf(c), q) }));
  })
  .get("/events/:id/vouchers.csv", manageEvents, validate("param", idParam), validate("query", csvQuery), async (c) => {
    const event = await getAdminEvent(c.var.deps.d1, c.req.valid("param").id);
    const { label, headers } = c.req.valid("query");
    const words = (headers === "translated" ? messagesOf(c) : messagesFor(defaultLocale)).vouchersAdmin.csv;
    const body = await vouchersCsv(c.var.deps.d1, event, label || null, words);
    return c.body(body, 200, downloadHeaders({ contentType: "text/csv; charset=utf-8", filename: `vouchers-${event.slug}.csv` }));
  })
  .post("/events/:id/vouchers", manageEvents, validate("param", idParam), async (c) => {
    const event = await getAdminEvent(c.var.deps.d1, c.req.valid("param").id);
    const values = await formValues(c, voucherFields);
    const m = messagesOf(c);
    const again = async (fields: Parameters<typeof fieldMessages>[0]) =>
      c.html(await page(c.var, event, null, { create: { values, errors: fieldMessages(fields, m), message: errorSentence(m, "invalid", {}) } }), 422);
    const parsed = voucherFromForm(values, contextOf(event));
    if ("fields" in parsed) return again(parsed.fields);
    try {
      const code = await createVoucher(c.var.deps, c.var.staff.id, event.id, parsed.code, parsed.settings);
      return c.redirect(`/admin/events/${event.id}/vouchers?done=created&code=${encodeURIComponent(code)}`, 303);
    } catch (err) {
      if (err instanceof DomainError && err.code === "invalid") return again(err.fields);
      throw err;
    }
  })
  .post("/events/:id/vouchers/generate", manageEvents, validate("param", idParam), async (c) => {
    const event = await getAdminEvent(c.var.deps.d1, c.req.valid("param").id);
    const values = await formValues(c, generateFields, GENERATE_PREFIX);
    const parsed = generateFromForm(values, contextOf(event));
    if ("fields" in parsed) {
      const m = messagesOf(c);
      return c.html(await page(c.var, event, null, { generate: { values, errors: fieldMessages(parsed.fields, m), message: errorSentence(m, "invalid", {}) } }), 422);
    }
    const codes = await generateVouchers(c.var.deps, c.var.staff.id, event.id, parsed.count, parsed.prefix, parsed.settings);
    const label = encodeURIComponent(parsed.settings.label);
    return c.redirect(`/admin/events/${event.id}/vouchers?done=generated&count=${codes.length}${parsed.settings.label ? `&label=${label}` : ""}`, 303);
  })
  .post("/events/:id/vouchers/:voucherId/delete", manageEvents, validate("param", voucherParam), async (c) => {
    const { id: eventId, voucherId } = c.req.valid("param");
    const event = await getAdminEvent(c.var.deps.d1, eventId);
    try {
      const voucher = await deleteVoucher(c.var.deps, c.var.staff.id, event.id, voucherId);
      return c.redirect(`/admin/events/${event.id}/vouchers?done=deleted&code=${encodeURIComponent(voucher.code)}`, 303);
    } catch (err) {
      if (!(err instanceof DomainError) || err.code !== "conflict") throw err;
      return c.html(await page(c.var, event, null, { problem: errorMessage(err, messagesOf(c)) }), 409);
    }
  });
