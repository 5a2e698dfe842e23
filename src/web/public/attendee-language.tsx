import { catalogues, locales } from "@/i18n";
import { describedBy, FieldShell, fieldId } from "@/web/shared/form-parts";
import { useMessages } from "@/web/shared/i18n";

/**
 * "Language for their ticket email", for an attendee other than the buyer: the buyer's own
 * (empty, the default) or one of ours, each named in its own language.
 */
export function AttendeeLanguageField(props: { name: string; value: string; error?: string | undefined }) {
  const words = useMessages().public.attendeeLanguage;
  const id = fieldId(props.name);
  return (
    <FieldShell name={props.name} label={words.label} hint={words.hint} error={props.error}>
      <select id={id} name={props.name} aria-invalid={props.error ? "true" : undefined} aria-describedby={describedBy(id, { hint: words.hint, error: props.error })}>
        <option value="" selected={props.value === ""}>
          {words.sameAsYours}
        </option>
        {locales.map((locale) => (
          <option value={locale} lang={catalogues[locale].locale} selected={props.value === locale}>
            {catalogues[locale].languageName}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}
