import { prismaFor } from "@/dev/db";
import { Hono } from "hono";
import { demoStaff, demoTokens, seedDemo } from "@/dev/demo-seed";
import type { AppEnv } from "@/env";
import { devMailRoutes } from "@/dev/mail-routes";
import { DomainError } from "@/domain/errors";

/**
 * Development helpers (seeding the demo data). Every path under /dev answers 404 when
 * ENVIRONMENT=production.
 */
export const devRoutes = new Hono<AppEnv>()
  .use(async (c, next) => {
    if (c.var.config.environment === "production") throw new DomainError("not_found", { what: "dev_tool" });
    await next();
  })
  .post("/seed", async (c) => {
    const db = prismaFor(c.env.DB);
    const seeded = await seedDemo(db, new Date());
    const event = await db.event.findFirst({ where: { status: "published" }, orderBy: { startsAt: "asc" } });
    return c.json({ seeded, event: event && { slug: event.slug, title: event.title }, staff: demoStaff, tokens: demoTokens });
  })
  .route("/", devMailRoutes);
