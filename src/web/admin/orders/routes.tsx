import { choiceTallies } from "@/domain/questions/catering";
import { listQuestions } from "@/domain/questions/repo";
import { orderAnswers } from "@/domain/questions/order-answers";
import { Hono } from "hono";
import * as z from "zod";
import type { AppEnv } from "@/env";
import { DomainError } from "@/domain/errors";
import type { FieldCode } from "@/domain/issues";
import { errorMessage, fieldMessages, type Messages } from "@/i18n";
import { fieldIssues, validate } from "@/lib/validate";
import { messagesOf } from "@/web/shared/i18n";
import { requirePermission, signedIn, type SignedIn } from "@/web/middleware/auth";
import { retryFailedEmail } from "@/domain/mail/retry";
import { findEventForOrders } from "@/domain/events/admin-events";
import { addRegistration, attendeeIssues } from "@/domain/orders/add-registration";
import { cancelOrder, cancelTicket, orderOfTicket, refundOrder, renameAttendee, resendTickets } from "@/domain/orders/admin-actions";
import { eventDashboard, orderDetail, searchAttendees } from "@/domain/orders/admin-queries";
import { AddRegistrationPage, type AddRegistrationValues } from "@/web/admin/orders/add-registration";
import { AttendeesPage } from "@/web/admin/orders/attendees";
import { DashboardPage } from "@/web/admin/orders/dashboard";
import { OrderDetailPage } from "@/web/admin/orders/order-detail";
import { readForm } from "@/web/shared/form-body";
import { eventInsights } from "@/domain/insights/insights";
import { countWaiting } from "@/domain/waitlist/repo";

const id = (prefix: string) => z.object({ id: z.string().regex(new RegExp(`^${prefix}_[0-9a-z]{16}$`)) });
const eventParam = id("evt");
const orderParam = id("ord");
const ticketParam = id("tkt");
const manageOrders = requirePermission("manage_orders");

/** What the order page says after an action (post → redirect → get), in the reader's language. */
const doneMessage = (m: Messages, done: string | undefined) => {
  const words = m.admin.order.done;
  return done && Object.hasOwn(words, done) ? words[done as keyof typeof words] : undefined;
};

type OrderVars = SignedIn & Pick<AppEnv["Variables"], "deps" | "locale">;

/** The order page, with what was just done or why an action was refused. */
async function orderPage(v: OrderVars, orderId: string, extra: { message?: string | undefined; error?: string } = {}) {
  const detail = await orderDetail(v.deps, orderId);
  const answers = await orderAnswers(v.deps.d1, detail.order.event, orderId, v.locale);
  return <OrderDetailPage detail={detail} {...signedIn(v)} message={extra.message} error={extra.error} answers={answers} />;
}

/**
 * Runs an order action (the mail it queues goes out after the response). A rule it breaks
 * comes back as the order page showing why, in `m`'s words (and the status to answer with),
 * rather than as an error page.
 */
async function orderAction(v: OrderVars, m: Messages, orderId: string, action: () => Promise<unknown>) {
  try {
    await action();
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    const status = err.status === 409 || err.status === 422 || err.status === 503 ? err.status : 422;
    return { page: await orderPage(v, orderId, { error: errorMessage(err, m) }), status };
  }
  return null;
}

/** The order page after an action, saying what was done (post, redirect, get). */
const doneUrl = (orderId: string, done: string) => `/admin/orders/${orderId}?done=${done}`;

const registrationForm = z.object({
  buyerName: z.string().trim().min(1, "contact_name_required" satisfies FieldCode).max(100),
  buyerEmail: z.string().trim().max(254).pipe(z.email("email_invalid" satisfies FieldCode)),
  tierId: z.string().min(1, "tier_required" satisfies FieldCode),
  attendees: z.string().max(10_000),
  source: z.enum(["complimentary", "door"]),
});

