import { Hono } from "hono";
import type { AppEnv } from "@/env";
import { slugParam } from "@/lib/schemas";
import { validate } from "@/lib/validate";
import { requirePermission } from "@/web/middleware/auth";
import { exportAttendees } from "@/domain/exports/attendee-export";
import { downloadHeaders } from "@/web/admin/exports";
import { messagesOf } from "@/web/shared/i18n";

/**
 * Attendee lists over the API, for organisers' own tools: an API token
 * (`Authorization: Bearer …`) or a session, with the export_attendees permission.
 */
export const apiExportRoutes = new Hono<AppEnv>().get(
  "/events/:slug/attendees.csv",
  requirePermission("export_attendees"),
  validate("param", slugParam),
  async (c) => {
    const file = await exportAttendees(c.var.deps, { slug: c.req.valid("param").slug }, "csv", c.var.staff.id, messagesOf(c).exports);
    return c.body(file.body, 200, downloadHeaders(file));
  },
);
