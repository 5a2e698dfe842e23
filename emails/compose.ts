import { noticeEmail } from "@emails/notice";
import { selfServiceNotice } from "@emails/self-service";
import { composeAttendeeMessage } from "@emails/compose-message";
import { ticketsEmail, type TicketsEmailModel } from "@emails/tickets";
import type { EmailEvent, EmailTicket } from "@emails/types";
import type { Event, OutboxEmail, Ticket, TicketType } from "@/generated/prisma/client";
import type { ServiceDeps } from "@/domain/deps";
import type { Attachment, OutgoingEmail, ReadForMail } from "@/domain/mail/message";
import { findEventForEmail } from "@/domain/mail/repo";
import { readOrderForEmail } from "@/domain/orders/repo";
import { findValidTicketsOf, ticketNumbersOf } from "@/domain/tickets/repo";
import { formatShortCode } from "@/domain/tickets/short-code";
import { eventIcs } from "@/domain/tickets/ics";
import { qrPng } from "@/domain/tickets/qr";
import { signTicketCode } from "@/domain/tickets/signing";
import { admits, ticketStatus } from "@/domain/tickets/status";
import { proofNote } from "@/domain/tickets/ticket-view";
import { eventInLanguage, tierInLanguage, type LocalizedEvent } from "@/domain/events/translations";
import { erasureDate } from "@/domain/privacy/retention";
import { localeFrom, messagesFor, type Locale } from "@/i18n";
import type { Messages } from "@/i18n/messages";
import { composeOrganiserNotice, composeReminder } from "@emails/compose-reminders";
import { composeReminderPreview } from "@emails/compose-reminder-preview";
import { composeWaitlistEmail } from "@emails/compose-waitlist";

export type { Attachment, OutgoingEmail } from "@/domain/mail/message";

/** A ticket with its tier, and its order's status (tickets/status needs it). */
export type TicketWithTier = Ticket & { ticketType: TicketType; order: { status: string; reference: string } };

/** One email's language: its catalogue, and the tag the organisers' texts are looked up by. */
export type Speaking = { lang: Locale; m: Messages };
export const speaking = (language: string | null | undefined): Speaking => {
  const lang = localeFrom(language) ?? "en";
  return { lang, m: messagesFor(lang) };
};

export function emailEvent(deps: ServiceDeps, m: Messages, event: LocalizedEvent): EmailEvent {
  const tz = event.timezone;
  return {
    title: event.title,
    date: m.format.date(event.startsAt, tz),
    time: `${m.format.time(event.startsAt, tz)} ${m.format.zone(event.startsAt, tz)}`,
    doors: event.doorsOpenAt ? m.format.time(event.doorsOpenAt, tz) : null,
    venueName: event.venueName,
    venueAddress: event.venueAddress,
    url: `${deps.origin}/events/${event.slug}`,
  };
}

/**
 * Tickets with their signed codes, as inline QR PNG attachments, and their short codes.
 * `known` numbers (tickets/repo ticketNumbersOf) save reading them, when they are of every ticket's order.
 */
export async function ticketParts(deps: ServiceDeps, { m, lang }: Speaking, mainLang: string, tickets: TicketWithTier[], known?: ReadonlyMap<string, number>) {
  const emailTickets: EmailTicket[] = [];
  const attachments: Attachment[] = [];
  const numbers = new Map<string, number>(known);
  if (!tickets.every((t) => numbers.has(t.id))) {
    for (const orderId of new Set(tickets.map((t) => t.orderId))) for (const [id, n] of await ticketNumbersOf(deps.d1, orderId)) numbers.set(id, n);
  }
  for (const ticket of tickets) {
    const code = await signTicketCode(deps.config, { eventId: ticket.eventId, ticketId: ticket.id, ticketTypeId: ticket.ticketTypeId });
    const contentId = `qr-${ticket.id}`;
    attachments.push({ filename: `ticket-${ticket.id}.png`, content: await qrPng(code), contentType: "image/png", contentId });
    emailTickets.push({
      id: ticket.id,
      attendeeName: ticket.attendeeName,
      tierName: tierInLanguage(ticket.ticketType, lang, mainLang).name,
      proofNote: ((note) => (note ? m.tickets.proofNote[note] : null))(proofNote(ticket.ticketType)),
      pageUrl: `${deps.origin}/tickets/${ticket.token}`,
      manage: { label: m.selfService.email.manageLink, url: `${deps.origin}/tickets/${ticket.token}#manage` },
      qrContentId: contentId,
      code,
      shortCode: formatShortCode(ticket.order.reference, numbers.get(ticket.id) ?? 0),
    });
  }
  return { emailTickets, attachments };
}

