import type { LocalizedQuestion } from "@/domain/questions/model";
import { QuestionField, type AnswerValues } from "@/web/public/question-fields";
import { ErrorSummary } from "@/web/shared/form-parts";
import { useMessages } from "@/web/shared/i18n";
import { Layout } from "@/web/shared/layout";

/**
 * A ticket holder's own answers to the organisers' questions, through their ticket link: the
 * same controls as the registration form, filled in with what they answered. Works without
 * JavaScript; every error at once.
 */
export function AnswersPage(props: {
  token: string;
  eventTitle: string;
  attendeeName: string;
  /** Until when answers may change, in the event's zone, in words. */
  until: string;
  questions: LocalizedQuestion[];
  values: AnswerValues;
  errors: Record<string, string>;
}) {
  const m = useMessages();
  const w = m.selfService.panel;
  const labels = Object.fromEntries(props.questions.map((q) => [`answers.${q.id}`, q.label]));
  return (
    <Layout title={w.answersTitle({ event: props.eventTitle })} noindex>
      <h1>{w.answersHeading}</h1>
      <p>{w.answersIntro({ name: props.attendeeName, at: props.until })}</p>
      {Object.keys(props.errors).length > 0 && <ErrorSummary message={w.fixThese} errors={props.errors} labels={labels} />}
      <form method="post" action={`/tickets/${props.token}/answers`} novalidate>
        {props.questions.map((question) => (
          <QuestionField question={question} prefix="answers" values={props.values} errors={props.errors} />
        ))}
        <button type="submit" class="button-primary">
          {w.answersSubmit}
        </button>
      </form>
      <p>
        <a href={`/tickets/${props.token}#manage`}>{w.backToTicket}</a>
      </p>
    </Layout>
  );
}
