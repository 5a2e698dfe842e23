import type { ServiceDeps } from "@/domain/deps";
import { DEFAULT_TIMEZONE } from "@/domain/events/event-input";
import { localDate, zonedTimeToUtc } from "@/lib/zoned-time";
import {
  findEventsWantingSummaries,
  findNewlySoldOut,
  queueSummaryStatement,
  rearmSoldOutStatements,
  runBatch,
  soldOutAlertStatements,
} from "@/domain/reminders/repo";

/** The organisation's zone: the day of a daily summary is its day. */
export const ORGANISATION_ZONE = DEFAULT_TIMEZONE;
/** The wall-clock time the daily summary goes out at, in the organisation's zone. */
export const SUMMARY_TIME = "08:00";

/** Shifts a "YYYY-MM-DD" calendar date by `days`. */
const shiftDate = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The day whose summary is due at `now`, and its window: from the previous summary time to
 * this one (08:00 yesterday to 08:00 today in the organisation's zone, 23 or 25 hours across a
 * clock change). Null before today's summary time.
 */
export function summaryDue(now: Date, zone = ORGANISATION_ZONE): { date: string; from: Date; to: Date } | null {
  const date = localDate(now, zone);
  const to = zonedTimeToUtc(`${date}T${SUMMARY_TIME}`, zone);
  if (now < to) return null;
  return { date, from: zonedTimeToUtc(`${shiftDate(date, -1)}T${SUMMARY_TIME}`, zone), to };
}

/**
 * The scheduled chore: once the organisation's day has reached its summary time, queues each
 * event's daily summary to its organisers, once per day (an idempotency key per event, day and
 * person), for published events that asked for it and have not ended.
 */
export async function queueDailySummaries(deps: ServiceDeps): Promise<{ queued: number }> {
  const now = deps.now();
  const due = summaryDue(now);
  if (!due) return { queued: 0 };
  const events = await findEventsWantingSummaries(deps.d1, now);
  if (!events.length) return { queued: 0 };
  const written = await runBatch(deps.d1, events.map((e) => queueSummaryStatement(deps.d1, e.id, due.date, due, now)));
  return { queued: written.reduce((a, b) => a + b, 0) };
}

/**
 * The scheduled chore for sold-out alerts. Sold out means paid tickets fill the event's
 * capacity or a tier's quota (holds may still come back, so they do not count). Detected here
 * rather than in the batches of orders/seats.ts, so the paths that take seats stay as they are
 * (no extra statement on every order): an alert is at most one cron interval late. Each
 * sell-out is marked when alerted and the mark is cleared when places come free, so a second
 * sell-out alerts again and a repeated run alerts nothing.
 */
export async function queueSoldOutAlerts(deps: ServiceDeps): Promise<{ queued: number }> {
  const now = deps.now();
  await runBatch(deps.d1, rearmSoldOutStatements(deps.d1));
  let queued = 0;
  for (const sellOut of await findNewlySoldOut(deps.d1, now)) {
    const [, inserted] = await runBatch(deps.d1, soldOutAlertStatements(deps.d1, sellOut, now));
    queued += inserted ?? 0;
  }
  return { queued };
}
