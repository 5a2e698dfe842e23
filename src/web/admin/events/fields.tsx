import type { Child } from "hono/jsx";
import { fieldId } from "@/web/shared/form-parts";

// Form fields for the organiser pages: each labelled, with its hint and error tied to the
// control by aria-describedby, in the same shape as the public registration form.

type Common = {
  name: string;
  label: string;
  value: string;
  error?: string | undefined;
  hint?: Child;
  /** Shown as "(optional)" when false. */
  required?: boolean;
};

const describedBy = (id: string, p: Common) => [p.hint && `${id}-hint`, p.error && `${id}-error`].filter(Boolean).join(" ") || undefined;

function Shell(props: Common & { children: Child }) {
  const id = fieldId(props.name);
  return (
    <div class={props.error ? "field field-error" : "field"}>
      <label for={id}>
        {props.label}
        {!props.required && <span class="optional"> (optional)</span>}
      </label>
      <Hint id={id} hint={props.hint} />
      <ErrorText id={id} error={props.error} />
      {props.children}
    </div>
  );
}

function Hint(props: { id: string; hint?: Child }) {
  return props.hint ? (
    <p class="hint" id={`${props.id}-hint`}>
      {props.hint}
    </p>
  ) : null;
}

function ErrorText(props: { id: string; error?: string | undefined }) {
  return props.error ? (
    <p class="error-message" id={`${props.id}-error`}>
      <span class="visually-hidden">Error: </span>
      {props.error}
    </p>
  ) : null;
}

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
    <Shell {...props}>
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
    </Shell>
  );
}

/** A labelled multi-line text box. */
export function TextArea(props: Common & { rows?: number; maxlength?: number }) {
  const id = fieldId(props.name);
  return (
    <Shell {...props}>
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
    </Shell>
  );
}

/** A labelled drop-down list. */
export function Select(props: Common & { options: Array<[value: string, label: string]> }) {
  const id = fieldId(props.name);
  return (
    <Shell {...props} required>
      <select id={id} name={props.name} aria-invalid={props.error ? "true" : undefined} aria-describedby={describedBy(id, props)}>
        {props.options.map(([value, label]) => (
          <option value={value} selected={value === props.value}>
            {label}
          </option>
        ))}
      </select>
    </Shell>
  );
}

/** A group of radio buttons in a fieldset whose legend is the question. */
export function Radios(props: Common & { options: Array<{ value: string; label: string; hint?: string }> }) {
  const id = fieldId(props.name);
  return (
    <fieldset class={props.error ? "field radios field-error" : "field radios"} id={id} aria-describedby={describedBy(id, props)}>
      <legend>{props.label}</legend>
      <Hint id={id} hint={props.hint} />
      <ErrorText id={id} error={props.error} />
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
