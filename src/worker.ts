import { createApp } from "@/app";
import type { Bindings } from "@/env";
import type { AppExtensions } from "@/extensions";
import { runScheduled } from "@/scheduled";

/**
 * The Worker's handlers: HTTP requests go to the Hono app, cron triggers to the scheduled
 * tasks. src/index.ts (deployed) builds it with no extensions; src/dev/entry.ts with the
 * development tools.
 */
export function createWorker(extensions: AppExtensions = {}) {
  const app = createApp(extensions);
  return {
    fetch: app.fetch,
    scheduled: async (_controller, env, ctx) => {
      await runScheduled(env, ctx, async (request, e, c) => app.fetch(request, e, c), extensions);
    },
  } satisfies ExportedHandler<Bindings>;
}
