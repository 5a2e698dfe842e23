import { Hono, type Context } from "hono";
import { csrf } from "hono/csrf";
import * as z from "zod";
import type { AppEnv } from "@/env";
import { DomainError } from "@/domain/errors";
import { validate } from "@/lib/validate";
import { fieldMessages } from "@/i18n";
import { cancellableTickets, cancelTickets, changeName, orderForSelfService, refusalFor, ticketForSelfService, transferTicket, type Outcome } from "@/domain/self-service/actions";
import { answersOfTicket, changeAnswers, questionsForTicket } from "@/domain/self-service/answers";
import { changesCutoff } from "@/domain/self-service/policy";
import { eventInLanguage } from "@/domain/events/translations";
import { questionInLanguage } from "@/domain/questions/model";
import { AnswersPage } from "@/web/public/answers-page";
import { answersInput, answersOf, formAnswers } from "@/web/public/registration-form";
import type { AnswerValues } from "@/web/public/question-fields";
import { readForm } from "@/web/shared/form-body";
import { orderAfterCheckout } from "@/domain/orders/checkout-return";
import { orderVoucherCode } from "@/domain/orders/repo";
import { qrSvg } from "@/domain/tickets/qr";
import { getTicketView, ticketPath } from "@/domain/tickets/ticket-view";
import { OrderPage } from "@/web/public/order-page";
import type { PanelState } from "@/web/public/self-service-panel";
import { TicketPage } from "@/web/public/ticket-page";
import { localeOf, messagesOf, preferLanguage } from "@/web/shared/i18n";
import { privatePage } from "@/web/middleware/private-page";

// Ticket.token: 32 random bytes as base64url (src/lib/tokens.ts).
const tokenParam = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/) });
const orderParam = z.object({ id: z.string().regex(/^ord_[0-9a-z]{16}$/) });
const text = z.string().max(1000).default("");
const confirmForm = z.object({ confirm: z.string().max(10).optional() });

/** The ticket page again, with a form's errors or refusal (nothing changed). */
async function ticketAgain(c: Context<AppEnv>, token: string, state: PanelState, status: 409 | 422) {
  const ticket = await getTicketView(c.var.deps, token);
  preferLanguage(c, ticket.language ?? ticket.order.language);
  const svg = ticket.code ? await qrSvg(ticket.code, messagesOf(c).tickets.qrLabelFor({ name: ticket.attendeeName })) : null;
  const path = ticketPath(token);
  return c.html(<TicketPage m={messagesOf(c)} ticket={ticket} qrSvg={svg} paths={{ calendar: `${path}/calendar.ics`, png: `${path}/qr.png` }} selfService={state} />, status);
}

type SelfServiceTicket = Awaited<ReturnType<typeof ticketForSelfService>>;

/**
 * The ticket's answers page: its questions in the reader's language, filled in with `values`
 * (what was sent) or, by default, what the holder answered. A ticket that can no longer change
 * shows the ticket page's refusal; one with no questions goes back to its ticket.
 */
async function answersPage(c: Context<AppEnv>, token: string, { order, ticket }: SelfServiceTicket, form: { values?: AnswerValues; errors?: Record<string, string> } = {}, status: 200 | 422 = 200) {
  preferLanguage(c, ticket.language ?? order.language);
  const refused = refusalFor(order, ticket, c.var.deps.now());
  if (refused) return ticketAgain(c, token, { form: "answers", refused }, 409);
  const questions = await questionsForTicket(c.var.deps, order.eventId, ticket.ticketTypeId);
  if (!questions.length) return c.redirect(`${ticketPath(token)}#manage`, 303);
  const lang = localeOf(c);
  const values = form.values ?? formAnswers(await answersOfTicket(c.var.deps, order.id, ticket.id));
  return c.html(
    <AnswersPage
      token={token}
      eventTitle={eventInLanguage(order.event, lang).title}
      attendeeName={ticket.attendeeName}
      until={messagesOf(c).format.dateTime(changesCutoff(order.event), order.event.timezone)}
      questions={questions.map((q) => questionInLanguage(q, lang, order.event.mainLanguage))}
      values={values}
      errors={form.errors ?? {}}
    />,
    status,
  );
}

/** After a change: PRG to `to` with the notice; a refusal shows the page again (409). */
async function answer(c: Context<AppEnv>, outcome: Outcome, form: PanelState["form"], to: string, again: (state: PanelState, status: 409 | 422) => Promise<Response>) {
  if ("refused" in outcome) return again({ form, refused: outcome.refused }, 409);
  const refunded = outcome.done === "cancelled" && outcome.refundedMinor ? `&refunded=${outcome.refundedMinor}` : "";
  return c.redirect(`${to}?done=${outcome.done}${refunded}#manage`, 303);
}

