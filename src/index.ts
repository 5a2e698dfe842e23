import { createApp } from "@/app";
import type { Bindings } from "@/env";
import { runScheduled } from "@/scheduled";

const app = createApp();

/** The Worker: HTTP requests go to the Hono app; cron triggers to the scheduled tasks. */
export default {
  fetch: app.fetch,
  scheduled: runScheduled,
} satisfies ExportedHandler<Bindings>;
