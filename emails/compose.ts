import { noticeEmail } from "@emails/notice";
import { ticketsEmail, type TicketsEmailModel } from "@emails/tickets";
import type { EmailEvent, EmailTicket } from "@emails/types";
import type { Event, OutboxEmail, Ticket, TicketType } from "@/generated/prisma/client";
import { formatDate, formatMoney, formatTime, formatZone } from "@/lib/format";
import type { ServiceDeps } from "@/domain/deps";
import type { Attachment, OutgoingEmail } from "@/domain/mail/message";
import { findEventForEmail } from "@/domain/mail/repo";
import { findOrderWithTickets } from "@/domain/orders/repo";
import { findValidTicketsOf, ticketNumbersOf } from "@/domain/tickets/repo";
import { formatShortCode } from "@/domain/tickets/short-code";
import { eventIcs } from "@/domain/tickets/ics";
import { qrPng } from "@/domain/tickets/qr";
import { signTicketCode } from "@/domain/tickets/signing";
import { admits, ticketStatus } from "@/domain/tickets/status";
import { proofNote } from "@/domain/tickets/ticket-view";
import type { Messages } from "@/i18n/messages";

export type { Attachment, OutgoingEmail } from "@/domain/mail/message";

/** A ticket with its tier, and its order's status (tickets/status needs it). */
type TicketWithTier = Ticket & { ticketType: TicketType; order: { status: string; reference: string } };

function emailEvent(deps: ServiceDeps, event: Event): EmailEvent {
  const tz = event.timezone;
  return {
    title: event.title,
    date: formatDate(event.startsAt, tz),
    time: `${formatTime(event.startsAt, tz)} ${formatZone(event.startsAt, tz)}`,
    doors: event.doorsOpenAt ? formatTime(event.doorsOpenAt, tz) : null,
    venueName: event.venueName,
    venueAddress: event.venueAddress,
    url: `${deps.origin}/events/${event.slug}`,
  };
}

/** Tickets with their signed codes, as inline QR PNG attachments, and their short codes. */
async function ticketParts(deps: ServiceDeps, m: Messages, tickets: TicketWithTier[]) {
  const emailTickets: EmailTicket[] = [];
  const attachments: Attachment[] = [];
  const numbers = new Map<string, number>();
  for (const orderId of new Set(tickets.map((t) => t.orderId))) for (const [id, n] of await ticketNumbersOf(deps.db, orderId)) numbers.set(id, n);
  for (const ticket of tickets) {
    const code = await signTicketCode(deps.config, { eventId: ticket.eventId, ticketId: ticket.id, ticketTypeId: ticket.ticketTypeId });
    const contentId = `qr-${ticket.id}`;
    attachments.push({ filename: `ticket-${ticket.id}.png`, content: await qrPng(code), contentType: "image/png", contentId });
    emailTickets.push({
      id: ticket.id,
      attendeeName: ticket.attendeeName,
      tierName: ticket.ticketType.name,
      proofNote: ((note) => (note ? m.tickets.proofNote[note] : null))(proofNote(ticket.ticketType)),
      pageUrl: `${deps.origin}/tickets/${ticket.token}`,
      qrContentId: contentId,
      code,
      shortCode: formatShortCode(ticket.order.reference, numbers.get(ticket.id) ?? 0),
    });
  }
  return { emailTickets, attachments };
}

const ticketsSubject = (m: Messages, event: Event) => event.ticketEmailSubject ?? m.mail.ticketsSubject({ event: event.title });

async function composeTickets(deps: ServiceDeps, m: Messages, row: OutboxEmail, kind: TicketsEmailModel["kind"], event: Event, tickets: TicketWithTier[], extra: { recipientName: string; reference: string | null; total: string | null }): Promise<OutgoingEmail | null> {
  // Codes go out only for tickets that admit, by the same rule as the door and the ticket page.
  const valid = tickets.filter((t) => admits(ticketStatus({ ticketStatus: t.status, orderStatus: t.order.status, eventStatus: event.status })));
  if (!valid.length) return null;
  const { emailTickets, attachments } = await ticketParts(deps, m, valid);
  const rendered = ticketsEmail({ words: m.mail, kind, subject: ticketsSubject(m, event), event: emailEvent(deps, event), tickets: emailTickets, ...extra });
  const ics = eventIcs(event, { url: `${deps.origin}/events/${event.slug}`, words: m.ics, ...(valid.length === 1 ? { ticketName: valid[0]!.attendeeName } : {}) });
  attachments.push({ filename: "event.ics", content: ics, contentType: "text/calendar; charset=utf-8; method=PUBLISH" });
  return { to: row.recipient, ...rendered, attachments };
}

