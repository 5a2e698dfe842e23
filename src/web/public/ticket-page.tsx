import { raw } from "hono/html";
import { proofNote, type TicketView } from "@/domain/tickets/ticket-view";
import { EventWhen, TimeFact } from "@/web/public/event-parts";
import { Layout } from "@/web/shared/layout";
import type { Messages } from "@/i18n";

/** Why a ticket has no QR code, in words, with what to do next. */
function StateNotice(props: { ticket: TicketView }) {
  switch (props.ticket.state) {
    case "valid":
      return null;
    case "unpaid":
      return (
        <div class="notice notice-pending">
          <h2>Payment not confirmed yet</h2>
          <p>
            This ticket gets its QR code as soon as your payment is confirmed, usually within a minute. We email it to you then; you can also reload this
            page.
          </p>
        </div>
      );
    case "event_cancelled":
      return (
        <div class="notice notice-cancelled">
          <h2>This event has been cancelled</h2>
          <p>The organisers have cancelled the event, so this ticket can no longer be used. Reply to your ticket email if you have a question.</p>
        </div>
      );
    case "expired":
      return (
        <div class="notice notice-cancelled">
          <h2>This order was not paid in time</h2>
          <p>The seats were held for a while and then released, so this ticket cannot be used. You can register again from the event page.</p>
        </div>
      );
    case "refunded":
      return (
        <div class="notice notice-cancelled">
          <h2>This ticket has been refunded</h2>
          <p>Its order was refunded, so it can no longer be used to enter the event. Reply to your ticket email if you have a question.</p>
        </div>
      );
    case "cancelled":
      return (
        <div class="notice notice-cancelled">
          <h2>This ticket has been cancelled</h2>
          <p>It can no longer be used to enter the event. If you think this is a mistake, reply to your ticket email and the organisers will help.</p>
        </div>
      );
  }
}

/**
 * One attendee's ticket: the QR code to show at the door (valid tickets only), the event
 * details and what to bring. The URL is the ticket's secret, so the page is never cached or indexed.
 */
export function TicketPage(props: { m: Messages; ticket: TicketView; qrSvg: string | null; paths: { calendar: string; png: string } }) {
  const { ticket, qrSvg } = props;
  const { event, ticketType, order } = ticket;
  const tz = event.timezone;
  const note = ticket.state === "valid" || ticket.state === "unpaid" ? proofNote(ticketType) : null;
  const proof = note && props.m.tickets.proofNote[note];
  return (
    <Layout title={`Ticket: ${event.title}`} noindex>
      {/* Backs up the Referrer-Policy header: the address of this page must not leak. */}
      <meta name="referrer" content="no-referrer" />
      <div class="ticket" data-ticket-status={ticket.state}>
        <h1>{event.title}</h1>
        <p class="ticket-lead">
          Ticket for <strong>{ticket.attendeeName}</strong> · {ticketType.name}
        </p>
        <StateNotice ticket={ticket} />
        {ticket.code && qrSvg && (
          <figure class="ticket-qr">
            {raw(qrSvg)}
            <figcaption>Show this code at the entrance, on your phone or printed.</figcaption>
          </figure>
        )}
        {proof && (
          <p class="notice notice-proof">
            <strong>{proof}</strong>
          </p>
        )}
        <h2>Details</h2>
        <dl class="facts ticket-facts">
          <dt>Name</dt>
          <dd>{ticket.attendeeName}</dd>
          <dt>Ticket</dt>
          <dd>{ticketType.name}</dd>
          <dt>When</dt>
          <dd>
            <EventWhen event={event} />
          </dd>
          {event.doorsOpenAt && <TimeFact label="Doors open" at={event.doorsOpenAt} timeZone={tz} />}
          <dt>Where</dt>
          <dd>
            <address class="venue">
              {event.venueName}
              <br />
              {event.venueAddress}
            </address>
          </dd>
          <dt>Order reference</dt>
          <dd>
            <strong class="reference">{order.reference}</strong>
          </dd>
        </dl>
        {ticket.shortCode && (
          <p class="ticket-code">
            {props.m.tickets.typedCode} <code class="reference">{ticket.shortCode}</code>
          </p>
        )}
        <ul class="ticket-actions no-print">
          {(ticket.state === "valid" || ticket.state === "unpaid") && (
            <li>
              <a href={props.paths.calendar} download>
                Add to calendar
              </a>
            </li>
          )}
          {ticket.code && (
            <li>
              <a href={props.paths.png}>QR code as an image</a>
            </li>
          )}
          <li>
            <a href={`/events/${event.slug}`}>Event page</a>
          </li>
        </ul>
      </div>
    </Layout>
  );
}
