#!/usr/bin/env node
// npm run bench: measurements against the real app (wrangler dev, local D1), loopback only,
// written to bench/RESULTS.md with machine, date and commit. Each part is its own module.
//   npm run bench                      everything (about 10 minutes on 2 cores)
//   npm run bench -- --sizes 1000,5000 other export sizes (default 10,000 and 100,000)
//   npm run bench -- --no-xlsx         CSV exports only
//   npm run bench -- --no-slow         without the slow-client export run
//   npm run bench:seats               only the seat-designs experiment (D1 against a Durable Object)
//   npm run bench -- --quick           (or BENCH_QUICK=1) every scenario of the targets for a few
//                                      seconds each (10,000 sold instead of 100,000; no export or
//                                      browser run): proves the wiring, prints the targets and the
//                                      round-trip table, leaves RESULTS.md alone
import { bundleSize } from "../scripts/lib/bundle-size.mjs";
import { benchDoorBrowser } from "./door-browser.mjs";
import { benchExport } from "./export.mjs";
import { benchLoad } from "./load.mjs";
import { benchSeatDesigns } from "./scenarios/seat-designs.mjs";
import { loadMarkdown, writeResults } from "./report.mjs";

const args = process.argv.slice(2);
const sizesArg = args[args.indexOf("--sizes") + 1];
const sizes = args.includes("--sizes") && sizesArg ? sizesArg.split(",").map(Number) : [10_000, 100_000];
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) {
  console.error("--sizes takes whole numbers separated by commas, e.g. --sizes 1000,10000");
  process.exit(2);
}

// Bounded in time: whatever happens, the bench ends within a quarter of an hour.
const deadline = setTimeout(() => {
  console.error("The bench took longer than 15 minutes; stopping.");
  process.exit(1);
}, 15 * 60_000);
deadline.unref();

const started = Date.now();
if (args.includes("--quick") || process.env.BENCH_QUICK === "1") {
  try {
    console.log("Quick: every scenario for a few seconds (the numbers prove the wiring, nothing more)…");
    const bundle = await bundleSize();
    const load = await benchLoad({ quick: true });
    console.log(`\n${loadMarkdown({ load, bundle }).join("\n")}`);
    console.log(`Done in ${Math.round((Date.now() - started) / 1000)} s (RESULTS.md unchanged).`);
    if (load.payments.paid !== load.payments.buyers) {
      console.error(`Only ${load.payments.paid} of ${load.payments.buyers} orders were marked paid.`);
      process.exitCode = 1;
    }
  } catch (err) {
    console.error(`The quick bench failed: ${err.stack ?? err.message}`);
    process.exitCode = 1;
  }
  process.exit();
}
try {
  console.log("Bundle size…");
  const bundle = await bundleSize();
  console.log("The app: throughput, open-loop latency, scale, pages, paying, burst, fresh isolate…");
  const load = await benchLoad();
  console.log("Door scanner in Chromium…");
  const door = await benchDoorBrowser();
  console.log("Attendee export…");
  const exports = await benchExport({ sizes, xlsx: !args.includes("--no-xlsx"), slowClient: !args.includes("--no-slow") });
  console.log("The next scale step: seat counters in D1 or in a Durable Object per event…");
  const seatDesigns = await benchSeatDesigns({ log: (line) => console.log(line) });
  const file = await writeResults({ load, exports, bundle, door, seatDesigns });
  console.log(`\nWrote ${file} in ${Math.round((Date.now() - started) / 1000)} s.`);
} catch (err) {
  console.error(`The bench failed: ${err.stack ?? err.message}`);
  process.exitCode = 1;
}
