#!/usr/bin/env node
// npm start: apply migrations to the local D1 database, serve the Worker with wrangler dev,
// seed the demo conference when the database is empty, and print where to go.
// Needs no account, key or network. PORT changes the port (default 8787).
// `npm run dev` passes --reload: the browser also reloads when files change.
import { wrangler, wranglerDev, waitFor } from "./lib/wrangler.mjs";

const port = Number(process.env.PORT ?? 8787);
const base = `http://localhost:${port}`;
const reload = process.argv.includes("--reload");

console.log("Applying database migrations to the local D1 database…");
await wrangler(["d1", "migrations", "apply", "DB", "--local"], { quiet: true });

const args = ["--port", String(port), "--ip", "127.0.0.1", "--show-interactive-dev-session=false"];
if (reload) args.push("--live-reload");
const dev = wranglerDev(args, { stdio: ["ignore", "inherit", "inherit"] });
const stop = () => dev.kill("SIGTERM");
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
dev.on("exit", (code) => process.exit(code ?? 0));

try {
  await waitFor(`${base}/healthz`);
  const res = await fetch(`${base}/dev/seed`, { method: "POST" });
  if (!res.ok) throw new Error(`seeding failed: HTTP ${res.status} ${await res.text()}`);
  const seed = await res.json();
  const lines = [
    "",
    `  Ready: ${base}`,
    seed.event ? `  Demo event: ${base}/events/${seed.event.slug}${seed.seeded ? " (just seeded)" : ""}` : "",
    `  Events API: ${base}/api/v1/events`,
    `  Dev accounts: organiser ${seed.staff.organiser.email} (owner), door ${seed.staff.door.email} (door staff)`,
    "  Press Ctrl+C to stop.",
    "",
  ];
  console.log(lines.filter(Boolean).join("\n"));
} catch (err) {
  console.error(`\nThe app did not start: ${err.message}`);
  stop();
  process.exit(1);
}
