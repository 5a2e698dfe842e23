import { Hono } from "hono";
import type { AppEnv } from "@/env";
import { slugParam } from "@/lib/schemas";
import { validate } from "@/lib/validate";
import { requirePermission } from "@/web/middleware/auth";
import { exportAttendees } from "@/domain/exports/attendee-export";
import { downloadHeaders, exportQuery, exportWords } from "@/web/admin/exports";

/**
 * Attendee lists over the API, for organisers' own tools: an API token
 * (`Authorization: Bearer …`) or a session, with the export_attendees permission. The columns
 * keep their stable English headings unless `?headers=translated` asks for the caller's
 * language (`?lang=` or Accept-Language).
 */
export const apiExportRoutes = new Hono<AppEnv>().get(
  "/events/:slug/attendees.csv",
  requirePermission("export_attendees"),
  validate("param", slugParam),
  validate("query", exportQuery),
  async (c) => {
    const words = exportWords(c, c.req.valid("query").headers);
    const file = await exportAttendees(c.var.deps, { slug: c.req.valid("param").slug }, "csv", c.var.staff.id, words);
    return c.body(file.body, 200, downloadHeaders(file));
  },
);
