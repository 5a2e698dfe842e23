// Writes bench/RESULTS.md: the numbers of one `npm run bench`, with machine, date and commit,
// and where they stand against the targets in the issue that asked for them.
import { execFileSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import os from "node:os";
import { join } from "node:path";
import { LIMITS_KIB } from "../scripts/lib/bundle-size.mjs";
import { paymentsMarkdown } from "./payments.mjs";

const ms = (n) => (Number.isFinite(n) ? `${Math.round(n)}` : "–");
const x = (n) => (Number.isFinite(n) ? `${n.toFixed(2)}×` : "–");
const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1);
const ok = (pass) => (pass ? "met" : "**not met**");

function commit() {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
  } catch {
    return "unknown";
  }
}

/** The markdown, from what bench/load.mjs, bench/export.mjs and the bundle measurement returned. */
export function resultsMarkdown({ load, exports, bundle, door }) {
  const ceiling = load.rows.find((r) => r.name.startsWith("bare"));
  const row = (name) => load.rows.find((r) => r.name.startsWith(name));
  const ratio = (r) => r.rps / ceiling.rps;
  const [small, large] = load.scale;
  const scaleRatio = (key) => large[key].p50 / small[key].p50;
  const csv100k = exports.find((e) => e.label === "csv" && e.rows === 100_000);
  const lines = [
    "# Benchmark results",
    "",
    `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, commit ${commit()}.`,
    `Machine: ${os.cpus()[0]?.model ?? "unknown CPU"} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}.`,
    "The app runs locally under `wrangler dev` (workerd with a local D1), loaded by autocannon over loopback with 20 connections;",
    "Stripe is the emulator as a separate Worker (its own process and D1), so the app's numbers are the app's alone (see Paying);",
    "absolute numbers are for this machine (and whatever else it was doing), the ratios travel better.",
    "",
    "## Routes against the ceiling",
    "",
    "| route | req/s | p50 ms | p99 ms | of ceiling |",
    "| --- | ---: | ---: | ---: | ---: |",
    ...load.rows.map((r) => `| ${r.name} | ${Math.round(r.rps)} | ${ms(r.p50)} | ${ms(r.p99)} | ${(ratio(r) * 100).toFixed(0)}% |`),
    "",
    "## Sell-out burst",
    "",
    `${load.burst.buyers.toLocaleString("en-GB")} buyers raced for ${load.burst.seats} seats (100 connections): ${load.burst.sold} orders placed, ${load.burst.refused} refused as sold out, ${load.burst.other} other answers, **${load.burst.oversells} oversold**, in ${load.burst.seconds.toFixed(1)} s: ${Math.round(load.burst.perMinute).toLocaleString("en-GB")} tickets per minute, p99 ${ms(load.burst.p99)} ms.`,
    "",
    ...paymentsMarkdown(load.payments, load.emulator),
    "## Scale: 100 against 100,000 tickets sold",
    "",
    "| tickets sold | event page p50 / p99 ms | event API p50 / p99 ms | check-in p50 / p99 ms |",
    "| ---: | ---: | ---: | ---: |",
    ...load.scale.map((s) => `| ${s.sold.toLocaleString("en-GB")} | ${ms(s.page.p50)} / ${ms(s.page.p99)} | ${ms(s.api.p50)} / ${ms(s.api.p99)} | ${ms(s.checkin.p50)} / ${ms(s.checkin.p99)} |`),
    `| ratio (p50) | ${x(scaleRatio("page"))} | ${x(scaleRatio("api"))} | ${x(scaleRatio("checkin"))} |`,
    "",
    "## Attendee export",
    "",
    "| export | rows | seconds | MB | peak RSS MB | RSS growth MB |",
    "| --- | ---: | ---: | ---: | ---: | ---: |",
    ...exports.map((e) => `| ${e.label} | ${e.rows.toLocaleString("en-GB")} | ${e.seconds.toFixed(2)} | ${mb(e.bytes)} | ${mb(e.peak.rss)} | ${mb(e.peak.rss - e.idle.rss)} |`),
    "",
    "RSS is the whole workerd process, which also runs the local D1; the Worker's own limit is 128 MB.",
    "",
    "## Door scanner in the browser",
    "",
    door
      ? `Offline, in headless Chromium: local verification (Ed25519 signature check and ticket-list lookup) per scan, median **${door.median.toFixed(2)} ms**, p95 ${door.p95.toFixed(2)} ms, over ${door.scans} scans (the browser reports time in 0.1 ms steps; phones are slower).`
      : "Not measured: no Chromium on this machine.",
    "",
    "## Bundle and start-up",
    "",
    `Worker: ${bundle.totalKiB} KiB, **${bundle.gzipKiB} KiB gzip** (Workers limits: ${LIMITS_KIB.free} KiB free plan, ${LIMITS_KIB.paid} KiB paid). First request to a fresh isolate (events API, including Prisma's WebAssembly compile): **${ms(load.firstRequestMs)} ms**.`,
    "",
    "## Against the targets",
    "",
    `- Event page and events API at 50% of the ceiling or more: ${(ratio(row("event page")) * 100).toFixed(0)}% and ${(ratio(row("events API")) * 100).toFixed(0)}% — ${ok(ratio(row("event page")) >= 0.5 && ratio(row("events API")) >= 0.5)}.`,
    `- Check-in p99 under 50 ms with 20 devices: ${ms(row("check-in").p99)} ms — ${ok(row("check-in").p99 < 50)}.`,
    `- Order creation p99 under 250 ms: ${ms(row("order creation").p99)} ms — ${ok(row("order creation").p99 < 250)}.`,
    `- Sell-out burst ≥ 10,000 tickets per minute with 0 oversells: ${Math.round(load.burst.perMinute).toLocaleString("en-GB")} per minute, ${load.burst.oversells} oversold — ${ok(load.burst.perMinute >= 10_000 && load.burst.oversells === 0)}.`,
    `- Latency at 100,000 sold within 1.5× of 100: page ${x(scaleRatio("page"))}, API ${x(scaleRatio("api"))}, check-in ${x(scaleRatio("checkin"))} — ${ok(["page", "api", "checkin"].every((k) => scaleRatio(k) <= 1.5))}.`,
    csv100k
      ? `- Export of 100,000 attendees under 10 s and 100 MB: ${csv100k.seconds.toFixed(1)} s, RSS growth ${mb(csv100k.peak.rss - csv100k.idle.rss)} MB — ${ok(csv100k.seconds < 10 && csv100k.peak.rss - csv100k.idle.rss < 100 * 2 ** 20)}.`
      : "- Export of 100,000 attendees: not run.",
    `- Worker under 1 MB gzip: ${bundle.gzipKiB} KiB — ${ok(bundle.gzipKiB < 1024)}. First request under 500 ms: ${ms(load.firstRequestMs)} ms — ${ok(load.firstRequestMs < 500)}.`,
    "",
  ];
  return lines.join("\n");
}

export async function writeResults(results) {
  const file = join(import.meta.dirname, "RESULTS.md");
  await writeFile(file, resultsMarkdown(results));
  return file;
}
