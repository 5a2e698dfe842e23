import { Hono } from "hono";
import { csrf } from "hono/csrf";
import * as z from "zod";
import type { AppEnv } from "@/env";
import { renderMarkdown } from "@/lib/markdown";
import { slugParam } from "@/lib/schemas";
import { cached } from "@/lib/micro-cache";
import { absoluteUrl } from "@/lib/urls";
import { validate } from "@/lib/validate";
import { getPublicEvent, listUpcomingEvents } from "@/domain/events/public-event";
import { requestTicketsAgain } from "@/domain/tickets/tickets-again";
import { preferLanguage } from "@/web/shared/i18n";
import { NoticePage } from "@/web/shared/notice-page";
import { EventListPage } from "@/web/public/event-list";
import { EventPage } from "@/web/public/event-page";

/** Pages for attendees: the list of events and each event's page. */
export const publicRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const html = await cached(`${c.var.deps.origin} / ${c.var.locale}`, c.var.config.publicCacheSeconds, async () =>
      String(<EventListPage events={await listUpcomingEvents(c.var.deps.d1, new Date())} url={absoluteUrl(c, "/")} />),
    );
    return c.html(html);
  })
  .get("/events/:slug", validate("param", slugParam), async (c) => {
    const { slug } = c.req.valid("param");
    // A reader who named no language gets the event's main one, so that is its own cache entry.
    const language = c.var.localeChosen ? c.var.locale : "main";
    const html = await cached(`${c.var.deps.origin} /events/${slug} ${language}`, c.var.config.publicCacheSeconds, async () => {
      const now = new Date();
      const view = await getPublicEvent(c.var.deps.d1, slug, now);
      preferLanguage(c, view.event.mainLanguage);
      return String(<EventPage view={view} descriptionHtml={renderMarkdown(view.event.description)} url={absoluteUrl(c, `/events/${slug}`)} now={now} />);
    });
    return c.html(html);
  })
  // "Email me my tickets again": the same answer whether or not the address has tickets.
  .post(
    "/events/:slug/tickets-again",
    csrf(),
    validate("param", slugParam),
    validate("form", z.object({ email: z.string().trim().max(254).pipe(z.email("Enter an email address in the form name@example.org.")) })),
    async (c) => {
      const { slug } = c.req.valid("param");
      await requestTicketsAgain(c.var.deps, slug, c.req.valid("form").email, c.req.header("cf-connecting-ip") ?? "local");
      return c.html(
        <NoticePage
          title="Check your inbox"
          message="If that address has tickets for this event, we have sent them to it again. They should arrive within a few minutes; check your spam folder too."
          back={{ href: `/events/${slug}`, label: "Back to the event" }}
        />,
      );
    },
  );
