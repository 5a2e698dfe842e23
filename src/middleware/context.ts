import { createMiddleware } from "hono/factory";
import { loadConfig } from "@/config";
import { prismaFor } from "@/db";
import type { AppEnv } from "@/env";

/** Parses the configuration and opens the database client for the request. */
export const appContext = () =>
  createMiddleware<AppEnv>(async function appContext(c, next) {
    c.set("config", loadConfig(c.env));
    c.set("db", prismaFor(c.env.DB));
    await next();
  });
