// The dashboard's counts of choice answers ("12 vegetarian, 3 vegan"): for each single or
// multiple choice question still asked, how many valid tickets chose each option.
import { choiceCounts, listQuestions } from "@/domain/questions/repo";
import { isAsked, optionsOf, type QuestionOption } from "@/domain/questions/model";

export type ChoiceTally = { questionId: string; label: string; options: Array<{ option: QuestionOption; count: number }> };

/** Each choice question's options with their counts, in the question's and the options' order. */
export async function choiceTallies(d1: D1Database, eventId: string): Promise<ChoiceTally[]> {
  const [questions, counts] = await Promise.all([listQuestions(d1, eventId), choiceCounts(d1, eventId)]);
  return questions
    .filter((q) => isAsked(q) && (q.type === "choice" || q.type === "multi_choice"))
    .map((q) => ({
      questionId: q.id,
      label: q.label,
      options: optionsOf(q).map((option) => ({ option, count: counts.find((c) => c.questionId === q.id && c.value === option.id)?.count ?? 0 })),
    }));
}
