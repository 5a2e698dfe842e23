// The catalogue's section for the waiting list's emails (joined, offer) and how discounts read on payment lines, receipts and order pages. English and every other catalogue fill it in; a
// missing key fails the type check.
import type { Fn } from "@/i18n/messages";

/** Who is waiting for what: "2 places, Non-member". */
type Wanted = { event: string; tier: string; places: number };

export type WaitlistMailMessages = {
  /** The confirmation after joining a waiting list (emails/compose-waitlist.ts). */
  joined: {
    subject: Fn<{ event: string }>;
    heading: string;
    /** What they wait for. */
    body: Fn<Wanted>;
    /** Their place in the tier's queue (1: first). */
    place: Fn<{ place: number }>;
    /** How offers work: an email, held for `hours`. */
    howOffers: Fn<{ hours: number }>;
    /** No payment and nothing to do until then. */
    nothingToDo: string;
    footer: Fn<{ event: string }>;
  };
  /** The offer of freed places to someone waiting (emails/compose-waitlist.ts). */
  offer: {
    subject: Fn<{ event: string }>;
    heading: string;
    body: Fn<Wanted>;
    /** Until when the places are held: a date and time in the event's zone. */
    until: Fn<{ deadline: string }>;
    /** After the deadline they pass on. */
    after: string;
    action: string;
    /** For those who no longer want them. */
    letGo: string;
    footer: Fn<{ event: string }>;
  };
  /** The link to leave the list, in both emails. */
  leave: string;
  /** A line before the leave link in the HTML: why they might use it. */
  leaveHint: string;
  /** How a voucher's discount reads on payment lines, receipts, order pages and the organisers' pages. */
  discounts: {
    /** A Stripe Checkout line's name: the event, the tier, the code and what came off each ticket. */
    checkoutLine: Fn<{ event: string; tier: string; code: string; amount: string }>;
    /** A receipt's or order page's discount line: "Voucher STUDENT10". */
    voucher: Fn<{ code: string }>;
    /** The order page's and organisers' discount: "Voucher STUDENT10: −£1.30" (`amount` is positive). */
    voucherOff: Fn<{ code: string; amount: string }>;
    /** The total in the order confirmation email, with what the voucher took off. */
    totalWithDiscount: Fn<{ total: string; code: string; amount: string }>;
    /** The order page's and organisers' order detail's heading for the discount. */
    discountHeading: string;
  };
};
