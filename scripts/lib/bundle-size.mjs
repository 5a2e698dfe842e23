// The production Worker as a deploy would upload it (wrangler deploy --dry-run, no account
// needed): its size, and what its large parts are, from esbuild's metafile.
import { readdir, readFile, rm, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { root, wrangler } from "./wrangler.mjs";

/** Workers limits on the compressed Worker: free plan and paid plan, in KiB. */
export const LIMITS_KIB = { free: 3 * 1024, paid: 10 * 1024 };
/** Our own target: a Worker under 1 MB gzip starts faster and leaves room to grow. */
export const TARGET_GZIP_BYTES = 1024 * 1024;

const META_FILE = "bundle-meta.json";

/**
 * Bundles the production entry (wrangler.toml `main`, minified there) into `outdir`, emptied
 * first so that no stale module is counted. Returns the sizes wrangler reports, esbuild's
 * metafile, and the extra modules (Prisma's WebAssembly) uploaded beside the script.
 */
export async function bundleWorker({ outdir = join(root, "dist") } = {}) {
  const dir = resolve(root, outdir);
  await rm(dir, { recursive: true, force: true });
  const out = await wrangler(["deploy", "--dry-run", "--outdir", dir, "--metafile", join(dir, META_FILE)], { quiet: true });
  const m = /Total Upload:\s*([\d.]+)\s*KiB\s*\/\s*gzip:\s*([\d.]+)\s*KiB/.exec(out);
  if (!m) throw new Error(`Could not read the bundle size from wrangler's output:\n${out}`);
  const meta = JSON.parse(await readFile(join(dir, META_FILE), "utf8"));
  const modules = [];
  for (const name of await readdir(dir)) {
    if (name === META_FILE || name.endsWith(".map") || name === "README.md") continue;
    const bytes = await readFile(join(dir, name));
    modules.push({ name, bytes: (await stat(join(dir, name))).size, gzipBytes: gzipSync(bytes).length });
  }
  return { totalKiB: Number(m[1]), gzipKiB: Number(m[2]), gzipBytes: Math.round(Number(m[2]) * 1024), meta, modules, outdir: dir };
}

/** Bundles into dist/ and returns { totalKiB, gzipKiB } (npm run bench reports these). */
export async function bundleSize() {
  const { totalKiB, gzipKiB } = await bundleWorker();
  return { totalKiB, gzipKiB };
}

/** The metafile's output for the Worker script (the one with the most inputs). */
function scriptOutput(meta) {
  return Object.values(meta.outputs).reduce((a, b) => (Object.keys(b.inputs).length > Object.keys(a.inputs).length ? b : a));
}

/** What an input path belongs to: its npm package, or the folder of our own code. */
export function partOf(path) {
  const at = path.lastIndexOf("node_modules/");
  if (at >= 0) {
    const [scope, name, ...rest] = path.slice(at + "node_modules/".length).split("/");
    const pkg = scope.startsWith("@") ? `${scope}/${name}` : scope;
    // Classic zod pulls in every locale when imported as `{ z }`; worth seeing on its own.
    if (pkg === "zod" && [name, ...rest].join("/").includes("/locales/")) return "zod/v4/locales";
    return pkg;
  }
  const own = path.replace(/^(\.\.\/)*/, "").split("/");
  return own[0] === "src" && own.length > 2 ? `src/${own[1]}/` : own.slice(0, 2).join("/");
}

/** Script bytes (minified, before gzip) per part, largest first. */
export function breakdown(meta) {
  const parts = new Map();
  for (const [path, input] of Object.entries(scriptOutput(meta).inputs)) {
    const part = partOf(path);
    const entry = parts.get(part) ?? { part, bytes: 0, files: 0 };
    entry.bytes += input.bytesInOutput;
    entry.files += 1;
    parts.set(part, entry);
  }
  return [...parts.values()].sort((a, b) => b.bytes - a.bytes);
}

/** Input paths of the Worker script that are development code (src/dev/). */
export function devInputs(meta) {
  return Object.keys(scriptOutput(meta).inputs).filter((path) => /(^|\/)src\/dev\//.test(path));
}

/**
 * What of Prisma a bundle holds (issue #16: the production Worker should hold none): its
 * packages and our generated client in the script (minified bytes), and its query compiler's
 * WebAssembly among the uploaded modules (gzip bytes). Empty once no production code imports
 * a Prisma client (type imports are erased).
 */
export function prismaParts(meta, modules) {
  const inScript = breakdown(meta)
    .filter(({ part }) => part.startsWith("@prisma/") || part === "src/generated/")
    .map(({ part, bytes }) => ({ part, bytes, gzip: false }));
  const wasm = modules.filter((m) => m.name.endsWith(".wasm")).map((m) => ({ part: m.name, bytes: m.gzipBytes, gzip: true }));
  return [...inScript, ...wasm];
}
