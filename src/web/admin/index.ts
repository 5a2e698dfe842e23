import { Hono } from "hono";
import type { AppEnv } from "@/env";
import { authRoutes } from "@/web/admin/auth/routes";
import { adminEventRoutes } from "@/web/admin/events/routes";
import { adminExportRoutes } from "@/web/admin/exports";
import { adminMemberRoutes } from "@/web/admin/members/routes";
import { adminOrderRoutes } from "@/web/admin/orders/routes";
import { adminQuestionRoutes } from "@/web/admin/questions/routes";
import { adminStaffRoutes } from "@/web/admin/staff/routes";
import { adminPrivacyRoutes } from "@/web/admin/privacy-routes";
import { adminSettingsRoutes } from "@/web/admin/settings/routes";
import { adminMessageRoutes } from "@/web/admin/messages/routes";
import { adminWaitlistRoutes } from "@/web/admin/waitlist/routes";
import { adminVoucherRoutes } from "@/web/admin/vouchers/routes";

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
  .route("/", adminStaffRoutes)
  .route("/", adminPrivacyRoutes)
  .route("/", adminSettingsRoutes)
  .route("/", adminMessageRoutes)
  .route("/", adminQuestionRoutes)
  .route("/", adminWaitlistRoutes)
  .route("/", adminVoucherRoutes);
