// The catalogue's section for receipts and the organisers' messages to attendees. English and every other catalogue fill it in; a
// missing key fails the type check.
import type { Fn } from "@/i18n/messages";

export type CorrespondenceMessages = {
  /** Placeholder until this area's words are written. */
  _?: Fn<Record<string, never>>;
};
