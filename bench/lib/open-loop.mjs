// An open-loop load driver: requests leave on a fixed schedule (`rate` a second) whether or not
// earlier ones have been answered, so a slow server cannot slow the arrivals down (autocannon
// is closed-loop: each connection waits for its answer). Latency is counted from the moment a
// request was due, not when the timer got round to it, so a late send is the server's cost too.
import { summarise, tally } from "./stats.mjs";

/**
 * Sends `rate × seconds` requests; `request(i)` returns `{ url, init }` (or a promise of it).
 * `onResponse(res, i)` may read the answer (round trips, body). Returns the latency summary,
 * statuses, the rate actually achieved, and how late the sends ran behind schedule; with
 * `groupOf(i)`, also a latency summary per group (`groups`), for mixes sent in one schedule.
 */
export async function openLoop({ rate, seconds, request, onResponse, groupOf }) {
  const total = Math.round(rate * seconds);
  const latencies = [];
  const byGroup = {};
  const statuses = {};
  const lateness = [];
  let errors = 0;
  const start = performance.now() + 50;
  const inFlight = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    lateness.push(Math.max(0, performance.now() - due));
    inFlight.push(
      (async () => {
        try {
          const { url, init } = await request(i);
          const res = await fetch(url, init);
          await onResponse?.(res, i);
          if (!res.bodyUsed) await res.arrayBuffer();
          const latency = performance.now() - due;
          latencies.push(latency);
          if (groupOf) (byGroup[groupOf(i)] ??= []).push(latency);
          tally(statuses, res.status);
        } catch {
          errors++;
          tally(statuses, "error");
        }
      })(),
    );
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - start) / 1000;
  const groups = Object.fromEntries(Object.entries(byGroup).map(([group, values]) => [group, summarise(values)]));
  return { ...summarise(latencies), statuses, errors, offered: rate, achieved: total / elapsed, lateP99: summarise(lateness).p99, groups };
}
