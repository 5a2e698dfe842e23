// The waiting list as a CSV file for organisers: the same cells and escaping as the attendee
// list (exports/csv), times in the event's zone, and an audit entry, since it is personal data.
import type { ServiceDeps } from "@/domain/deps";
import { audit } from "@/domain/staff/audit";
import { csvLine } from "@/domain/exports/csv";
import { zonedWallClock, type Cell } from "@/domain/exports/columns";
import { organiserWaitlist, type OrganiserEntry } from "@/domain/waitlist/organiser-list";

/** The export's columns, in order; the catalogue names them (`waitlistAdmin.columns`). */
export const waitlistColumnKeys = ["position", "name", "email", "tier", "places", "language", "status", "joinedAt", "offeredAt", "offerEndsAt", "orderReference"] as const;

export type WaitlistColumn = (typeof waitlistColumnKeys)[number];

const timeColumns: ReadonlySet<WaitlistColumn> = new Set(["joinedAt", "offeredAt", "offerEndsAt"]);

/** The headings' words: one per column, and how a time column names its zone. */
export type WaitlistExportWords = { columns: Record<WaitlistColumn, string>; inZone: (p: { heading: string; zone: string }) => string };

type ExportEvent = { id: string; slug: string; timezone: string; ticketTypes: ReadonlyArray<{ id: string; name: string }> };

/** The file's text: BOM, headings, then a row per entry in joining order (status as its stored code, like the attendee list's). */
export function waitlistCsv(event: Pick<ExportEvent, "timezone">, entries: readonly OrganiserEntry[], words: WaitlistExportWords): string {
  const local = zonedWallClock(event.timezone);
  const time = (at: Date | null): Cell => (at ? { localMs: local(at.getTime()) } : null);
  const headers = waitlistColumnKeys.map((key) => (timeColumns.has(key) ? words.inZone({ heading: words.columns[key], zone: event.timezone }) : words.columns[key]));
  const rows = entries.map((e) =>
    csvLine([String(e.position), e.name, e.email, e.tierName, String(e.places), e.language, e.status, time(e.createdAt), time(e.offeredAt), time(e.offerExpiresAt), e.orderReference]),
  );
  return `\uFEFF${csvLine(headers)}${rows.join("")}`;
}

/**
 * The waiting list of `event` for `staffId`, recorded in the audit log (personal data leaving
 * the system). Waiting lists are short, so the file is built whole rather than streamed.
 */
export async function exportWaitlist(deps: ServiceDeps, event: ExportEvent, staffId: string, words: WaitlistExportWords): Promise<{ filename: string; contentType: string; body: string }> {
  const { entries } = await organiserWaitlist(deps, event);
  await audit(deps, { staffId, action: "exported_waitlist", entity: "event", entityId: event.id, detail: { format: "csv", count: entries.length } });
  return { filename: `${event.slug}-waiting-list.csv`, contentType: "text/csv; charset=utf-8", body: waitlistCsv(event, entries, words) };
}
