// Attendee questions: what the organisers ask when people register. A question's options and
// the tiers it applies to are JSON columns; this file reads them once into plain shapes. The
// label and help have a version per language (events/translations.ts); so does each option.
import type { Question } from "@/generated/prisma/client";
import { inLanguage, readTranslations, type InLanguage } from "@/domain/events/translations";

export const questionTypes = ["text", "long_text", "choice", "multi_choice", "yes_no", "number", "country", "phone", "email"] as const;
export type QuestionType = (typeof questionTypes)[number];
export const questionPers = ["attendee", "order"] as const;
export type QuestionPer = (typeof questionPers)[number];

/** The question texts with a version per language. */
export const questionTextFields = ["label", "help"] as const;
export type QuestionTextField = (typeof questionTextFields)[number];

/** Longest answers kept, by type (longer ones are refused, never cut). */
export const answerLimits = { text: 200, long_text: 2000, details: 200, number: 20, phone: 30, email: 254 } as const;

/** One option of a choice question: `details` asks for a line of text beside it ("Other: …"). */
export type QuestionOption = { id: string; label: string; details: boolean; translations: Record<string, string> };

export const isChoice = (type: string) => type === "choice" || type === "multi_choice";

/** A question's options as stored; anything malformed reads as none. */
export function optionsOf(question: Pick<Question, "options">): QuestionOption[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(question.options || "[]");
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.flatMap((o) => {
    if (!o || typeof o !== "object" || typeof o.id !== "string" || typeof o.label !== "string") return [];
    const translations: Record<string, string> = {};
    if (o.translations && typeof o.translations === "object") {
      for (const [lang, text] of Object.entries(o.translations as Record<string, unknown>)) if (typeof text === "string" && text.trim()) translations[lang] = text;
    }
    return [{ id: o.id, label: o.label, details: o.details === true, translations }];
  });
}

/** The tiers a question is asked for; empty means every tier. */
export function tierIdsOf(question: Pick<Question, "tierIds">): string[] {
  try {
    const parsed: unknown = JSON.parse(question.tierIds || "[]");
    return Array.isArray(parsed) ? parsed.filter((t): t is string => typeof t === "string") : [];
  } catch {
    return [];
  }
}

/** Whether `question` is asked of an attendee of `tierId`. */
export const askedFor = (question: Pick<Question, "tierIds">, tierId: string) => {
  const tiers = tierIdsOf(question);
  return tiers.length === 0 || tiers.includes(tierId);
};

/** Whether a question is still asked (not retired). */
export const isAsked = (question: Pick<Question, "retiredAt">) => question.retiredAt === null;

/** A question with its label, help and options in `lang` (the event's main language where none was written). */
export type LocalizedQuestion = InLanguage<Question, QuestionTextField> & { choices: Array<QuestionOption & { lang: string }> };

export function questionInLanguage(question: Question, lang: string, mainLang: string): LocalizedQuestion {
  const local = inLanguage(question, questionTextFields, lang, mainLang);
  const choices = optionsOf(question).map((o) => {
    const text = lang === mainLang ? undefined : o.translations[lang];
    return { ...o, label: text ?? o.label, lang: text ? lang : mainLang };
  });
  return { ...local, choices };
}

/** Every language's version of a question's label and help (the main language's included). */
export function questionVersions(question: Question, mainLang: string) {
  const main: Partial<Record<QuestionTextField, string>> = {};
  for (const field of questionTextFields) if (question[field]) main[field] = question[field];
  return { [mainLang]: main, ...readTranslations(question.translations, questionTextFields) };
}

/** A stored answer's value as the API gives it back: text, option ids, a boolean or a number. */
export function answerValue(type: string, value: string): string | string[] | boolean | number {
  if (type === "multi_choice") {
    try {
      const ids: unknown = JSON.parse(value);
      return Array.isArray(ids) ? ids.filter((v): v is string => typeof v === "string") : [];
    } catch {
      return [];
    }
  }
  if (type === "yes_no") return value === "yes";
  if (type === "number") return Number(value);
  return value;
}
