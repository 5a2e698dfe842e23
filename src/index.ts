import { createWorker } from "@/worker";

/**
 * The production Worker (wrangler deploy): the app alone, with no Stripe emulator, dev
 * mailbox or demo seed. `npm start` and the tests run src/dev/entry.ts, which adds them.
 */
export default createWorker();
