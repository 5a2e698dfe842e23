import { formatPriceRange } from "@/lib/format";
import type { EventView } from "@/domain/events/public-event";
import { Badge, EventWhen } from "@/web/public/event-parts";
import { Layout } from "@/web/shared/layout";

/** `/`: published events that have not ended, soonest first. */
export function EventListPage(props: { events: EventView[]; url: string }) {
  return (
    <Layout
      title="Upcoming events"
      description="Conferences and events you can register for: dates, venues and prices."
      url={props.url}
    >
      <h1>Upcoming events</h1>
      {props.events.length === 0 ? (
        <p>There are no events open at the moment. Please check back soon.</p>
      ) : (
        <ul class="event-list" role="list">
          {props.events.map((view) => {
            const { event } = view;
            const price = formatPriceRange(view.priceRange, event.currency);
            return (
              <li class="event-card">
                <article aria-labelledby={`event-${event.id}`}>
                  <h2 id={`event-${event.id}`}>
                    <a href={`/events/${event.slug}`}>{event.title}</a>
                  </h2>
                  <p class="event-when">
                    <EventWhen event={event} />
                  </p>
                  <p class="event-where">{event.venueName}</p>
                  {event.summary && <p>{event.summary}</p>}
                  <p class="event-price">
                    {price && <span>{price}</span>} {view.soldOut && <Badge kind="sold-out">Sold out</Badge>}
                  </p>
                </article>
              </li>
            );
          })}
        </ul>
      )}
    </Layout>
  );
}
