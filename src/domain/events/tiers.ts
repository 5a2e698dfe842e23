import { offerRoundStatements, RAISE_ROUNDS } from "@/domain/waitlist/repo";
import type { Event, TicketType } from "@/generated/prisma/client";
import { DomainError } from "@/domain/errors";
import { issue } from "@/domain/issues";
import { newId } from "@/lib/ids";
import { auditStatement } from "@/domain/staff/audit";
import type { ServiceDeps } from "@/domain/deps";
import { hashAccessCode } from "@/domain/orders/eligibility";
import { getAdminEvent } from "@/domain/events/admin-events";
import {
  LIMIT_GUARD,
  deleteTierStatements,
  findLastTierSortOrder,
  findTierWithEvent,
  insertTierStatement,
  listUnorderedTierIds,
  runBatch,
  runGuarded,
  updateTierStatement,
  type TierRow,
} from "@/domain/events/repo";
import type { TierInput } from "@/domain/events/tier-input";
import { changedLanguages, readTranslations, tierTextFields, writeTranslations } from "@/domain/events/translations";

export type AdminTier = TicketType & { event: Event };

/** One tier with its event. */
export async function getAdminTier(d1: D1Database, id: string): Promise<AdminTier> {
  const tier = await findTierWithEvent(d1, id);
  if (!tier) throw new DomainError("not_found", { what: "tier", next: "back_to_event" });
  return tier;
}

/** The position a new tier takes: after the event's last one. */
export async function nextSortOrder(d1: D1Database, eventId: string): Promise<number> {
  const last = await findLastTierSortOrder(d1, eventId);
  return last === null ? 0 : last + 1;
}

const quotaTaken = (sold: number, held: number) => issue("quota_below_taken", { sold, held });

async function rowOf(input: TierInput, previous: { accessCodeHash: string | null; sortOrder: number }): Promise<TierRow> {
  const { accessCode, translations, ...fields } = input;
  let accessCodeHash: string | null = null;
  if (input.eligibility === "access_code") accessCodeHash = accessCode ? await hashAccessCode(accessCode) : previous.accessCodeHash;
  return { ...fields, accessCodeHash, sortOrder: input.sortOrder ?? previous.sortOrder, translations: writeTranslations(translations, tierTextFields) };
}

/** Audit detail: what changed, never the access code or its hash; versions in other languages by language. */
const auditDetail = (row: TierRow, codeChanged: boolean, before?: TicketType) => {
  const { accessCodeHash: _hash, salesStartAt, salesEndAt, translations, ...rest } = row;
  const languages = before
    ? changedLanguages(readTranslations(before.translations, tierTextFields), readTranslations(translations, tierTextFields))
    : Object.keys(readTranslations(translations, tierTextFields));
  return { ...rest, salesStartAt: salesStartAt?.toISOString() ?? null, salesEndAt: salesEndAt?.toISOString() ?? null, accessCodeChanged: codeChanged, languages };
};

/** Adds a tier to an event. Returns its id. */
export async function createTier(deps: ServiceDeps, staffId: string, eventId: string, input: TierInput): Promise<string> {
  await getAdminEvent(deps.d1, eventId);
  const row = await rowOf(input, { accessCodeHash: null, sortOrder: await nextSortOrder(deps.d1, eventId) });
  const id = newId("tier");
  const now = deps.now();
  await runBatch(deps.d1, [
    insertTierStatement(deps.d1, id, eventId, row, now),
    auditStatement(deps.d1, { staffId, action: "tier_created", entity: "ticket_type", entityId: id, detail: { eventId, ...auditDetail(row, row.accessCodeHash !== null) } }, now),
  ]);
  return id;
}

/**
 * Saves a tier. Its quota may not drop below the tickets already sold and held (checked by
 * the statement that writes it); a blank access code keeps the old one.
 */
export async function updateTier(deps: ServiceDeps, staffId: string, id: string, input: TierInput): Promise<AdminTier> {
  const before = await getAdminTier(deps.d1, id);
  if (input.quota !== null && input.quota < before.soldCount + before.heldCount) {
    throw new DomainError("invalid", {}, { quota: quotaTaken(before.soldCount, before.heldCount) });
  }
  if (input.eligibility === "access_code" && !input.accessCode && !before.accessCodeHash) {
    throw new DomainError("invalid", {}, { accessCode: issue("access_code_to_give") });
  }
  const row = await rowOf(input, before);
  const now = deps.now();
  await runGuarded(
    deps.d1,
    [
      updateTierStatement(deps.d1, id, row, now),
      // A raised quota offers its new seats to the waiting list first.
      ...offerRoundStatements(deps, { eventId: before.eventId }, now, RAISE_ROUNDS),
      auditStatement(
        deps.d1,
        { staffId, action: "tier_updated", entity: "ticket_type", entityId: id, detail: { eventId: before.eventId, ...auditDetail(row, row.accessCodeHash !== before.accessCodeHash, before) } },
        now,
      ),
    ],
    [
      [
        LIMIT_GUARD,
        async () => {
          const latest = await getAdminTier(deps.d1, id);
          return new DomainError("invalid", {}, { quota: quotaTaken(latest.soldCount, latest.heldCount) });
        },
      ],
    ],
  );
  return before;
}

/** Deletes a tier nobody has bought or holds (nor ever ordered, even in a cancelled order). Returns its event's id. */
export async function deleteTier(deps: ServiceDeps, staffId: string, id: string): Promise<string> {
  const tier = await getAdminTier(deps.d1, id);
  const refused = () =>
new DomainError("conflict", { reason: "tier_ordered", tier: tier.name });
  const now = deps.now();
  await runGuarded(
    deps.d1,
    [...deleteTierStatements(deps.d1, id), auditStatement(deps.d1, { staffId, action: "tier_deleted", entity: "ticket_type", entityId: id, detail: { eventId: tier.eventId, name: tier.name } }, now)],
    [[LIMIT_GUARD, refused]],
  );
  return tier.eventId;
}

/** Whether a tier could be deleted now (nothing sold, held or ever ordered). */
export async function deletableTierIds(d1: D1Database, eventId: string): Promise<Set<string>> {
  return new Set(await listUnorderedTierIds(d1, eventId));
}
