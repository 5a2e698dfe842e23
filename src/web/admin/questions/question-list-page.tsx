import type { Event, Question } from "@/generated/prisma/client";
import type { StaffIdentity } from "@/domain/staff/roles";
import type { QuestionPer, QuestionType } from "@/domain/questions/model";
import { AdminLayout, CsrfField } from "@/web/admin/admin-layout";
import { DataTable, type Column } from "@/web/admin/data-table";
import { Notice } from "@/web/admin/events/fields";
import { useMessages } from "@/web/shared/i18n";

type Props = { staff: StaffIdentity; csrfToken: string; event: Event; questions: Question[]; answers: Map<string, number>; notice?: string | undefined };

/** A small form posting one action on a question. */
function Action(props: { href: string; label: string; csrfToken: string; question: string }) {
  return (
    <form method="post" action={props.href} class="inline-action">
      <CsrfField token={props.csrfToken} />
      <button type="submit" class="button-link" aria-label={`${props.label}: ${props.question}`}>
        {props.label}
      </button>
    </form>
  );
}

/** `/admin/events/:id/questions`: the event's questions in order, with links to change them. */
export function QuestionListPage(props: Props) {
  const m = useMessages();
  const words = m.questions.list;
  const last = props.questions.length - 1;
  const columns: Column<Question>[] = [
    { heading: words.columns.label, rowHeader: true, cell: (q) => q.label },
    { heading: words.columns.type, cell: (q) => m.questions.types[q.type as QuestionType] ?? q.type },
    { heading: words.columns.per, cell: (q) => m.questions.pers[q.per as QuestionPer]?.label ?? q.per },
    { heading: words.columns.required, cell: (q) => (q.required ? words.required : words.optional) },
    { heading: words.columns.status, cell: (q) => (q.retiredAt ? words.retired : words.asked) },
    { heading: words.columns.answers, numeric: true, cell: (q) => m.format.number(props.answers.get(q.id) ?? 0) },
    {
      heading: words.columns.actions,
      cell: (q) => {
        const i = props.questions.indexOf(q);
        return (
          <ul class="admin-links">
            <li>
              <a href={`/admin/questions/${q.id}/edit`} aria-label={`${words.edit}: ${q.label}`}>
                {words.edit}
              </a>
            </li>
            {i > 0 && <li><Action href={`/admin/questions/${q.id}/up`} label={words.moveUp} csrfToken={props.csrfToken} question={q.label} /></li>}
            {i < last && <li><Action href={`/admin/questions/${q.id}/down`} label={words.moveDown} csrfToken={props.csrfToken} question={q.label} /></li>}
            <li>
              {q.retiredAt ? (
                <Action href={`/admin/questions/${q.id}/restore`} label={words.restore} csrfToken={props.csrfToken} question={q.label} />
              ) : (
                <Action href={`/admin/questions/${q.id}/retire`} label={words.retire} csrfToken={props.csrfToken} question={q.label} />
              )}
            </li>
          </ul>
        );
      },
    },
  ];
  return (
    <AdminLayout title={words.title({ event: props.event.title })} staff={props.staff} csrfToken={props.csrfToken} current="/admin">
      <p class="breadcrumb">
        <a href={`/admin/events/${props.event.id}/edit`}>← {props.event.title}</a>
      </p>
      <h1>{words.heading}</h1>
      <Notice text={props.notice} />
      <p>{words.intro}</p>
      <DataTable caption={words.caption} captionHidden columns={columns} rows={props.questions} empty={words.empty} stack />
      <p>
        <a class="button-secondary" href={`/admin/events/${props.event.id}/questions/new`}>
          {words.add}
        </a>
      </p>
    </AdminLayout>
  );
}
