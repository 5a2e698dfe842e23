import type { StripeEmulatorDelivery } from "@/generated/prisma/client";
import type { EmulatorContext } from "@/dev/stripe-emulator/context";
import { stripeSignatureHeader } from "@/domain/payments/webhook-signature";

/** Attempts before a delivery is given up as "failed". */
export const MAX_DELIVERY_ATTEMPTS = 10;
/** In-process retries after the first try, inside the same waitUntil (ms). */
export const QUICK_RETRY_DELAYS_MS = [1_000, 3_000];
/** While one worker is posting a webhook, others leave the row alone this long. */
const LEASE_MS = 60_000;
const HOUR_MS = 60 * 60 * 1000;

type Outcome = "delivered" | "retry" | "failed" | "skipped";

/** Wait before the next try after `attempts` tries: 1 s, 3 s, then 10 s × 2^attempts up to an hour. */
export function retryDelayMs(attempts: number): number {
  return QUICK_RETRY_DELAYS_MS[attempts - 1] ?? Math.min(10_000 * 2 ** attempts, HOUR_MS);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function log(level: "info" | "warn", fields: Record<string, unknown>) {
  console[level === "warn" ? "warn" : "log"](JSON.stringify({ level, source: "stripe-emulator", ...fields }));
}

/**
 * One try at one delivery. The row is first claimed with a conditional UPDATE (still
 * pending, same attempt count, due), so a sweep and the in-process retries never post the
 * same attempt twice; then the event is POSTed, signed afresh as Stripe signs each attempt.
 */
async function attemptDelivery(ctx: EmulatorContext, row: StripeEmulatorDelivery): Promise<Outcome> {
  const attempts = row.attempts + 1;
  const claimedAt = new Date();
  const claim = await ctx.db.stripeEmulatorDelivery.updateMany({
    where: { id: row.id, status: "pending", attempts: row.attempts, nextAttemptAt: { lte: claimedAt } },
    data: { attempts, nextAttemptAt: new Date(claimedAt.getTime() + LEASE_MS) },
  });
  if (claim.count === 0) return "skipped";

  let statusCode: number | null = null;
  try {
    const response = await ctx.dispatch(
      new Request(`${ctx.origin}/webhooks/stripe`, {
        method: "POST",
        headers: {
          "content-type": "application/json; charset=utf-8",
          "user-agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
          "stripe-signature": await stripeSignatureHeader(row.payload, ctx.webhookSecret),
        },
        body: row.payload,
      }),
    );
    statusCode = response.status;
    await response.arrayBuffer().catch(() => undefined);
  } catch (err) {
    log("warn", { msg: "webhook endpoint threw", eventId: row.eventId, attempts, error: String(err) });
  }

  const now = new Date();
  if (statusCode !== null && statusCode >= 200 && statusCode < 300) {
    await ctx.db.stripeEmulatorDelivery.update({
      where: { id: row.id },
      data: { status: "delivered", lastStatusCode: statusCode, deliveredAt: now },
    });
    return "delivered";
  }
  const giveUp = attempts >= MAX_DELIVERY_ATTEMPTS;
  await ctx.db.stripeEmulatorDelivery.update({
    where: { id: row.id },
    data: {
      status: giveUp ? "failed" : "pending",
      lastStatusCode: statusCode,
      nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)),
    },
  });
  log("warn", { msg: giveUp ? "webhook given up" : "webhook will be retried", eventId: row.eventId, attempts, statusCode });
  return giveUp ? "failed" : "retry";
}

/**
 * First try of a new event's webhook, then the quick in-process retries. Later retries are
 * left to `deliverPendingWebhooks` (the cron, and every use of the emulator).
 */
export async function deliverWithQuickRetries(ctx: EmulatorContext, deliveryId: string): Promise<void> {
  for (let tries = 0; tries <= QUICK_RETRY_DELAYS_MS.length; tries++) {
    const row = await ctx.db.stripeEmulatorDelivery.findUnique({ where: { id: deliveryId } });
    if (!row || row.status !== "pending") return;
    const wait = row.nextAttemptAt.getTime() - Date.now();
    if (wait > 0) await sleep(wait + 5);
    if ((await attemptDelivery(ctx, row)) !== "retry") return;
  }
}

const dueNow = () => ({ status: "pending", nextAttemptAt: { lte: new Date() } });

/** True when some webhook is waiting for its next try. */
export async function hasDueWebhooks(ctx: EmulatorContext): Promise<boolean> {
  return (await ctx.db.stripeEmulatorDelivery.findFirst({ where: dueNow(), select: { id: true } })) !== null;
}

/** Delivers every webhook that is due, once each, oldest first. */
export async function deliverPendingWebhooks(ctx: EmulatorContext): Promise<{ delivered: number; failed: number }> {
  const due = await ctx.db.stripeEmulatorDelivery.findMany({
    where: dueNow(),
    orderBy: { nextAttemptAt: "asc" },
    take: 25,
  });
  const counts = { delivered: 0, failed: 0 };
  for (const row of due) {
    const outcome = await attemptDelivery(ctx, row);
    if (outcome === "delivered") counts.delivered++;
    else if (outcome !== "skipped") counts.failed++;
  }
  return counts;
}
