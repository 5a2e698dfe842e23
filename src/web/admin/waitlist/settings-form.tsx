import type { WaitlistSettingsValues } from "@/domain/waitlist/settings-input";
import { CsrfField } from "@/web/admin/admin-layout";
import { FieldNotes, describedBy, fieldId } from "@/web/shared/form-parts";
import { useMessages } from "@/web/shared/i18n";
import { MOST_OFFER_HOURS } from "@/domain/waitlist/manage";

type FormState = { values: WaitlistSettingsValues; errors: Record<string, string> };

/** A ticked-or-not setting, its hint and error tied to the box. */
function Box(props: FormState & { name: "enabled" | "paused"; label: string; hint: string }) {
  const id = fieldId(`waitlist-${props.name}`);
  const error = props.errors[props.name];
  return (
    <div class={error ? "field field-error" : "field"}>
      <div class="checkbox">
        <input type="checkbox" id={id} name={props.name} value="yes" checked={props.values[props.name] === "yes"} aria-describedby={describedBy(id, { hint: props.hint, error })} />
        <label for={id}>{props.label}</label>
      </div>
      <FieldNotes id={id} hint={props.hint} error={error} />
    </div>
  );
}

/** The list's settings: open when a tier sells out, pause automatic offers, how long an offer holds. */
export function WaitlistSettingsForm(props: FormState & { eventId: string; csrfToken: string; problem?: string | undefined }) {
  const w = useMessages().waitlistAdmin.settings;
  const error = props.errors.offerHours;
  const hint = w.offerHours.hint({ most: MOST_OFFER_HOURS });
  return (
    <section aria-labelledby="waitlist-settings-heading">
      <h2 id="waitlist-settings-heading">{w.heading}</h2>
      {props.problem && (
        <p class="error-summary" role="alert">
          {props.problem}
        </p>
      )}
      <form method="post" action={`/admin/events/${props.eventId}/waitlist/settings`} class="admin-form" novalidate>
        <CsrfField token={props.csrfToken} />
        <Box {...props} name="enabled" label={w.enabled.label} hint={w.enabled.hint} />
        <Box {...props} name="paused" label={w.paused.label} hint={w.paused.hint} />
        <div class={error ? "field field-error" : "field"}>
          <label for="offerHours">{w.offerHours.label}</label>
          <FieldNotes id="offerHours" hint={hint} error={error} />
          <input
            type="text"
            inputmode="numeric"
            id="offerHours"
            name="offerHours"
            value={props.values.offerHours}
            class="input-short"
            aria-invalid={error ? "true" : undefined}
            aria-describedby={describedBy("offerHours", { hint, error })}
          />
        </div>
        <button type="submit" class="button-primary">
          {w.save}
        </button>
      </form>
    </section>
  );
}
