import { catalogues, locales } from "@/i18n";
import { eventTextLimits, tierTextLimits, translationName } from "@/domain/events/language-input";
import { Input, Select, TextArea } from "@/web/admin/events/fields";
import { useMessages } from "@/web/shared/i18n";

// The organiser forms' language fields (see domain/events/language-input.ts for the rules):
// the event's main language, and for each other language an optional group of versions,
// folded away unless it holds text or an error.

type FormState = { values: Readonly<Record<string, string | undefined>>; errors: Readonly<Record<string, string | undefined>> };

/** The language the main fields are in: the one the form was drawn with. */
const textLanguageOf = (values: FormState["values"], fallback = "en") => {
  const lang = values.textLanguage || values.mainLanguage || fallback;
  return (locales as readonly string[]).includes(lang) ? lang : fallback;
};

/** Each language we have a catalogue for, named in its own language. */
const languageOptions = (): Array<[string, string]> => locales.map((l) => [l, catalogues[l].languageName]);

/** The event form's main-language select (with the hidden note of which language the form's main fields are in). */
export function MainLanguageField(props: FormState) {
  const m = useMessages().admin.translationFields;
  const shown = textLanguageOf(props.values);
  return (
    <>
      <input type="hidden" name="textLanguage" value={shown} />
      <Select name="mainLanguage" label={m.mainLanguage} value={props.values.mainLanguage || shown} error={props.errors.mainLanguage} hint={m.mainLanguageHint} options={languageOptions()} />
    </>
  );
}

/** One language's group: open when it holds text or an error. */
function VersionGroup(props: FormState & { lang: string; names: string[]; children: unknown }) {
  const m = useMessages().admin.translationFields;
  const open = props.names.some((n) => props.values[n]?.trim() || props.errors[n]);
  const language = catalogues[props.lang as keyof typeof catalogues]?.languageName ?? props.lang;
  return (
    <details class="translation-group" open={open}>
      <summary>{m.versionIn({ language })}</summary>
      <fieldset>
        <legend class="visually-hidden">{m.versionIn({ language })}</legend>
        <p class="hint">{m.versionHint}</p>
        {props.children}
      </fieldset>
    </details>
  );
}

/** The event's versions in every language but the one its main fields are in. */
export function EventTranslationFields(props: FormState) {
  const m = useMessages().admin.translationFields;
  const shown = textLanguageOf(props.values);
  return (
    <>
      {locales
        .filter((lang) => lang !== shown)
        .map((lang) => {
          const field = (name: keyof typeof m.event) => {
            const full = translationName(lang, name);
            return { name: full, label: m.event[name], value: props.values[full] ?? "", error: props.errors[full], required: false };
          };
          const names = ["title", "summary", "description", "venueName", "venueAddress", "ticketEmailSubject", "agenda"].map((f) => translationName(lang, f));
          return (
            <VersionGroup {...props} lang={lang} names={names}>
                <Input {...field("title")} maxlength={eventTextLimits.title} />
                <Input {...field("summary")} maxlength={eventTextLimits.summary} />
                <TextArea {...field("description")} rows={8} />
                <Input {...field("venueName")} maxlength={eventTextLimits.venueName} />
                <Input {...field("venueAddress")} maxlength={eventTextLimits.venueAddress} />
                <Input {...field("ticketEmailSubject")} maxlength={eventTextLimits.ticketEmailSubject} />
                <TextArea {...field("agenda")} rows={6} hint={m.agendaHint} />
            </VersionGroup>
          );
        })}
    </>
  );
}

/** A tier's versions in every language but its event's main one. */
export function TierTranslationFields(props: FormState & { mainLanguage: string }) {
  const m = useMessages().admin.translationFields;
  return (
    <>
      {locales
        .filter((lang) => lang !== props.mainLanguage)
        .map((lang) => {
          const field = (name: keyof typeof m.tier) => {
            const full = translationName(lang, name);
            return { name: full, label: m.tier[name], value: props.values[full] ?? "", error: props.errors[full], required: false };
          };
          const names = ["name", "description", "declarationText"].map((f) => translationName(lang, f));
          return (
            <VersionGroup {...props} lang={lang} names={names}>
                <Input {...field("name")} maxlength={tierTextLimits.name} />
                <Input {...field("description")} maxlength={tierTextLimits.description} />
                <TextArea {...field("declarationText")} rows={2} maxlength={tierTextLimits.declarationText} hint={m.declarationHint} />
            </VersionGroup>
          );
        })}
    </>
  );
}

/**
 * Labels for the error summary of the event and tier forms: "translations.es.title" →
 * "Title (Español)". Call inside a view (it reads the reader's catalogue).
 */
export function versionLabels(): Record<string, string> {
  const m = useMessages().admin.translationFields;
  const labels: Record<string, string> = {};
  for (const lang of locales) {
    const language = catalogues[lang].languageName;
    for (const [field, label] of [...Object.entries(m.event), ...Object.entries(m.tier)]) labels[translationName(lang, field)] ??= m.fieldIn({ field: label, language });
  }
  return labels;
}
