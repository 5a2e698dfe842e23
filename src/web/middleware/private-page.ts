import { createMiddleware } from "hono/factory";
import type { AppEnv } from "@/env";

/**
 * For pages whose URL is their only key (tickets, an order's page with every ticket link):
 * nothing may be cached, indexed or sent on as a referrer. Runs for error pages too.
 */
export const privatePage = createMiddleware<AppEnv>(async function privatePage(c, next) {
  await next();
  c.res.headers.set("Cache-Control", "private, no-store");
  c.res.headers.set("Referrer-Policy", "no-referrer");
  c.res.headers.set("X-Robots-Tag", "noindex, nofollow");
});
