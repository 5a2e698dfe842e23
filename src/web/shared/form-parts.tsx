import type { Child } from "hono/jsx";

/** The id of a form field from its dotted name ("tickets.0.name" → "tickets-0-name"). */
export const fieldId = (name: string) => name.replace(/\./g, "-");

/** A list of the problems at the top of a form, each linking to its field. */
export function ErrorSummary(props: { message: string; errors: Record<string, string>; labels: Record<string, string> }) {
  const entries = Object.entries(props.errors);
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
      <h2 id="error-summary-title">{props.message}</h2>
      {entries.length > 0 && (
        <ul>
          {entries.map(([name, message]) => (
            <li>
              <a href={`#${fieldId(name)}`}>
                {props.labels[name] ? `${props.labels[name]}: ` : ""}
                {message}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
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
  children?: Child;
};

/** A labelled text input with its hint and error tied to it for screen readers. */
export function TextField(props: FieldProps) {
  const id = fieldId(props.name);
  const describedBy = [props.hint && `${id}-hint`, props.error && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div class={props.error ? "field field-error" : "field"}>
      <label for={id}>
        {props.label}
        {!props.required && <span class="optional"> (optional)</span>}
      </label>
      {props.hint && (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p class="error-message" id={`${id}-error`}>
          <span class="visually-hidden">Error: </span>
          {props.error}
        </p>
      )}
      <input
        id={id}
        name={props.name}
        type={props.type ?? "text"}
        value={props.value ?? ""}
        autocomplete={props.autocomplete}
        required={props.required}
        maxlength={254}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy}
      />
      {props.children}
    </div>
  );
}
