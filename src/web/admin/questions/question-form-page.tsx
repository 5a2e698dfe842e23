import type { Event, Question, TicketType } from "@/generated/prisma/client";
import type { StaffIdentity } from "@/domain/staff/roles";
import { questionPers, questionTypes } from "@/domain/questions/model";
import { formList, formText, questionTextLimits, questionVersionName, type QuestionFormValues } from "@/domain/questions/question-input";
import type { QuestionFieldKey } from "@/i18n/areas/questions";
import { catalogues, locales } from "@/i18n";
import { AdminLayout, CsrfField } from "@/web/admin/admin-layout";
import { Input, Radios, Select, TextArea } from "@/web/admin/events/fields";
import { ErrorSummary, FieldNotes, fieldId } from "@/web/shared/form-parts";
import { useMessages } from "@/web/shared/i18n";

type Props = {
  staff: StaffIdentity;
  csrfToken: string;
  event: Event & { ticketTypes: TicketType[] };
  /** The question being edited; absent when adding one. */
  question?: Question | undefined;
  /** How many answers it has (its type is locked once there is one). */
  answered?: number;
  values: QuestionFormValues;
  errors: Record<string, string>;
  message?: string | undefined;
};

/** A labelled checkbox (value "yes"). */
function Checkbox(props: { name: string; label: string; legend: string; checked: boolean; hint?: string; error?: string | undefined }) {
  const id = fieldId(props.name);
  return (
    <fieldset class={props.error ? "field field-error" : "field"} id={`${id}-group`}>
      <legend>{props.legend}</legend>
      <FieldNotes id={id} hint={props.hint} error={props.error} />
      <div class="checkbox">
        <input type="checkbox" id={id} name={props.name} value="yes" checked={props.checked} aria-describedby={props.hint ? `${id}-hint` : undefined} />
        <label for={id}>{props.label}</label>
      </div>
    </fieldset>
  );
}

/** `/admin/events/:id/questions/new` and `/admin/questions/:id/edit`. */
export function QuestionFormPage(props: Props) {
  const { event, question, values: v, errors: e } = props;
  const m = useMessages();
  const words = m.questions.form;
  const heading = question ? words.edit({ label: question.label }) : words.add;
  const title = words.title({ heading, event: event.title });
  const field = (name: QuestionFieldKey) => ({ name, label: words.labels[name], value: formText(v, name), error: e[name] });
  const tiers = formList(v, "tiers");
  const others = locales.filter((l) => l !== event.mainLanguage);
  const labels: Record<string, string> = { ...words.labels };
  for (const lang of others) {
    const language = catalogues[lang].languageName;
    for (const f of ["label", "help", "options"] as const) labels[questionVersionName(lang, f)] = words.versionLabel({ field: words.labels[f], language });
  }
  return (
    <AdminLayout title={props.message ? m.admin.errorTitle({ title }) : title} staff={props.staff} csrfToken={props.csrfToken} current="/admin">
      <p class="breadcrumb">
        <a href={`/admin/events/${event.id}/questions`}>← {m.questions.list.heading}</a>
      </p>
      <h1>{heading}</h1>
      {props.message && <ErrorSummary message={props.message} errors={e} labels={labels} />}
      <form method="post" action={question ? `/admin/questions/${question.id}/edit` : `/admin/events/${event.id}/questions/new`} novalidate class="admin-form">
        <CsrfField token={props.csrfToken} />
        <Input {...field("label")} required maxlength={questionTextLimits.label} />
        <Input {...field("help")} maxlength={questionTextLimits.help} hint={words.hints.help} />
        <Select
          {...field("type")}
          hint={props.answered ? `${words.hints.type} ${words.hints.answered({ count: props.answered })}` : words.hints.type}
          options={questionTypes.map((t) => [t, m.questions.types[t]])}
        />
        <TextArea {...field("options")} rows={6} hint={words.hints.options} />
        <Input {...field("detailsOption")} width="medium" maxlength={questionTextLimits.option} hint={words.hints.detailsOption} />
        <Checkbox name="required" legend={words.labels.required} label={words.requiredBox} checked={formText(v, "required") === "yes"} error={e.required} />
        <Radios {...field("per")} required options={questionPers.map((p) => ({ value: p, ...m.questions.pers[p] }))} />
        <Checkbox name="atDoor" legend={words.labels.atDoor} label={words.atDoorBox} checked={formText(v, "atDoor") === "yes"} hint={words.hints.atDoor} error={e.atDoor} />
        <fieldset class={e.tiers ? "field field-error" : "field"} id="tiers">
          <legend>{words.labels.tiers}</legend>
          <FieldNotes id="tiers" hint={words.hints.tiers} error={e.tiers} />
          {event.ticketTypes.map((tier) => (
            <div class="checkbox">
              <input type="checkbox" id={`tiers-${tier.id}`} name="tiers" value={tier.id} checked={tiers.includes(tier.id)} />
              <label for={`tiers-${tier.id}`}>{tier.name}</label>
            </div>
          ))}
        </fieldset>
        {others.map((lang) => {
          const language = catalogues[lang].languageName;
          const name = (f: "label" | "help" | "options") => questionVersionName(lang, f);
          const version = (f: "label" | "help" | "options") => ({ name: name(f), label: words.versionLabel({ field: words.labels[f], language }), value: formText(v, name(f)), error: e[name(f)], required: false });
          return (
            <details class="translation-group" open>
              <summary>{m.admin.translationFields.versionIn({ language })}</summary>
              <fieldset>
                <legend class="visually-hidden">{m.admin.translationFields.versionIn({ language })}</legend>
                <p class="hint">{m.admin.translationFields.versionHint}</p>
                <Input {...version("label")} maxlength={questionTextLimits.label} />
                <Input {...version("help")} maxlength={questionTextLimits.help} />
                <TextArea {...version("options")} rows={6} hint={words.versionOptionsHint} />
              </fieldset>
            </details>
          );
        })}
        <button type="submit" class="button-primary">
          {question ? words.save : words.addButton}
        </button>
      </form>
    </AdminLayout>
  );
}
