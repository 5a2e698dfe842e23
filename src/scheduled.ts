import { sweepWaitlists } from "@/domain/waitlist/waitlist";
import { loadConfig } from "@/config";
import { serviceDepsFrom } from "@/deps";
import type { Bindings, SelfFetch } from "@/env";
import type { AppExtensions, Chore } from "@/extensions";
import { paymentsFor } from "@/domain/payments/context";
import { sendDueEmails } from "@/domain/mail/sender";
import { mailTransport } from "@/domain/mail/transport";
import { sweepExpiredHolds } from "@/domain/orders/sweep";
import { queueDueReminders } from "@/domain/reminders/reminders";
import { queueDailySummaries, queueSoldOutAlerts } from "@/domain/reminders/notifications";
import { runRetention } from "@/domain/privacy/retention";

/**
 * The cron handler (every five minutes, wrangler.toml): the hold-expiry sweep, email sending
 * and retries, and the development entry's own chores first (the Stripe emulator's expiry
 * and webhook retries). Each task that did something is logged; one failing does not stop the
 * others. Returns the tasks' names in the order they ran.
 */
export async function runScheduled(env: Bindings, ctx: ExecutionContext, selfFetch: SelfFetch, extensions: AppExtensions = {}): Promise<string[]> {
  const config = loadConfig(env);
  const origin = config.publicUrl ?? "http://localhost:8787";
  const { stripe, offline } = paymentsFor({
    config,
    d1: env.DB,
    origin,
    dispatch: (request) => selfFetch(request, env, ctx),
    waitUntil: (promise) => ctx.waitUntil(promise),
    offlineStripe: extensions.offlineStripe,
  });
  const deps = serviceDepsFrom({ config, d1: env.DB, stripe, origin });
  const tasks: Chore[] = [
    ...(extensions.chores?.(offline) ?? []),
    ["sweep_expired_holds", () => sweepExpiredHolds(deps)],
    ["sweep_waitlists", () => sweepWaitlists(deps)],
    ["queue_reminders", () => queueDueReminders(deps)],
    ["queue_sold_out_alerts", () => queueSoldOutAlerts(deps)],
    ["queue_daily_summaries", () => queueDailySummaries(deps)],
    ["personal_data_retention", () => runRetention(deps)],
    ["send_outbox", () => sendDueEmails(deps, mailTransport(config))],
  ];
  for (const [name, task] of tasks) {
    try {
      const result = await task();
      if (!idle(result)) console.log(JSON.stringify({ level: "info", task: name, result }));
    } catch (err) {
      console.error(JSON.stringify({ level: "error", task: name, error: String(err) }));
    }
  }
  return tasks.map(([name]) => name);
}

/** A chore's result that says nothing happened (0, empty, or only such values), so a quiet run logs nothing. */
const idle = (result: unknown): boolean =>
  result === undefined || result === null || result === 0 || result === false || (typeof result === "object" && Object.values(result).every(idle));
