// The organiser forms' words about languages: the event's main language, and the groups for
// each other language's version of an event's or a tier's texts.
import type { Fn } from "@/i18n/messages";

export type TranslationFieldsMessages = {
  mainLanguage: string;
  /** Says what changing the main language does to the texts already written. */
  mainLanguageHint: string;
  /** A group's heading, naming the language in its own words ("Español"). */
  versionIn: Fn<{ language: string }>;
  versionHint: string;
  /** A version's field in the form's list of errors: "Title (Español)". */
  fieldIn: Fn<{ field: string; language: string }>;
  event: { title: string; summary: string; description: string; venueName: string; venueAddress: string; ticketEmailSubject: string; agenda: string };
  agendaHint: string;
  tier: { name: string; description: string; declarationText: string };
  declarationHint: string;
};
