// The targets of issue #16, part 5, each with what this run measured and whether it was met.
// One list, used by RESULTS.md and by the quick mode's printout alike.
import { TARGET_GZIP_BYTES } from "../scripts/lib/bundle-size.mjs";

const ms = (n) => (Number.isFinite(n) ? `${Math.round(n)} ms` : "not measured");
const pct = (n) => `${Math.round(n * 100)}%`;
const x = (n) => (Number.isFinite(n) ? `${n.toFixed(2)}×` : "–");

/** [{ target, result, met }] from what bench/load.mjs and the bundle measurement returned. */
export function targets({ load, bundle }) {
  const rows = load.throughput;
  // Each route against the bare route measured right before it (bench/scenarios/throughput.mjs).
  const share = (prefix) => {
    const row = rows.find((r) => r.name.startsWith(prefix));
    return row.rps / row.ceiling;
  };
  const { burst, realistic, scale, coldStart, waitlist } = load;
  const [small, large] = scale;
  const ratio = (key) => large[key].p50 / small[key].p50;
  const ceilingTarget = (label, prefix, min) => ({ target: `${label} ≥ ${pct(min)} of the bare-route ceiling`, result: pct(share(prefix)), met: share(prefix) >= min });
  return [
    {
      target: "Sell-out burst ≥ 10,000 tickets a minute, 0 oversold, every refusal a clean 409",
      result: `${Math.round(burst.perMinute).toLocaleString("en-GB")} a minute, ${burst.oversells} oversold, ${burst.unclean} answers other than 201 or a 409 with its reason`,
      met: burst.perMinute >= 10_000 && burst.oversells === 0 && burst.unclean === 0,
    },
    {
      target: `Waiting list of ${waitlist.waiting} on a sold-out event, ${waitlist.cancellations} cancellations: offers made a second, 0 double offers (issue #14)`,
      result: `${waitlist.offers} offers, ${Math.round(waitlist.offersPerSecond)} a second, ${waitlist.doubleOffers} double offers, ${waitlist.inOrder ? "in joining order" : "**not in joining order**"}, ${waitlist.balanced ? "seats balanced" : "**seats not balanced**"}`,
      met: waitlist.doubleOffers === 0 && waitlist.offers === waitlist.cancellations && waitlist.inOrder && waitlist.balanced,
    },
    ceilingTarget("Check-in throughput", "check-in", 0.6),
    ceilingTarget("Order creation throughput", "order creation", 0.35),
    ceilingTarget("Webhook throughput", "Stripe webhook", 0.35),
    ceilingTarget("Event page throughput", "event page", 0.9),
    ceilingTarget("Events API throughput", "events API", 0.9),
    {
      target: "Check-in p99 < 50 ms, 20 devices scanning once a second each (open loop)",
      result: `p99 ${ms(realistic.checkIn.p99)} (p50 ${ms(realistic.checkIn.p50)})`,
      met: realistic.checkIn.p99 < 50,
    },
    {
      target: "Order creation p99 < 250 ms at 20 orders a second (open loop; no Stripe call)",
      result: `p99 ${ms(realistic.orders.p99)} (p50 ${ms(realistic.orders.p50)})`,
      met: realistic.orders.p99 < 250,
    },
    {
      target: `Latency at ${large.sold.toLocaleString("en-GB")} sold within 1.2× of 100 sold (p50, open loop, the two events alternating)`,
      result: `check-in ${x(ratio("checkIn"))}, order creation ${x(ratio("orders"))}`,
      met: ratio("checkIn") <= 1.2 && ratio("orders") <= 1.2,
    },
    {
      target: "First request to a fresh isolate < 300 ms",
      result: `event page ${ms(coldStart["event page"])}, events API ${ms(coldStart["events API"])}`,
      met: coldStart["event page"] < 300 && coldStart["events API"] < 300,
    },
    {
      target: "Worker < 1 MB gzip (npm run bundle)",
      result: `${bundle.gzipKiB} KiB gzip`,
      met: bundle.gzipKiB * 1024 < TARGET_GZIP_BYTES,
    },
  ];
}

/** The targets as a markdown table. */
export function targetsMarkdown(list) {
  return ["| target | this run | |", "| --- | --- | --- |", ...list.map((t) => `| ${t.target} | ${t.result} | ${t.met ? "met" : "**not met**"} |`)];
}

/** The round-trip table: D1 round trips per request, read from X-D1-Round-Trips during the run. */
export function roundTripsMarkdown(table) {
  return [
    "| path | budget (issue #16) | median | max | responses |",
    "| --- | --- | ---: | ---: | ---: |",
    ...table.map((r) => `| ${r.path} | ${r.budget} | ${Number.isFinite(r.median) ? r.median : "–"} | ${Number.isFinite(r.max) ? r.max : "–"} | ${r.responses} |`),
  ];
}
