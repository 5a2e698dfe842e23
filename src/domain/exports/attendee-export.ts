// Attendee lists for organisers: one row per ticket of the orders that took money, as CSV or
// XLSX, streamed from D1 page by page so the Worker's memory stays flat however long the list.
import { audit } from "@/domain/staff/audit";
import type { ServiceDeps } from "@/domain/deps";
import { attendeeBatches, EXPORT_BATCH_SIZE, type ExportEvent, findExportEvent } from "@/domain/exports/repo";
import { attendeeCells, attendeeColumns, type ColumnWords } from "@/domain/exports/columns";
import { csvChunks } from "@/domain/exports/csv";
import { readableFrom } from "@/domain/exports/stream";
import { XLSX_CONTENT_TYPE, xlsxChunks } from "@/domain/exports/xlsx";

export type ExportFormat = "csv" | "xlsx";

/** The words an export shows: its sheet's name and its column headings (`Messages["exports"]`). */
export type ExportWords = ColumnWords & { sheet: string };

/** A download: its name, its media type and its bytes, produced as they are read. */
export type ExportFile = { filename: string; contentType: string; body: ReadableStream<Uint8Array> };

const contentTypes: Record<ExportFormat, string> = { csv: "text/csv; charset=utf-8", xlsx: XLSX_CONTENT_TYPE };

/** The chunks of an attendee list of `event` in `format`, without checks or audit: for tests and tools. */
export function attendeeListChunks(d1: D1Database, event: ExportEvent, format: ExportFormat, words: ExportWords, batchSize = EXPORT_BATCH_SIZE): AsyncGenerator<Uint8Array> {
  const batches = attendeeBatches(d1, event.id, batchSize);
  const cells = attendeeCells(event);
  const columns = attendeeColumns(words, event.timezone);
  if (format === "csv") return csvChunks(columns.map((c) => c.header), batches, cells);
  return xlsxChunks({ name: words.sheet, columns, batches, cells }, new Date());
}

/**
 * The attendee list of an event (by id or slug) for `staffId`. The event is looked up before
 * anything streams, so an unknown one is a clean not_found rather than a broken download, and
 * the export is recorded in the audit log: it is personal data leaving the system.
 */
export async function exportAttendees(
  deps: ServiceDeps,
  where: { id: string } | { slug: string },
  format: ExportFormat,
  staffId: string,
  words: ExportWords,
): Promise<ExportFile> {
  const event = await findExportEvent(deps, where);
  await audit(deps, { staffId, action: "exported_attendees", entity: "event", entityId: event.id, detail: { format } });
  const body = readableFrom(attendeeListChunks(deps.d1, event, format, words), (err) =>
    console.error(JSON.stringify({ level: "error", message: "attendee_export_failed", eventId: event.id, format, error: String(err) })),
  );
  return { filename: `${event.slug}-attendees.${format}`, contentType: contentTypes[format], body };
}
