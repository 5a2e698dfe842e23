import { Hono } from "hono";
import * as z from "zod";
import type { AppEnv } from "@/env";
import { DomainError } from "@/domain/errors";
import { absoluteUrl } from "@/lib/urls";
import { validate } from "@/lib/validate";
import { eventInLanguage } from "@/domain/events/translations";
import { eventIcs } from "@/domain/tickets/ics";
import { qrPng, qrSvg } from "@/domain/tickets/qr";
import { getTicketView, ticketPath } from "@/domain/tickets/ticket-view";
import { TicketPage } from "@/web/public/ticket-page";
import { localeOf, messagesOf, preferLanguage } from "@/web/shared/i18n";
import { privatePage } from "@/web/middleware/private-page";

// Ticket.token: 32 random bytes as base64url (src/lib/tokens.ts).
const tokenParam = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/) });

/** An attendee's ticket page, its calendar file and its QR image. */
export const ticketRoutes = new Hono<AppEnv>()
  .use("/tickets/*", privatePage)
  .get("/tickets/:token", validate("param", tokenParam), async (c) => {
    const { token } = c.req.valid("param");
    const ticket = await getTicketView(c.var.deps, token);
    // A reader who named no language reads the ticket in the attendee's language, else the order's.
    preferLanguage(c, ticket.language ?? ticket.order.language);
    const svg = ticket.code ? await qrSvg(ticket.code, messagesOf(c).tickets.qrLabelFor({ name: ticket.attendeeName })) : null;
    const path = ticketPath(token);
    return c.html(<TicketPage m={messagesOf(c)} ticket={ticket} qrSvg={svg} paths={{ calendar: `${path}/calendar.ics`, png: `${path}/qr.png` }} />);
  })
  .get("/tickets/:token/calendar.ics", validate("param", tokenParam), async (c) => {
    const { token } = c.req.valid("param");
    const ticket = await getTicketView(c.var.deps, token);
    preferLanguage(c, ticket.language ?? ticket.order.language);
    const m = messagesOf(c);
    // The calendar entry's title and venue in the reader's language, where the organisers wrote one.
    const event = eventInLanguage(ticket.event, localeOf(c));
    const ics = eventIcs(event, { url: absoluteUrl(c, ticketPath(token)), ticketName: ticket.attendeeName, ticketId: ticket.id, words: m.ics, format: m.format });
    return c.body(ics, 200, {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${ticket.event.slug}.ics"`,
    });
  })
  .get("/tickets/:token/qr.png", validate("param", tokenParam), async (c) => {
    const { token } = c.req.valid("param");
    const ticket = await getTicketView(c.var.deps, token);
    if (!ticket.code) throw new DomainError("not_found", { what: "ticket_code", next: "ticket_page" });
    return c.body(await qrPng(ticket.code), 200, { "Content-Type": "image/png" });
  });
