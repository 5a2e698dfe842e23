import { raw } from "hono/html";
import { proofNote, type TicketView } from "@/domain/tickets/ticket-view";
import { EventWhen, TimeFact } from "@/web/public/event-parts";
import { Layout } from "@/web/shared/layout";
import type { Messages } from "@/i18n";
import { eventInLanguage, tierInLanguage } from "@/domain/events/translations";
import { rich } from "@/web/public/rich";
import { useLocale, useMessages } from "@/web/shared/i18n";
import { InLanguage } from "@/web/shared/in-language";
import { SelfServiceNotice, SelfServicePanel, type PanelState } from "@/web/public/self-service-panel";

/** Why a ticket has no QR code, in words, with what to do next. */
function StateNotice(props: { ticket: TicketView }) {
  const states = useMessages().public.ticket.states;
  const state = props.ticket.state;
  if (state === "valid") return null;
  const words = states[state];
  return (
    <div class={state === "unpaid" ? "notice notice-pending" : "notice notice-cancelled"}>
      <h2>{words.heading}</h2>
      <p>{words.body}</p>
    </div>
  );
}

/**
 * One attendee's ticket: the QR code to show at the door (valid tickets only), the event
 * details and what to bring. The URL is the ticket's secret, so the page is never cached or indexed.
 */
export function TicketPage(props: { m: Messages; ticket: TicketView; qrSvg: string | null; paths: { calendar: string; png: string }; selfService?: PanelState | undefined }) {
  const { ticket, qrSvg } = props;
  const { order } = ticket;
  const words = props.m.public.ticket;
  const locale = useLocale();
  const event = eventInLanguage(ticket.event, locale);
  const ticketType = tierInLanguage(ticket.ticketType, locale, event.mainLanguage);
  const title = <InLanguage lang={event.textLang.title}>{event.title}</InLanguage>;
  const tierName = <InLanguage lang={ticketType.textLang.name}>{ticketType.name}</InLanguage>;
  const tz = event.timezone;
  const note = ticket.state === "valid" || ticket.state === "unpaid" ? proofNote(ticketType) : null;
  const proof = note && props.m.tickets.proofNote[note];
  return (
    <Layout title={words.title({ event: event.title })} noindex>
      {/* Backs up the Referrer-Policy header: the address of this page must not leak. */}
      <meta name="referrer" content="no-referrer" />
      <div class="ticket" data-ticket-status={ticket.state}>
        <h1>{title}</h1>
        <p class="ticket-lead">{rich(words.lead, { name: <strong>{ticket.attendeeName}</strong>, tier: tierName })}</p>
        <SelfServiceNotice currency={order.currency} />
        <StateNotice ticket={ticket} />
        {ticket.code && qrSvg && (
          <figure class="ticket-qr">
            {raw(qrSvg)}
            <figcaption>{words.showCode}</figcaption>
          </figure>
        )}
        {proof && (
          <p class="notice notice-proof">
            <strong>{proof}</strong>
          </p>
        )}
        <h2>{words.details}</h2>
        <dl class="facts ticket-facts">
          <dt>{words.name}</dt>
          <dd>{ticket.attendeeName}</dd>
          <dt>{words.ticket}</dt>
          <dd>{tierName}</dd>
          <dt>{words.when}</dt>
          <dd>
            <EventWhen event={event} />
          </dd>
          {event.doorsOpenAt && <TimeFact label={words.doorsOpen} at={event.doorsOpenAt} timeZone={tz} />}
          <dt>{words.where}</dt>
          <dd>
            <address class="venue">
              <InLanguage lang={event.textLang.venueName}>{event.venueName}</InLanguage>
              <br />
              <InLanguage lang={event.textLang.venueAddress}>{event.venueAddress}</InLanguage>
            </address>
          </dd>
          <dt>{words.reference}</dt>
          <dd>
            <strong class="reference">{order.reference}</strong>
          </dd>
        </dl>
        {ticket.shortCode && (
          <p class="ticket-code">
            {props.m.tickets.typedCode} <code class="reference">{ticket.shortCode}</code>
          </p>
        )}
        <SelfServicePanel token={ticket.token} attendeeName={ticket.attendeeName} valid={ticket.state === "valid"} checkedIn={!!ticket.checkedInAt} event={ticket.event} order={order} pricePaidMinor={ticket.pricePaidMinor} questionCount={ticket.questionCount} state={props.selfService} />
        <ul class="ticket-actions no-print">
          {(ticket.state === "valid" || ticket.state === "unpaid") && (
            <li>
              <a href={props.paths.calendar} download>
                {words.addToCalendar}
              </a>
            </li>
          )}
          {ticket.code && (
            <li>
              <a href={props.paths.png}>{words.qrImage}</a>
            </li>
          )}
          <li>
            <a href={`/events/${event.slug}`}>{words.eventPage}</a>
          </li>
        </ul>
      </div>
    </Layout>
  );
}
