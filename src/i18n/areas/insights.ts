// The catalogue's section for the dashboard's pictures (sales, revenue, tiers, arrivals) and the live door counts. English and every other catalogue fill it in; a
// missing key fails the type check.
import type { Fn } from "@/i18n/messages";

export type InsightsMessages = {
  /** Placeholder until this area's words are written. */
  _?: Fn<Record<string, never>>;
};
