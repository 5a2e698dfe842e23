#!/usr/bin/env node
// npm run bundle: bundles the Worker exactly as a deploy would (wrangler deploy --dry-run,
// no account needed) and prints its size beside the Workers limits. Part of `npm test`, so a
// bundling error or an oversized Worker fails the tests.
import { LIMITS_KIB, bundleSize } from "./lib/bundle-size.mjs";

try {
  const { totalKiB, gzipKiB } = await bundleSize();
  console.log(`Worker bundle: ${totalKiB} KiB, ${gzipKiB} KiB gzip (limit ${LIMITS_KIB.free} KiB gzip on the free plan, ${LIMITS_KIB.paid} KiB paid).`);
  if (gzipKiB > LIMITS_KIB.free) {
    console.error("The Worker is over the free plan's size limit.");
    process.exit(1);
  }
} catch (err) {
  console.error(err.message);
  process.exit(1);
}
