#!/usr/bin/env node
// npm run bundle: bundles the production Worker (src/index.ts, minified) exactly as a deploy
// would (wrangler deploy --dry-run into dist/, no account needed), prints its size beside the
// limits and our 1 MB target, and what its large parts are. Part of `npm test`, so a bundling
// error or a Worker over the free plan's limit fails the tests.
import { relative } from "node:path";
import { LIMITS_KIB, TARGET_GZIP_BYTES, breakdown, bundleWorker, devInputs, prismaParts } from "./lib/bundle-size.mjs";
import { root } from "./lib/wrangler.mjs";

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

/** Names for the parts whose package name does not say what they are. */
const what = {
  "@prisma/client": "Prisma's client runtime",
  "src/generated/": "our Prisma client, generated from the data model",
  "zod/v4/locales": "zod's messages in every language (kept by a named import of z; we import * as z, which leaves them out)",
  stripe: "the SDK registers every Stripe API resource",
  "postal-mime": "resend's inbound-mail parser, unused here",
  standardwebhooks: "resend's webhook verifier, unused here",
  "fast-sha256": "for standardwebhooks",
  ky: "HTTP client of @prisma/adapter-d1",
  entities: "HTML entities, for markdown-it",
};

try {
  const { totalKiB, gzipKiB, gzipBytes, meta, modules, outdir } = await bundleWorker();
  const target = TARGET_GZIP_BYTES / 1024;
  const verdict = gzipBytes <= TARGET_GZIP_BYTES ? `under our ${target} KiB target` : `OVER our ${target} KiB target by ${kib(gzipBytes - TARGET_GZIP_BYTES)}`;
  console.log(
    `Worker bundle (production entry, minified, in ${relative(root, outdir)}/): ${totalKiB} KiB, ${gzipKiB} KiB gzip — ${verdict}` +
      ` (Workers limits: ${LIMITS_KIB.free} KiB gzip on the free plan, ${LIMITS_KIB.paid} KiB paid).`,
  );
  console.log("Modules uploaded (bytes / gzip):");
  for (const m of modules.sort((a, b) => b.bytes - a.bytes)) console.log(`  ${kib(m.bytes).padStart(12)} / ${kib(m.gzipBytes).padStart(10)}  ${m.name}`);
  console.log("Largest parts of the script (minified bytes, before gzip):");
  for (const { part, bytes } of breakdown(meta).filter((p) => p.bytes >= 4096)) {
    console.log(`  ${kib(bytes).padStart(12)}  ${part}${what[part] ? ` (${what[part]})` : ""}`);
  }
  const prisma = prismaParts(meta, modules);
  console.log(
    prisma.length
      ? `Prisma in the production bundle (issue #16: it should hold none): ${prisma.map((p) => `${p.part} ${kib(p.bytes)}${p.gzip ? " gzip" : ""}`).join(", ")}.`
      : "Prisma in the production bundle: none.",
  );
  const dev = devInputs(meta);
  if (dev.length) {
    console.error(`Development code is in the production bundle:\n  ${dev.join("\n  ")}`);
    process.exit(1);
  }
  if (gzipKiB > LIMITS_KIB.free) {
    console.error("The Worker is over the free plan's size limit.");
    process.exit(1);
  }
} catch (err) {
  console.error(err.message);
  process.exit(1);
}
