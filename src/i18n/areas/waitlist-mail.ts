// The catalogue's section for the waiting list's emails (joined, offer) and how discounts read on payment lines, receipts and order pages. English and every other catalogue fill it in; a
// missing key fails the type check.
// import type { Fn } from "@/i18n/messages";

export type WaitlistMailMessages = {};
