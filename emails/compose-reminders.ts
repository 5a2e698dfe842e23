import { reminderEmail, type ReminderEmailModel } from "@emails/reminder";
import { noticeEmail } from "@emails/notice";
import { emailEvent, speaking, ticketParts, type Speaking, type TicketWithTier } from "@emails/compose";
import type { EmailTicket } from "@emails/types";
import type { Event, OutboxEmail } from "@/generated/prisma/client";
import type { ServiceDeps } from "@/domain/deps";
import type { OutgoingEmail } from "@/domain/mail/message";
import { eventInLanguage, tierInLanguage } from "@/domain/events/translations";
import { findEventWithTiers } from "@/domain/events/repo";
import { ORGANISATION_ZONE } from "@/domain/reminders/notifications";
import { summaryFigures } from "@/domain/reminders/repo";
import { mapSearchUrl } from "@/domain/reminders/map";
import { admits, ticketStatus } from "@/domain/tickets/status";

/**
 * The reminder before the day, as things are when it goes out: only tickets that still admit
 * (by tickets/status.ts), and nothing once the event has started. Null when nothing is left.
 */
export async function composeReminder(
  deps: ServiceDeps,
  speaks: Speaking,
  row: OutboxEmail,
  event: Event,
  tickets: TicketWithTier[],
  recipientName: string,
  numbers?: ReadonlyMap<string, number>,
): Promise<OutgoingEmail | null> {
  if (deps.now() >= event.startsAt) return null;
  const valid = tickets.filter((t) => admits(ticketStatus({ ticketStatus: t.status, orderStatus: t.order.status, eventStatus: event.status })));
  if (!valid.length) return null;
  const { emailTickets, attachments } = await ticketParts(deps, speaks, event.mainLanguage, valid, numbers);
  return { to: row.recipient, ...reminderFor(deps, speaks, event, emailTickets, recipientName), attachments };
}

/**
 * The reminder's words for an event and its tickets, in `speaks`'s language: the one rendering
 * of the real reminders and the organisers' preview (`preview` marks it as one).
 */
export function reminderFor(deps: ServiceDeps, speaks: Speaking, event: Event, tickets: EmailTicket[], recipientName: string, preview?: ReminderEmailModel["preview"]) {
  const { m, lang } = speaks;
  const local = eventInLanguage(event, lang);
  return reminderEmail({
    words: m.mail,
    reminder: m.reminders.email,
    lang: m.locale,
    recipientName,
    event: emailEvent(deps, m, local),
    mapUrl: mapSearchUrl(local.venueName, local.venueAddress),
    tickets,
    ...(preview ? { preview } : {}),
  });
}

/**
 * A daily sales summary or a sold-out alert to one organiser, in their language (the one they
 * last asked for a sign-in link in), else the event's main language, with the figures as they
 * are when it goes out.
 * Null once the event is no longer published (a summary also once it has ended).
 */
export async function composeOrganiserNotice(deps: ServiceDeps, row: OutboxEmail): Promise<OutgoingEmail | null> {
  const data = JSON.parse(row.data) as { eventId: string; tierId?: string | null; date?: string; from?: string; to?: string; name?: string; language?: string | null };
  const event = await findEventWithTiers(deps.d1, data.eventId);
  if (!event || event.status !== "published") return null;
  const { m, lang } = speaking(data.language ?? event.mainLanguage);
  const words = m.reminders;
  const local = eventInLanguage(event, lang);
  const tierName = (tier: (typeof event.ticketTypes)[number]) => tierInLanguage(tier, lang, event.mainLanguage).name;
  const dashboard = { label: words.summary.action, url: `${deps.origin}/admin/events/${event.id}` };
  const base = { words: m.mail, lang: m.locale, recipientName: data.name || m.mail.anyone };
  if (row.template === "daily_summary") {
    if (deps.now() >= event.endsAt) return null;
    const figures = await summaryFigures(deps.d1, event.id, { from: new Date(data.from!), to: new Date(data.to!) });
    const date = m.format.date(new Date(data.to!), ORGANISATION_ZONE);
    const paragraphs = [
      words.summary.sold({ sold: event.soldCount, capacity: event.capacity }),
      words.summary.held({ held: event.heldCount }),
      words.summary.revenue({ amount: m.format.money(figures.revenueMinor, event.currency) }),
      words.summary.since({ count: figures.soldSince }),
      [words.summary.tiersHeading, ...event.ticketTypes.map((t) => words.summary.tierLine({ tier: tierName(t), sold: t.soldCount, quota: t.quota }))].join("\n"),
    ];
    const subject = words.summary.subject({ event: local.title, date });
    return { to: row.recipient, attachments: [], ...noticeEmail({ ...base, subject, heading: words.summary.heading({ event: local.title }), paragraphs, action: dashboard, footer: words.summary.footer({ event: local.title }) }) };
  }
  const tier = data.tierId ? event.ticketTypes.find((t) => t.id === data.tierId) : undefined;
  if (data.tierId && !tier) return null;
  const s = words.soldOut;
  const model = tier
    ? { subject: s.subjectTier({ event: local.title, tier: tierName(tier) }), heading: s.headingTier({ tier: tierName(tier) }), body: s.bodyTier({ event: local.title, tier: tierName(tier), quota: tier.quota ?? tier.soldCount }) }
    : { subject: s.subjectEvent({ event: local.title }), heading: s.headingEvent, body: s.bodyEvent({ event: local.title, capacity: event.capacity ?? event.soldCount }) };
  return {
    to: row.recipient,
    attachments: [],
    ...noticeEmail({ ...base, subject: model.subject, heading: model.heading, paragraphs: [model.body, s.next], action: { label: s.action, url: dashboard.url }, footer: s.footer({ event: local.title }) }),
  };
}
