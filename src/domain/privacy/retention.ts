// Personal data retention: an event keeps its attendees' personal data for `retentionDays`
// after it ends. The organisers are told a week before; then the scheduled handler erases it.
// An organiser may also erase one order's personal data at any time (a person's request).
import type { ServiceDeps } from "@/domain/deps";
import { DomainError } from "@/domain/errors";
import { runBatch } from "@/domain/batch";
import {
  erasureStatements,
  findEventRetention,
  findOrderErasure,
  findOrganiserRecipients,
  findRetentionCandidates,
  retentionReminderStatements,
  saveRetentionDays,
} from "@/domain/privacy/repo";
import { audit } from "@/domain/staff/audit";

/** Days kept after an event's end when the organisers set nothing. */
export const DEFAULT_RETENTION_DAYS = 90;
/** The longest an organiser may keep personal data after an event (about three years). */
export const MAX_RETENTION_DAYS = 1100;
/** How long before the erasure the organisers are told. */
export const REMINDER_DAYS = 7;

const DAY_MS = 86_400_000;

/** When an event's personal data is due for erasure. */
export function erasureDate(event: { endsAt: Date; retentionDays: number }): Date {
  return new Date(event.endsAt.getTime() + event.retentionDays * DAY_MS);
}

/**
 * When the erasure actually happens: its due date, but never less than a week after the
 * organisers were told (a cron that was down, or a shortened period, still gives them the week).
 */
function erasureTime(event: { endsAt: Date; retentionDays: number; retentionRemindedAt: Date | null }): Date | null {
  if (!event.retentionRemindedAt) return null;
  return new Date(Math.max(erasureDate(event).getTime(), event.retentionRemindedAt.getTime() + REMINDER_DAYS * DAY_MS));
}

/**
 * The scheduled chore: reminds the organisers of each ended event whose erasure is a week
 * away (once), and erases the personal data of events whose time has come. A second run
 * changes nothing.
 */
export async function runRetention(deps: ServiceDeps) {
  const now = deps.now();
  const result = { reminded: 0, erased: 0 };
  for (const event of await findRetentionCandidates(deps.d1, now)) {
    if (!event.retentionRemindedAt) {
      if (erasureDate(event).getTime() - REMINDER_DAYS * DAY_MS > now.getTime()) continue;
      const recipients = (await findOrganiserRecipients(deps.d1)).map((s) => s.email);
      await runBatch(deps.d1, retentionReminderStatements(deps, event.id, recipients, now));
      result.reminded++;
      continue;
    }
    const due = erasureTime(event);
    if (due && due.getTime() <= now.getTime()) {
      await eraseEventPersonalData(deps, null, event.id);
      result.erased++;
    }
  }
  return result;
}

/**
 * Erases the personal data of every order of an event that has ended: refused while it is
 * still running. `staffId` null: the scheduled handler. Cannot be undone.
 */
export async function eraseEventPersonalData(deps: ServiceDeps, staffId: string | null, eventId: string): Promise<void> {
  const event = await findEventRetention(deps.d1, eventId);
  if (!event) throw new DomainError("not_found", { what: "event" });
  const now = deps.now();
  if (event.endsAt.getTime() > now.getTime()) throw new DomainError("conflict", { reason: "event_not_ended" });
  await runBatch(deps.d1, erasureStatements(deps.d1, { eventId }, now, staffId));
}

/**
 * Erases one order's personal data at a person's request, at any time. An order still being
 * paid for is refused (its checkout needs the buyer's address); an erased one stays as it is.
 * Returns whether this call erased it.
 */
export async function eraseOrderPersonalData(deps: ServiceDeps, staffId: string, orderId: string): Promise<boolean> {
  const order = await findOrderErasure(deps.d1, orderId);
  if (!order) throw new DomainError("not_found", { what: "order" });
  if (order.erasedAt) return false;
  if (order.status === "pending") throw new DomainError("conflict", { reason: "order_pending" });
  await runBatch(deps.d1, erasureStatements(deps.d1, { orderId }, deps.now(), staffId));
  return true;
}

/** Sets how many days after its end an event keeps personal data; audited. */
export async function setRetentionDays(deps: ServiceDeps, staffId: string, eventId: string, days: number): Promise<void> {
  if (!Number.isInteger(days) || days < 0 || days > MAX_RETENTION_DAYS) throw new DomainError("invalid");
  const event = await findEventRetention(deps.d1, eventId);
  if (!event) throw new DomainError("not_found", { what: "event" });
  if (event.retentionDays === days) return;
  await saveRetentionDays(deps.d1, eventId, days, deps.now());
  await audit(deps, { staffId, action: "retention_set", entity: "event", entityId: eventId, detail: { from: event.retentionDays, to: days } });
}
