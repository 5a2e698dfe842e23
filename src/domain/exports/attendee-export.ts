// Attendee lists for organisers: one row per ticket of the orders that took money, as CSV or
// XLSX, streamed from D1 page by page so the Worker's memory stays flat however long the list.
import { audit } from "@/domain/staff/audit";
import type { ServiceDeps } from "@/domain/deps";
import { attendeeBatches, EXPORT_BATCH_SIZE, type ExportEvent, findExportEvent } from "@/domain/exports/repo";
import { attendeeCells, attendeeColumns, type Cell, type ColumnWords } from "@/domain/exports/columns";
import type { Question } from "@/generated/prisma/client";
import { questionColumns, withAnswers } from "@/domain/questions/export-columns";
import { listQuestions } from "@/domain/questions/repo";
import { csvChunks } from "@/domain/exports/csv";
import { readableFrom } from "@/domain/exports/stream";
import { XLSX_CONTENT_TYPE, xlsxChunks } from "@/domain/exports/xlsx";

export type ExportFormat = "csv" | "xlsx";

/**
 * The words an export shows: its sheet's name and its column headings (`Messages["exports"]`);
 * `questionHeader` names a question's column (default: its stable key, `q_<id>`).
 */
export type ExportWords = ColumnWords & { sheet: string; questionHeader?: ((question: Question, mainLanguage: string) => string) | undefined };

/** A download: its name, its media type and its bytes, produced as they are read. */
export type ExportFile = { filename: string; contentType: string; body: ReadableStream<Uint8Array> };

const contentTypes: Record<ExportFormat, string> = { csv: "text/csv; charset=utf-8", xlsx: XLSX_CONTENT_TYPE };

/** The chunks of an attendee list of `event` in `format`, without checks or audit: for tests and tools. */
export function attendeeListChunks(d1: D1Database, event: ExportEvent, format: ExportFormat, words: ExportWords, batchSize = EXPORT_BATCH_SIZE, questions: readonly Question[] = []): AsyncGenerator<Uint8Array> {
  const batches = withAnswers(d1, event.id, questions, attendeeBatches(d1, event.id, batchSize));
  const base = attendeeCells(event);
  const cells = (row: Parameters<typeof base>[0] & { answerCells: Cell[] }) => [...base(row), ...row.answerCells];
  const columns = [...attendeeColumns(words, event.timezone), ...questionColumns(questions, words.questionHeader && ((q) => words.questionHeader!(q, event.mainLanguage ?? "en")))];
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
  const event = await findExportEvent(deps.d1, where);
  await audit(deps, { staffId, action: "exported_attendees", entity: "event", entityId: event.id, detail: { format } });
  const questions = await listQuestions(deps.d1, event.id);
  const body = readableFrom(attendeeListChunks(deps.d1, event, format, words, EXPORT_BATCH_SIZE, questions), (err) =>
    console.error(JSON.stringify({ level: "error", message: "attendee_export_failed", eventId: event.id, format, error: String(err) })),
  );
  return { filename: `${event.slug}-attendees.${format}`, contentType: contentTypes[format], body };
}
