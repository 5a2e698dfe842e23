// The organiser forms' versions in other languages. Each form has its fields in the main
// language as before, and for every other language an optional group named
// "translations.<lang>.<field>" (so a refusal's path is `translations.es.title`). A version
// obeys the same limits, with the same field codes, as the main field; none is required.
//
// Which text is which: the form says `textLanguage`, the language its main fields were drawn
// in (the event's main language when the form was shown), and `mainLanguage`, the one the
// organiser chose. When they differ the texts are rearranged (translations.ts `rearrange`):
// the chosen language's versions become the main text, the old main text becomes that
// language's version, and a field with no version in the new main language keeps its text.
// The event's tiers are rearranged the same way when it is saved (admin-events `updateEvent`).
// When the chosen language has no version at all, nothing moves: the organiser has only said
// which language the main fields are in (e.g. a new event written in Spanish from the start).
//
// The programme's versions use the programme's own format, one line per item, matched to the
// main programme's items by order (blank lines skipped). The time at the start of a line is
// optional and ignored: times are the main programme's. A line with only a time (or a dash)
// leaves that item without a version; a line past the main programme's last item is refused.
import * as z from "zod";
import { cleanLine } from "@/lib/text";
import { issue, type AgendaProblem, type BareFieldCode, type FieldIssues } from "@/domain/issues";
import { addIssue, line, paragraphs } from "@/domain/events/form-input";
import { parseClock } from "@/domain/events/form-input";
import {
  agendaTextFields,
  eventTextFields,
  readTranslations,
  tierTextFields,
  type AgendaTextField,
  type EventTextField,
  type TierTextField,
  type Translations,
} from "@/domain/events/translations";
import type { AgendaItem, Event, TicketType } from "@/generated/prisma/client";

/** A version's form name: "translations.es.title". */
export const translationName = (lang: string, field: string) => `translations.${lang}.${field}`;

/** The longest each event text may be, in every language (the main fields use these too). */
export const eventTextLimits = { title: 150, summary: 300, description: 20_000, venueName: 150, venueAddress: 300, ticketEmailSubject: 150 } as const satisfies Record<EventTextField, number>;
export const tierTextLimits = { name: 100, description: 300, declarationText: 200 } as const satisfies Record<TierTextField, number>;
/** The programme's textarea, and each of its items' title and detail. */
export const agendaLimits = { text: 20_000, title: 200, detail: 500 } as const;

/** The event form's versions, in the order the form shows them: its texts, then the programme. */
export const eventVersionFields = [...eventTextFields, "agenda"] as const;
export type EventVersionField = (typeof eventVersionFields)[number];

/** Every form name the language part of the event form may send, for `formShape`. */
export const eventLanguageNames = (languages: readonly string[]) => ["mainLanguage", "textLanguage", ...languages.flatMap((l) => eventVersionFields.map((f) => translationName(l, f)))];
/** Every form name the language part of the tier form may send. */
export const tierLanguageNames = (languages: readonly string[]) => languages.flatMap((l) => tierTextFields.map((f) => translationName(l, f)));

export type TranslatedAgendaLine = { line: number; title: string; detail: string };

/** One programme version: a title and detail per line, by order ("" for an item left without one). */
export function parseTranslatedAgenda(text: string): { items: TranslatedAgendaLine[] } | { problems: AgendaProblem[] } {
  const items: TranslatedAgendaLine[] = [];
  const problems: AgendaProblem[] = [];
  text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .forEach((raw, i) => {
      const value = cleanLine(raw);
      if (!value) return;
      const m = /^(\d{1,2}[:.]\d{2})(?:\s+|$)(.*)$/.exec(value);
      const rest = (m && parseClock(m[1]!) ? m[2]! : value).trim();
      if (/^[—–-]?$/.test(rest)) {
        items.push({ line: i + 1, title: "", detail: "" });
        return;
      }
      const [title = "", ...more] = rest.split(/\s+[—–-]\s+/);
      const detail = more.join(" — ");
      if (title.length > agendaLimits.title) problems.push({ line: i + 1, problem: "title_too_long" });
      else if (detail.length > agendaLimits.detail) problems.push({ line: i + 1, problem: "detail_too_long" });
      else items.push({ line: i + 1, title, detail });
    });
  if (items.length > 100) problems.push({ problem: "too_many_lines" });
  return problems.length ? { problems } : { items };
}

const optional = <T extends z.ZodType<unknown, string>>(schema: T) => z.string().optional().transform((v) => v ?? "").pipe(schema);

const translatedAgenda = () =>
  z
    .string()
    .max(agendaLimits.text, "too_long")
    .transform((text, ctx) => {
      const parsed = parseTranslatedAgenda(text);
      if ("problems" in parsed) {
        addIssue(ctx, issue("agenda_invalid", { problems: parsed.problems }));
        return z.NEVER;
      }
      return parsed.items;
    });

