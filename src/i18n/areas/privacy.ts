// The catalogue's section for personal data retention, erasure and the privacy page. English and every other catalogue fill it in; a
// missing key fails the type check.
import type { Fn } from "@/i18n/messages";

export type PrivacyMessages = {
  /** Placeholder until this area's words are written. */
  _?: Fn<Record<string, never>>;
};