/** Organisers follow sales, find people and fix orders. */
export const adminOrderRoutes = new Hono<AppEnv>()
  .get("/events/:id", manageOrders, validate("param", eventParam), async (c) => {
    const data = await eventDashboard(c.var.deps, c.req.valid("param").id);
    const insights = await eventInsights(c.var.deps, data.event);
    const tallies = await choiceTallies(c.var.deps.d1, data.event.id);
    const waiting = await countWaiting(c.var.deps.d1, data.event.id);
    return c.html(<DashboardPage data={data} insights={insights} tallies={tallies} waiting={waiting} {...signedIn(c.var)} />);
  })
  .get(
    "/events/:id/attendees",
    manageOrders,
    validate("param", eventParam),
    validate("query", z.object({ q: z.string().max(200).optional(), tier: z.string().max(40).optional(), status: z.string().max(30).optional(), checkedIn: z.enum(["yes", "no", ""]).optional(), answer: z.string().max(120).optional(), page: z.coerce.number().int().min(1).max(10_000).default(1) })),
    async (c) => {
      const { id: eventId } = c.req.valid("param");
      const query = c.req.valid("query");
      const event = await findEventForOrders(c.var.deps.d1, eventId);
      if (!event) throw new DomainError("not_found", { what: "event" });
      const [questionId, ...value] = (query.answer ?? "").split(":");
      const answer = questionId && value.length ? { questionId, value: value.join(":") } : undefined;
      const filter = { q: query.q || undefined, tierId: query.tier || undefined, status: query.status || undefined, checkedIn: query.checkedIn || undefined, answer, page: query.page };
      const result = await searchAttendees(c.var.deps, eventId, filter);
      const questions = await listQuestions(c.var.deps.d1, eventId);
      return c.html(<AttendeesPage event={event} filter={filter} result={result} questions={questions} {...signedIn(c.var)} />);
    },
  )
  .get("/events/:id/registrations/new", manageOrders, validate("param", eventParam), async (c) => {
    const event = await findEventForOrders(c.var.deps.d1, c.req.valid("param").id);
    if (!event) throw new DomainError("not_found", { what: "event" });
    const values: AddRegistrationValues = { buyerName: "", buyerEmail: "", tierId: event.ticketTypes[0]?.id ?? "", attendees: "", source: "complimentary" };
    return c.html(<AddRegistrationPage event={event} values={values} errors={{}} {...signedIn(c.var)} />);
  })
  .post("/events/:id/registrations", manageOrders, validate("param", eventParam), async (c) => {
    const eventId = c.req.valid("param").id;
    const event = await findEventForOrders(c.var.deps.d1, eventId);
    if (!event) throw new DomainError("not_found", { what: "event" });
    const body = await readForm(c);
    const values: AddRegistrationValues = {
      buyerName: String(body.buyerName ?? ""),
      buyerEmail: String(body.buyerEmail ?? ""),
      tierId: String(body.tierId ?? ""),
      attendees: String(body.attendees ?? ""),
      source: String(body.source ?? "complimentary"),
    };
    const rerender = (errors: Record<string, string>, message: string, status: 409 | 422) => c.html(<AddRegistrationPage event={event} values={values} errors={errors} message={message} {...signedIn(c.var)} />, status);
    const parsed = registrationForm.safeParse(values);
    if (!parsed.success) {
      // Every error at once: the attendee names' rule beside the schema's.
      const issues = { ...attendeeIssues(values.attendees.split(/\r?\n/)), ...fieldIssues(parsed.error.issues) };
      return rerender(fieldMessages(issues, messagesOf(c)), messagesOf(c).pages.formProblem, 422);
    }
    try {
      const orderId = await addRegistration(c.var.deps, { staffId: c.var.staff.id }, eventId, { ...parsed.data, attendees: parsed.data.attendees.split(/\r?\n/) });
      return c.redirect(doneUrl(orderId, "added"), 303);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      return rerender(fieldMessages(err.fields, messagesOf(c)), errorMessage(err, messagesOf(c)), err.status === 409 ? 409 : 422);
    }
  })
  .get("/orders/:id", manageOrders, validate("param", orderParam), async (c) => {
    const done = c.req.query("done");
    return c.html(await orderPage(c.var, c.req.valid("param").id, { message: doneMessage(messagesOf(c), done) }));
  })
  .post("/orders/:id/resend", manageOrders, validate("param", orderParam), async (c) => {
    const { id: orderId } = c.req.valid("param");
    const refused = await orderAction(c.var, messagesOf(c), orderId, () => resendTickets(c.var.deps, { staffId: c.var.staff.id }, orderId));
    return refused ? c.html(refused.page, refused.status) : c.redirect(doneUrl(orderId, "resent"), 303);
  })
  .post("/orders/:id/cancel", manageOrders, validate("param", orderParam), validate("form", z.object({ confirm: z.string().max(10).optional() })), async (c) => {
    const { id: orderId } = c.req.valid("param");
    const refused = await orderAction(c.var, messagesOf(c), orderId, () => cancelOrder(c.var.deps, { staffId: c.var.staff.id }, orderId, { confirmed: c.req.valid("form").confirm === "yes" }));
    return refused ? c.html(refused.page, refused.status) : c.redirect(doneUrl(orderId, "order_cancelled"), 303);
  })
  .post("/orders/:id/refund", manageOrders, validate("param", orderParam), async (c) => {
    const { id: orderId } = c.req.valid("param");
    const body = await readForm(c, { all: true });
    const cancel = ([] as unknown[]).concat(body.cancel ?? []).filter((v): v is string => typeof v === "string");
    const refused = await orderAction(c.var, messagesOf(c), orderId, async () => refundOrder(c.var.deps, { staffId: c.var.staff.id }, orderId, { amount: typeof body.amount === "string" ? body.amount : undefined, ticketIds: cancel }));
    return refused ? c.html(refused.page, refused.status) : c.redirect(doneUrl(orderId, "refunded"), 303);
  })
  .post("/tickets/:id/name", manageOrders, validate("param", ticketParam), async (c) => {
    const { id: ticketId } = c.req.valid("param");
    const body = await readForm(c);
    const orderId = await orderOfTicket(c.var.deps, ticketId);
    const refused = await orderAction(c.var, messagesOf(c), orderId, () => renameAttendee(c.var.deps, { staffId: c.var.staff.id }, ticketId, String(body.name ?? "")));
    return refused ? c.html(refused.page, refused.status) : c.redirect(doneUrl(orderId, "renamed"), 303);
  })
  .post("/tickets/:id/cancel", manageOrders, validate("param", ticketParam), async (c) => {
    const { id: ticketId } = c.req.valid("param");
    const orderId = await orderOfTicket(c.var.deps, ticketId);
    const refused = await orderAction(c.var, messagesOf(c), orderId, () => cancelTicket(c.var.deps, { staffId: c.var.staff.id }, ticketId));
    return refused ? c.html(refused.page, refused.status) : c.redirect(doneUrl(orderId, "ticket_cancelled"), 303);
  })
  .post("/emails/:id/retry", manageOrders, validate("param", z.object({ id: z.string().regex(/^eml_[0-9a-z]{16,20}$/) })), async (c) => {
    const { id: emailId } = c.req.valid("param");
    const orderId = await retryFailedEmail(c.var.deps, { staffId: c.var.staff.id }, emailId);
    return c.redirect(orderId ? doneUrl(orderId, "resent") : "/admin", 303);
  });
