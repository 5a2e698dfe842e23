import { Button, colors, EmailLayout, Heading } from "./layout";
import type { EmailEvent, EmailTicket, RenderedEmail } from "./types";

export type TicketsEmailModel = {
  kind: "order_confirmation" | "attendee_ticket" | "tickets_again";
  subject: string;
  recipientName: string;
  event: EmailEvent;
  tickets: EmailTicket[];
  reference: string | null;
  total: string | null;
};

function intro(model: TicketsEmailModel): string {
  const count = model.tickets.length === 1 ? "your ticket" : `your ${model.tickets.length} tickets`;
  if (model.kind === "attendee_ticket") return `You are registered for ${model.event.title}. Here is your ticket.`;
  if (model.kind === "tickets_again") return `As asked, here ${model.tickets.length === 1 ? "is" : "are"} ${count} for ${model.event.title} again.`;
  return `Thank you for registering for ${model.event.title}. Here ${model.tickets.length === 1 ? "is" : "are"} ${count}.`;
}

function EventFacts(props: { event: EmailEvent }) {
  const { event } = props;
  const row = (label: string, value: string) => (
    <tr>
      <td style={`padding:4px 12px 4px 0; color:${colors.muted}; vertical-align:top; white-space:nowrap;`}>{label}</td>
      <td style="padding:4px 0; vertical-align:top;">{value}</td>
    </tr>
  );
  return (
    <table role="presentation" cellpadding="0" cellspacing="0" style="margin:16px 0; font-size:15px;">
      {row("Date", event.date)}
      {event.doors && row("Doors open", event.doors)}
      {row("Starts", event.time)}
      {row("Venue", `${event.venueName}, ${event.venueAddress}`)}
    </table>
  );
}

function TicketBlock(props: { ticket: EmailTicket; index: number; count: number }) {
  const { ticket } = props;
  return (
    <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style={`margin:16px 0; border:1px solid ${colors.line}; border-radius:8px;`}>
      <tr>
        <td align="center" style="padding:16px;">
          <p style="margin:0; font-size:13px; color:#4a5360;">{props.count > 1 ? `Ticket ${props.index + 1} of ${props.count}` : "Ticket"}</p>
          <p style="margin:4px 0 0; font-size:20px; font-weight:bold;">{ticket.attendeeName}</p>
          <p style="margin:2px 0 12px;">{ticket.tierName}</p>
          <img src={`cid:${ticket.qrContentId}`} width="240" height="240" alt={`QR code for ${ticket.attendeeName}'s ticket`} style="display:block; width:240px; height:240px; border:0;" />
          {ticket.proofNote && <p style="margin:12px 0 0; font-weight:bold;">{ticket.proofNote}</p>}
          <p style="margin:12px 0 0;">
            <Button href={ticket.pageUrl}>Open this ticket</Button>
          </p>
        </td>
      </tr>
    </table>
  );
}

/** The ticket email: the buyer's (all tickets), an attendee's own, or "send my tickets again". */
export function ticketsEmail(model: TicketsEmailModel): RenderedEmail {
  const { event } = model;
  const html = (
    <EmailLayout
      title={model.subject}
      preheader={`${event.date}, ${event.venueName}. Show the QR code at the door.`}
      footer={`You receive this because you registered for ${event.title}. Reply to this email to reach the organisers.`}
    >
      <Heading>{model.kind === "tickets_again" ? "Your tickets" : "You're registered"}</Heading>
      <p style="margin:0 0 8px;">Hello {model.recipientName},</p>
      <p style="margin:0 0 8px;">{intro(model)} Show the QR code at the door, on your phone or printed.</p>
      <h2 style="margin:20px 0 0; font-size:18px;">{event.title}</h2>
      <EventFacts event={event} />
      {model.tickets.map((ticket, index) => (
        <TicketBlock ticket={ticket} index={index} count={model.tickets.length} />
      ))}
      {model.reference && (
        <p style={`margin:16px 0 0; color:${colors.muted}; font-size:14px;`}>
          Order reference {model.reference}
          {model.total ? ` · Total paid ${model.total}` : ""}. The calendar file attached adds the event to your diary.
        </p>
      )}
    </EmailLayout>
  ).toString();

  const lines = [
    `Hello ${model.recipientName},`,
    "",
    `${intro(model)} Show the QR code at the door, on your phone or printed.`,
    "",
    event.title,
    `Date: ${event.date}`,
    ...(event.doors ? [`Doors open: ${event.doors}`] : []),
    `Starts: ${event.time}`,
    `Venue: ${event.venueName}, ${event.venueAddress}`,
    "",
    ...model.tickets.flatMap((t, i) => [
      `${model.tickets.length > 1 ? `Ticket ${i + 1}: ` : "Ticket: "}${t.attendeeName}, ${t.tierName}`,
      ...(t.proofNote ? [t.proofNote] : []),
      `Open it (with its QR code): ${t.pageUrl}`,
      "",
    ]),
    ...(model.reference ? [`Order reference: ${model.reference}${model.total ? `. Total paid: ${model.total}` : ""}.`, ""] : []),
    "Reply to this email to reach the organisers.",
  ];
  return { subject: model.subject, html, text: lines.join("\n") };
}
