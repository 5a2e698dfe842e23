import { Hono, type Context } from "hono";
import { csrf } from "hono/csrf";
import * as z from "zod";
import type { AppEnv } from "@/env";
import { DomainError } from "@/domain/errors";
import { validate } from "@/lib/validate";
import { fieldMessages } from "@/i18n";
import { cancellableTickets, cancelTickets, changeName, orderForSelfService, ticketForSelfService, transferTicket, type Outcome } from "@/domain/self-service/actions";
import { orderAfterCheckout } from "@/domain/orders/checkout-return";
import { qrSvg } from "@/domain/tickets/qr";
import { getTicketView, ticketPath } from "@/domain/tickets/ticket-view";
import { OrderPage } from "@/web/public/order-page";
import type { PanelState } from "@/web/public/self-service-panel";
import { TicketPage } from "@/web/public/ticket-page";
import { messagesOf, preferLanguage } from "@/web/shared/i18n";
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
      return c.html(<OrderPage order={order} selfService={state} />, status);
    };
    const order = await orderForSelfService(c.var.deps, id);
    if (c.req.valid("form").confirm !== "yes") return again({ form: "cancel", errors: { confirm: messagesOf(c).selfService.panel.confirmRequired } }, 422);
    return answer(c, await cancelTickets(c.var.deps, order, cancellableTickets(order)), "cancel", `/orders/${id}/complete`, again);
  });
