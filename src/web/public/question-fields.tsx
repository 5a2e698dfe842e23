import type { LocalizedQuestion } from "@/domain/questions/model";
import { answerLimits } from "@/domain/questions/model";
import { countryCodes } from "@/domain/questions/countries";
import { describedBy, FieldNotes, FieldShell, fieldId } from "@/web/shared/form-parts";
import { useMessages } from "@/web/shared/i18n";
import { InLanguage } from "@/web/shared/in-language";

// The attendee questions on the registration form, one control per type. Each answer's name
// is its path in the order (`tickets.0.answers.<id>`, `answers.<id>`), so the server's issues
// land on the right field; a choice's follow-up text is `<name>.details`.

/** What the form holds for answers: a question's value (a list for multiple choice), and `<id>.details`. */
export type AnswerValues = Record<string, string | string[]>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? "") : (v ?? ""));

/** Country names in the reader's language, sorted as they read. */
function countryOptions(locale: string): Array<[string, string]> {
  const names = new Intl.DisplayNames([locale], { type: "region" });
  return countryCodes.map((code): [string, string] => [code, names.of(code) ?? code]).sort((a, b) => a[1].localeCompare(b[1], locale));
}

/** One question's control, its label in the question's language. */
export function QuestionField(props: { question: LocalizedQuestion; prefix: string; values: AnswerValues; errors: Record<string, string> }) {
  const { question: q, values } = props;
  const m = useMessages();
  const words = m.questions.registration;
  const name = `${props.prefix}.${q.id}`;
  const id = fieldId(name);
  const error = props.errors[name];
  const value = values[q.id];
  const label = <InLanguage lang={q.textLang.label}>{q.label}</InLanguage>;
  const hint = q.help ? <InLanguage lang={q.textLang.help}>{q.help}</InLanguage> : undefined;
  const frame = { name, label: q.label, error, hint, required: q.required };
  const aria = { "aria-invalid": error ? "true" : undefined, "aria-describedby": describedBy(id, frame) } as const;

  if (q.type === "choice" || q.type === "multi_choice" || q.type === "yes_no") {
    const multi = q.type === "multi_choice";
    const options = q.type === "yes_no" ? [{ id: "yes", label: words.yes, lang: m.locale, details: false }, { id: "no", label: words.no, lang: m.locale, details: false }] : q.choices;
    const chosen = Array.isArray(value) ? value : value ? [value] : [];
    const detailsOption = q.choices.find((o) => o.details);
    const detailsName = `${name}.details`;
    return (
      <fieldset class={error ? "field radios field-error" : "field radios"} id={id} aria-describedby={describedBy(id, frame)}>
        <legend>
          {label}
          {!q.required && <span class="optional"> {m.public.form.optional}</span>}
        </legend>
        <FieldNotes id={id} hint={hint} error={error} />
        {options.map((o) => (
          <div class={multi ? "checkbox" : "radio"}>
            <input type={multi ? "checkbox" : "radio"} id={`${id}-${o.id}`} name={name} value={o.id} checked={chosen.includes(o.id)} />
            <label for={`${id}-${o.id}`}>
              <InLanguage lang={o.lang}>{o.label}</InLanguage>
            </label>
          </div>
        ))}
        {detailsOption && (
          <FieldShell name={detailsName} label={words.details({ option: detailsOption.label })} error={props.errors[detailsName]} required={false}>
            <input id={fieldId(detailsName)} name={detailsName} type="text" value={first(values[`${q.id}.details`])} maxlength={answerLimits.details} aria-describedby={describedBy(fieldId(detailsName), { error: props.errors[detailsName] })} />
          </FieldShell>
        )}
      </fieldset>
    );
  }
  if (q.type === "long_text") {
    return (
      <FieldShell {...frame}>
        <textarea id={id} name={name} rows={4} maxlength={answerLimits.long_text} {...aria}>
          {first(value)}
        </textarea>
      </FieldShell>
    );
  }
  if (q.type === "country") {
    return (
      <FieldShell {...frame}>
        <select id={id} name={name} {...aria}>
          <option value="">{words.chooseCountry}</option>
          {countryOptions(m.locale).map(([code, country]) => (
            <option value={code} selected={code === first(value)}>
              {country}
            </option>
          ))}
        </select>
      </FieldShell>
    );
  }
  const type = q.type === "email" ? "email" : q.type === "phone" ? "tel" : "text";
  const max = q.type === "email" ? answerLimits.email : q.type === "phone" ? answerLimits.phone : q.type === "number" ? answerLimits.number : answerLimits.text;
  return (
    <FieldShell {...frame}>
      <input id={id} name={name} type={type} value={first(value)} maxlength={max} inputmode={q.type === "number" ? "decimal" : undefined} autocomplete="off" {...aria} />
    </FieldShell>
  );
}