const ticketsSubject = (m: Messages, event: LocalizedEvent) => event.ticketEmailSubject ?? m.mail.ticketsSubject({ event: event.title });

async function composeTickets(
  deps: ServiceDeps,
  speaks: Speaking,
  row: OutboxEmail,
  kind: TicketsEmailModel["kind"],
  event: Event,
  tickets: TicketWithTier[],
  extra: { recipientName: string; reference: string | null; total: string | null; receipt?: TicketsEmailModel["receipt"] },
  numbers?: ReadonlyMap<string, number>,
): Promise<OutgoingEmail | null> {
  // Codes go out only for tickets that admit, by the same rule as the door and the ticket page.
  const valid = tickets.filter((t) => admits(ticketStatus({ ticketStatus: t.status, orderStatus: t.order.status, eventStatus: event.status })));
  if (!valid.length) return null;
  const { m, lang } = speaks;
  const local = eventInLanguage(event, lang);
  const { emailTickets, attachments } = await ticketParts(deps, speaks, event.mainLanguage, valid, numbers);
  const rendered = ticketsEmail({ words: m.mail, lang: m.locale, kind, subject: ticketsSubject(m, local), event: emailEvent(deps, m, local), tickets: emailTickets, ...extra });
  const ics = eventIcs(local, { url: `${deps.origin}/events/${event.slug}`, words: m.ics, format: m.format, ...(valid.length === 1 ? { ticketName: valid[0]!.attendeeName } : {}) });
  attachments.push({ filename: "event.ics", content: ics, contentType: "text/calendar; charset=utf-8; method=PUBLISH" });
  return { to: row.recipient, ...rendered, attachments };
}

/** What the buyer paid, for the ticket email, with the voucher and what it took off when one did (null: free). */
function orderTotal(m: Messages, order: { totalMinor: number; discountMinor: number; currency: string; voucherCode?: string | null }): string | null {
  if (!order.totalMinor && !order.discountMinor) return null;
  const total = m.format.money(order.totalMinor, order.currency);
  if (!order.discountMinor || !order.voucherCode) return total;
  return m.waitlistMail.discounts.totalWithDiscount({ total, code: order.voucherCode, amount: m.format.amount(order.discountMinor, order.currency) });
}

/** The link to an order's receipt, for the buyer's ticket email. */
function receiptLink(deps: ServiceDeps, m: Messages, orderId: string) {
  const url = `${deps.origin}/orders/${orderId}/receipt`;
  return { label: m.correspondence.receipt.link, line: m.correspondence.receipt.linkLine({ url }), url };
}

/** A message in the notice layout (a heading, paragraphs, an action), with no attachments. */
function notice(row: OutboxEmail, m: Messages, model: Omit<Parameters<typeof noticeEmail>[0], "words" | "lang">): OutgoingEmail {
  return { to: row.recipient, attachments: [], ...noticeEmail({ words: m.mail, lang: m.locale, ...model }) };
}

/** The organisers' week's notice before an event's personal data is erased, in its main language. */
async function retentionReminder(deps: ServiceDeps, row: OutboxEmail, eventId: string): Promise<OutgoingEmail | null> {
  const event = await findEventForEmail(deps.d1, eventId);
  if (event.personalDataErasedAt) return null;
  const { m, lang } = speaking(event.mainLanguage);
  const w = m.privacy.reminder;
  const title = eventInLanguage(event, lang).title;
  return notice(row, m, {
    subject: w.subject({ event: title }),
    heading: w.heading,
    recipientName: m.mail.anyone,
    paragraphs: [w.body({ event: title, date: m.format.date(erasureDate(event), event.timezone) }), w.download, w.noUndo],
    action: { label: w.action, url: `${deps.origin}/admin/events/${event.id}/attendees.csv` },
    footer: w.footer,
  });
}

/**
 * Builds the message for an outbox row from the database as it is now (so a ticket cancelled
 * before the mail went out is not sent). Returns null when nothing is left to send. Each
 * message speaks its recipient's language: an order's mail the buyer's (Order.language), an
 * attendee's own ticket theirs (Ticket.language, else the buyer's), a sign-in link the
 * language it was asked for in (`language` in the row's data). The organisers' texts come in
 * that language where they wrote one.
 */
