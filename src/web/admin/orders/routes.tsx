import { Hono, type Context } from "hono";
import * as z from "zod";
import type { AppEnv } from "@/env";
import { DomainError } from "@/domain/errors";
import type { FieldCode } from "@/domain/issues";
import { errorMessage, fieldMessages } from "@/i18n";
import { fieldIssues, validate } from "@/lib/validate";
import { messagesOf } from "@/web/shared/i18n";
import { requirePermission } from "@/web/middleware/auth";
import { retryFailedEmail } from "@/domain/mail/retry";
import { findEventForOrders } from "@/domain/events/admin-events";
import { addRegistration } from "@/domain/orders/add-registration";
import { cancelOrder, cancelTicket, orderOfTicket, refundOrder, renameAttendee, resendTickets } from "@/domain/orders/admin-actions";
import { eventDashboard, orderDetail, searchAttendees } from "@/domain/orders/admin-queries";
import { AddRegistrationPage, type AddRegistrationValues } from "@/web/admin/orders/add-registration";
import { AttendeesPage } from "@/web/admin/orders/attendees";
import { DashboardPage } from "@/web/admin/orders/dashboard";
import { OrderDetailPage } from "@/web/admin/orders/order-detail";

const id = (prefix: string) => z.object({ id: z.string().regex(new RegExp(`^${prefix}_[0-9a-z]{16}$`)) });
const eventParam = id("evt");
const orderParam = id("ord");
const ticketParam = id("tkt");

/** What the order page says after an action (post → redirect → get). */
const doneMessages: Record<string, string> = {
  renamed: "Name corrected.",
  ticket_cancelled: "Ticket cancelled and its seat freed.",
  order_cancelled: "Order cancelled.",
  refunded: "Refund made through Stripe; the buyer has been emailed.",
  resent: "Tickets queued to be emailed again.",
  added: "Registration added; the tickets are on their way by email.",
};

const staffOf = (c: Context<AppEnv>) => ({ staff: c.var.staff!, csrfToken: c.var.auth?.method === "session" ? c.var.auth.csrfToken : "" });

async function renderOrder(c: Context<AppEnv>, orderId: string, extra: { message?: string; error?: string; status?: 200 | 409 | 422 | 503 } = {}) {
  const detail = await orderDetail(c.var.deps, orderId);
  return c.html(<OrderDetailPage detail={detail} {...staffOf(c)} message={extra.message} error={extra.error} />, extra.status ?? 200);
}

/** Runs an order action; a rule it breaks is shown on the order page rather than an error page. */
async function orderAction(c: Context<AppEnv>, orderId: string, done: string, action: () => Promise<unknown>) {
  try {
    await action();
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    const status = err.status === 409 || err.status === 422 || err.status === 503 ? err.status : 422;
    return renderOrder(c, orderId, { error: errorMessage(err, messagesOf(c)), status });
  }
  return c.redirect(`/admin/orders/${orderId}?done=${done}`, 303);
}

const registrationForm = z.object({
  buyerName: z.string().trim().min(1, "contact_name_required" satisfies FieldCode).max(100),
  buyerEmail: z.string().trim().max(254).pipe(z.email("email_invalid" satisfies FieldCode)),
  tierId: z.string().min(1, "tier_required" satisfies FieldCode),
  attendees: z.string().max(10_000),
  source: z.enum(["complimentary", "door"]),
});

