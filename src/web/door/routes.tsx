import { Hono, type Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "@/env";
import { slugParam } from "@/lib/schemas";
import { validate } from "@/lib/validate";
import { requirePermission } from "@/web/middleware/auth";
import { doorEventPage, doorEvents } from "@/domain/checkin/access";
import { DoorEventsPage } from "@/web/door/door-events-page";
import { ScannerPage } from "@/web/door/scanner-page";

const checkIn = requirePermission("check_in");

/** Door pages hold a CSRF token: only the browser may keep them, and it must ask again each time. */
const noSharedCache = createMiddleware<AppEnv>(async function noSharedCache(c, next) {
  await next();
  c.res.headers.set("Cache-Control", "private, no-cache");
});

/** Who is scanning, and the CSRF token their script sends back (API tokens cannot open pages). */
const who = (c: Context<AppEnv>) => ({ staff: c.var.staff!, csrfToken: c.var.auth?.method === "session" ? c.var.auth.csrfToken : "" });

/**
 * The door scanner's pages: `/door` lists the events this person may scan for, `/door/:slug`
 * is the scanner (its script, service worker and manifest are static files). The pages carry
 * the session's CSRF token, so they are never stored by shared caches; the service worker
 * keeps its own copy for offline use.
 */
export const doorRoutes = new Hono<AppEnv>()
  .use("/door", noSharedCache, checkIn)
  .use("/door/*", noSharedCache, checkIn)
  .get("/door", async (c) => {
    const events = await doorEvents(c.var.deps, c.var.staff!);
    return c.html(<DoorEventsPage {...who(c)} events={events} />);
  })
  .get("/door/:slug", validate("param", slugParam), async (c) => {
    const event = await doorEventPage(c.var.deps, c.var.staff!, c.req.valid("param").slug);
    return c.html(<ScannerPage {...who(c)} event={event} />);
  });

