import { Hono, type Context } from "hono";
import * as z from "zod";
import type { AppEnv } from "@/env";
import { validate } from "@/lib/validate";
import { requirePermission } from "@/web/middleware/auth";
import { messagesOf } from "@/web/shared/i18n";
import { exportAttendees, type ExportFormat } from "@/domain/exports/attendee-export";

const eventIdParam = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });

/**
 * Streams an event's attendee list as a download, for the staff member requirePermission let
 * through. Personal data: never cached on the way.
 */
export async function downloadAttendees(c: Context<AppEnv>, event: { id: string } | { slug: string }, format: ExportFormat) {
  const staff = c.get("staff");
  if (!staff) throw new Error("requirePermission must run before an export");
  const file = await exportAttendees(c.var.deps, event, format, staff.id, messagesOf(c).exports);
  return c.body(file.body, 200, {
    "Content-Type": file.contentType,
    "Content-Disposition": `attachment; filename="${file.filename}"`,
    "Cache-Control": "private, no-store",
  });
}

/** Attendee lists of one event for organisers: CSV, and an XLSX workbook with the same values. */
export const adminExportRoutes = new Hono<AppEnv>()
  .get("/events/:id/attendees.csv", requirePermission("export_attendees"), validate("param", eventIdParam), async (c) =>
    downloadAttendees(c, { id: c.req.valid("param").id }, "csv"),
  )
  .get("/events/:id/attendees.xlsx", requirePermission("export_attendees"), validate("param", eventIdParam), async (c) =>
    downloadAttendees(c, { id: c.req.valid("param").id }, "xlsx"),
  );
