import { Hono } from "hono";
import type { AppEnv } from "@/env";
import { authRoutes } from "@/routes/admin/auth";
import { adminEventRoutes } from "@/routes/admin/events";
import { adminExportRoutes } from "@/routes/admin/exports";
import { adminMemberRoutes } from "@/routes/admin/members";
import { adminOrderRoutes } from "@/routes/admin/orders";
import { adminStaffRoutes } from "@/routes/admin/staff";

/**
 * The organiser pages under /admin. Every route but signing in checks the caller's role with
 * requirePermission; test/worker/roles.test.ts walks every route with every role.
 */
export const adminRoutes = new Hono<AppEnv>()
  .route("/", authRoutes)
  .route("/", adminEventRoutes)
  .route("/", adminMemberRoutes)
  .route("/", adminExportRoutes)
  .route("/", adminOrderRoutes)
  .route("/", adminStaffRoutes);
