import { REMINDER_OFF, reminderChoices } from "@/domain/events/reminder-input";
import { Select } from "@/web/admin/events/fields";
import { FieldNotes, fieldId } from "@/web/shared/form-parts";
import { useMessages } from "@/web/shared/i18n";

type FormState = { values: Readonly<Record<string, string | undefined>>; errors: Readonly<Record<string, string | undefined>> };

/** A ticked-or-not setting, with its hint tied to the box. */
function Checkbox(props: FormState & { name: "notifyDailySummary" | "notifySoldOut"; label: string; hint: string }) {
  const id = fieldId(props.name);
  const error = props.errors[props.name];
  return (
    <div class={error ? "field field-error" : "field"}>
      <div class="checkbox">
        <input type="checkbox" id={id} name={props.name} value="yes" checked={props.values[props.name] === "yes"} aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`} />
        <label for={id}>{props.label}</label>
      </div>
      <FieldNotes id={id} hint={props.hint} error={error} />
    </div>
  );
}

/** The event form's reminder and notification settings (domain/events/reminder-input.ts). */
export function ReminderFields(props: FormState) {
  const m = useMessages().reminders.form;
  const options: Array<[string, string]> = [[REMINDER_OFF, m.off], ...reminderChoices.map((h): [string, string] => [String(h), m.before({ hours: h })])];
  return (
    <fieldset>
      <legend>{m.legend}</legend>
      <Select name="reminderHours" label={m.labels.reminderHours} value={props.values.reminderHours ?? ""} error={props.errors.reminderHours} hint={m.hints.reminderHours} options={options} />
      <Checkbox {...props} name="notifyDailySummary" label={m.labels.notifyDailySummary} hint={m.hints.notifyDailySummary} />
      <Checkbox {...props} name="notifySoldOut" label={m.labels.notifySoldOut} hint={m.hints.notifySoldOut} />
    </fieldset>
  );
}
