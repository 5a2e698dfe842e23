import { Hono } from "hono";
import * as z from "zod";
import type { AppEnv } from "@/env";
import { validate } from "@/lib/validate";
import { requirePermission } from "@/web/middleware/auth";
import { messagesOf } from "@/web/shared/i18n";
import { exportAttendees } from "@/domain/exports/attendee-export";

const eventIdParam = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });
const mayExport = requirePermission("export_attendees");

/** The headers of an attendee-list download. Personal data: never cached on the way. */
export function downloadHeaders(file: { contentType: string; filename: string }) {
  return {
    "Content-Type": file.contentType,
    "Content-Disposition": `attachment; filename="${file.filename}"`,
    "Cache-Control": "private, no-store",
  };
}

/** Attendee lists of one event for organisers: CSV, and an XLSX workbook with the same values. */
export const adminExportRoutes = new Hono<AppEnv>()
  .get("/events/:id/attendees.csv", mayExport, validate("param", eventIdParam), async (c) => {
    const file = await exportAttendees(c.var.deps, { id: c.req.valid("param").id }, "csv", c.var.staff.id, messagesOf(c).exports);
    return c.body(file.body, 200, downloadHeaders(file));
  })
  .get("/events/:id/attendees.xlsx", mayExport, validate("param", eventIdParam), async (c) => {
    const file = await exportAttendees(c.var.deps, { id: c.req.valid("param").id }, "xlsx", c.var.staff.id, messagesOf(c).exports);
    return c.body(file.body, 200, downloadHeaders(file));
  });
