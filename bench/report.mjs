// Writes bench/RESULTS.md: the numbers of one `npm run bench`, with machine, date and commit,
// every target of issue #16 against what this run measured, and the round-trip table.
import { execFileSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import os from "node:os";
import { join } from "node:path";
import { LIMITS_KIB } from "../scripts/lib/bundle-size.mjs";
import { paymentsMarkdown } from "./payments.mjs";
import { seatDesignsMarkdown } from "./scenarios/seat-designs.mjs";
import { tallyText } from "./lib/stats.mjs";
import { roundTripsMarkdown, targets, targetsMarkdown } from "./targets.mjs";

const ms = (n) => (Number.isFinite(n) ? `${Math.round(n)}` : "–");
const x = (n) => (Number.isFinite(n) ? `${n.toFixed(2)}×` : "–");
const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1);
const n = (v) => Math.round(v).toLocaleString("en-GB");

function commit() {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
  } catch {
    return "unknown";
  }
}

/** The sections every run prints (the quick mode prints these too). */
/** What became of the throughput webhooks' ticket emails, sent after each webhook's answer (and counted in the same run). */
function webhookMailLines(row) {
  if (!row) return [];
  const { emails, sent, seconds } = row.mail;
  return [
    "",
    `The webhook answers before its ticket email goes out (the mail is sent right after, in the same isolate, so it shares the machine with the webhooks that follow): of the ${n(emails)} order confirmations those webhooks queued, **${n(sent)} were sent**, the last ${seconds === null ? "–" : `${seconds.toFixed(1)} s`} after the first webhook (the webhooks themselves took ${row.seconds.toFixed(1)} s).`,
  ];
}

export function loadMarkdown({ load, bundle }) {
  const { burst, realistic, scale, coldStart, waitlist } = load;
  const openRow = (name, r) => `| ${name} | ${r.offered} | ${r.achieved.toFixed(1)} | ${ms(r.p50)} | ${ms(r.p99)} | ${ms(r.max)} | ${tallyText(r.statuses)} | ${ms(r.lateP99)} |`;
  return [
    "## Against the targets (issue #16, part 5)",
    "",
    ...targetsMarkdown(targets({ load, bundle })),
    "",
    "## D1 round trips per request",
    "",
    "Read from the `X-D1-Round-Trips` header (the development entry counts each request's D1 calls: every `first`/`all`/`run`/`raw` and every `batch`) on the answers of this run's own requests.",
    "\"cached\" is a repeat within the public cache's lifetime, \"uncached\" the first request for an event; the events API rows are `/api/v1/events/:slug` (uncached) and the list `/api/v1/events` with the same per-event repeats (cached).",
    "",
    ...roundTripsMarkdown(load.roundTrips),
    "",
    "## Throughput against the ceiling",
    "",
    "autocannon, closed loop, 20 connections; the ceiling is a bare Hono route in the same Worker, run between the routes, and each route is compared with the mean of the ceiling's runs just before and just after it (the machine drifts within a run). The ceiling's row is the median of those runs, which were, in order, " +
      `${(load.throughput[0].runs ?? []).map((v) => n(v)).join(", ")} req/s.`,
    "",
    "| route | req/s | p50 ms | p99 ms | ceiling around it, req/s | of ceiling | answers |",
    "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ...load.throughput.map((r) => `| ${r.name} | ${n(r.rps)} | ${ms(r.p50)} | ${ms(r.p99)} | ${n(r.ceiling)} | ${Math.round((r.rps / r.ceiling) * 100)}% | ${tallyText(r.codes)}${r.errors ? `, ${r.errors} errors` : ""} |`),
    ...webhookMailLines(load.throughput.find((r) => r.mail)),
    "",
    "## Realistic load, open loop",
    "",
    `Requests leave on a fixed schedule whatever the answers (bench/lib/open-loop.mjs), for ${realistic.seconds} s each; latency is counted from when each request was due.`,
    "",
    "| load | offered /s | achieved /s | p50 ms | p99 ms | max ms | answers | send lateness p99 ms |",
    "| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: |",
    openRow("check-in: 20 devices, once a second each", realistic.checkIn),
    openRow("order creation: 20 a second", realistic.orders),
    "",
    "## Sell-out burst",
    "",
    `${n(burst.buyers)} buyers raced for ${n(burst.seats)} seats (autocannon, 100 connections). Answers: ${tallyText(burst.answers)}. **${burst.oversells} oversold** (counted in the database).`,
    `The seats were gone ${burst.sellOutSeconds.toFixed(1)} s after the first request: **${n(burst.perMinute)} tickets a minute** (${burst.salesPerSecond.toFixed(0)} orders a second); the whole burst took ${burst.seconds.toFixed(1)} s, p99 ${ms(burst.p99)} ms.`,
    `D1 round trips during the burst: **${n(burst.roundTripsPerSecond)} a second** (every answer's X-D1-Round-Trips, summed over the burst's duration), of which the placed orders' (each with its write batch) ${n(burst.placedRoundTripsPerSecond)} a second while seats lasted: the one local SQLite database serves all of them, one at a time.`,
    "",
    "## Waiting list: cancellations become offers",
    "",
    `${n(waitlist.waiting)} people joined the waiting list of a sold-out event of ${n(waitlist.seats)} seats through the API (${n(waitlist.joined)} answered 201, ${n(waitlist.joinsPerSecond)} joins a second, 10 connections).`,
    `Then ${n(waitlist.cancellations)} of its paid orders were refunded in full through Stripe's signed \`charge.refunded\` webhook, 10 at a time (${n(waitlist.refunded)} answered 200, p99 ${ms(waitlist.p99)} ms). Each refund freed its seat and offered it in the same D1 batch: **${n(waitlist.offers)} offers in ${waitlist.seconds.toFixed(1)} s, ${n(waitlist.offersPerSecond)} a second**.`,
    `Read back from the database: **${waitlist.doubleOffers} double offers** (people sent more than one offer email), offers ${waitlist.inOrder ? "went to exactly the first people in joining order" : "**did not go in joining order**"}, and the seats ${waitlist.balanced ? "balance (sold = valid tickets, held = places of open offers, within the capacity)" : "**do not balance**"}.`,
    "",
    "## Scale: 100 against many tickets sold",
    "",
    `One open-loop schedule of 20 requests a second alternating between the two events (10 a second each, so both meet the machine at the same moments), ${scale[0].checkIn.count} check-ins and ${scale[0].orders.count} orders per event.`,
    "",
    "| tickets sold | check-in p50 / p99 ms | order creation p50 / p99 ms |",
    "| ---: | ---: | ---: |",
    ...scale.map((s) => `| ${n(s.sold)} | ${ms(s.checkIn.p50)} / ${ms(s.checkIn.p99)} | ${ms(s.orders.p50)} / ${ms(s.orders.p99)} |`),
    `| ratio (p50) | ${x(scale[1].checkIn.p50 / scale[0].checkIn.p50)} | ${x(scale[1].orders.p50 / scale[0].orders.p50)} |`,
    "",
    ...paymentsMarkdown(load.payments, load.emulator),
    "## Bundle and start-up",
    "",
    `Worker: ${bundle.totalKiB} KiB, **${bundle.gzipKiB} KiB gzip** (Workers limits: ${LIMITS_KIB.free} KiB free plan, ${LIMITS_KIB.paid} KiB paid).`,
    `First request to a fresh isolate (the Worker restarted over the same database; the readiness probe is the bare route, which touches no database): event page **${ms(coldStart["event page"])} ms**, events API **${ms(coldStart["events API"])} ms**.`,
    "",
  ];
}

