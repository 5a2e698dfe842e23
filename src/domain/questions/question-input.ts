// The organisers' question form: every field arrives as typed (strings; the tier boxes as a
// list). This turns it into a question row, or every field issue at once. Options are one per
// line, in the main language and, line for line, in each other language; an option keeps its
// id while its text stays (or stays at its place), so renaming one keeps its answers.
import type { Question } from "@/generated/prisma/client";
import { issue, type FieldIssues } from "@/domain/issues";
import { writeTranslations, type Translations } from "@/domain/events/translations";
import { cleanLine } from "@/lib/text";
import { optionsOf, questionPers, questionTextFields, questionTypes, tierIdsOf, isChoice, type QuestionOption, type QuestionTextField } from "@/domain/questions/model";
import type { QuestionRow } from "@/domain/questions/repo";

/** The form's values as typed. `tiers` lists the ticked tiers (none: every tier). */
export type QuestionFormValues = Record<string, string | string[] | undefined>;

/** A field's text (the first, if it came more than once). */
export const formText = (values: QuestionFormValues, name: string): string => {
  const v = values[name];
  return (Array.isArray(v) ? v[0] : v) ?? "";
};
/** A field's values as a list (ticked boxes). */
export const formList = (values: QuestionFormValues, name: string): string[] => {
  const v = values[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
};

export const questionTextLimits = { label: 200, help: 300, option: 100, options: 30 } as const;

/** The form's field name of a language's version ("translations.es.label"). */
export const questionVersionName = (lang: string, field: QuestionTextField | "options") => `translations.${lang}.${field}`;

/** Every field name the form may send. */
export const questionFieldNames = (languages: readonly string[]) => [
  "label", "help", "type", "options", "detailsOption", "required", "per", "atDoor",
  ...languages.flatMap((l) => [...questionTextFields, "options" as const].map((f) => questionVersionName(l, f))),
];

const lines = (text: string | undefined) => (text ?? "").split(/\r?\n/).map(cleanLine).filter(Boolean);

/** A short id for a new option, from its text ("Gluten-free" → "gluten-free"), unique among `taken`. */
function optionId(label: string, taken: Set<string>) {
  const base = label.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 24) || "option";
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/** The options as written, keeping the ids of `before`'s options by text, then by place. */
function optionsFrom(labels: string[], before: QuestionOption[], detailsOption: string): QuestionOption[] {
  const taken = new Set<string>();
  const kept = labels.map((label, i) => {
    const same = before.find((o) => o.label === label && !taken.has(o.id));
    const placed = before[i] && !labels.includes(before[i].label) && !taken.has(before[i].id) ? before[i] : undefined;
    const id = (same ?? placed)?.id;
    if (id) taken.add(id);
    return id;
  });
  return labels.map((label, i) => ({ id: kept[i] ?? optionId(label, taken), label, details: label === detailsOption, translations: {} }));
}

/**
 * The question a form describes (for event `eventTiers`, main language `mainLanguage`), or its
 * issues by field name. `before` is the question being edited (its options keep their ids).
 */
export function questionFromForm(
  values: QuestionFormValues,
  context: { languages: readonly string[]; mainLanguage: string; eventTiers: string[]; before?: Question | undefined; sortOrder: number },
): { row: QuestionRow } | { fields: FieldIssues } {
  const fields: FieldIssues = {};
  const label = cleanLine(formText(values, "label"));
  const help = cleanLine(formText(values, "help"));
  if (!label) fields.label = issue("question_label_required");
  else if (label.length > questionTextLimits.label) fields.label = issue("too_long", { max: questionTextLimits.label });
  if (help.length > questionTextLimits.help) fields.help = issue("too_long", { max: questionTextLimits.help });
  const type = (questionTypes as readonly string[]).includes(formText(values, "type")) ? formText(values, "type") : undefined;
  if (!type) fields.type = issue("required");
  const per = (questionPers as readonly string[]).includes(formText(values, "per")) ? formText(values, "per") : undefined;
  if (!per) fields.per = issue("required");
  const tiers = formList(values, "tiers").filter((t) => t !== "");
  if (tiers.some((t) => !context.eventTiers.includes(t))) fields.tiers = issue("not_allowed");

  const labels = type && isChoice(type) ? lines(formText(values, "options")) : [];
  const detailsOption = cleanLine(formText(values, "detailsOption"));
  if (type && isChoice(type)) {
    if (labels.length < 2) fields.options = issue("question_options_required");
    else if (labels.length > questionTextLimits.options) fields.options = issue("too_many", { max: questionTextLimits.options });
    else if (labels.some((l) => l.length > questionTextLimits.option)) fields.options = issue("too_long", { max: questionTextLimits.option });
    if (detailsOption && (type !== "choice" || !labels.includes(detailsOption))) fields.detailsOption = issue("not_allowed");
  }
  const options = optionsFrom(labels, context.before ? optionsOf(context.before) : [], detailsOption);

  const translations: Translations<QuestionTextField> = {};
  for (const lang of context.languages) {
    if (lang === context.mainLanguage) continue;
    const version: Partial<Record<QuestionTextField, string>> = {};
    for (const field of questionTextFields) {
      const name = questionVersionName(lang, field);
      const text = cleanLine(formText(values, name));
      if (text.length > questionTextLimits[field]) fields[name] = issue("too_long", { max: questionTextLimits[field] });
      if (text) version[field] = text;
    }
    translations[lang] = version;
    const optionsName = questionVersionName(lang, "options");
    const versions = lines(formText(values, optionsName));
    if (versions.length > options.length || versions.some((l) => l.length > questionTextLimits.option)) fields[optionsName] = issue("too_many", { max: options.length });
    versions.forEach((text, i) => {
      if (options[i]) options[i].translations[lang] = text;
    });
  }
  if (Object.keys(fields).length) return { fields };
  return {
    row: {
      type: type!,
      label,
      help,
      options: JSON.stringify(options),
      required: formText(values, "required") === "yes",
      tierIds: JSON.stringify(tiers),
      per: per!,
      atDoor: formText(values, "atDoor") === "yes",
      sortOrder: context.sortOrder,
      translations: writeTranslations(translations, questionTextFields),
    },
  };
}

/** A question's form values, for editing it. */
export function questionFormValues(question: Question, languages: readonly string[], mainLanguage: string): QuestionFormValues {
  const options = optionsOf(question);
  const values: QuestionFormValues = {
    label: question.label,
    help: question.help,
    type: question.type,
    options: options.map((o) => o.label).join("\n"),
    detailsOption: options.find((o) => o.details)?.label ?? "",
    required: question.required ? "yes" : "",
    per: question.per,
    atDoor: question.atDoor ? "yes" : "",
    tiers: tierIdsOf(question),
  };
  let versions: Record<string, Record<string, string>> = {};
  try {
    versions = JSON.parse(question.translations || "{}");
  } catch {
    versions = {};
  }
  for (const lang of languages) {
    if (lang === mainLanguage) continue;
    for (const field of questionTextFields) values[questionVersionName(lang, field)] = versions[lang]?.[field] ?? "";
    values[questionVersionName(lang, "options")] = options.map((o) => o.translations[lang] ?? "").join("\n").replace(/\n+$/, "");
  }
  return values;
}

/** A new question's form: a required short-text question for every attendee. */
export const blankQuestionValues = (): QuestionFormValues => ({ label: "", help: "", type: "text", options: "", detailsOption: "", required: "", per: "attendee", atDoor: "", tiers: [] });
