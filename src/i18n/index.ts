// The edge's way into the catalogues: pick one for a reader, then say errors and field
// issues in it.
import type { ConfigError, DomainError, DomainErrorCode, DomainErrorParams } from "@/domain/errors";
import type { FieldIssue, FieldIssues } from "@/domain/issues";
import { en } from "@/i18n/en";
import { es } from "@/i18n/es";
import { describeIssue, type Messages } from "@/i18n/messages";

export type { Messages } from "@/i18n/messages";

/**
 * Languages with a catalogue, in the order the language switch lists them. Adding a language
 * is one catalogue file and one entry here (see the README).
 */
export const catalogues = { en, es } satisfies Record<string, Messages>;
export type Locale = keyof typeof catalogues;
export const locales = Object.keys(catalogues) as Locale[];

/** The language every text falls back to when a reader's has none. */
export const defaultLocale: Locale = "en";

/** `value` as one of our languages ("es-PE" → "es"), or undefined. */
export function localeFrom(value: string | null | undefined): Locale | undefined {
  const base = (value ?? "").trim().toLowerCase().split(/[-_]/)[0];
  return base && Object.hasOwn(catalogues, base) ? (base as Locale) : undefined;
}

/** The catalogue for `locale`; the default language's for anything without one. */
export function messagesFor(locale?: string | null): Messages {
  return catalogues[localeFrom(locale) ?? defaultLocale];
}

/** The sentence for an error code and its parameters. */
export function errorSentence<C extends DomainErrorCode>(m: Messages, code: C, params: DomainErrorParams[C]): string {
  return (m.errors[code] as (p: DomainErrorParams[C]) => string)(params);
}

/** What a DomainError says to a person, in `m`'s language. */
export function errorMessage(err: DomainError, m: Messages): string {
  return errorSentence(m, err.code, err.params);
}

/** The sentence for one field issue. */
export function fieldMessage(issue: FieldIssue, m: Messages): string {
  return describeIssue(m.fields, issue);
}

/** Field path → sentence, for forms and the API's `fields`. */
export function fieldMessages(fields: FieldIssues | undefined, m: Messages): Record<string, string> {
  return Object.fromEntries(Object.entries(fields ?? {}).map(([path, issue]) => [path, describeIssue(m.fields, issue)]));
}

/** Field path → field code, for machines (the API's `fieldCodes`). */
export function fieldCodesOf(fields: FieldIssues | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(fields ?? {}).map(([path, issue]) => [path, issue.code]));
}

/** What a settings problem says, naming the setting and never its value. */
export function configMessage(err: ConfigError, m: Messages): string {
  const problem = err.problem;
  if (!problem) return err.message;
  return (m.config[problem.problem] as (p: typeof problem) => string)(problem);
}
