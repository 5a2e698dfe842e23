import type { TicketType } from "@/generated/prisma/client";
import { formatDate, formatMoney, formatTime } from "@/lib/format";
import type { EventView } from "@/domain/events/public-event";
import { Badge, EventWhen, PlacesLeft, TimeFact, availabilityText } from "@/web/public/event-parts";
import { Layout } from "@/web/shared/layout";

/** Who a tier is for, in the words a buyer needs. */
export function eligibilityText(tier: Pick<TicketType, "eligibility" | "declarationText">): string {
  switch (tier.eligibility) {
    case "declaration":
      return tier.declarationText
        ? `You confirm: “${tier.declarationText}”. Bring proof to the door.`
        : "You confirm that you qualify. Bring proof to the door.";
    case "member_list":
      return "For members: we check your email or membership number against the members list.";
    case "access_code":
      return "Needs an access code from the organisers.";
    default:
      return "Open to everyone.";
  }
}

function StatusNotice(props: { view: EventView; now: Date }) {
  const { event } = props.view;
  if (event.status === "cancelled") {
    return (
      <p class="notice notice-cancelled" role="status">
        <Badge kind="cancelled">Cancelled</Badge> This event has been cancelled. Registration is closed; if you had a
        ticket, the organisers will contact you about a refund.
      </p>
    );
  }
  if (event.status === "archived" || props.now >= event.endsAt) {
    return (
      <p class="notice notice-past" role="status">
        <Badge kind="past">Past event</Badge> This event has taken place. Registration is closed.
      </p>
    );
  }
  if (props.view.soldOut) {
    return (
      <p class="notice notice-sold-out" role="status">
        <Badge kind="sold-out">Sold out</Badge> Every ticket has been taken.
      </p>
    );
  }
  return null;
}

/** `/events/:slug`: everything a visitor needs to decide and register. */
/** How many of a tier one order may take now (0 when it is not on sale). */
function maxChoice(view: EventView, tierView: EventView["tiers"][number]): number {
  if (tierView.state !== "on_sale") return 0;
  const limits = [view.event.maxPerOrder, tierView.tier.maxPerOrder, tierView.available].filter((n): n is number => n !== null);
  return Math.max(0, Math.min(...limits));
}

function QuantitySelect(props: { view: EventView; tierView: EventView["tiers"][number]; selected: number }) {
  const { tier } = props.tierView;
  const max = maxChoice(props.view, props.tierView);
  if (max === 0) return <span class="visually-hidden">Not available</span>;
  return (
    <>
      <label for={`qty-${tier.id}`} class="visually-hidden">
        Number of {tier.name} tickets
      </label>
      <select id={`qty-${tier.id}`} name={`qty.${tier.id}`}>
        {Array.from({ length: max + 1 }, (_, n) => (
          <option value={String(n)} selected={n === props.selected}>
            {n}
          </option>
        ))}
      </select>
    </>
  );
}

