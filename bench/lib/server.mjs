// The app as `npm start` runs it (wrangler dev: workerd and a local D1 file), on a free
// loopback port with its own fresh database, for benchmarks. Loopback traffic only. Stripe is
// the emulator as a Worker of its own (another process, another database), as real Stripe
// would be, so what the bench measures of the app is the app's alone.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { appStripeVars, startStripeEmulator } from "../../scripts/lib/stripe-emulator.mjs";
import { generateTicketKeys } from "../../scripts/lib/ticket-keys.mjs";
import { stopChild, waitFor, wrangler, wranglerDev } from "../../scripts/lib/wrangler.mjs";

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no free port"))));
    });
  });
}

/** A fresh local database with the migrations applied, and SQL of our own run into it. */
export async function prepareState(sql = []) {
  const stateDir = await mkdtemp(join(tmpdir(), "tickets-bench-"));
  await wrangler(["d1", "migrations", "apply", "DB", "--local", "--persist-to", stateDir], { quiet: true });
  for (const [i, text] of sql.entries()) {
    const file = join(stateDir, `seed-${i}.sql`);
    await writeFile(file, text);
    await wrangler(["d1", "execute", "DB", "--local", "--persist-to", stateDir, "--file", file], { quiet: true });
  }
  return stateDir;
}

/** Runs one query against the (stopped or running) local database and returns its rows. */
export async function query(stateDir, sql) {
  const out = await wrangler(["d1", "execute", "DB", "--local", "--persist-to", stateDir, "--command", sql, "--json"], { quiet: true });
  return JSON.parse(out.slice(out.indexOf("[")))[0].results;
}

/**
 * Starts wrangler dev over `stateDir`; resolves once the cheapest route answers, so the first
 * real request still meets a fresh isolate. `signingKey` defaults to a new ticket key.
 * With `emulator` (the default), the Stripe emulator Worker is started first, in its own
 * process with its own database, and the app is configured to call it and to verify its
 * webhooks (`server.emulator`: its address, its own time from /__stats, its chores).
 * `emulator: false` keeps the in-process emulator (the app's own D1 and isolate).
 */
export async function startServer(stateDir, { signingKey, emulator: separate = true } = {}) {
  const key = signingKey ?? (await generateTicketKeys("bench")).signingKey;
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const emulator = separate ? await startStripeEmulator({ port: await freePort(), appBase: base }) : null;
  // The emulator is up before the app starts, so the app's first request meets a ready Stripe.
  const child = wranglerDev(
    [
      ...["--port", String(port), "--ip", "127.0.0.1", "--persist-to", stateDir, "--show-interactive-dev-session=false"],
      ...["--var", `TICKET_SIGNING_KEY:${key}`],
      ...(emulator ? appStripeVars(emulator.base) : []),
    ],
    { stdio: ["ignore", "ignore", "ignore"], env: { CLOUDFLARE_CF_FETCH_ENABLED: "false" } },
  );
  const stop = async () => {
    await stopChild(child);
    await emulator?.stop();
  };
  try {
    await waitFor(`${base}/__bare`, 90_000);
    return { base, child, signingKey: key, emulator, stop, cleanup: async () => (await stop(), await rm(stateDir, { recursive: true, force: true })) };
  } catch (err) {
    await stop();
    throw err;
  }
}
