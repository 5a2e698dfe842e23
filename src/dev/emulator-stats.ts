/**
 * Durations the separate Stripe emulator Worker measured itself (src/dev/emulator-worker.ts),
 * kept in the isolate's memory and read from `GET /__stats`, so a benchmark can tell the
 * emulator's time (what Stripe would cost) from the app's.
 *
 * The clock is workerd's: it advances when I/O completes (D1, fetch, timers), not while
 * JavaScript runs, so a duration is the wall time of the I/O a request waited on plus the
 * CPU between its I/O; CPU after the last I/O reads as zero. `wrangler dev` runs one isolate,
 * so one /__stats covers every request; deployed, each isolate would keep its own.
 */

/** The summary of one kind of measurement, in milliseconds. */
export type TimingSummary = { count: number; totalMs: number; meanMs: number; p50Ms: number; p95Ms: number; p99Ms: number; maxMs: number };

/** Samples kept per kind; beyond it the oldest give way (counts and totals stay exact). */
const MAX_SAMPLES = 50_000;

type Series = { samples: number[]; count: number; totalMs: number; maxMs: number };

/** Nearest-rank percentile of sorted samples. */
function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export class Timings {
  private series = new Map<string, Series>();
  /** Set on first use: at the top level of a Worker the clock still reads 1970. */
  private since: Date | undefined;

  record(kind: string, ms: number): void {
    this.since ??= new Date();
    const value = Math.max(0, ms);
    let s = this.series.get(kind);
    if (!s) this.series.set(kind, (s = { samples: [], count: 0, totalMs: 0, maxMs: 0 }));
    if (s.samples.length >= MAX_SAMPLES) s.samples.shift();
    s.samples.push(value);
    s.count++;
    s.totalMs += value;
    s.maxMs = Math.max(s.maxMs, value);
  }

  summary(kind: string): TimingSummary | undefined {
    const s = this.series.get(kind);
    if (!s) return undefined;
    const sorted = [...s.samples].sort((a, b) => a - b);
    return {
      count: s.count,
      totalMs: s.totalMs,
      meanMs: s.count ? s.totalMs / s.count : 0,
      p50Ms: percentile(sorted, 50),
      p95Ms: percentile(sorted, 95),
      p99Ms: percentile(sorted, 99),
      maxMs: s.maxMs,
    };
  }

  /** Every kind whose name starts with `prefix`, by name without the prefix. */
  byPrefix(prefix: string): Record<string, TimingSummary> {
    return Object.fromEntries(
      [...this.series.keys()]
        .filter((k) => k.startsWith(prefix))
        .sort()
        .map((k) => [k.slice(prefix.length), this.summary(k)!]),
    );
  }

  /** All the samples of kinds starting with `prefix`, as one summary. */
  combined(prefix: string): TimingSummary {
    const all = new Timings();
    for (const [k, s] of this.series) {
      if (!k.startsWith(prefix)) continue;
      for (const v of s.samples) all.record("x", v);
    }
    return all.summary("x") ?? { count: 0, totalMs: 0, meanMs: 0, p50Ms: 0, p95Ms: 0, p99Ms: 0, maxMs: 0 };
  }

  /** When counting started (the first measurement since the last reset), if it has. */
  get startedAt(): Date | undefined {
    return this.since;
  }

  reset(): void {
    this.series.clear();
    this.since = undefined;
  }
}

/**
 * A request's route with its ids taken out, so requests group by what they do:
 * `POST /v1/checkout/sessions/cs_test_a1/expire` → `POST /v1/checkout/sessions/:id/expire`.
 */
export function routeOf(method: string, path: string): string {
  const route = path
    .split("/")
    .map((segment) => (/^[a-z]{2,5}_[A-Za-z0-9_]+$/.test(segment) ? ":id" : segment))
    .join("/");
  return `${method} ${route}`;
}
