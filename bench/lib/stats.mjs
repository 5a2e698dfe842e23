// Shared arithmetic for the bench: percentiles of a list of milliseconds, and counting by key.

/** The p-th percentile (nearest rank) of an ascending list; NaN for an empty one. */
export const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] : NaN);

/** count, p50, p99, max and mean of a list of numbers (milliseconds, round trips…). */
export function summarise(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1] : NaN,
    mean: sorted.reduce((a, b) => a + b, 0) / (sorted.length || 1),
  };
}

/** Adds one to `counts[key]`. */
export function tally(counts, key) {
  counts[key] = (counts[key] ?? 0) + 1;
  return counts;
}

/** "201 × 500, 409 sold_out × 1,500": a tally as one line, largest first. */
export const tallyText = (counts) =>
  Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .map(([key, n]) => `${key} × ${n.toLocaleString("en-GB")}`)
    .join(", ") || "none";