/** A message in the notice layout (a heading, paragraphs, an action), with no attachments. */
function notice(row: OutboxEmail, m: Messages, model: Omit<Parameters<typeof noticeEmail>[0], "words">): OutgoingEmail {
  return { to: row.recipient, attachments: [], ...noticeEmail({ words: m.mail, ...model }) };
}

/**
 * Builds the message for an outbox row from the database as it is now (so a ticket cancelled
 * before the mail went out is not sent). Returns null when nothing is left to send. Its words
 * come from `m`, the catalogue of the reader's language.
 */
export async function composeEmail(deps: ServiceDeps, row: OutboxEmail, m: Messages): Promise<OutgoingEmail | null> {
  const data = JSON.parse(row.data) as { orderId?: string; ticketId?: string; eventId?: string; email?: string; amountMinor?: number };

  if (row.template === "sign_in_link") {
    const link = data as { url: string; name?: string; minutes: number };
    return notice(row, m, {
      subject: m.mail.signIn.subject,
      heading: m.mail.signIn.heading,
      recipientName: link.name || m.mail.anyone,
      paragraphs: [m.mail.signIn.body({ minutes: link.minutes }), m.mail.signIn.ignore],
      action: { label: m.mail.signIn.action, url: link.url },
      footer: m.mail.signIn.footer,
    });
  }

  if (row.template === "tickets_again") {
    const email = data.email!;
    const event = await findEventForEmail(deps.db, data.eventId!);
    const tickets = await findValidTicketsOf(deps.db, event.id, email);
    return composeTickets(deps, m, row, "tickets_again", event, tickets, { recipientName: m.mail.anyone, reference: null, total: null });
  }

  const order = await findOrderWithTickets(deps.db, data.orderId!);
  if (!order) return null;
  const event = order.event;
  const tickets = order.tickets.map((t) => ({ ...t, order: { status: order.status, reference: order.reference } }));
  /** A notice about this order to its buyer: addressed by name, with the event in the footer. */
  const orderNotice = (model: Omit<Parameters<typeof notice>[2], "recipientName" | "footer">) =>
    notice(row, m, { ...model, recipientName: order.buyerName, footer: m.mail.aboutEvent({ event: event.title }) });
  switch (row.template) {
    case "order_confirmation":
      return composeTickets(deps, m, row, "order_confirmation", event, tickets, {
        recipientName: order.buyerName,
        reference: order.reference,
        total: order.totalMinor ? formatMoney(order.totalMinor, order.currency) : null,
      });
    case "attendee_ticket": {
      const ticket = tickets.filter((t) => t.id === data.ticketId);
      return composeTickets(deps, m, row, "attendee_ticket", event, ticket, { recipientName: ticket[0]?.attendeeName ?? m.mail.anyone, reference: order.reference, total: null });
    }
    case "late_payment_refunded":
      return orderNotice({
        subject: m.mail.lateRefunded.subject({ event: event.title }),
        heading: m.mail.lateRefunded.heading,
        paragraphs: [
          m.mail.lateRefunded.body({ amount: { minor: data.amountMinor ?? order.totalMinor, currency: order.currency }, event: event.title, reference: order.reference }),
          m.mail.lateRefunded.again,
        ],
        action: { label: m.mail.registerAgain, url: `${deps.origin}/events/${event.slug}` },
      });
    case "refund_issued":
      return orderNotice({
        subject: m.mail.refunded.subject({ event: event.title }),
        heading: m.mail.refunded.heading,
        paragraphs: [
          m.mail.refunded.body({ amount: { minor: data.amountMinor ?? 0, currency: order.currency }, reference: order.reference }),
          order.tickets.some((t) => t.status === "valid") ? m.mail.refunded.ticketsStillValid : m.mail.refunded.ticketsCancelled,
        ],
      });
    case "payment_failed":
      return orderNotice({
        subject: m.mail.paymentFailed.subject({ event: event.title }),
        heading: m.mail.paymentFailed.heading,
        paragraphs: [m.mail.paymentFailed.body({ reference: order.reference }), m.mail.paymentFailed.again],
        action: { label: m.mail.registerAgain, url: `${deps.origin}/events/${event.slug}/register?from=${order.id}` },
      });
    case "order_cancelled":
      return orderNotice({
        subject: m.mail.cancelledByOrganiser.subject({ event: event.title }),
        heading: m.mail.cancelledByOrganiser.heading,
        paragraphs: [
          m.mail.cancelledByOrganiser.body({ amount: { minor: order.totalMinor, currency: order.currency }, event: event.title, reference: order.reference }),
          // Said from the order as it is when the mail goes out: a refund made meanwhile has its own email.
          order.refundedMinor === 0 ? m.mail.cancelledByOrganiser.notRefunded : m.mail.cancelledByOrganiser.contact,
        ],
      });
    default:
      throw new Error(`unknown_email_template:${row.template}`);
  }
}
