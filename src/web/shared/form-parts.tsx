import type { Child } from "hono/jsx";
import { useMessages } from "@/web/shared/i18n";

/** The id of a form field from its dotted name ("tickets.0.name" → "tickets-0-name"). */
export const fieldId = (name: string) => name.replace(/\./g, "-");

/** A list of the problems at the top of a form, each linking to its field. */
export function ErrorSummary(props: { message: string; errors: Record<string, string>; labels: Record<string, string> }) {
  const entries = Object.entries(props.errors);
  const words = useMessages().public.form;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
      <h2 id="error-summary-title">{props.message}</h2>
      {entries.length > 0 && (
        <ul>
          {entries.map(([name, message]) => (
            <li>
              <a href={`#${fieldId(name)}`}>
                {props.labels[name] ? words.problem({ field: props.labels[name], message }) : message}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** What every labelled field has: a name (its id comes from it), a label, a hint and an error. */
export type FieldFrame = { name: string; label: string; error?: string | undefined; hint?: Child; /** Shown as "(optional)" when false. */ required?: boolean };

/** The ids a control names in aria-describedby: its hint and its error, when shown. */
export const describedBy = (id: string, p: Pick<FieldFrame, "hint" | "error">) => [p.hint && `${id}-hint`, p.error && `${id}-error`].filter(Boolean).join(" ") || undefined;

/**
 * A field's frame: the label (with "(optional)"), the hint and the error, each tied to the
 * control inside by id, so screen readers read them with it.
 */
export function FieldShell(props: FieldFrame & { children: Child }) {
  const id = fieldId(props.name);
  const words = useMessages().public.form;
  return (
    <div class={props.error ? "field field-error" : "field"}>
      <label for={id}>
        {props.label}
        {!props.required && <span class="optional"> {words.optional}</span>}
      </label>
      <FieldNotes id={id} hint={props.hint} error={props.error} />
      {props.children}
    </div>
  );
}

/** A field's hint and error, with the ids its control (or fieldset) names in aria-describedby. */
export function FieldNotes(props: { id: string; hint?: Child; error?: string | undefined }) {
  const words = useMessages().public.form;
  return (
    <>
      {props.hint && (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p class="error-message" id={`${props.id}-error`}>
          <span class="visually-hidden">{words.errorPrefix} </span>
          {props.error}
        </p>
      )}
    </>
  );
}

type FieldProps = {
  name: string;
  label: string;
  value?: string | undefined;
  error?: string | undefined;
  hint?: string;
  type?: "text" | "email";
  autocomplete?: string;
  required?: boolean;
  /** Shown but not editable (sent with the form all the same). */
  readonly?: boolean;
  children?: Child;
};

/** A labelled text input with its hint and error tied to it for screen readers. */
export function TextField(props: FieldProps) {
  const id = fieldId(props.name);
  return (
    <FieldShell {...props} hint={props.hint}>
      <input
        id={id}
        name={props.name}
        type={props.type ?? "text"}
        value={props.value ?? ""}
        autocomplete={props.autocomplete}
        required={props.required}
        readonly={props.readonly}
        maxlength={254}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy(id, props)}
      />
      {props.children}
    </FieldShell>
  );
}
