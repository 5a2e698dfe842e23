import { offerRoundStatements, RAISE_ROUNDS } from "@/domain/waitlist/repo";
import type { AgendaItem, Event, TicketType } from "@/generated/prisma/client";
import { DomainError } from "@/domain/errors";
import { issue } from "@/domain/issues";
import { newId } from "@/lib/ids";
import { auditStatement } from "@/domain/staff/audit";
import type { ServiceDeps } from "@/domain/deps";
import { toView, type EventView } from "@/domain/events/public-event";
import type { EventInput } from "@/domain/events/event-input";
import {
  LIMIT_GUARD,
  SLUG_TAKEN,
  findEventById,
  findEventStatusBySlug,
  findEventTitleBySlug,
  findEventWithTiers,
  insertAgendaStatements,
  insertEventStatement,
  listEventsEndedBy,
  listEventsEndingAfter,
  replaceAgendaStatements,
  runGuarded,
  updateEventStatement,
  updateTierTextsStatement,
  type AgendaRow,
  type EventRow,
} from "@/domain/events/repo";
import {
  agendaTextFields,
  changedLanguages,
  eventTextFields,
  readTranslations,
  rearrange,
  tierTextFields,
  writeTranslations,
  type Translations,
} from "@/domain/events/translations";
import { slugify, uniqueSlug } from "@/domain/events/slug";

export type AdminEvent = Event & { ticketTypes: TicketType[]; agenda: AgendaItem[] };

/** Every event in any status: those not yet over soonest first, then past ones latest first. */
export async function listAdminEvents(d1: D1Database, now: Date): Promise<Event[]> {
  const [upcoming, past] = await Promise.all([listEventsEndingAfter(d1, now), listEventsEndedBy(d1, now)]);
  return [...upcoming, ...past];
}

/** One event with its tiers and programme, whatever its status. */
export async function getAdminEvent(d1: D1Database, id: string): Promise<AdminEvent> {
  const event = await findEventById(d1, id);
  if (!event) throw new DomainError("not_found", { what: "event", next: "events_list" });
  return event;
}

/** One event with its tiers by sort order (no programme), or null: for the organiser's order pages. */
export function findEventForOrders(d1: D1Database, id: string) {
  return findEventWithTiers(d1, id);
}

/**
 * The public page's view of an event in any status, drafts included, for the organiser's
 * preview. Nothing can be bought from it: `onSale` is always false.
 */
export async function getPreviewView(d1: D1Database, id: string, now: Date): Promise<EventView> {
  return { ...toView(await getAdminEvent(d1, id), now), onSale: false };
}

const capacityTaken = (sold: number, held: number) => issue("capacity_below_taken", { sold, held });

async function slugTakenError(d1: D1Database, slug: string): Promise<DomainError> {
  const other = await findEventTitleBySlug(d1, slug);
  return new DomainError("invalid", {}, { slug: issue("slug_taken", { by: other?.title ?? null }) });
}

/** The slug to store: the one typed (which must be free), or one made from the title. */
async function chooseSlug(d1: D1Database, input: EventInput, current?: { id: string; slug: string }): Promise<string> {
  if (input.slug) {
    const owner = await findEventStatusBySlug(d1, input.slug);
    if (owner && owner.id !== current?.id) throw await slugTakenError(d1, input.slug);
    return input.slug;
  }
  const base = slugify(input.title);
  if (current && (current.slug === base || current.slug.startsWith(`${base}-`))) return current.slug;
  return uniqueSlug(d1, base);
}

function rowOf(input: EventInput, slug: string): EventRow {
  const { agenda: _agenda, slug: _typed, translations, swapped: _swapped, ...fields } = input;
  return { ...fields, slug, translations: writeTranslations(translations, eventTextFields) };
}

/** The programme as stored, each item's versions as JSON. */
const agendaRows = (input: EventInput): AgendaRow[] => input.agenda.map((a) => ({ ...a, translations: writeTranslations(a.translations, agendaTextFields) }));

/** The languages an event has versions in, besides its main one (for the audit log). */
const versionLanguages = (input: EventInput) =>
  [...new Set([...Object.keys(input.translations), ...input.agenda.flatMap((a) => Object.keys(a.translations))])].sort();

