import type { ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
// @ts-expect-error: plain ESM helper shared with the npm scripts, no type declarations
import { waitFor, wrangler, wranglerDev } from "../../../scripts/lib/wrangler.mjs";
// @ts-expect-error: plain ESM helper, no type declarations
import { generateTicketKeys } from "../../../scripts/lib/ticket-keys.mjs";

export type DevServer = {
  base: string;
  stop: () => Promise<void>;
  seed: { event: { slug: string; title: string } };
  /** The public half of the server's ticket-signing key ("<id>.<base64url>"). */
  publicKey: string;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/**
 * The real app as `npm start` runs it (wrangler dev, workerd, local D1), on a free port (or
 * `port`) with its own empty database, migrated and seeded with the demo data. `args` are more
 * `wrangler dev` arguments (e.g. `--var` settings).
 */
export async function startDevServer(options: { port?: number; args?: string[] } = {}): Promise<DevServer> {
  const stateDir = await mkdtemp(join(tmpdir(), "tickets-state-"));
  await wrangler(["d1", "migrations", "apply", "DB", "--local", "--persist-to", stateDir], { quiet: true });
  const port = options.port ?? (await freePort());
  const keys = await generateTicketKeys("e2e");
  const child: ChildProcess = wranglerDev(
    [
      ...["--port", String(port), "--ip", "127.0.0.1", "--persist-to", stateDir, "--show-interactive-dev-session=false"],
      ...["--var", `TICKET_SIGNING_KEY:${keys.signingKey}`],
      ...(options.args ?? []),
    ],
    { stdio: ["ignore", "ignore", "inherit"] },
  );
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    child.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 300));
    await rm(stateDir, { recursive: true, force: true });
  };
  try {
    await waitFor(`${base}/healthz`, 90_000);
    const res = await fetch(`${base}/dev/seed`, { method: "POST" });
    return { base, stop, seed: await res.json(), publicKey: keys.publicKey };
  } catch (err) {
    await stop();
    throw err;
  }
}
