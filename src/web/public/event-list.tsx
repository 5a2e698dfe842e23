import type { LocalizedEventView } from "@/domain/events/public-event";
import { Badge, EventWhen } from "@/web/public/event-parts";
import { useMessages } from "@/web/shared/i18n";
import { InLanguage } from "@/web/shared/in-language";
import { Layout } from "@/web/shared/layout";

/** `/`: published events that have not ended, soonest first, with their texts in the reader's language. */
export function EventListPage(props: { events: LocalizedEventView[]; url: string }) {
  const m = useMessages();
  const words = m.public.eventList;
  return (
    <Layout title={words.title} description={words.description} url={props.url}>
      <h1>{words.title}</h1>
      {props.events.length === 0 ? (
        <p>{words.none}</p>
      ) : (
        <ul class="event-list" role="list">
          {props.events.map((view) => {
            const { event } = view;
            const lang = event.textLang;
            const price = m.format.priceRange(view.priceRange, event.currency);
            return (
              <li class="event-card">
                <article aria-labelledby={`event-${event.id}`}>
                  <h2 id={`event-${event.id}`}>
                    <a href={`/events/${event.slug}`}>
                      <InLanguage lang={lang.title}>{event.title}</InLanguage>
                    </a>
                  </h2>
                  <p class="event-when">
                    <EventWhen event={event} />
                  </p>
                  <p class="event-where">
                    <InLanguage lang={lang.venueName}>{event.venueName}</InLanguage>
                  </p>
                  {event.summary && (
                    <p>
                      <InLanguage lang={lang.summary}>{event.summary}</InLanguage>
                    </p>
                  )}
                  <p class="event-price">
                    {price && <span>{price}</span>} {view.soldOut && <Badge kind="sold-out">{m.public.badges.soldOut}</Badge>} {view.soldOut && view.waitlistOpen && <Badge kind="info">{m.waitlistPublic.eventPage.listOpen}</Badge>}
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
