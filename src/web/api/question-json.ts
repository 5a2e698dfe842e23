import type { Question } from "@/generated/prisma/client";
import { questionInLanguage, questionVersions, tierIdsOf } from "@/domain/questions/model";

/**
 * The questions an order is asked, texts in `language` (main language where none was
 * written): what `answers` in an order may hold. `per`: "attendee" answers go in each ticket's
 * `answers`, "order" ones in the order's own. `tiers` empty: asked for every tier.
 */
export function questionsJson(questions: readonly Question[], mainLanguage: string, language: string) {
  return questions.map((q) => {
    const local = questionInLanguage(q, language, mainLanguage);
    return {
      id: q.id,
      type: q.type,
      label: local.label,
      help: local.help,
      required: q.required,
      per: q.per,
      tiers: tierIdsOf(q),
      options: local.choices.map((o) => ({ id: o.id, label: o.label, ...(o.details ? { asksForDetails: true } : {}) })),
      translations: questionVersions(q, mainLanguage),
    };
  });
}
