// The Worker's size as a deploy would upload it (wrangler deploy --dry-run, no account needed).
import { wrangler } from "./wrangler.mjs";

/** Workers limits on the compressed Worker: free plan and paid plan, in KiB. */
export const LIMITS_KIB = { free: 3 * 1024, paid: 10 * 1024 };

/** Bundles into dist/ and returns { totalKiB, gzipKiB }. */
export async function bundleSize() {
  const out = await wrangler(["deploy", "--dry-run", "--outdir", "dist"], { quiet: true });
  const m = /Total Upload:\s*([\d.]+)\s*KiB\s*\/\s*gzip:\s*([\d.]+)\s*KiB/.exec(out);
  if (!m) throw new Error(`Could not read the bundle size from wrangler's output:\n${out}`);
  return { totalKiB: Number(m[1]), gzipKiB: Number(m[2]) };
}
