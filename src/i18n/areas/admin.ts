// The catalogue's section for the organiser pages about events, tiers, orders, attendees,
// exports and the dashboard, and the organiser menu. English and every other catalogue
// fill it in; a missing key fails the type check.
import type { Fn } from "@/i18n/messages";
import type { TranslationFieldsMessages } from "@/i18n/areas/translations-form";

export type AdminMessages = {
  /** Placeholder until this area's words move into the catalogue. */
  _?: Fn<Record<string, never>>;
  /** The event and tier forms' language fields (src/i18n/areas/translations-form.ts). */
  translationFields: TranslationFieldsMessages;
};
