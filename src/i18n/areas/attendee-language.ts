// The registration form's language choice for another attendee's ticket email: a small
// sub-section of the attendees' pages (`public.attendeeLanguage`), kept in its own file.

export type AttendeeLanguageMessages = {
  /** The select's label. */
  label: string;
  /** Under the label: what leaving it alone does. */
  hint: string;
  /** The first option: the buyer's own language. Each other option is a language's own name. */
  sameAsYours: string;
};
