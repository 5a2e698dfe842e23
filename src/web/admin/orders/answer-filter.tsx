import type { Question } from "@/generated/prisma/client";
import type { AttendeeFilter } from "@/domain/orders/admin-queries";
import { optionsOf } from "@/domain/questions/model";
import { useMessages } from "@/web/shared/i18n";

/**
 * The attendee list's filter by answer: one choice per option of each choice or yes/no
 * question (e.g. Dietary requirements: Vegan), sent as `answer=<questionId>:<value>`.
 */
export function AnswerFilter(props: { questions: Question[]; filter: AttendeeFilter }) {
  const m = useMessages();
  const words = m.questions.answers;
  const filterable = props.questions.filter((q) => q.type === "choice" || q.type === "multi_choice" || q.type === "yes_no");
  if (!filterable.length) return null;
  const chosen = props.filter.answer ? `${props.filter.answer.questionId}:${props.filter.answer.value}` : "";
  return (
    <div class="field">
      <label for="answer">{words.filterAnswer}</label>
      <select id="answer" name="answer">
        <option value="">{words.filterAny}</option>
        {filterable.map((q) => {
          const options = q.type === "yes_no" ? [{ id: "yes", label: words.yes }, { id: "no", label: words.no }] : optionsOf(q);
          return (
            <optgroup label={q.label}>
              {options.map((o) => (
                <option value={`${q.id}:${o.id}`} selected={chosen === `${q.id}:${o.id}`}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          );
        })}
      </select>
    </div>
  );
}
