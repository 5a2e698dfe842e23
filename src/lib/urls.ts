import type { Context } from "hono";
import type { AppEnv } from "@/env";

/** Absolute URL on this site: PUBLIC_URL when set, else the request's own origin. */
export function absoluteUrl(c: Context<AppEnv>, path: string): string {
  const base = c.get("config").publicUrl ?? new URL(c.req.url).origin;
  return `${base}${path}`;
}
