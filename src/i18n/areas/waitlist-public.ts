// The catalogue's section for the waiting list and vouchers as attendees meet them: joining, leaving, offers, the voucher field, hidden tiers. English and every other catalogue fill it in; a
// missing key fails the type check.
import type { Fn } from "@/i18n/messages";

export type WaitlistPublicMessages = {
  /** On the event page and the list of events. */
  eventPage: {
    /** The link beside "Sold out" on a tier that has a waiting list. */
    join: string;
    /** After the link, for screen readers: which tier's list. */
    joinFor: Fn<{ tier: string }>;
    /** The notice of a sold-out event whose waiting list is open. */
    soldOutWithList: string;
    /** The badge of a sold-out event with an open waiting list, in the list of events. */
    listOpen: string;
    /** The small form that reveals a voucher's prices and hidden tickets. */
    voucherHeading: string;
    voucherLabel: string;
    voucherButton: string;
    /** A code that works: what the page now shows. */
    voucherApplied: Fn<{ code: string }>;
    /** Beside a tier's price: its price with the code. */
    withVoucher: Fn<{ price: string; code: string }>;
  };
  /** The join form and what follows it. */
  join: {
    title: Fn<{ event: string }>;
    heading: string;
    intro: string;
    /** Which tier's list the form joins, when the link named one. */
    forTier: Fn<{ tier: string }>;
    tier: string;
    name: string;
    email: string;
    emailHint: string;
    places: string;
    placesHint: string;
    language: string;
    languageHint: string;
    submit: string;
    /** No tier of the event has a list one may join now. */
    noneOpen: string;
    back: string;
    /** The registration link on the "places are still on sale" page. */
    register: string;
    /** Labels of the error summary's fields. */
    errorLabels: { tier: string; name: string; email: string; places: string; language: string };
    /** The page after joining. */
    doneTitle: string;
    done: Fn<{ tier: string; places: number; place: number }>;
    doneEmail: string;
  };
  /** The "leave the waiting list" link's pages. */
  leave: {
    title: string;
    confirm: Fn<{ tier: string; event: string }>;
    offeredNote: string;
    button: string;
    leftTitle: string;
    left: string;
    leftOffer: string;
    /** The link was used before, or the entry ended otherwise. */
    notOnList: string;
    /** The entry's offer was used to register. */
    converted: string;
    back: string;
  };
  /** The offer link's pages. */
  offer: {
    /** Above the pre-filled registration form. */
    holds: Fn<{ places: number; tier: string; until: string }>;
    /** Under the buyer's email, which cannot be changed. */
    emailFixed: string;
    /** The page of an offer that cannot be used. */
    unusableTitle: string;
    joinAgain: string;
    back: string;
  };
  /** The registration form's voucher field. */
  voucher: { label: string; hint: string };
};
