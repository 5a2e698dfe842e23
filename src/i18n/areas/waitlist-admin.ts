// The catalogue's section for the organisers' waiting-list page, its settings and the dashboard's count. English and every other catalogue fill it in; a
// missing key fails the type check.
// import type { Fn } from "@/i18n/messages";

export type WaitlistAdminMessages = {};
