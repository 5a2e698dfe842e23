import type { AppEnv } from "@/env";

/**
 * Absolute URL on this site: PUBLIC_URL when set, else the request's own origin. Takes what it
 * reads (the config and the request URL), so any route's context will do.
 */
export function absoluteUrl(c: { var: Pick<AppEnv["Variables"], "config">; req: { url: string } }, path: string): string {
  const base = c.var.config.publicUrl ?? new URL(c.req.url).origin;
  return `${base}${path}`;
}
