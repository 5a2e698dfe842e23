// The catalogue's section for personal data retention, erasure and the privacy page. English and every other catalogue fill it in; a
// missing key fails the type check.
import type { Fn } from "@/i18n/messages";

export type PrivacyMessages = {
  /** The organisers' email a week before an event's personal data is erased. */
  reminder: {
    subject: Fn<{ event: string }>;
    heading: string;
    body: Fn<{ event: string; date: string }>;
    download: string;
    noUndo: string;
    action: string;
    footer: string;
  };
  /** The retention setting on an event's edit page. */
  retention: {
    legend: string;
    label: string;
    hint: Fn<{ days: number }>;
    save: string;
    saved: string;
    /** Said on the edit page once the event's data is gone. */
    erased: Fn<{ date: string }>;
    /** When erasure is due, on the edit page. */
    due: Fn<{ date: string }>;
    invalid: Fn<{ max: number }>;
  };
  /** A person's erasure request, on the order's page. */
  order: {
    heading: string;
    explain: string;
    confirm: string;
    confirmError: string;
    confirmProblem: string;
    button: string;
    /** Where an erased order's names would be. */
    erased: Fn<{ date: string }>;
    erasedName: string;
  };
  /** The public privacy page (/privacy). */
  page: {
    title: string;
    intro: string;
    whatHeading: string;
    what: string[];
    whyHeading: string;
    why: string[];
    howLongHeading: string;
    howLong: Fn<{ days: number }>;
    howLongMore: string;
    kept: string;
    rightsHeading: string;
    rights: string;
    contactHeading: string;
    contact: Fn<{ email: string }>;
    contactNone: string;
    /** The link in the footer and under the registration form. */
    link: string;
    /** The link under the registration form. */
    formLink: string;
  };
};
