import { Hono } from "hono";
import type { AppEnv } from "@/env";
import { renderMarkdown } from "@/lib/markdown";
import { slugParam } from "@/lib/schemas";
import { absoluteUrl } from "@/lib/urls";
import { validate } from "@/lib/validate";
import { getPublicEvent, listUpcomingEvents } from "@/services/events";
import { EventListPage } from "@/views/event-list";
import { EventPage } from "@/views/event-page";

/** Pages for attendees: the list of events and each event's page. */
export const publicRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const events = await listUpcomingEvents(c.var.db, new Date());
    return c.html(<EventListPage events={events} url={absoluteUrl(c, "/")} />);
  })
  .get("/events/:slug", validate("param", slugParam), async (c) => {
    const { slug } = c.req.valid("param");
    const now = new Date();
    const view = await getPublicEvent(c.var.db, slug, now);
    return c.html(
      <EventPage
        view={view}
        descriptionHtml={renderMarkdown(view.event.description)}
        url={absoluteUrl(c, `/events/${slug}`)}
        now={now}
      />,
    );
  });
