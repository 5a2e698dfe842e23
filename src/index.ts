import { createApp } from "@/app";
import type { Bindings } from "@/env";
import { runScheduled } from "@/scheduled";

const app = createApp();

/** The Worker: HTTP requests go to the Hono app; cron triggers to the scheduled tasks. */
export default {
  fetch: app.fetch,
  scheduled: (_controller, env, ctx) => runScheduled(env, ctx, async (request, e, c) => app.fetch(request, e, c)),
} satisfies ExportedHandler<Bindings>;
