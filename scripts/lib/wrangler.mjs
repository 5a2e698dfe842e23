// Runs wrangler through npm's own Node (node_modules/.bin comes first on PATH in npm scripts).
import { spawn } from "node:child_process";
import { join } from "node:path";

export const root = join(import.meta.dirname, "..", "..");
const wranglerBin = join(root, "node_modules", "wrangler", "bin", "wrangler.js");

/** Runs `wrangler ...args` to completion; rejects with its output when it fails. */
export function wrangler(args, { quiet = false, env = {} } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [wranglerBin, ...args], {
      cwd: root,
      env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: process.env.CI ?? "true", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
      if (!quiet) process.stdout.write(d);
    });
    child.stderr.on("data", (d) => {
      out += d;
      if (!quiet) process.stderr.write(d);
    });
    child.on("close", (code) => (code === 0 ? resolve(out) : reject(new Error(`wrangler ${args[0]} failed (${code}):\n${out}`))));
  });
}

/**
 * The development entry: the app plus the Stripe emulator, the dev mailbox and the demo seed.
 * wrangler.toml's `main` (src/index.ts, what deploys) has none of them.
 */
export const DEV_ENTRY = "src/dev/entry.ts";

/**
 * The Stripe emulator as a Worker of its own (src/dev/emulator-worker.ts, its own D1): what
 * `npm run bench` talks to instead of the in-process emulator. See scripts/lib/stripe-emulator.mjs.
 */
export const EMULATOR_CONFIG = "wrangler.emulator.toml";

/** Starts `wrangler dev ...target ...args` in the background; returns the child process. */
function spawnWranglerDev(target, args, { env = {}, stdio = "inherit" } = {}) {
  return spawn(process.execPath, [wranglerBin, "dev", ...target, ...args], {
    cwd: root,
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", ...env },
    stdio,
  });
}

/** Starts `wrangler dev` on the development entry in the background; returns the child process. */
export function wranglerDev(args, options) {
  return spawnWranglerDev([DEV_ENTRY], args, options);
}

/** Starts `wrangler dev -c <config>` (another Worker: the Stripe emulator's, the bench's seat designs) in the background. */
export function wranglerDevConfig(config, args, options) {
  return spawnWranglerDev(["-c", config], args, options);
}

/** Starts `wrangler dev` on the Stripe emulator Worker (wrangler.emulator.toml) in the background. */
export function wranglerDevEmulator(args, options) {
  return wranglerDevConfig(EMULATOR_CONFIG, args, options);
}

/** Stops a child started above: SIGTERM, then waits for it to exit (at most 10 s). */
export async function stopChild(child) {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
}

/** Waits until `url` answers 200, or throws after `timeoutMs`. */
export async function waitFor(url, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = err.message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer in ${timeoutMs / 1000}s (${last})`);
}
