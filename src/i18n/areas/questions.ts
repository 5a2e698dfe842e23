// The catalogue's section for attendee questions: the organiser's question pages, the questions on the registration form, and answers where they are shown. English and every other catalogue fill it in; a
// missing key fails the type check.
import type { Fn } from "@/i18n/messages";

export type QuestionsMessages = {
  /** Placeholder until this area's words are written. */
  _?: Fn<Record<string, never>>;
};
