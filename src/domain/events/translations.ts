// Organisers' texts in more than one language. Each event, tier and agenda item keeps its
// main-language text in its own columns (what search, slugs and the organiser lists read)
// and every other language's version in a `translations` JSON column:
// { "es": { "title": "…", "summary": "…" } }. A reader gets their language's version where
// the organisers wrote one, and the main language's otherwise, told which it got so the page
// can mark it up with its own `lang`. Languages are plain tags here ("en", "es"); which ones
// are offered is the catalogues' business (src/i18n).
import type { AgendaItem, Event, TicketType } from "@/generated/prisma/client";

/** The organiser texts each record has in more than one language. */
export const eventTextFields = ["title", "summary", "description", "venueName", "venueAddress", "ticketEmailSubject"] as const;
export const tierTextFields = ["name", "description", "declarationText"] as const;
export const agendaTextFields = ["title", "detail"] as const;

export type EventTextField = (typeof eventTextFields)[number];
export type TierTextField = (typeof tierTextFields)[number];
export type AgendaTextField = (typeof agendaTextFields)[number];

/** Language → field → text. Only non-empty texts are kept. */
export type Translations<F extends string = string> = Record<string, Partial<Record<F, string>>>;

const languageTag = /^[a-z]{2,3}$/;

/** The stored JSON as translations; anything malformed reads as none (never throws). */
export function readTranslations<F extends string>(json: string | null | undefined, fields: readonly F[]): Translations<F> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json || "{}");
  } catch {
    return {};
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return {};
  const out: Translations<F> = {};
  for (const [lang, texts] of Object.entries(parsed as Record<string, unknown>)) {
    if (!languageTag.test(lang) || !texts || typeof texts !== "object") continue;
    const kept: Partial<Record<F, string>> = {};
    for (const field of fields) {
      const text = (texts as Record<string, unknown>)[field];
      if (typeof text === "string" && text.trim() !== "") kept[field] = text;
    }
    if (Object.keys(kept).length) out[lang] = kept;
  }
  return out;
}

/** Translations as stored: empty texts and languages dropped, keys in a stable order. */
export function writeTranslations<F extends string>(translations: Translations<F>, fields: readonly F[]): string {
  const out: Record<string, Record<string, string>> = {};
  for (const lang of Object.keys(translations).sort()) {
    if (!languageTag.test(lang)) continue;
    const kept: Record<string, string> = {};
    for (const field of fields) {
      const text = translations[lang]?.[field]?.trim();
      if (text) kept[field] = text;
    }
    if (Object.keys(kept).length) out[lang] = kept;
  }
  return JSON.stringify(out);
}

/** A record's texts in one language, and for each text the language it is really in. */
export type InLanguage<T, F extends keyof T> = T & { textLang: Record<F, string> };

/**
 * `record` with its texts in `lang` where a version exists, the main language's otherwise.
 * `textLang` says, per field, which language the text is in (for the page's `lang` markup).
 */
export function inLanguage<T extends { translations: string }, F extends keyof T & string>(
  record: T,
  fields: readonly F[],
  lang: string,
  mainLang: string,
): InLanguage<T, F> {
  const versions: Partial<Record<F, string>> = lang === mainLang ? {} : (readTranslations(record.translations, fields)[lang] ?? {});
  const out = { ...record, textLang: {} as Record<F, string> };
  for (const field of fields) {
    const text = versions[field];
    if (text !== undefined && record[field] !== null) {
      (out as Record<string, unknown>)[field] = text;
      out.textLang[field] = lang;
    } else {
      out.textLang[field] = mainLang;
    }
  }
  return out;
}

/** Every language's version of a record's texts, the main language's included (the API's `translations`). */
export function allVersions<T extends { translations: string }, F extends keyof T & string>(record: T, fields: readonly F[], mainLang: string): Translations<F> {
  const main: Partial<Record<F, string>> = {};
  for (const field of fields) {
    const text = record[field];
    if (typeof text === "string" && text !== "") main[field] = text;
  }
  return { [mainLang]: main, ...readTranslations(record.translations, fields) };
}

export type LocalizedEvent = InLanguage<Event, EventTextField>;
export type LocalizedTier = InLanguage<TicketType, TierTextField>;
export type LocalizedAgendaItem = InLanguage<AgendaItem, AgendaTextField>;

/** An event, its tiers and its agenda in `lang`, falling back to the event's main language. */
export function eventInLanguage(event: Event, lang: string): LocalizedEvent {
  return inLanguage(event, eventTextFields, lang, event.mainLanguage);
}
export function tierInLanguage(tier: TicketType, lang: string, mainLang: string): LocalizedTier {
  return inLanguage(tier, tierTextFields, lang, mainLang);
}
export function agendaInLanguage(item: AgendaItem, lang: string, mainLang: string): LocalizedAgendaItem {
  return inLanguage(item, agendaTextFields, lang, mainLang);
}

/**
 * A record's texts when its main language changes from `from` to `to`: the `to` version
 * becomes the main text (field by field; a field with no `to` version keeps the old main
 * text, so a required field is never left empty), and the old main text becomes the `from`
 * version. Nothing is lost: every text written stays, under the language it was written in.
 */
export function rearrange<F extends string, M extends Partial<Record<F, string | null>>>(
  fields: readonly F[],
  main: M,
  versions: Translations<F>,
  from: string,
  to: string,
): { main: M; translations: Translations<F> } {
  const { [from]: _ignored, ...others } = versions;
  if (from === to) return { main, translations: others };
  const { [to]: chosen, ...rest } = others;
  const newMain = { ...main };
  const oldMain: Partial<Record<F, string>> = {};
  for (const field of fields) {
    const old = main[field];
    if (typeof old === "string" && old.trim() !== "") oldMain[field] = old;
    const text = chosen?.[field];
    if (text !== undefined && text.trim() !== "") (newMain as Record<F, string | null | undefined>)[field] = text;
  }
  return { main: newMain, translations: { ...rest, [from]: oldMain } };
}

/** The languages whose versions differ between two stored translations (for the audit log). */
export function changedLanguages(before: Translations, after: Translations): string[] {
  const langs = new Set([...Object.keys(before), ...Object.keys(after)]);
  const key = (t: Translations, lang: string) => JSON.stringify(Object.entries(t[lang] ?? {}).sort());
  return [...langs].filter((lang) => key(before, lang) !== key(after, lang)).sort();
}
