// The catalogue's section for the dashboard's pictures (sales, revenue, tiers, arrivals) and the live door counts. English and every other catalogue fill it in; a
// missing key fails the type check.
import type { Fn } from "@/i18n/messages";

export type InsightsMessages = {
  heading: string;
  /** Opens the table of a picture's numbers. */
  showNumbers: string;
  sold: {
    title: string;
    summary: Fn<{ sold: number; capacity: number; days: number }>;
    summaryUnlimited: Fn<{ sold: number; days: number }>;
    capacityLine: Fn<{ capacity: number }>;
    day: string;
    thatDay: string;
    toDate: string;
  };
  revenue: {
    title: string;
    summary: Fn<{ amount: string; days: number }>;
    day: string;
    thatDay: string;
    toDate: string;
  };
  tiers: {
    title: string;
    summary: Fn<{ tiers: number; sold: number }>;
    tier: string;
    sold: string;
  };
  arrivals: {
    title: string;
    summary: Fn<{ arrived: number; expected: number; start: string }>;
    startLine: string;
    time: string;
    arrived: string;
  };
  /** Said instead of a picture with nothing to draw. */
  empty: string;
};
