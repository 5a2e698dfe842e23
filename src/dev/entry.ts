import { countRoundTrips } from "@/dev/round-trips";
import { devTools } from "@/dev/tools";
import type { Bindings } from "@/env";
import { createWorker } from "@/worker";

/**
 * The development Worker: the same app as src/index.ts plus the Stripe emulator, the dev
 * mailbox and the demo seed. `npm start`, `npm run dev`, the tests and `npm run bench` run
 * this entry (`wrangler dev src/dev/entry.ts`); `wrangler deploy` never bundles it. Each
 * response says how many D1 round trips it took (X-D1-Round-Trips, see dev/round-trips.ts).
 */
const worker = createWorker(devTools);

export default {
  ...worker,
  fetch: countRoundTrips<Bindings, ExecutionContext>((request, env, ctx) => worker.fetch(request, env, ctx)),
} satisfies ExportedHandler<Bindings>;