/** Organisers follow sales, find people and fix orders. */
export const adminOrderRoutes = new Hono<AppEnv>()
  .use("/events/:id", requirePermission("manage_orders"))
  .use("/events/:id/*", requirePermission("manage_orders"))
  .use("/orders/*", requirePermission("manage_orders"))
  .use("/tickets/*", requirePermission("manage_orders"))
  .use("/emails/*", requirePermission("manage_orders"))
  .get("/events/:id", validate("param", eventParam), async (c) => {
    const data = await eventDashboard(c.var.deps, c.req.valid("param").id);
    return c.html(<DashboardPage data={data} {...staffOf(c)} />);
  })
  .get(
    "/events/:id/attendees",
    validate("param", eventParam),
    validate("query", z.object({ q: z.string().max(200).optional(), tier: z.string().max(40).optional(), status: z.string().max(30).optional(), checkedIn: z.enum(["yes", "no", ""]).optional(), page: z.coerce.number().int().min(1).max(10_000).default(1) })),
    async (c) => {
      const { id: eventId } = c.req.valid("param");
      const query = c.req.valid("query");
      const event = await findEventForOrders(c.var.db, eventId);
      if (!event) throw new DomainError("not_found", { what: "event" });
      const filter = { q: query.q || undefined, tierId: query.tier || undefined, status: query.status || undefined, checkedIn: query.checkedIn || undefined, page: query.page };
      const result = await searchAttendees(c.var.deps, eventId, filter);
      return c.html(<AttendeesPage event={event} filter={filter} result={result} {...staffOf(c)} />);
    },
  )
  .get("/events/:id/registrations/new", validate("param", eventParam), async (c) => {
    const event = await findEventForOrders(c.var.db, c.req.valid("param").id);
    if (!event) throw new DomainError("not_found", { what: "event" });
    const values: AddRegistrationValues = { buyerName: "", buyerEmail: "", tierId: event.ticketTypes[0]?.id ?? "", attendees: "", source: "complimentary" };
    return c.html(<AddRegistrationPage event={event} values={values} errors={{}} {...staffOf(c)} />);
  })
  .post("/events/:id/registrations", validate("param", eventParam), async (c) => {
    const eventId = c.req.valid("param").id;
    const event = await findEventForOrders(c.var.db, eventId);
    if (!event) throw new DomainError("not_found", { what: "event" });
    const body = await c.req.parseBody();
    const values: AddRegistrationValues = {
      buyerName: String(body.buyerName ?? ""),
      buyerEmail: String(body.buyerEmail ?? ""),
      tierId: String(body.tierId ?? ""),
      attendees: String(body.attendees ?? ""),
      source: String(body.source ?? "complimentary"),
    };
    const rerender = (errors: Record<string, string>, message: string, status: 409 | 422) => c.html(<AddRegistrationPage event={event} values={values} errors={errors} message={message} {...staffOf(c)} />, status);
    const parsed = registrationForm.safeParse(values);
    if (!parsed.success) {
      return rerender(fieldMessages(fieldIssues(parsed.error.issues), messagesOf(c)), messagesOf(c).pages.formProblem, 422);
    }
    try {
      const orderId = await addRegistration(c.var.deps, { staffId: c.var.staff!.id }, eventId, { ...parsed.data, attendees: parsed.data.attendees.split(/\r?\n/) });
      return c.redirect(`/admin/orders/${orderId}?done=added`, 303);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      return rerender(fieldMessages(err.fields, messagesOf(c)), errorMessage(err, messagesOf(c)), err.status === 409 ? 409 : 422);
    }
  })
  .get("/orders/:id", validate("param", orderParam), async (c) => {
    const done = c.req.query("done");
    return renderOrder(c, c.req.valid("param").id, { message: done ? doneMessages[done] : undefined });
  })
  .post("/orders/:id/resend", validate("param", orderParam), async (c) => {
    const { id: orderId } = c.req.valid("param");
    return orderAction(c, orderId, "resent", () => resendTickets(c.var.deps, { staffId: c.var.staff!.id }, orderId));
  })
  .post("/orders/:id/cancel", validate("param", orderParam), async (c) => {
    const { id: orderId } = c.req.valid("param");
    return orderAction(c, orderId, "order_cancelled", () => cancelOrder(c.var.deps, { staffId: c.var.staff!.id }, orderId));
  })
  .post("/orders/:id/refund", validate("param", orderParam), async (c) => {
    const { id: orderId } = c.req.valid("param");
    const body = await c.req.parseBody({ all: true });
    const cancel = ([] as unknown[]).concat(body.cancel ?? []).filter((v): v is string => typeof v === "string");
    return orderAction(c, orderId, "refunded", async () => refundOrder(c.var.deps, { staffId: c.var.staff!.id }, orderId, { amount: typeof body.amount === "string" ? body.amount : undefined, ticketIds: cancel }));
  })
  .post("/tickets/:id/name", validate("param", ticketParam), async (c) => {
    const { id: ticketId } = c.req.valid("param");
    const body = await c.req.parseBody();
    return orderAction(c, await orderOfTicket(c.var.deps, ticketId), "renamed", () => renameAttendee(c.var.deps, { staffId: c.var.staff!.id }, ticketId, String(body.name ?? "")));
  })
  .post("/tickets/:id/cancel", validate("param", ticketParam), async (c) => {
    const { id: ticketId } = c.req.valid("param");
    return orderAction(c, await orderOfTicket(c.var.deps, ticketId), "ticket_cancelled", () => cancelTicket(c.var.deps, { staffId: c.var.staff!.id }, ticketId));
  })
  .post("/emails/:id/retry", validate("param", z.object({ id: z.string().regex(/^eml_[0-9a-z]{16,20}$/) })), async (c) => {
    const { id: emailId } = c.req.valid("param");
    const orderId = await retryFailedEmail(c.var.deps, { staffId: c.var.staff!.id }, emailId);
    return c.redirect(orderId ? `/admin/orders/${orderId}?done=resent` : "/admin", 303);
  });
