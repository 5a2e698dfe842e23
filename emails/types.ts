/** The words of the emails, from the reader's catalogue (`Messages["mail"]` in src/i18n). */
export type MailWords = import("@/i18n/messages").Messages["mail"];

/** What every template returns: a subject and the same message as HTML and as plain text. */
export type RenderedEmail = { subject: string; html: string; text: string };

/** A ticket as the emails show it. */
export type EmailTicket = {
  id: string;
  attendeeName: string;
  tierName: string;
  /** "Bring proof of your concession" and the like, when the tier needs it. */
  proofNote: string | null;
  pageUrl: string;
  /** Where the holder changes or cancels the ticket themselves (self-service). */
  manage?: { label: string; url: string };
  /** cid: of the inline QR PNG attachment. */
  qrContentId: string;
  code: string;
  /** What door staff can type instead of scanning ("HRD-7KQ4M-2"). */
  shortCode: string;
};

/** The event facts every ticket email repeats, already formatted in the event's zone. */
export type EmailEvent = {
  title: string;
  date: string;
  time: string;
  doors: string | null;
  venueName: string;
  venueAddress: string;
  url: string;
};
