import { Hono } from "hono";
import { csrf } from "hono/csrf";
import * as z from "zod";
import type { AppEnv } from "@/env";
import { renderMarkdown } from "@/lib/markdown";
import { slugParam } from "@/lib/schemas";
import { absoluteUrl } from "@/lib/urls";
import { validate } from "@/lib/validate";
import { getPublicEvent, getPublicEventWithVoucher, listUpcomingEvents, viewInLanguage } from "@/domain/events/public-event";
import { keepPrivate } from "@/web/middleware/private-page";
import { voucherQuery } from "@/web/public/buyer-extras";
import { requestTicketsAgain } from "@/domain/tickets/tickets-again";
import { publicCached } from "@/web/shared/edge-cache";
import { messagesOf, preferLanguage } from "@/web/shared/i18n";
import { NoticePage } from "@/web/shared/notice-page";
import { EventListPage } from "@/web/public/event-list";
import { EventPage } from "@/web/public/event-page";

const html = "text/html; charset=UTF-8";

/** Pages for attendees: the list of events and each event's page, served from the edge cache (web/shared/edge-cache.ts). */
export const publicRoutes = new Hono<AppEnv>()
  .get("/", (c) =>
    publicCached(c, "/", c.var.locale, async () => ({
      type: html,
      body: String(<EventListPage events={(await listUpcomingEvents(c.var.deps.d1, new Date())).map((view) => viewInLanguage(view, c.var.locale))} url={absoluteUrl(c, "/")} />),
    })),
  )
  .get("/events/:slug", validate("param", slugParam), async (c) => {
    const { slug } = c.req.valid("param");
    const code = voucherQuery(c.req.query("voucher"));
    if (code) {
      // A voucher's page is one reader's: never from nor into the edge cache.
      const now = new Date();
      const { view, look } = await getPublicEventWithVoucher(c.var.deps, slug, code, c.req.header("cf-connecting-ip") ?? "local", now);
      preferLanguage(c, view.event.mainLanguage);
      const localized = viewInLanguage(view, c.var.locale);
      const url = absoluteUrl(c, `/events/${slug}`);
      const res = await c.html(<EventPage view={localized} descriptionHtml={renderMarkdown(localized.event.description)} url={url} now={now} voucher={look} />);
      keepPrivate(res.headers);
      return res;
    }
    // A reader who named no language gets the event's main one, so that is its own cache entry.
    const language = c.var.localeChosen ? c.var.locale : "main";
    return publicCached(c, `/events/${slug}`, language, async () => {
      const now = new Date();
      const view = await getPublicEvent(c.var.deps.d1, slug, now);
      preferLanguage(c, view.event.mainLanguage);
      const localized = viewInLanguage(view, c.var.locale);
      return { type: html, body: String(<EventPage view={localized} descriptionHtml={renderMarkdown(localized.event.description)} url={absoluteUrl(c, `/events/${slug}`)} now={now} />) };
    });
  })
  // "Email me my tickets again": the same answer whether or not the address has tickets.
  .post(
    "/events/:slug/tickets-again",
    csrf(),
    validate("param", slugParam),
    validate("form", z.object({ email: z.string().trim().max(254).pipe(z.email("email_invalid")) })),
    async (c) => {
      const { slug } = c.req.valid("param");
      const words = messagesOf(c).public.ticketsAgain;
      await requestTicketsAgain(c.var.deps, slug, c.req.valid("form").email, c.req.header("cf-connecting-ip") ?? "local");
      return c.html(
        <NoticePage
          title={words.title}
          message={words.message}
          back={{ href: `/events/${slug}`, label: words.back }}
        />,
      );
    },
  );
