import { reminderEmail } from "@emails/reminder";
import { emailEvent, ticketParts, type Speaking, type TicketWithTier } from "@emails/compose";
import type { Event, OutboxEmail } from "@/generated/prisma/client";
import type { ServiceDeps } from "@/domain/deps";
import type { OutgoingEmail } from "@/domain/mail/message";
import { eventInLanguage } from "@/domain/events/translations";
import { mapSearchUrl } from "@/domain/reminders/map";
import { admits, ticketStatus } from "@/domain/tickets/status";

/**
 * The reminder before the day, as things are when it goes out: only tickets that still admit
 * (by tickets/status.ts), and nothing once the event has started. Null when nothing is left.
 */
export async function composeReminder(deps: ServiceDeps, speaks: Speaking, row: OutboxEmail, event: Event, tickets: TicketWithTier[], recipientName: string): Promise<OutgoingEmail | null> {
  if (deps.now() >= event.startsAt) return null;
  const valid = tickets.filter((t) => admits(ticketStatus({ ticketStatus: t.status, orderStatus: t.order.status, eventStatus: event.status })));
  if (!valid.length) return null;
  const { m, lang } = speaks;
  const local = eventInLanguage(event, lang);
  const { emailTickets, attachments } = await ticketParts(deps, speaks, event.mainLanguage, valid);
  const rendered = reminderEmail({
    words: m.mail,
    reminder: m.reminders.email,
    lang: m.locale,
    recipientName,
    event: emailEvent(deps, m, local),
    mapUrl: mapSearchUrl(local.venueName, local.venueAddress),
    tickets: emailTickets,
  });
  return { to: row.recipient, ...rendered, attachments };
}
