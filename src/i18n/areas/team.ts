// The catalogue's section for the organiser pages about people and access: staff, API
// tokens, the audit log, signing in, and the members list. English and every other
// catalogue fill it in; a missing key fails the type check.
import type { Fn } from "@/i18n/messages";

export type TeamMessages = {
  /** Placeholder until this area's words move into the catalogue. */
  _?: Fn<Record<string, never>>;
};
