import { Button, colors, EmailLayout, Heading } from "./layout";
import { EventFacts, TicketBlock } from "./tickets";
import type { EmailEvent, EmailTicket, MailWords, RenderedEmail } from "./types";

type ReminderWords = import("@/i18n/messages").Messages["reminders"]["email"];

export type ReminderEmailModel = {
  words: MailWords;
  reminder: ReminderWords;
  /** The catalogue's BCP 47 tag, for `<html lang>`. */
  lang: string;
  recipientName: string;
  event: EmailEvent;
  /** A map search for the venue's address. */
  mapUrl: string;
  tickets: EmailTicket[];
  /** The organisers' preview of it: a note above everything else saying what it is, and its subject marked. */
  preview?: { note: string; subject: (subject: string) => string };
};

/** What to bring: the tickets, and each proof the door will ask for, once. */
const bringList = (model: ReminderEmailModel) => [model.reminder.bringTickets({ count: model.tickets.length }), ...new Set(model.tickets.flatMap((t) => (t.proofNote ? [t.proofNote] : [])))];

/**
 * The reminder a set time before the start: the event's times and venue (with a map link),
 * what to bring, and the tickets again with their QR codes (the ticket email's own parts).
 */
export function reminderEmail(model: ReminderEmailModel): RenderedEmail {
  const { event, reminder } = model;
  const tickets = model.words.tickets;
  const subject = ((plain) => (model.preview ? model.preview.subject(plain) : plain))(reminder.subject({ event: event.title }));
  const note = model.preview?.note;
  const intro = reminder.intro({ event: event.title, date: event.date, count: model.tickets.length });
  const bring = bringList(model);
  const html = (
    <EmailLayout lang={model.lang} title={subject} preheader={reminder.preheader({ date: event.date, time: event.time, venue: event.venueName })} footer={reminder.footer({ event: event.title })}>
      {note && <p style={`margin:0 0 16px; padding:12px; border:2px dashed ${colors.muted};`}>{note}</p>}
      <Heading>{reminder.heading}</Heading>
      <p style="margin:0 0 8px;">{model.words.greeting({ name: model.recipientName })}</p>
      <p style="margin:0 0 8px;">{intro}</p>
      <h2 style="margin:20px 0 0; font-size:18px;">{event.title}</h2>
      <EventFacts event={event} words={tickets} />
      <p style="margin:0 0 16px;">
        <Button href={model.mapUrl}>{reminder.map}</Button>
      </p>
      <h2 style="margin:20px 0 0; font-size:18px;">{reminder.bringHeading}</h2>
      <ul style="margin:8px 0 16px; padding-left:20px;">
        {bring.map((item) => (
          <li>{item}</li>
        ))}
      </ul>
      {model.tickets.map((ticket, index) => (
        <TicketBlock ticket={ticket} index={index} count={model.tickets.length} words={tickets} />
      ))}
    </EmailLayout>
  ).toString();

  const fact = (label: string, value: string) => tickets.fact({ label, value });
  const lines = [
    ...(note ? [note, ""] : []),
    model.words.greeting({ name: model.recipientName }),
    "",
    intro,
    "",
    event.title,
    fact(tickets.facts.date, event.date),
    ...(event.doors ? [fact(tickets.facts.doors, event.doors)] : []),
    fact(tickets.facts.starts, event.time),
    fact(tickets.facts.venue, `${event.venueName}, ${event.venueAddress}`),
    reminder.mapLine({ url: model.mapUrl }),
    "",
    reminder.bringHeading,
    ...bring.map((item) => `- ${item}`),
    "",
    ...model.tickets.flatMap((t, i) => [
      tickets.ticketLine({ index: model.tickets.length > 1 ? i + 1 : null, name: t.attendeeName, tier: t.tierName }),
      tickets.typedCode({ code: t.shortCode }),
      tickets.openLine({ url: t.pageUrl }),
      "",
    ]),
    reminder.footer({ event: event.title }),
  ];
  return { subject, html, text: lines.join("\n") };
}