/** Runs a change; bad input shows the form again with every error (422), changing nothing. */
async function withErrors(c: Context<AppEnv>, form: PanelState["form"], values: Record<string, string>, rename: Record<string, string>, run: () => Promise<Response>, again: (state: PanelState, status: 409 | 422) => Promise<Response>) {
  try {
    return await run();
  } catch (err) {
    if (!(err instanceof DomainError) || err.code !== "invalid" || !err.fields) throw err;
    const errors = Object.fromEntries(Object.entries(fieldMessages(err.fields, messagesOf(c))).map(([k, v]) => [rename[k] ?? k, v]));
    return again({ form, errors, values }, 422);
  }
}

/**
 * Attendees' self-service through the links they were sent: a ticket's page (its token) and the
 * order page (the order's unguessable id, as the order page itself is authorised). No sign-in:
 * the link is the authority, and a ticket link acts on that ticket only. Every POST is CSRF-checked
 * (same origin) and answers with POST-redirect-GET and a notice.
 */
export const selfServiceRoutes = new Hono<AppEnv>()
  .use("/tickets/*", privatePage)
  .use("/orders/*", privatePage)
  .post("/tickets/:token/name", csrf(), validate("param", tokenParam), validate("form", z.object({ name: text })), async (c) => {
    const { token } = c.req.valid("param");
    const { name } = c.req.valid("form");
    const again = (state: PanelState, status: 409 | 422) => ticketAgain(c, token, state, status);
    return withErrors(c, "name", { name }, {}, async () => {
      const { order, ticket } = await ticketForSelfService(c.var.deps, token);
      return answer(c, await changeName(c.var.deps, order, ticket, name), "name", ticketPath(token), again);
    }, again);
  })
  .post("/tickets/:token/transfer", csrf(), validate("param", tokenParam), validate("form", z.object({ transferName: text, transferEmail: text })), async (c) => {
    const { token } = c.req.valid("param");
    const { transferName, transferEmail } = c.req.valid("form");
    const again = (state: PanelState, status: 409 | 422) => ticketAgain(c, token, state, status);
    return withErrors(c, "transfer", { transferName, transferEmail }, { name: "transferName", email: "transferEmail" }, async () => {
      const { order, ticket } = await ticketForSelfService(c.var.deps, token);
      // The old page shows the notice: the new ticket's link is its new holder's alone.
      return answer(c, await transferTicket(c.var.deps, order, ticket, { name: transferName, email: transferEmail }), "transfer", ticketPath(token), again);
    }, again);
  })
  .get("/tickets/:token/answers", validate("param", tokenParam), async (c) => {
    const { token } = c.req.valid("param");
    return answersPage(c, token, await ticketForSelfService(c.var.deps, token));
  })
  .post("/tickets/:token/answers", csrf(), validate("param", tokenParam), async (c) => {
    const { token } = c.req.valid("param");
    const values = answersOf(await readForm(c, { all: true }), "answers.");
    const found = await ticketForSelfService(c.var.deps, token);
    const again = (state: PanelState, status: 409 | 422) => ticketAgain(c, token, state, status);
    try {
      return await answer(c, await changeAnswers(c.var.deps, found.order, found.ticket, answersInput(values) ?? {}), "answers", ticketPath(token), again);
    } catch (err) {
      if (!(err instanceof DomainError) || err.code !== "invalid" || !err.fields) throw err;
      preferLanguage(c, found.ticket.language ?? found.order.language);
      return answersPage(c, token, found, { values, errors: fieldMessages(err.fields, messagesOf(c)) }, 422);
    }
  })
  .post("/tickets/:token/cancel", csrf(), validate("param", tokenParam), validate("form", confirmForm), async (c) => {
    const { token } = c.req.valid("param");
    const again = (state: PanelState, status: 409 | 422) => ticketAgain(c, token, state, status);
    const { order, ticket } = await ticketForSelfService(c.var.deps, token);
    if (c.req.valid("form").confirm !== "yes") return again({ form: "cancel", errors: { confirm: messagesOf(c).selfService.panel.confirmRequired } }, 422);
    return answer(c, await cancelTickets(c.var.deps, order, [ticket]), "cancel", ticketPath(token), again);
  })
  .post("/orders/:id/cancel-tickets", csrf(), validate("param", orderParam), validate("form", confirmForm), async (c) => {
    const { id } = c.req.valid("param");
    const again = async (state: PanelState, status: 409 | 422) => {
      const order = await orderAfterCheckout(c.var.deps, id);
      preferLanguage(c, order.language);
      return c.html(<OrderPage order={{ ...order, voucherCode: await orderVoucherCode(c.var.deps.d1, order) }} selfService={state} />, status);
    };
    const order = await orderForSelfService(c.var.deps, id);
    if (c.req.valid("form").confirm !== "yes") return again({ form: "cancel", errors: { confirm: messagesOf(c).selfService.panel.confirmRequired } }, 422);
    return answer(c, await cancelTickets(c.var.deps, order, cancellableTickets(order)), "cancel", `/orders/${id}/complete`, again);
  });
