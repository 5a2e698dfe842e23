#!/usr/bin/env node
// Builds the door scanner's browser code (src/client/door, TypeScript) into static assets:
//   public/door/scanner.js  the page's script (ES module; jsQR and the ticket-code checker bundled in)
//   public/door-sw.js       the service worker, at the root so its scope may cover /door
// with source maps beside them. wrangler.toml's [build] runs this before `wrangler dev` and
// `wrangler deploy` (so `npm start`, `npm run bundle` and the browser tests build it first).
// Files are replaced only when their content changes, and atomically, because several
// `wrangler dev` processes (the browser tests) may build at the same moment.
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { build } from "esbuild";

const root = join(import.meta.dirname, "..");
const client = join(root, "src", "client", "door");
const publicDir = join(root, "public");

const common = {
  absWorkingDir: root,
  bundle: true,
  minify: true,
  sourcemap: "linked",
  // Phones from the last few years: Ed25519 in WebCrypto needs newer still (Chrome 137, Safari 17).
  target: ["es2022", "chrome109", "safari16", "firefox115"],
  tsconfig: join(client, "tsconfig.json"),
  legalComments: "none",
  logLevel: "warning",
  write: false,
};

const scanner = await build({ ...common, entryPoints: [join(client, "main.ts")], outfile: join(publicDir, "door", "scanner.js"), format: "esm" });
const scannerJs = scanner.outputFiles.find((f) => f.path.endsWith(".js"));
const buildId = createHash("sha256").update(scannerJs.contents).digest("hex").slice(0, 12);
const worker = await build({
  ...common,
  entryPoints: [join(client, "sw.ts")],
  outfile: join(publicDir, "door-sw.js"),
  format: "iife",
  tsconfig: join(client, "tsconfig.sw.json"),
  define: { BUILD_ID: JSON.stringify(buildId) },
});

let written = 0;
for (const file of [...scanner.outputFiles, ...worker.outputFiles]) {
  const current = await readFile(file.path).catch(() => null);
  if (current && Buffer.compare(current, file.contents) === 0) continue;
  await mkdir(dirname(file.path), { recursive: true });
  const temporary = `${file.path}.${process.pid}.tmp`;
  await writeFile(temporary, file.contents);
  await rename(temporary, file.path);
  written += 1;
}
const size = (scannerJs.contents.length / 1024).toFixed(1);
console.log(`Door scanner built (${relative(root, scannerJs.path)} ${size} KiB, build ${buildId}${written ? "" : ", unchanged"}).`);
