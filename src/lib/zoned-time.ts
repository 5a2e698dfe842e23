// Conversions between UTC instants and wall-clock times in an IANA time zone, with Intl only
// (no dependencies): runs in the Worker, the browser and Node scripts alike.

const wallClockFormats = new Map<string, Intl.DateTimeFormat>();

/** A formatter for every wall-clock field in `timeZone`: built once per zone and kept (building one is costly). */
export function wallClockFormat(timeZone: string): Intl.DateTimeFormat {
  let format = wallClockFormats.get(timeZone);
  if (!format) wallClockFormats.set(timeZone, (format = newWallClockFormat(timeZone)));
  return format;
}

function newWallClockFormat(timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });
}

/** The wall-clock fields of `instant`, read with a formatter from wallClockFormat. */
export function wallClockFields(format: Intl.DateTimeFormat, instant: Date) {
  const parts = format.formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get("year"), month: get("month"), day: get("day"), hour: get("hour"), minute: get("minute"), second: get("second") };
}

function wallClockParts(instant: Date, timeZone: string) {
  return wallClockFields(wallClockFormat(timeZone), instant);
}

/** Milliseconds the zone is ahead of UTC at the given instant (e.g. +3_600_000 for BST). */
export function zoneOffsetMs(instant: Date, timeZone: string): number {
  const p = wallClockParts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The UTC instant at which clocks in `timeZone` show `local` ("2027-01-09T10:30").
 * Near a DST change the offset is re-checked at the candidate instant.
 */
export function zonedTimeToUtc(local: string, timeZone: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!m) throw new RangeError(`expected YYYY-MM-DDTHH:MM, got ${local}`);
  const [, y, mo, d, h, mi, s] = m;
  const naive = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  let instant = naive - zoneOffsetMs(new Date(naive), timeZone);
  instant = naive - zoneOffsetMs(new Date(instant), timeZone);
  return new Date(instant);
}

/** "2027-01-09" for the calendar day the instant falls on in `timeZone`. */
export function localDate(instant: Date, timeZone: string): string {
  const p = wallClockParts(instant, timeZone);
  return `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
}