/** The whole RESULTS.md, from what bench/load.mjs, bench/export.mjs and the bundle measurement returned. */
export function resultsMarkdown({ load, exports, bundle, door, seatDesigns }) {
  const csv100k = exports.find((e) => e.label === "csv" && e.rows === 100_000);
  return [
    "# Benchmark results",
    "",
    `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, commit ${commit()}.`,
    `Machine: ${os.cpus()[0]?.model ?? "unknown CPU"} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}.`,
    "The app runs locally under `wrangler dev` (workerd with a local D1) over loopback; Stripe is the emulator as a separate Worker (its own process and D1), so the app's numbers are the app's alone (see Paying).",
    "Absolute numbers are for this machine (and whatever else it was doing); the ratios travel better. What bounds each missed target, and the next scale step: README, \"Measurements\".",
    "",
    ...loadMarkdown({ load, bundle }),
    "## Attendee export",
    "",
    "| export | rows | seconds | MB | peak RSS MB | RSS growth MB |",
    "| --- | ---: | ---: | ---: | ---: | ---: |",
    ...exports.map((e) => `| ${e.label} | ${e.rows.toLocaleString("en-GB")} | ${e.seconds.toFixed(2)} | ${mb(e.bytes)} | ${mb(e.peak.rss)} | ${mb(e.peak.rss - e.idle.rss)} |`),
    "",
    "RSS is the whole workerd process, which also runs the local D1; the Worker's own limit is 128 MB.",
    csv100k ? `Export of 100,000 attendees under 10 s and 100 MB (an earlier target): ${csv100k.seconds.toFixed(1)} s, RSS growth ${mb(csv100k.peak.rss - csv100k.idle.rss)} MB.` : "",
    "",
    "## Door scanner in the browser",
    "",
    door
      ? `Offline, in headless Chromium: local verification (Ed25519 signature check and ticket-list lookup) per scan, median **${door.median.toFixed(2)} ms**, p95 ${door.p95.toFixed(2)} ms, over ${door.scans} scans (the browser reports time in 0.1 ms steps; phones are slower).`
      : "Not measured: no Chromium on this machine.",
    "",
    ...(seatDesigns ? [...seatDesignsMarkdown(seatDesigns), ""] : []),
  ].join("\n");
}

export async function writeResults(results) {
  const file = join(import.meta.dirname, "RESULTS.md");
  await writeFile(file, resultsMarkdown(results));
  return file;
}
