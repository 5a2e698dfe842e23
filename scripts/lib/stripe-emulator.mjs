// The Stripe emulator as a separate Worker (src/dev/emulator-worker.ts, wrangler.emulator.toml):
// its own wrangler dev process and its own D1 database, which the app reaches over HTTP as it
// would reach Stripe. Used by `npm run bench` and test/node/emulator-worker.test.ts.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EMULATOR_CONFIG, stopChild, waitFor, wrangler, wranglerDevEmulator } from "./wrangler.mjs";

/** Shared by the two Workers: the emulator signs webhooks with it, the app verifies them. */
export const SHARED_WEBHOOK_SECRET = "whsec_local_emulator_shared";
/** Any test-mode key: the emulator accepts every sk_test_ key. */
export const EMULATOR_SECRET_KEY = "sk_test_local_emulator_worker";

/**
 * The app's settings (as `wrangler dev --var` arguments) that send its Stripe SDK to the
 * emulator Worker at `base` and make it verify the emulator's webhooks.
 */
export function appStripeVars(base) {
  return [
    ...["--var", `STRIPE_SECRET_KEY:${EMULATOR_SECRET_KEY}`],
    ...["--var", `STRIPE_API_BASE:${base}`],
    ...["--var", `STRIPE_WEBHOOK_SECRET:${SHARED_WEBHOOK_SECRET}`],
  ];
}

/**
 * Starts the emulator Worker on `port` with a fresh database of its own, delivering webhooks
 * to `appBase`/webhooks/stripe. Resolves once it answers. `stats()` reads its own time
 * (GET /__stats), `resetStats()` starts counting afresh, `chores()` expires due sessions
 * and retries due webhooks (what its cron would do).
 */
export async function startStripeEmulator({ port, appBase, stdio = ["ignore", "ignore", "ignore"] }) {
  const stateDir = await mkdtemp(join(tmpdir(), "stripe-emulator-"));
  await wrangler(["d1", "migrations", "apply", "DB", "-c", EMULATOR_CONFIG, "--local", "--persist-to", stateDir], { quiet: true });
  const child = wranglerDevEmulator(
    [
      ...["--port", String(port), "--ip", "127.0.0.1", "--persist-to", stateDir, "--show-interactive-dev-session=false"],
      ...["--var", `APP_WEBHOOK_URL:${appBase}/webhooks/stripe`],
      ...["--var", `STRIPE_WEBHOOK_SECRET:${SHARED_WEBHOOK_SECRET}`],
    ],
    { stdio, env: { CLOUDFLARE_CF_FETCH_ENABLED: "false" } },
  );
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await stopChild(child);
    await rm(stateDir, { recursive: true, force: true });
  };
  const json = async (path, init) => {
    const res = await fetch(`${base}${path}`, init);
    if (!res.ok) throw new Error(`emulator ${path}: HTTP ${res.status}`);
    return res.json();
  };
  try {
    await waitFor(`${base}/__stats`, 90_000);
  } catch (err) {
    await stop();
    throw err;
  }
  return {
    base,
    child,
    stateDir,
    stop,
    stats: () => json("/__stats"),
    resetStats: () => json("/__stats", { method: "DELETE" }),
    chores: () => json("/__chores", { method: "POST" }),
  };
}
