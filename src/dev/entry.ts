import { devTools } from "@/dev/tools";
import { createWorker } from "@/worker";

/**
 * The development Worker: the same app as src/index.ts plus the Stripe emulator, the dev
 * mailbox and the demo seed. `npm start`, `npm run dev`, the tests and `npm run bench` run
 * this entry (`wrangler dev src/dev/entry.ts`); `wrangler deploy` never bundles it.
 */
export default createWorker(devTools);
