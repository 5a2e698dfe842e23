import { createMiddleware } from "hono/factory";
import type { AppEnv } from "@/env";

/**
 * For pages whose URL is their only key (tickets, an order's page with every ticket link):
 * nothing may be cached, indexed or sent on as a referrer. Runs for error pages too.
 */
export const privatePage = createMiddleware<AppEnv>(async function privatePage(c, next) {
  await next();
  keepPrivate(c.res.headers);
});

/** The headers of such a page, for one answered privately only in some cases (see privatePage). */
export function keepPrivate(headers: Headers): void {
  headers.set("Cache-Control", "private, no-store");
  headers.set("Referrer-Policy", "no-referrer");
  headers.set("X-Robots-Tag", "noindex, nofollow");
}
