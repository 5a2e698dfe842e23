import { catalogues, locales } from "@/i18n";
import { describedBy, FieldShell, fieldId } from "@/web/shared/form-parts";
import { useMessages } from "@/web/shared/i18n";

/**
 * "Language for their ticket email", for an attendee other than the buyer: the buyer's own
 * (empty, the default) or one of ours, each named in its own language. With `label` and
 * `hint`, the same choice for another purpose (the waiting list's emails), without the
 * "same as yours" option: `value` is then one of ours.
 */
export function AttendeeLanguageField(props: { name: string; value: string; error?: string | undefined; label?: string; hint?: string }) {
  const words = useMessages().public.attendeeLanguage;
  const id = fieldId(props.name);
  const own = props.label !== undefined;
  const hint = props.hint ?? words.hint;
  return (
    <FieldShell name={props.name} label={props.label ?? words.label} hint={hint} error={props.error} required={own}>
      <select id={id} name={props.name} aria-invalid={props.error ? "true" : undefined} aria-describedby={describedBy(id, { hint, error: props.error })}>
        {!own && (
          <option value="" selected={props.value === ""}>
            {words.sameAsYours}
          </option>
        )}
        {locales.map((locale) => (
          <option value={locale} lang={catalogues[locale].locale} selected={props.value === locale}>
            {catalogues[locale].languageName}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}
