// The catalogue's section for the waiting list and vouchers as attendees meet them: joining, leaving, offers, the voucher field, hidden tiers. English and every other catalogue fill it in; a
// missing key fails the type check.
// import type { Fn } from "@/i18n/messages";

export type WaitlistPublicMessages = {};
