import type { ServiceDeps } from "@/domain/deps";
import { wallClockFields, wallClockFormat, zonedTimeToUtc } from "@/lib/zoned-time";
import { findEventsWithReminders, queueReminderStatements, runBatch } from "@/domain/reminders/repo";

/** Reminders queued per statement, and the most statements' worth one run queues. */
const BATCH = 100;
const MOST_ROUNDS = 10;

/**
 * When an event's reminder is due. Whole days are counted on the event's wall clock ("2 days
 * before" an 11:00 start is 11:00 two days earlier, even when the clocks change in between);
 * other settings are that many hours before the start.
 */
export function reminderMoment(startsAt: Date, hours: number, timeZone: string): Date {
  if (hours % 24 !== 0) return new Date(startsAt.getTime() - hours * 3_600_000);
  const p = wallClockFields(wallClockFormat(timeZone), startsAt);
  const earlier = new Date(Date.UTC(p.year, p.month - 1, p.day - hours / 24, p.hour, p.minute));
  return zonedTimeToUtc(earlier.toISOString().slice(0, 16), timeZone);
}

/**
 * The scheduled chore: queues the reminder of every event whose reminder time has come and
 * which has not started, for each ticket holder not yet reminded, in bounded batches (what is
 * left goes in the next run). The send chore sends them; the composer drops any whose ticket no
 * longer admits, or whose event has started, by the time it goes out. Returns how many were queued.
 */
export async function queueDueReminders(deps: ServiceDeps): Promise<{ queued: number }> {
  const now = deps.now();
  let queued = 0;
  for (const event of await findEventsWithReminders(deps.d1, now)) {
    const moment = reminderMoment(new Date(event.startsAt), event.reminderHours, event.timezone);
    if (moment > now) continue;
    for (let round = 0; round < MOST_ROUNDS; round++) {
      const added = (await runBatch(deps.d1, queueReminderStatements(deps.d1, event.id, moment, now, BATCH))).reduce((a, b) => a + b, 0);
      queued += added;
      if (added === 0) break;
    }
  }
  return { queued };
}
