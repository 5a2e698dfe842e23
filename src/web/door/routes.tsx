import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "@/env";
import { slugParam } from "@/lib/schemas";
import { validate } from "@/lib/validate";
import { requirePermission, signedIn } from "@/web/middleware/auth";
import { doorEventPage, doorEvents } from "@/domain/checkin/access";
import { DoorEventsPage } from "@/web/door/door-events-page";
import { ScannerPage } from "@/web/door/scanner-page";
import { doorManifest } from "@/web/door/manifest";
import { localeOf, messagesOf } from "@/web/shared/i18n";
import { eventInLanguage, tierInLanguage } from "@/domain/events/translations";

const checkIn = requirePermission("check_in");

/** Door pages hold a CSRF token: only the browser may keep them, and it must ask again each time. */
const noSharedCache = createMiddleware<AppEnv>(async function noSharedCache(c, next) {
  await next();
  c.res.headers.set("Cache-Control", "private, no-cache");
});

/**
 * The door scanner's pages: `/door` lists the events this person may scan for, `/door/:slug`
 * is the scanner (its script and service worker are static files), and
 * `/door/manifest.webmanifest?lang=…` the installable app's manifest in a language (public:
 * browsers fetch manifests without cookies, so the pages link it with their language). The pages carry
 * the session's CSRF token, so they are never stored by shared caches; the service worker
 * keeps its own copy for offline use.
 */
export const doorRoutes = new Hono<AppEnv>()
  .get("/door/manifest.webmanifest", (c) => {
    c.header("Cache-Control", "private, max-age=3600");
    c.header("Vary", "Accept-Language, Cookie");
    return c.body(JSON.stringify(doorManifest(messagesOf(c))), 200, { "Content-Type": "application/manifest+json; charset=utf-8" });
  })
  .get("/door", noSharedCache, checkIn, async (c) => {
    const events = await doorEvents(c.var.deps, c.var.staff);
    return c.html(<DoorEventsPage {...signedIn(c.var)} events={events} />);
  })
  .get("/door/:slug", noSharedCache, checkIn, validate("param", slugParam), async (c) => {
    const event = await doorEventPage(c.var.deps, c.var.staff, c.req.valid("param").slug);
    // The event's title and tier names in the door user's language, where the organisers wrote them.
    const lang = localeOf(c);
    const localized = { ...eventInLanguage(event, lang), ticketTypes: event.ticketTypes.map((tier) => tierInLanguage(tier, lang, event.mainLanguage)) };
    return c.html(<ScannerPage {...signedIn(c.var)} event={localized} />);
  });

