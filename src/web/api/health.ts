import { Hono } from "hono";
import type { AppEnv } from "@/env";

/** Liveness with a database round trip, for uptime checks. */
export const healthRoutes = new Hono<AppEnv>().get("/healthz", async (c) => {
  await c.var.db.$queryRaw`SELECT 1`;
  return c.json({ ok: true });
});
