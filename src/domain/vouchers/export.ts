// An event's vouchers as CSV (all, or those of one label): the codes to hand out, with their
// settings and how much each was used. Cells go through the attendee list's CSV writer, so a
// label typed as "=HYPERLINK(…)" is text, never a formula.
import type { TicketType, Voucher } from "@/generated/prisma/client";
import { csvLine } from "@/domain/exports/csv";
import { zonedWallClock, type Cell } from "@/domain/exports/columns";
import { minorDigits } from "@/lib/money";
import { listVouchers } from "@/domain/vouchers/repo";
import type { VoucherCsvColumn } from "@/i18n/areas/vouchers-admin";

/** The CSV's columns, in order. */
export const voucherCsvColumns = ["code", "label", "kind", "value", "tier", "validFrom", "validUntil", "maxUses", "maxPerOrder", "uses", "seatBudget", "seatsUsed"] as const satisfies readonly VoucherCsvColumn[];

/** The words of the file: its headings and how it names "every tier". */
export type VoucherCsvWords = { columns: Record<VoucherCsvColumn, string>; allTiers: string };

type CsvEvent = { id: string; currency: string; timezone: string; ticketTypes: Pick<TicketType, "id" | "name">[] };

/** The vouchers of `event` with `label` (every one when null), in the order of the organisers' list. */
export async function listVouchersLabelled(d1: D1Database, eventId: string, label: string | null): Promise<Voucher[]> {
  const all = await listVouchers(d1, eventId);
  return label === null ? all : all.filter((v) => v.label === label);
}

/** The CSV file (with a byte-order mark, CRLF lines) of `event`'s vouchers with `label`, or all. */
export async function vouchersCsv(d1: D1Database, event: CsvEvent, label: string | null, words: VoucherCsvWords): Promise<string> {
  const local = zonedWallClock(event.timezone);
  const at = (d: Date | null): Cell => (d ? { localMs: local(d.getTime()) } : null);
  const count = (n: number | null): Cell => (n === null ? null : String(n));
  const tierName = (id: string | null) => (id === null ? words.allTiers : (event.ticketTypes.find((t) => t.id === id)?.name ?? ""));
  const value = (v: Voucher): Cell => (v.kind === "amount" || v.kind === "fixed" ? { minor: v.value, decimals: minorDigits(event.currency) } : String(v.value));
  const rows = await listVouchersLabelled(d1, event.id, label);
  const lines = rows.map((v) =>
    csvLine([v.code, v.label, v.kind, value(v), tierName(v.ticketTypeId), at(v.validFrom), at(v.validUntil), count(v.maxUses), count(v.maxPerOrder), String(v.usesCount), count(v.seatBudget), String(v.seatsCount)]),
  );
  return `\uFEFF${csvLine(voucherCsvColumns.map((c) => words.columns[c]))}${lines.join("")}`;
}
