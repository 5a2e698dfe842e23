// The catalogue's section for reminder emails before the day and the organisers' notifications (daily sales summary, sold-out alert). English and every other catalogue fill it in; a
// missing key fails the type check.
import type { Fn } from "@/i18n/messages";

export type RemindersMessages = {
  /** Placeholder until this area's words are written. */
  _?: Fn<Record<string, never>>;
};
