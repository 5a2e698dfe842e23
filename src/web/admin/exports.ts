import { Hono, type Context } from "hono";
import * as z from "zod";
import type { AppEnv } from "@/env";
import { defaultLocale, messagesFor } from "@/i18n";
import { validate } from "@/lib/validate";
import { requirePermission } from "@/web/middleware/auth";
import { messagesOf } from "@/web/shared/i18n";
import { exportAttendees, type ExportWords } from "@/domain/exports/attendee-export";
import { questionInLanguage } from "@/domain/questions/model";

const eventIdParam = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });
const mayExport = requirePermission("export_attendees");

/**
 * How an attendee list names its columns: `english` (the default) keeps the stable English
 * headings that spreadsheets and integrations are built on, whatever the reader's language;
 * `translated` names them in the reader's language.
 */
export const exportQuery = z.object({ headers: z.enum(["english", "translated"]).default("english") });

/** The words of an attendee list: stable English headings, or the reader's when asked for. */
export function exportWords(c: Context, headers: "english" | "translated"): ExportWords {
  if (headers !== "translated") return messagesFor(defaultLocale).exports;
  // A question's column is headed by the question, in the reader's language where written.
  const locale = (c.var as { locale?: string }).locale ?? defaultLocale;
  return { ...messagesOf(c).exports, questionHeader: (q, mainLanguage) => questionInLanguage(q, locale, mainLanguage).label };
}

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
  .get("/events/:id/attendees.csv", mayExport, validate("param", eventIdParam), validate("query", exportQuery), async (c) => {
    const words = exportWords(c, c.req.valid("query").headers);
    const file = await exportAttendees(c.var.deps, { id: c.req.valid("param").id }, "csv", c.var.staff.id, words);
    return c.body(file.body, 200, downloadHeaders(file));
  })
  .get("/events/:id/attendees.xlsx", mayExport, validate("param", eventIdParam), validate("query", exportQuery), async (c) => {
    const words = exportWords(c, c.req.valid("query").headers);
    const file = await exportAttendees(c.var.deps, { id: c.req.valid("param").id }, "xlsx", c.var.staff.id, words);
    return c.body(file.body, 200, downloadHeaders(file));
  });