const eventVersionSchemas = () => ({
  title: line(eventTextLimits.title),
  summary: line(eventTextLimits.summary),
  description: paragraphs(eventTextLimits.description),
  venueName: line(eventTextLimits.venueName),
  venueAddress: line(eventTextLimits.venueAddress),
  ticketEmailSubject: line(eventTextLimits.ticketEmailSubject),
  agenda: translatedAgenda(),
});

const tierVersionSchemas = () => ({
  name: line(tierTextLimits.name),
  description: line(tierTextLimits.description),
  declarationText: line(tierTextLimits.declarationText),
});

function versionsShape<S extends Record<string, z.ZodType<unknown, string>>>(languages: readonly string[], schemas: S) {
  const shape: Record<string, z.ZodType> = {};
  for (const lang of languages) for (const [field, schema] of Object.entries(schemas)) shape[translationName(lang, field)] = optional(schema);
  return shape;
}

/** One of `languages`; blank means `fallback` (a form, or a script, that does not send it). */
const languageChoice = (languages: readonly string[], fallback: string, required: BareFieldCode) =>
  z
    .string()
    .optional()
    .transform((v) => v?.trim() || fallback)
    .pipe(z.string().refine((v) => languages.includes(v), required));

/**
 * The event form's language fields: the main language (one of `languages`; blank keeps
 * `current`), the language the main fields are in, and each other language's versions.
 */
export function eventLanguageShape(languages: readonly string[], current: string) {
  return {
    mainLanguage: languageChoice(languages, current, "invalid"),
    // Not shown to the organiser: a value we do not offer is read as `current`.
    textLanguage: z
      .string()
      .optional()
      .transform((v) => (v && languages.includes(v.trim()) ? v.trim() : current)),
    ...versionsShape(languages, eventVersionSchemas()),
  };
}

/** The tier form's versions, for every language but the event's main one. */
export function tierLanguageShape(languages: readonly string[]) {
  return versionsShape(languages, tierVersionSchemas());
}

/** The texts a parsed form gives for each language other than `skip`, as stored (empty ones dropped). */
export function versionsOf<F extends string>(values: Record<string, unknown>, languages: readonly string[], fields: readonly F[], skip: string): Translations<F> {
  const out: Translations<F> = {};
  for (const lang of languages) {
    if (lang === skip) continue;
    for (const field of fields) {
      const text = values[translationName(lang, field)];
      if (typeof text === "string" && text.trim() !== "") (out[lang] ??= {})[field] = text;
    }
  }
  return out;
}

/** Each language's programme version, for every language but `skip`. */
export function agendaVersionsOf(values: Record<string, unknown>, languages: readonly string[], skip: string): Record<string, TranslatedAgendaLine[]> {
  const out: Record<string, TranslatedAgendaLine[]> = {};
  for (const lang of languages) {
    const items = values[translationName(lang, "agenda")];
    if (lang !== skip && Array.isArray(items) && items.length) out[lang] = items as TranslatedAgendaLine[];
  }
  return out;
}

/** Where a programme version has more lines than the main programme has items. */
export function agendaBeyondMain(versions: Record<string, TranslatedAgendaLine[]>, mainCount: number): FieldIssues {
  const found: FieldIssues = {};
  for (const [lang, items] of Object.entries(versions)) {
    const extra = items.slice(mainCount);
    if (extra.length) found[translationName(lang, "agenda")] = issue("agenda_invalid", { problems: extra.map((l) => ({ line: l.line, problem: "beyond_main" as const })) });
  }
  return found;
}

/** Records field issues on a zod context. */
export function addIssues(ctx: z.RefinementCtx, found: FieldIssues) {
  for (const [path, f] of Object.entries(found)) addIssue(ctx, f, path);
}

/** An event's stored versions as its form shows them, with its languages. */
export function eventLanguageValues(event: Event, agenda: AgendaItem[], agendaLine: (item: AgendaItem) => string): Record<string, string> {
  const values: Record<string, string> = { mainLanguage: event.mainLanguage, textLanguage: event.mainLanguage };
  for (const [lang, texts] of Object.entries(readTranslations(event.translations, eventTextFields))) {
    for (const [field, text] of Object.entries(texts)) values[translationName(lang, field)] = text ?? "";
  }
  const langs = new Set(agenda.flatMap((item) => Object.keys(readTranslations(item.translations, agendaTextFields))));
  for (const lang of langs) {
    values[translationName(lang, "agenda")] = agenda
      .map((item) => {
        const version = readTranslations<AgendaTextField>(item.translations, agendaTextFields)[lang] ?? {};
        const title = version.title ?? "";
        const detail = version.detail ?? "";
        return `${agendaLine(item)} ${title}${detail ? ` — ${detail}` : ""}`.trimEnd();
      })
      .join("\n");
  }
  return values;
}

/** A tier's stored versions as its form shows them. */
export function tierLanguageValues(tier: TicketType): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [lang, texts] of Object.entries(readTranslations(tier.translations, tierTextFields))) {
    for (const [field, text] of Object.entries(texts)) values[translationName(lang, field)] = text ?? "";
  }
  return values;
}
