import type { Bindings } from "@/env";

/**
 * The cron handler (every five minutes, wrangler.toml). Later work adds the hold-expiry sweep
 * and email retries here; each task is logged, and one failing does not stop the others.
 */
export async function runScheduled(_controller: ScheduledController, _env: Bindings, _ctx: ExecutionContext) {
  const tasks: Array<[string, () => Promise<unknown>]> = [];
  for (const [name, task] of tasks) {
    try {
      await task();
    } catch (err) {
      console.error(JSON.stringify({ level: "error", task: name, error: String(err) }));
    }
  }
}
