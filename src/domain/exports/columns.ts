// The columns of an attendee list, shared by the CSV and XLSX writers so both show the same values.
import type { AttendeeRow } from "@/domain/exports/repo";
import { ticketStatus } from "@/domain/tickets/status";
import { wallClockFields, wallClockFormat } from "@/lib/zoned-time";
import { minorDigits } from "@/lib/money";

/** An amount of money as a number with the currency's decimal places (8.00, 1200 for JPY). */
export type Money = { minor: number; decimals: number };

/** A moment as the event's clocks showed it: epoch ms of the same clock reading in UTC. */
export type Moment = { localMs: number };

/** A cell: text (people's input or ours), money, a moment in the event's zone, or empty. */
export type Cell = string | Money | Moment | null;

export type Column = { header: string; /** XLSX width in characters. */ width: number };

/** The attendee list's columns, in order; the catalogue names them (`exports.columns`). */
export const attendeeColumnKeys = [
  "reference",
  "attendeeName",
  "attendeeEmail",
  "ticketType",
  "pricePaid",
  "currency",
  "ticketStatus",
  "checkedInAt",
  "buyerName",
  "buyerEmail",
  "eligibilityAnswer",
  "orderedAt",
  "paidAt",
  "voucher",
  "discount",
] as const;

export type AttendeeColumn = (typeof attendeeColumnKeys)[number];

const widths: Record<AttendeeColumn, number> = {
  reference: 14,
  attendeeName: 26,
  attendeeEmail: 30,
  ticketType: 18,
  pricePaid: 11,
  currency: 9,
  ticketStatus: 13,
  checkedInAt: 17,
  buyerName: 26,
  buyerEmail: 30,
  eligibilityAnswer: 36,
  orderedAt: 17,
  paidAt: 17,
  voucher: 14,
  discount: 11,
};

/** The columns holding moments: their headings say the zone the times are in. */
const timeColumns: ReadonlySet<AttendeeColumn> = new Set(["checkedInAt", "orderedAt", "paidAt"]);

/** The words a list's headings take: one per column, and how a time column names its zone. */
export type ColumnWords = { columns: Record<AttendeeColumn, string>; inZone: (p: { heading: string; zone: string }) => string };

/** The columns with their headings in the reader's language; time columns name `timeZone`. */
export function attendeeColumns(words: ColumnWords, timeZone: string): Column[] {
  return attendeeColumnKeys.map((key) => ({
    header: timeColumns.has(key) ? words.inZone({ heading: words.columns[key], zone: timeZone }) : words.columns[key],
    width: widths[key] + (timeColumns.has(key) ? 4 : 0),
  }));
}

/**
 * True when a spreadsheet would take text as a formula (or the start of one): it begins with
 * "=", "+", "-", "@", a tab or a carriage return (OWASP's list for CSV injection).
 */
export function startsLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}

/** "8.00" for 800 minor units with 2 decimals; exact, with no floating point. */
export function formatDecimal({ minor, decimals }: Money): string {
  if (decimals === 0) return String(minor);
  const sign = minor < 0 ? "-" : "";
  const digits = String(Math.abs(minor)).padStart(decimals + 1, "0");
  return `${sign}${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}

/** A stored DateTime (Prisma's ISO text, or SQLite's CURRENT_TIMESTAMP form) as epoch ms. */
export function storedTimeMs(value: string | number | null): number | null {
  if (value === null) return null;
  if (typeof value === "number") return value;
  const sqliteDefault = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(value);
  const ms = Date.parse(sqliteDefault ? `${value.replace(" ", "T")}Z` : value);
  return Number.isNaN(ms) ? null : ms;
}

const QUARTER_HOUR = 15 * 60_000;
const pad = (n: number) => String(n).padStart(2, "0");

/**
 * The wall-clock time of an instant in `timeZone`, as the epoch ms of the same clock reading
 * in UTC. Zone offsets change on quarter-hour boundaries, so the offset is looked up once per
 * quarter hour with Intl and cached: an export converts hundreds of thousands of times, and
 * Intl's formatToParts is the slow part of each.
 */
export function zonedWallClock(timeZone: string): (ms: number) => number {
  const dtf = wallClockFormat(timeZone);
  const offsets = new Map<number, number>();
  return (ms) => {
    const bucket = Math.floor(ms / QUARTER_HOUR);
    let offset = offsets.get(bucket);
    if (offset === undefined) {
      const at = bucket * QUARTER_HOUR;
      const f = wallClockFields(dtf, new Date(at));
      offset = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second) - at;
      if (offsets.size > 50_000) offsets.clear();
      offsets.set(bucket, offset);
    }
    return ms + offset;
  };
}

/** "YYYY-MM-DD HH:MM" of a wall-clock time from zonedWallClock. */
export function minuteText({ localMs }: Moment): string {
  const local = new Date(localMs);
  return `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}

/** "YYYY-MM-DD HH:MM" in `timeZone`, for epoch ms. */
export function zonedMinuteFormatter(timeZone: string): (ms: number) => string {
  const local = zonedWallClock(timeZone);
  return (ms) => minuteText({ localMs: local(ms) });
}

/** Turns rows into cells, in `attendeeColumnKeys` order (the status column is tickets/status's code), with times shown in the event's zone. */
export function attendeeCells(event: { timezone: string; status: string }): (row: AttendeeRow) => Cell[] {
  const local = zonedWallClock(event.timezone);
  const time = (value: string | null): Moment | null => {
    const ms = storedTimeMs(value);
    return ms === null ? null : { localMs: local(ms) };
  };
  return (row) => [
    row.reference,
    row.attendeeName,
    row.attendeeEmail,
    row.ticketType,
    { minor: row.pricePaidMinor, decimals: minorDigits(row.currency) },
    row.currency,
    ticketStatus({ ticketStatus: row.ticketStatus, orderStatus: row.orderStatus, eventStatus: event.status }),
    time(row.checkedInAt),
    row.buyerName,
    row.buyerEmail,
    row.eligibilityAnswer,
    time(row.orderedAt),
    time(row.paidAt),
    // The voucher that priced the ticket and what it took off its tier's price (empty: none).
    row.voucherCode,
    row.discountMinor ? { minor: row.discountMinor, decimals: minorDigits(row.currency) } : null,
  ];
}