/** Creates a draft event with its programme. Returns its id. */
export async function createEvent(deps: ServiceDeps, staffId: string, input: EventInput): Promise<string> {
  const slug = await chooseSlug(deps.d1, input);
  const id = newId("evt");
  const now = deps.now();
  await runGuarded(
    deps.d1,
    [
      insertEventStatement(deps.d1, id, rowOf(input, slug), "draft", now),
      ...insertAgendaStatements(deps.d1, id, agendaRows(input)),
      auditStatement(
        deps.d1,
        { staffId, action: "event_created", entity: "event", entityId: id, detail: { slug, title: input.title, mainLanguage: input.mainLanguage, languages: versionLanguages(input) } },
        now,
      ),
    ],
    [[SLUG_TAKEN, () => slugTakenError(deps.d1, slug)]],
  );
  return id;
}

/** Names of the stored fields an edit changes, for the audit log (versions in other languages are said by language, apart). */
function changedFields(before: AdminEvent, after: EventRow, agendaChanged: boolean): string[] {
  const names = (Object.keys(after) as Array<keyof EventRow>).filter((k) => k !== "translations");
  const same = (a: unknown, b: unknown) => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b);
  return [...names.filter((k) => !same(before[k], after[k])), ...(agendaChanged ? ["agenda"] : [])];
}

/**
 * Saves the event form. The capacity may not drop below the seats already sold and held;
 * that is checked in the same statement that writes it.
 */
export async function updateEvent(deps: ServiceDeps, staffId: string, id: string, input: EventInput): Promise<void> {
  const before = await getAdminEvent(deps.d1, id);
  if (input.capacity !== null && input.capacity < before.soldCount + before.heldCount) {
    throw new DomainError("invalid", {}, { capacity: capacityTaken(before.soldCount, before.heldCount) });
  }
  const slug = await chooseSlug(deps.d1, input, before);
  const row = rowOf(input, slug);
  const agenda = agendaRows(input);
  const agendaKey = (items: Array<{ startsAt: Date; title: string; detail: string; translations: string }>) =>
    JSON.stringify(items.map((a) => [a.startsAt, a.title, a.detail, readTranslations(a.translations, agendaTextFields)]));
  const agendaChanged = agendaKey(before.agenda) !== agendaKey(agenda);
  // Which languages' versions changed: the event's own texts, and its programme's.
  const agendaVersions = (items: Array<{ translations: string }>) => {
    const all: Translations = {};
    items.forEach((a, i) => {
      for (const [lang, texts] of Object.entries(readTranslations(a.translations, agendaTextFields))) (all[lang] ??= {})[`${i}`] = JSON.stringify(texts);
    });
    return all;
  };
  const languages = [
    ...new Set([
      ...changedLanguages(readTranslations(before.translations, eventTextFields), readTranslations(row.translations, eventTextFields)),
      ...changedLanguages(agendaVersions(before.agenda), agendaVersions(agenda)),
    ]),
  ].sort();
  // A new main language whose versions were swapped in rearranges every tier's texts the same way.
  const tierTexts =
    before.mainLanguage === input.mainLanguage || !input.swapped
      ? []
      : before.ticketTypes.map((tier) => {
          const { main, translations } = rearrange(
            tierTextFields,
            { name: tier.name, description: tier.description, declarationText: tier.declarationText },
            readTranslations(tier.translations, tierTextFields),
            before.mainLanguage,
            input.mainLanguage,
          );
          return updateTierTextsStatement(deps.d1, tier.id, { ...main, translations: writeTranslations(translations, tierTextFields) }, deps.now());
        });
  const now = deps.now();
  await runGuarded(
    deps.d1,
    [
      updateEventStatement(deps.d1, id, row, now),
      ...(agendaChanged ? replaceAgendaStatements(deps.d1, id, agenda) : []),
      ...tierTexts,
      // A raised capacity (or a list resumed) offers free seats to the waiting list first.
      ...offerRoundStatements(deps, { eventId: id }, now, RAISE_ROUNDS),
      auditStatement(
        deps.d1,
        { staffId, action: "event_updated", entity: "event", entityId: id, detail: { fields: changedFields(before, row, agendaChanged), ...(languages.length ? { languages } : {}) } },
        now,
      ),
    ],
    [
      [SLUG_TAKEN, () => slugTakenError(deps.d1, slug)],
      [
        LIMIT_GUARD,
        async () => {
          const latest = await getAdminEvent(deps.d1, id);
          return new DomainError("invalid", {}, { capacity: capacityTaken(latest.soldCount, latest.heldCount) });
        },
      ],
    ],
  );
}
