// D1 round trips per request, as the app's development entry reports them in each response's
// X-D1-Round-Trips header (src/dev/round-trips.ts), collected per measured path during the run.
import { summarise } from "./stats.mjs";

const HEADER = "x-d1-round-trips";

/** The budgets of issue #16, part 2, by path (what test/worker/round-trips.test.ts asserts). */
export const BUDGETS = {
  "check-in": "1",
  "order creation": "2",
  "order creation, burst: placed": "2",
  "order creation, burst: refused": "3 (tested)",
  "Stripe webhook (fulfilment)": "≤ 3 (tested: 2)",
  "event page, cached": "0",
  "event page, uncached": "1",
  "events API, cached": "0",
  "events API, uncached": "1",
  "ticket page": "1",
  "pay page (opens the Checkout Session)": "2 + Stripe (the order's Stripe call moved here)",
};

/** The header's value from a fetch Headers or a plain object (autocannon's onResponse). */
export function roundTripsOf(headers) {
  if (typeof headers?.get === "function") return headers.get(HEADER);
  for (const [key, value] of Object.entries(headers ?? {})) if (key.toLowerCase() === HEADER) return value;
  return null;
}

/** Collects round trips per path; `record(path, headers)` ignores responses without the header. */
export function roundTripRecorder() {
  const byPath = new Map();
  return {
    record(path, headers) {
      const value = roundTripsOf(headers);
      if (value === null || value === undefined) return;
      if (!byPath.has(path)) byPath.set(path, []);
      byPath.get(path).push(Number(value));
    },
    /** One row per path in BUDGETS order (then any other): median, max, how many responses. */
    table() {
      const paths = [...new Set([...Object.keys(BUDGETS), ...byPath.keys()])];
      return paths.map((path) => {
        const s = summarise(byPath.get(path) ?? []);
        return { path, budget: BUDGETS[path] ?? "–", responses: s.count, median: s.p50, max: s.max };
      });
    },
    /** Sum of every recorded count for `path` (round trips the run cost on that path). */
    total: (path) => (byPath.get(path) ?? []).reduce((a, b) => a + b, 0),
  };
}
