// The catalogue's section for the organisers' voucher pages (create, bulk generate, CSV) and the hidden-tier setting. English and every other catalogue fill it in; a
// missing key fails the type check.
// import type { Fn } from "@/i18n/messages";

export type VouchersAdminMessages = {};
