import type { Child } from "hono/jsx";
import { describedBy, FieldNotes, FieldShell, fieldId, type FieldFrame } from "@/web/shared/form-parts";

// Form fields for the organiser pages: each labelled, with its hint and error tied to the
// control by aria-describedby, in the same shape as the public registration form.

type Common = FieldFrame & { value: string };

type InputProps = Common & {
  type?: "text" | "date" | "time" | "datetime-local" | "email" | "search";
  inputmode?: "numeric" | "decimal" | "text";
  width?: "short" | "medium" | "long";
  autocomplete?: string;
  maxlength?: number;
  spellcheck?: boolean;
};

/** A labelled single-line input. */
export function Input(props: InputProps) {
  const id = fieldId(props.name);
  return (
    <FieldShell {...props}>
      <input
        id={id}
        name={props.name}
        type={props.type ?? "text"}
        value={props.value}
        inputmode={props.inputmode}
        class={`input-${props.width ?? "long"}`}
        autocomplete={props.autocomplete ?? "off"}
        maxlength={props.maxlength}
        spellcheck={props.spellcheck}
        required={props.required}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy(id, props)}
      />
    </FieldShell>
  );
}

/** A labelled multi-line text box. */
export function TextArea(props: Common & { rows?: number; maxlength?: number }) {
  const id = fieldId(props.name);
  return (
    <FieldShell {...props}>
      <textarea
        id={id}
        name={props.name}
        rows={props.rows ?? 5}
        maxlength={props.maxlength}
        required={props.required}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy(id, props)}
      >
        {props.value}
      </textarea>
    </FieldShell>
  );
}

/** A labelled drop-down list. */
export function Select(props: Common & { options: Array<[value: string, label: string]> }) {
  const id = fieldId(props.name);
  return (
    <FieldShell {...props} required>
      <select id={id} name={props.name} aria-invalid={props.error ? "true" : undefined} aria-describedby={describedBy(id, props)}>
        {props.options.map(([value, label]) => (
          <option value={value} selected={value === props.value}>
            {label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** A group of radio buttons in a fieldset whose legend is the question. */
export function Radios(props: Common & { options: Array<{ value: string; label: string; hint?: string }> }) {
  const id = fieldId(props.name);
  return (
    <fieldset class={props.error ? "field radios field-error" : "field radios"} id={id} aria-describedby={describedBy(id, props)}>
      <legend>{props.label}</legend>
      <FieldNotes id={id} hint={props.hint} error={props.error} />
      {props.options.map((option) => {
        const optionId = `${id}-${option.value}`;
        return (
          <div class="radio">
            <input type="radio" id={optionId} name={props.name} value={option.value} checked={option.value === props.value} aria-describedby={option.hint ? `${optionId}-hint` : undefined} />
            <label for={optionId}>{option.label}</label>
            {option.hint && (
              <p class="hint" id={`${optionId}-hint`}>
                {option.hint}
              </p>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}

/** A one-line status message after an action ("Saved."). */
export function Notice(props: { text: string | undefined }) {
  return props.text ? (
    <p class="notice notice-done" role="status">
      {props.text}
    </p>
  ) : null;
}
