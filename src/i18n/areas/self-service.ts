// The catalogue's section for attendees' self-service: changing a name or answers, transferring and cancelling tickets, and the event's refund policy. English and every other catalogue fill it in; a
// missing key fails the type check.
import type { Fn } from "@/i18n/messages";

export type SelfServiceMessages = {
  /** Placeholder until this area's words are written. */
  _?: Fn<Record<string, never>>;
};
