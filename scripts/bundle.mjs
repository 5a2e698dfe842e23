#!/usr/bin/env node
// npm run bundle: bundles the Worker exactly as a deploy would (wrangler deploy --dry-run,
// no account needed) and prints its size beside the Workers limits. Part of `npm test`, so a
// bundling error or an oversized Worker fails the tests.
import { wrangler } from "./lib/wrangler.mjs";

const out = await wrangler(["deploy", "--dry-run", "--outdir", "dist"], { quiet: true }).catch((err) => {
  console.error(err.message);
  process.exit(1);
});
const m = /Total Upload:\s*([\d.]+)\s*KiB\s*\/\s*gzip:\s*([\d.]+)\s*KiB/.exec(out);
if (!m) {
  console.error(`Could not read the bundle size from wrangler's output:\n${out}`);
  process.exit(1);
}
const gzipKiB = Number(m[2]);
const limitKiB = 3 * 1024; // Workers free plan; the paid plan allows 10 MiB.
console.log(`Worker bundle: ${m[1]} KiB, ${gzipKiB} KiB gzip (limit ${limitKiB} KiB gzip on the free plan, 10240 KiB paid).`);
if (gzipKiB > limitKiB) {
  console.error("The Worker is over the free plan's size limit.");
  process.exit(1);
}
