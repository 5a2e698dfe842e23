import { noticeEmail } from "@emails/notice";
import { ticketsEmail, type TicketsEmailModel } from "@emails/tickets";
import type { EmailEvent, EmailTicket } from "@emails/types";
import type { Event, OutboxEmail, Ticket, TicketType } from "@/generated/prisma/client";
import { formatDate, formatMoney, formatTime, formatZone } from "@/lib/format";
import type { ServiceDeps } from "@/domain/deps";
import { eventIcs } from "@/domain/tickets/ics";
import { qrPng } from "@/domain/tickets/qr";
import { signTicketCode } from "@/domain/tickets/signing";
import { proofNote } from "@/domain/tickets/ticket-view";

export type Attachment = { filename: string; content: Uint8Array | string; contentType: string; contentId?: string };

/** A message ready for any transport. */
export type OutgoingEmail = { to: string; subject: string; html: string; text: string; attachments: Attachment[] };

type TicketWithTier = Ticket & { ticketType: TicketType };

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

/** Tickets with their signed codes, as inline QR PNG attachments. */
async function ticketParts(deps: ServiceDeps, tickets: TicketWithTier[]) {
  const emailTickets: EmailTicket[] = [];
  const attachments: Attachment[] = [];
  for (const ticket of tickets) {
    const code = await signTicketCode(deps.config, { eventId: ticket.eventId, ticketId: ticket.id, ticketTypeId: ticket.ticketTypeId });
    const contentId = `qr-${ticket.id}`;
    attachments.push({ filename: `ticket-${ticket.id}.png`, content: await qrPng(code), contentType: "image/png", contentId });
    emailTickets.push({
      id: ticket.id,
      attendeeName: ticket.attendeeName,
      tierName: ticket.ticketType.name,
      proofNote: proofNote(ticket.ticketType),
      pageUrl: `${deps.origin}/tickets/${ticket.token}`,
      qrContentId: contentId,
      code,
    });
  }
  return { emailTickets, attachments };
}

const ticketsSubject = (event: Event) => event.ticketEmailSubject ?? `Your tickets for ${event.title}`;

async function composeTickets(deps: ServiceDeps, row: OutboxEmail, kind: TicketsEmailModel["kind"], event: Event, tickets: TicketWithTier[], extra: { recipientName: string; reference: string | null; total: string | null }): Promise<OutgoingEmail | null> {
  const valid = tickets.filter((t) => t.status === "valid");
  if (!valid.length) return null;
  const { emailTickets, attachments } = await ticketParts(deps, valid);
  const rendered = ticketsEmail({ kind, subject: ticketsSubject(event), event: emailEvent(deps, event), tickets: emailTickets, ...extra });
  const ics = eventIcs(event, { url: `${deps.origin}/events/${event.slug}`, ...(valid.length === 1 ? { ticketName: valid[0]!.attendeeName } : {}) });
  attachments.push({ filename: "event.ics", content: ics, contentType: "text/calendar; charset=utf-8; method=PUBLISH" });
  return { to: row.recipient, ...rendered, attachments };
}

/**
 * Builds the message for an outbox row from the database as it is now (so a ticket cancelled
 * before the mail went out is not sent). Returns null when nothing is left to send.
 */
export async function composeEmail(deps: ServiceDeps, row: OutboxEmail): Promise<OutgoingEmail | null> {
  const data = JSON.parse(row.data) as { orderId?: string; ticketId?: string; eventId?: string; email?: string; amountMinor?: number };
  const include = { event: true, tickets: { include: { ticketType: true }, orderBy: { createdAt: "asc" as const } } };

  if (row.template === "sign_in_link") {
    const link = data as { url: string; name?: string; minutes: number };
    return {
      to: row.recipient,
      attachments: [],
      ...noticeEmail({
        subject: "Your sign-in link",
        heading: "Sign in to the organiser pages",
        recipientName: link.name || "there",
        paragraphs: [
          `Use the button below to sign in. The link works once, for the next ${link.minutes} minutes.`,
          "If you did not ask to sign in, you can ignore this email: nobody can sign in without the link.",
        ],
        action: { label: "Sign in", url: link.url },
        footer: "You receive this because someone asked for a sign-in link for this address.",
      }),
    };
  }

  if (row.template === "tickets_again") {
    const email = data.email!;
    const event = await deps.db.event.findUniqueOrThrow({ where: { id: data.eventId! } });
    const tickets = await deps.db.ticket.findMany({
      where: { eventId: event.id, status: "valid", OR: [{ attendeeEmail: { equals: email } }, { order: { buyerEmail: { equals: email } } }] },
      include: { ticketType: true },
      orderBy: { createdAt: "asc" },
    });
    return composeTickets(deps, row, "tickets_again", event, tickets, { recipientName: "there", reference: null, total: null });
  }

  const order = await deps.db.order.findUniqueOrThrow({ where: { id: data.orderId! }, include });
  const event = order.event;
  switch (row.template) {
    case "order_confirmation":
      return composeTickets(deps, row, "order_confirmation", event, order.tickets, {
        recipientName: order.buyerName,
        reference: order.reference,
        total: order.totalMinor ? formatMoney(order.totalMinor, order.currency) : null,
      });
    case "attendee_ticket": {
      const ticket = order.tickets.filter((t) => t.id === data.ticketId);
      return composeTickets(deps, row, "attendee_ticket", event, ticket, { recipientName: ticket[0]?.attendeeName ?? "there", reference: order.reference, total: null });
    }
    case "late_payment_refunded":
      return {
        to: row.recipient,
        attachments: [],
        ...noticeEmail({
          subject: `Your payment for ${event.title} has been refunded`,
          heading: "Your payment has been refunded",
          recipientName: order.buyerName,
          footer: `About ${event.title}. Reply to this email to reach the organisers.`,
          paragraphs: [
            `Your payment of ${formatMoney(data.amountMinor ?? order.totalMinor, order.currency)} for ${event.title} (order ${order.reference}) arrived after the places we were holding for you had been released, so we have refunded it in full. Refunds usually reach your card within 5 to 10 days.`,
            "If places are still available, you are welcome to register again.",
          ],
          action: { label: "Register again", url: `${deps.origin}/events/${event.slug}` },
        }),
      };
    case "refund_issued":
      return {
        to: row.recipient,
        attachments: [],
        ...noticeEmail({
          subject: `Refund for ${event.title}`,
          heading: "We have refunded you",
          recipientName: order.buyerName,
          footer: `About ${event.title}. Reply to this email to reach the organisers.`,
          paragraphs: [
            `We have refunded ${formatMoney(data.amountMinor ?? 0, order.currency)} for order ${order.reference}. Refunds usually reach your card within 5 to 10 days.`,
            order.tickets.some((t) => t.status === "valid")
              ? "Your remaining tickets are still valid."
              : "The tickets on this order have been cancelled.",
          ],
        }),
      };
    case "payment_failed":
      return {
        to: row.recipient,
        attachments: [],
        ...noticeEmail({
          subject: `Your payment for ${event.title} did not go through`,
          heading: "Your payment did not go through",
          recipientName: order.buyerName,
          footer: `About ${event.title}. Reply to this email to reach the organisers.`,
          paragraphs: [
            `Your bank did not complete the payment for order ${order.reference}, so the places we were holding have been released and nothing has been charged.`,
            "You can register again with another payment method.",
          ],
          action: { label: "Register again", url: `${deps.origin}/events/${event.slug}/register?from=${order.id}` },
        }),
      };
    default:
      throw new Error(`unknown email template ${row.template}`);
  }
}
