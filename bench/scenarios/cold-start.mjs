// The first request to a fresh isolate: the app Worker is restarted over the same database and
// the first request to the event page (then, after another restart, to the events API) is timed.
// The restart waits for the bare route to answer (the readiness probe, which needs no database),
// so what is timed is everything the first real request starts: Prisma's WebAssembly compile,
// the first D1 query, rendering.
import { startServer } from "../lib/server.mjs";

export async function benchColdStart({ stateDir, signingKey, ev, log }) {
  const results = {};
  for (const [name, path] of [["event page", `/events/${ev.slug}`], ["events API", "/api/v1/events"]]) {
    log(`  fresh isolate: restarting the Worker, first request to the ${name}…`);
    const server = await startServer(stateDir, { signingKey, emulator: false });
    try {
      const t = performance.now();
      const res = await fetch(`${server.base}${path}`);
      await res.arrayBuffer();
      results[name] = performance.now() - t;
      if (!res.ok) throw new Error(`first request to ${path}: HTTP ${res.status}`);
    } finally {
      await server.stop();
    }
  }
  return results;
}
