import { Button, colors, EmailLayout, Heading } from "./layout";
import type { EmailEvent, EmailTicket, MailWords, RenderedEmail } from "./types";

export type TicketsEmailModel = {
  words: MailWords;
  /** The catalogue's BCP 47 tag, for `<html lang>`. */
  lang: string;
  kind: "order_confirmation" | "attendee_ticket" | "tickets_again";
  subject: string;
  recipientName: string;
  event: EmailEvent;
  tickets: EmailTicket[];
  reference: string | null;
  total: string | null;
  /** The order's receipt page, on the buyer's confirmation: its link's words and address. */
  receipt?: { label: string; line: string; url: string } | null;
};

const intro = (model: TicketsEmailModel) => model.words.tickets.intro({ kind: model.kind, event: model.event.title, count: model.tickets.length });

export function EventFacts(props: { event: EmailEvent; words: MailWords["tickets"] }) {
  const { event } = props;
  const { facts } = props.words;
  const row = (label: string, value: string) => (
    <tr>
      <td style={`padding:4px 12px 4px 0; color:${colors.muted}; vertical-align:top; white-space:nowrap;`}>{label}</td>
      <td style="padding:4px 0; vertical-align:top;">{value}</td>
    </tr>
  );
  return (
    <table role="presentation" cellpadding="0" cellspacing="0" style="margin:16px 0; font-size:15px;">
      {row(facts.date, event.date)}
      {event.doors && row(facts.doors, event.doors)}
      {row(facts.starts, event.time)}
      {row(facts.venue, `${event.venueName}, ${event.venueAddress}`)}
    </table>
  );
}

export function TicketBlock(props: { ticket: EmailTicket; index: number; count: number; words: MailWords["tickets"] }) {
  const { ticket, words } = props;
  return (
    <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style={`margin:16px 0; border:1px solid ${colors.line}; border-radius:8px;`}>
      <tr>
        <td align="center" style="padding:16px;">
          <p style="margin:0; font-size:13px; color:#4a5360;">{props.count > 1 ? words.ticketOf({ index: props.index + 1, count: props.count }) : words.ticket}</p>
          <p style="margin:4px 0 0; font-size:20px; font-weight:bold;">{ticket.attendeeName}</p>
          <p style="margin:2px 0 12px;">{ticket.tierName}</p>
          <img src={`cid:${ticket.qrContentId}`} width="240" height="240" alt={words.qrAlt({ name: ticket.attendeeName })} style="display:block; width:240px; height:240px; border:0;" />
          <p style="margin:8px 0 0; font-size:14px;">{words.typedCode({ code: ticket.shortCode })}</p>
          {ticket.proofNote && <p style="margin:12px 0 0; font-weight:bold;">{ticket.proofNote}</p>}
          <p style="margin:12px 0 0;">
            <Button href={ticket.pageUrl}>{words.open}</Button>
          </p>
          {ticket.manage && (
            <p style="margin:8px 0 0; font-size:14px;">
              <a href={ticket.manage.url}>{ticket.manage.label}</a>
            </p>
          )}
        </td>
      </tr>
    </table>
  );
}

/** The ticket email: the buyer's (all tickets), an attendee's own, or "send my tickets again". */
export function ticketsEmail(model: TicketsEmailModel): RenderedEmail {
  const { event } = model;
  const words = model.words.tickets;
  const html = (
    <EmailLayout
      lang={model.lang}
      title={model.subject}
      preheader={words.preheader({ date: event.date, venue: event.venueName })}
      footer={words.footer({ event: event.title })}
    >
      <Heading>{model.kind === "tickets_again" ? words.headingAgain : words.headingRegistered}</Heading>
      <p style="margin:0 0 8px;">{model.words.greeting({ name: model.recipientName })}</p>
      <p style="margin:0 0 8px;">
        {intro(model)} {words.showAtDoor}
      </p>
      <h2 style="margin:20px 0 0; font-size:18px;">{event.title}</h2>
      <EventFacts event={event} words={words} />
      {model.tickets.map((ticket, index) => (
        <TicketBlock ticket={ticket} index={index} count={model.tickets.length} words={words} />
      ))}
      {model.reference && (
        <p style={`margin:16px 0 0; color:${colors.muted}; font-size:14px;`}>{words.reference({ reference: model.reference, total: model.total })}</p>
      )}
      {model.receipt && (
        <p style="margin:8px 0 0; font-size:14px;">
          <a href={model.receipt.url} style={`color:${colors.accent};`}>
            {model.receipt.label}
          </a>
        </p>
      )}
    </EmailLayout>
  ).toString();

  const fact = (label: string, value: string) => words.fact({ label, value });
  const lines = [
    model.words.greeting({ name: model.recipientName }),
    "",
    `${intro(model)} ${words.showAtDoor}`,
    "",
    event.title,
    fact(words.facts.date, event.date),
    ...(event.doors ? [fact(words.facts.doors, event.doors)] : []),
    fact(words.facts.starts, event.time),
    fact(words.facts.venue, `${event.venueName}, ${event.venueAddress}`),
    "",
    ...model.tickets.flatMap((t, i) => [
      words.ticketLine({ index: model.tickets.length > 1 ? i + 1 : null, name: t.attendeeName, tier: t.tierName }),
      words.typedCode({ code: t.shortCode }),
      ...(t.proofNote ? [t.proofNote] : []),
      words.openLine({ url: t.pageUrl }),
      ...(t.manage ? [model.words.actionLine(t.manage)] : []),
      "",
    ]),
    ...(model.reference ? [words.referenceLine({ reference: model.reference, total: model.total }), ""] : []),
    ...(model.receipt ? [model.receipt.line, ""] : []),
    words.replyToReach,
  ];
  return { subject: model.subject, html, text: lines.join("\n") };
}
