// The catalogue's section for the door: the door pages, the scanner's words (verdicts, proof notes, offline states) and its installable app. English and every other catalogue
// fill it in; a missing key fails the type check.
import type { Fn } from "@/i18n/messages";

export type DoorMessages = {
  /** Placeholder until this area's words move into the catalogue. */
  _?: Fn<Record<string, never>>;
};
