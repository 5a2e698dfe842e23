import { Hono } from "hono";
import { pingDatabase } from "@/db";
import type { AppEnv } from "@/env";

/** Liveness with a database round trip, for uptime checks. */
export const healthRoutes = new Hono<AppEnv>().get("/healthz", async (c) => {
  await pingDatabase(c.var.db);
  return c.json({ ok: true });
});