export async function composeEmail(deps: ServiceDeps, row: OutboxEmail, read?: ReadForMail): Promise<OutgoingEmail | null> {
  const data = JSON.parse(row.data) as { orderId?: string; ticketId?: string; eventId?: string; email?: string; amountMinor?: number; language?: string; messageId?: string; name?: string };

  if (row.template === "sign_in_link") {
    const link = data as { url: string; name?: string; minutes: number };
    const { m } = speaking(data.language);
    return notice(row, m, {
      subject: m.mail.signIn.subject,
      heading: m.mail.signIn.heading,
      recipientName: link.name || m.mail.anyone,
      paragraphs: [m.mail.signIn.body({ minutes: link.minutes }), m.mail.signIn.ignore],
      action: { label: m.mail.signIn.action, url: link.url },
      footer: m.mail.signIn.footer,
    });
  }

  if (row.template === "daily_summary" || row.template === "sold_out") return composeOrganiserNotice(deps, row);
  if (row.template === "reminder_preview") return composeReminderPreview(deps, row);
  if (row.template === "waitlist_joined" || row.template === "waitlist_offer") return composeWaitlistEmail(deps, row);
  if (row.template === "retention_reminder") return retentionReminder(deps, row, data.eventId!);

  if (row.template === "tickets_again") {
    const email = data.email!;
    const event = await findEventForEmail(deps.d1, data.eventId!);
    const tickets = await findValidTicketsOf(deps.d1, event.id, email);
    // The language of the first order they are in: the buyer's, or this attendee's own.
    const first = tickets[0];
    const speaks = speaking(first && (first.order.buyerEmail.toLowerCase() === email.toLowerCase() ? first.order.language : (first.language ?? first.order.language)));
    const { m } = speaks;
    return composeTickets(deps, speaks, row, "tickets_again", event, tickets, { recipientName: m.mail.anyone, reference: null, total: null });
  }

  // The sender read the order with the claim when it sent this order's mail; else it is read now.
  const order = read && read.orderId === data.orderId ? read.order : await readOrderForEmail(deps.d1, data.orderId!);
  if (!order) return null;
  const tickets = order.tickets.map((t) => ({ ...t, order: { status: order.status, reference: order.reference } }));
  const speaks = speaking(order.language);
  const { m } = speaks;
  const event = eventInLanguage(order.event, speaks.lang);
  /** A notice about this order to its buyer: addressed by name, with the event in the footer. */
  const orderNotice = (model: Omit<Parameters<typeof notice>[2], "recipientName" | "footer">) =>
    notice(row, m, { ...model, recipientName: order.buyerName, footer: m.mail.aboutEvent({ event: event.title }) });
  switch (row.template) {
    case "order_confirmation":
      return composeTickets(deps, speaks, row, "order_confirmation", order.event, tickets, {
        recipientName: order.buyerName,
        reference: order.reference,
        total: orderTotal(m, order),
        receipt: receiptLink(deps, m, order.id),
      }, order.ticketNumbers);
    case "attendee_ticket": {
      const ticket = tickets.filter((t) => t.id === data.ticketId);
      const own = speaking(ticket[0]?.language ?? order.language);
      return composeTickets(deps, own, row, "attendee_ticket", order.event, ticket, { recipientName: ticket[0]?.attendeeName ?? own.m.mail.anyone, reference: order.reference, total: null }, order.ticketNumbers);
    }
    case "event_reminder": {
      // The buyer's has every ticket of the order; an attendee's own, theirs, in their language.
      const mine = data.ticketId ? tickets.filter((t) => t.id === data.ticketId) : tickets;
      const own = data.ticketId ? speaking(mine[0]?.language ?? order.language) : speaks;
      return composeReminder(deps, own, row, order.event, mine, data.ticketId ? (mine[0]?.attendeeName ?? own.m.mail.anyone) : order.buyerName, order.ticketNumbers);
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
    case "self_service_change": {
      const model = selfServiceNotice(m, event.title, order.currency, data as Parameters<typeof selfServiceNotice>[3]);
      return model && orderNotice(model);
    }
    case "attendee_message":
      return composeAttendeeMessage(deps, row, data, order);
    default:
      throw new Error(`unknown_email_template:${row.template}`);
  }
}
