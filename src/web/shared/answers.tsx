import type { ShownAnswer } from "@/domain/questions/order-answers";
import { optionsOf } from "@/domain/questions/model";
import type { Messages } from "@/i18n";
import { useMessages } from "@/web/shared/i18n";
import { InLanguage } from "@/web/shared/in-language";

/**
 * An answer as a person reads it, in `m`'s language: a choice's option label (with its
 * follow-up text), yes or no, a country's name, or the text as typed. `lang` picks option
 * labels' versions (the event's main language where none was written).
 */
export function answerText(m: Messages, answer: { question: { type: string; options: string; translations?: string }; value: string; detail: string | null }, lang: string, mainLang: string): string {
  const { question, value, detail } = answer;
  const options = optionsOf(question);
  const label = (id: string) => {
    const o = options.find((x) => x.id === id);
    return o ? (lang !== mainLang && o.translations[lang]) || o.label : id;
  };
  const words = m.questions.answers;
  switch (question.type) {
    case "choice":
      return detail ? words.withDetails({ option: label(value), details: detail }) : label(value);
    case "multi_choice": {
      let ids: string[] = [];
      try {
        ids = JSON.parse(value);
      } catch {
        ids = [];
      }
      return new Intl.ListFormat(m.locale, { type: "conjunction" }).format(ids.map(label));
    }
    case "yes_no":
      return value === "yes" ? words.yes : words.no;
    case "country":
      return new Intl.DisplayNames([m.locale], { type: "region" }).of(value) ?? value;
    default:
      return value;
  }
}

/** A list of answers: each question (in its language) and the answer. */
export function AnswerList(props: { answers: ShownAnswer[]; lang: string; mainLang: string }) {
  const m = useMessages();
  if (!props.answers.length) return null;
  return (
    <dl class="facts answers">
      {props.answers.map((a) => (
        <>
          <dt>
            <InLanguage lang={a.question.textLang.label}>{a.question.label}</InLanguage>
          </dt>
          <dd>{answerText(m, a, props.lang, props.mainLang)}</dd>
        </>
      ))}
    </dl>
  );
}
