import { loadConfig } from "@/config";
import { prismaFor } from "@/db";
import type { Bindings, SelfFetch } from "@/env";
import { paymentsFor } from "@/domain/payments/context";
import { deliverPendingWebhooks, expireDueSessions } from "@/dev/stripe-emulator";
import { sendDueEmails } from "@/domain/mail/sender";
import { mailTransport } from "@/domain/mail/transport";
import { sweepExpiredHolds } from "@/domain/orders/sweep";

/**
 * The cron handler (every five minutes, wrangler.toml): the hold-expiry sweep, email sending
 * and retries, and, offline, the Stripe emulator's own expiry and webhook retries. Each task is logged; one failing does
 * not stop the others.
 */
export async function runScheduled(env: Bindings, ctx: ExecutionContext, selfFetch: SelfFetch) {
  const config = loadConfig(env);
  const db = prismaFor(env.DB);
  const origin = config.publicUrl ?? "http://localhost:8787";
  const { stripe, emulator } = paymentsFor({
    config,
    db,
    origin,
    dispatch: (request) => selfFetch(request, env, ctx),
    waitUntil: (promise) => ctx.waitUntil(promise),
  });
  const deps = { config, db, d1: env.DB, stripe, origin, now: () => new Date() };
  const tasks: Array<[string, () => Promise<unknown>]> = [
    ...(emulator
      ? ([
          ["emulator_expire_sessions", () => expireDueSessions(emulator)],
          ["emulator_deliver_webhooks", () => deliverPendingWebhooks(emulator)],
        ] as Array<[string, () => Promise<unknown>]>)
      : []),
    ["sweep_expired_holds", () => sweepExpiredHolds(deps)],
    ["send_outbox", () => sendDueEmails(deps, mailTransport(config))],
  ];
  for (const [name, task] of tasks) {
    try {
      const result = await task();
      console.log(JSON.stringify({ level: "info", task: name, result }));
    } catch (err) {
      console.error(JSON.stringify({ level: "error", task: name, error: String(err) }));
    }
  }
}
