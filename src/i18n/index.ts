// The edge's way into the catalogues: pick one for a reader, then say errors and field
// issues in it.
import type { ConfigError, DomainError, DomainErrorCode, DomainErrorParams } from "@/domain/errors";
import type { FieldIssue, FieldIssues } from "@/domain/issues";
import { en } from "@/i18n/en";
import { describeIssue, type Messages } from "@/i18n/messages";

export type { Messages } from "@/i18n/messages";

/** Languages with a catalogue. */
export const locales = ["en"] as const;
export type Locale = (typeof locales)[number];

const catalogues: Record<Locale, Messages> = { en };

/** The catalogue for `locale`; English for anything without one yet. */
export function messagesFor(locale?: string | null): Messages {
  const base = (locale ?? "").toLowerCase().split("-")[0] as Locale;
  return catalogues[base] ?? en;
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
