// The catalogue's section for attendees' pages: the event list and event page, registration, order, ticket, notices and error pages. English and every other catalogue
// fill it in; a missing key fails the type check.
import type { Fn } from "@/i18n/messages";

export type PublicMessages = {
  attendeeLanguage: import("@/i18n/areas/attendee-language").AttendeeLanguageMessages;
  /** Placeholder until this area's words move into the catalogue. */
  _?: Fn<Record<string, never>>;
};
