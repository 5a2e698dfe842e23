import type { AuditAction } from "@/domain/staff/audit-vocabulary";
import { DomainError } from "@/domain/errors";
import { newId } from "@/lib/ids";
import { localDate, zonedTimeToUtc } from "@/lib/zoned-time";
import { formatTime } from "@/lib/format";
import { auditStatement } from "@/domain/staff/audit";
import type { ServiceDeps } from "@/domain/deps";
import { getAdminEvent, type AdminEvent } from "@/domain/events/admin-events";
import {
  STATUS_GUARD,
  insertAgendaStatements,
  insertEventStatement,
  insertTierStatement,
  runGuarded,
  SLUG_TAKEN,
  statusChangeStatement,
} from "@/domain/events/repo";
import { slugify, uniqueSlug } from "@/domain/events/slug";
import { eventTextFields, readTranslations, writeTranslations } from "@/domain/events/translations";
import { cancellationStatements } from "@/domain/correspondence/messages";

type Change = { action: AuditAction; from: string[]; to: string; requireTiers?: boolean };

const changes = {
  publish: { action: "event_published", from: ["draft"], to: "published", requireTiers: true },
  cancel: { action: "event_cancelled", from: ["draft", "published"], to: "cancelled" },
  archive: { action: "event_archived", from: ["draft", "published", "cancelled"], to: "archived" },
} satisfies Record<string, Change>;

export type StatusAction = keyof typeof changes;

/** Why `action` cannot be done to the event as it is now; undefined when it can. */
function refusal(event: AdminEvent, action: StatusAction): DomainError | undefined {
  const change: Change = changes[action];
  if (!change.from.includes(event.status)) {
    return new DomainError("conflict", { reason: "event_status", status: event.status, to: change.to });
  }
  if (change.requireTiers && event.ticketTypes.length === 0) {
    return new DomainError("invalid", { reason: "no_tiers" });
  }
  if (change.requireTiers && event.startsAt >= event.endsAt) {
    return new DomainError("invalid", { reason: "event_times" });
  }
  return undefined;
}

/**
 * Publishes a draft (it needs a tier, and a start before its end), cancels a draft or
 * published event (sales stop at once; refunds are made separately), or archives it. The
 * state is re-checked by the statement that changes it. Cancelling tells every ticket holder,
 * in their language, with the organisers' `refundPlan`, in the same batch.
 */
export async function changeEventStatus(deps: ServiceDeps, staffId: string, id: string, action: StatusAction, options: { refundPlan?: string } = {}): Promise<void> {
  const event = await getAdminEvent(deps.d1, id);
  const refused = refusal(event, action);
  if (refused) throw refused;
  const change: Change = changes[action];
  const now = deps.now();
  const detail = { from: event.status, sold: event.soldCount, held: event.heldCount };
  const told = action === "cancel" ? await cancellationStatements(deps, staffId, id, event.status, options.refundPlan ?? "", now) : [];
  await runGuarded(
    deps.d1,
    [
      statusChangeStatement(deps.d1, id, change.from, change.to, now, change.requireTiers),
      auditStatement(deps.d1, { staffId, action: change.action, entity: "event", entityId: id, detail }, now),
      ...told,
    ],
    [[STATUS_GUARD, async () => refusal(await getAdminEvent(deps.d1, id), action) ?? new DomainError("conflict", { reason: "event_changed" })]],
  );
}

/** The same wall-clock time `days` later in `zone` (so 11:00 stays 11:00 across clock changes). */
export function shiftWallClock(instant: Date, zone: string, days: number): Date {
  const [y, m, d] = localDate(instant, zone).split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
  return zonedTimeToUtc(`${date}T${formatTime(instant, zone)}`, zone);
}

/** "…2026…" → "…2027…" when the event moves to another year; unchanged otherwise. */
const bumpYear = (text: string, from: string, to: string) => (from === to ? text : text.replace(new RegExp(`\\b${from}\\b`, "g"), to));

/**
 * Copies an event into a new draft `weeks` later: every field, its tiers (nothing sold or
 * held, same access codes) and its programme, with every date moved by whole weeks of wall
 * clock. A year in the title or web address moves with it. Returns the new event's id.
 */
export async function duplicateEvent(deps: ServiceDeps, staffId: string, id: string, weeks: number): Promise<string> {
  const source = await getAdminEvent(deps.d1, id);
  const tz = source.timezone;
  const shift = (d: Date) => shiftWallClock(d, tz, weeks * 7);
  const shiftOrNull = (d: Date | null) => (d ? shift(d) : null);
  const startsAt = shift(source.startsAt);
  const [fromYear, toYear] = [localDate(source.startsAt, tz).slice(0, 4), localDate(startsAt, tz).slice(0, 4)];
  const slugBase = source.slug.includes(fromYear) || fromYear === toYear ? bumpYear(source.slug, fromYear, toYear) : slugify(`${source.slug}-${toYear}`, 80);
  const slug = await uniqueSlug(deps.d1, slugBase);
  const newEventId = newId("evt");
  const now = deps.now();
  // Two copies made at once (a double-clicked button) may pick the same free slug: the second
  // is refused as a change made meanwhile, not a 500.
  const changedMeanwhile = () => new DomainError("conflict", { reason: "event_changed" });
  await runGuarded(deps.d1, [
    insertEventStatement(
      deps.d1,
      newEventId,
      {
        ...source,
        slug,
        title: bumpYear(source.title, fromYear, toYear),
        // Its versions in other languages come too, a year in their titles moved the same way.
        translations: writeTranslations(
          Object.fromEntries(
            Object.entries(readTranslations(source.translations, eventTextFields)).map(([lang, texts]) => [
              lang,
              texts.title ? { ...texts, title: bumpYear(texts.title, fromYear, toYear) } : texts,
            ]),
          ),
          eventTextFields,
        ),
        startsAt,
        endsAt: shift(source.endsAt),
        doorsOpenAt: shiftOrNull(source.doorsOpenAt),
        salesStartAt: shiftOrNull(source.salesStartAt),
        salesEndAt: shiftOrNull(source.salesEndAt),
        refundUntil: shiftOrNull(source.refundUntil),
      },
      "draft",
      now,
    ),
    ...source.ticketTypes.map((tier) =>
      insertTierStatement(deps.d1, newId("tier"), newEventId, { ...tier, salesStartAt: shiftOrNull(tier.salesStartAt), salesEndAt: shiftOrNull(tier.salesEndAt) }, now),
    ),
    ...insertAgendaStatements(
      deps.d1,
      newEventId,
      source.agenda.map((a) => ({ ...a, startsAt: shift(a.startsAt) })),
    ),
    auditStatement(deps.d1, { staffId, action: "event_duplicated", entity: "event", entityId: newEventId, detail: { from: id, weeks, slug } }, now),
  ], [[SLUG_TAKEN, changedMeanwhile]]);
  return newEventId;
}