export function EventPage(props: {
  view: EventView;
  descriptionHtml: string;
  url: string;
  now: Date;
  /** Why the ticket choice came back (e.g. nothing chosen). */
  formError?: string;
  selected?: Record<string, number>;
}) {
  const { view } = props;
  const { event } = view;
  const tz = event.timezone;
  const mapUrl = `https://www.openstreetmap.org/search?query=${encodeURIComponent(event.venueAddress)}`;
  return (
    <Layout
      title={event.title}
      description={event.summary || `${formatDate(event.startsAt, tz)} at ${event.venueName}`}
      url={props.url}
      ogType="event"
    >
      <article class="event" aria-labelledby="event-title">
        <header class="event-header">
          <h1 id="event-title">{event.title}</h1>
          <p class="event-when">
            <EventWhen event={event} />
          </p>
          <p class="event-where">{event.venueName}</p>
          {event.summary && <p class="event-summary">{event.summary}</p>}
        </header>

        <StatusNotice view={view} now={props.now} />

        <section aria-labelledby="tickets-heading" class="tickets">
          <h2 id="tickets-heading">Tickets</h2>
          {props.formError && (
            <p class="error-message" role="alert" id="tickets-error">
              {props.formError}
            </p>
          )}
          {view.tiers.length === 0 ? (
            <p>Tickets are not available yet.</p>
          ) : (
            <form method="get" action={`/events/${event.slug}/register`} class="ticket-choice">
            <PlacesLeft view={view} />
            <table class="tier-table">
              <caption class="visually-hidden">Ticket types, who each is for, price and availability</caption>
              <thead>
                <tr>
                  <th scope="col">Ticket</th>
                  <th scope="col">Price</th>
                  <th scope="col">Availability</th>
                  {view.onSale && <th scope="col">Quantity</th>}
                </tr>
              </thead>
              <tbody>
                {view.tiers.map((tierView) => {
                  const { tier, quotaLeft, state } = tierView;
                  return (
                  <tr>
                    <th scope="row">
                      <span class="tier-name">{tier.name}</span>
                      {tier.description && <span class="tier-description">{tier.description}</span>}
                      <span class="tier-eligibility">{eligibilityText(tier)}</span>
                    </th>
                    <td class="tier-price">{formatMoney(tier.priceMinor, event.currency)}</td>
                    <td class={`tier-state tier-state-${state}`}>{availabilityText(state, quotaLeft)}</td>
                    {view.onSale && (
                      <td class="tier-quantity">
                        <QuantitySelect view={view} tierView={tierView} selected={props.selected?.[tier.id] ?? 0} />
                      </td>
                    )}
                  </tr>
                  );
                })}
              </tbody>
            </table>
            {view.onSale && (
              <button type="submit" class="button-primary">
                Continue
              </button>
            )}
            </form>
          )}
        </section>

        <section aria-labelledby="when-heading">
          <h2 id="when-heading">When</h2>
          <dl class="facts">
            <dt>Date</dt>
            <dd>{formatDate(event.startsAt, tz)}</dd>
            {event.doorsOpenAt && <TimeFact label="Doors open" at={event.doorsOpenAt} timeZone={tz} />}
            <TimeFact label="Starts" at={event.startsAt} timeZone={tz} />
            <TimeFact label="Ends" at={event.endsAt} timeZone={tz} />
          </dl>
        </section>

        <section aria-labelledby="where-heading">
          <h2 id="where-heading">Where</h2>
          <address class="venue">
            <strong>{event.venueName}</strong>
            <br />
            {event.venueAddress}
          </address>
          <p class="no-print">
            <a href={mapUrl} rel="noopener noreferrer">
              Open the venue in a map<span class="visually-hidden"> (OpenStreetMap)</span>
            </a>
          </p>
        </section>

        {props.descriptionHtml && (
          <section aria-labelledby="about-heading" class="description">
            <h2 id="about-heading">About this event</h2>
            <div dangerouslySetInnerHTML={{ __html: props.descriptionHtml }} />
          </section>
        )}

        {event.status !== "draft" && (
          <section aria-labelledby="again-heading" class="tickets-again no-print">
            <h2 id="again-heading">Already registered?</h2>
            <form method="post" action={`/events/${event.slug}/tickets-again`}>
              <label for="again-email">Email me my tickets again</label>
              <p class="hint" id="again-email-hint">
                Use the address you registered with, or the one given for you as an attendee.
              </p>
              <div class="inline-form">
                <input id="again-email" name="email" type="email" autocomplete="email" required aria-describedby="again-email-hint" />
                <button type="submit" class="button-secondary">
                  Send my tickets
                </button>
              </div>
            </form>
          </section>
        )}

        {view.agenda.length > 0 && (
          <section aria-labelledby="agenda-heading">
            <h2 id="agenda-heading">Programme</h2>
            <ol class="agenda" role="list">
              {view.agenda.map((item) => (
                <li>
                  <time datetime={item.startsAt.toISOString()}>{formatTime(item.startsAt, tz)}</time>
                  <div>
                    <span class="agenda-title">{item.title}</span>
                    {item.detail && <span class="agenda-detail">{item.detail}</span>}
                  </div>
                </li>
              ))}
            </ol>
          </section>
        )}
      </article>
    </Layout>
  );
}
