import { Hono } from "hono";
import { pingDatabase } from "@/domain/health/repo";
import type { AppEnv } from "@/env";

/** Liveness with a database round trip, for uptime checks. */
export const healthRoutes = new Hono<AppEnv>().get("/healthz", async (c) => {
  await pingDatabase(c.var.deps.d1);
  return c.json({ ok: true });
});
