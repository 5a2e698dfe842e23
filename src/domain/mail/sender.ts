import type { ServiceDeps } from "@/domain/deps";
import { claimDueEmails, recordSendOutcomes, type SendOutcome } from "@/domain/mail/repo";
import type { ReadForMail } from "@/domain/mail/message";
import { orderForEmailOf, orderForEmailStatements } from "@/domain/orders/repo";
import type { MailTransport } from "@/domain/mail/transport";

/** Tries per message before it is marked failed: with the backoff below, about two days of outage. */
export const MAX_ATTEMPTS = 48;
/** How long a claimed message is left alone by other senders while it is being sent. */
const LEASE_MS = 5 * 60_000;

/** 30 s, 1 min, 2 min, … capped at an hour. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 60 * 60_000);
}

/** Orders whose mail one run claims together: their reads ride in the claim's batch (6 statements each). */
const ORDERS_PER_RUN = 10;
/** Messages one run claims per order it is limited to (the buyer's and each attendee's), or in all for the cron. */
const MESSAGES_PER_ORDER = 25;

/**
 * Sends what is due in the outbox. Each message goes with its own idempotency key, so a retry
 * after a lost answer cannot deliver it twice. Temporary failures back off exponentially;
 * a permanent one (bad address) or the last attempt marks the message failed, where
 * organisers see it. Nothing is dropped silently. `orderIds` limits a run to those orders' mail
 * (the send right after payments); the cron sends everything due.
 *
 * Round trips: one to claim the due messages (with, for orders' mail, the orders as their
 * emails need them), the composer's reads for other messages, and one to record every outcome.
 * A claimed message whose outcome is not recorded (the Worker stopped) is sent again when its
 * lease ends, with the same idempotency key; none is sent after its lease ended.
 */
export async function sendDueEmails(deps: ServiceDeps, transport: MailTransport, options: { limit?: number; orderIds?: readonly string[] | undefined } = {}) {
  const now = deps.now();
  const orderIds = options.orderIds ?? [];
  const limit = options.limit ?? MESSAGES_PER_ORDER * Math.max(1, orderIds.length);
  const perOrder = orderIds.map((id) => orderForEmailStatements(deps.d1, id));
  const claimed = await claimDueEmails(deps.d1, { now, limit, leaseMs: LEASE_MS, orderIds }, perOrder.flat());
  // Each order's results, in the order its statements went into the claim's batch.
  const reads = new Map<string, ReadForMail>();
  let at = 0;
  for (const [i, orderId] of orderIds.entries()) {
    const results = claimed.reads.slice(at, (at += perOrder[i]!.length));
    reads.set(orderId, { orderId, order: orderForEmailOf(results) });
  }
  const counts = { sent: 0, retrying: 0, failed: 0, skipped: 0 };
  const outcomes: Array<{ id: string; outcome: SendOutcome }> = [];
  // All are claimed at once, so a long run could outlive its lease, when another sender may
  // claim the rest: what is not sent by then is left to it (claimed, so tried again at the lease's end).
  const leaseEnds = now.getTime() + LEASE_MS;
  try {
    for (const row of claimed.rows) {
      if (deps.now().getTime() >= leaseEnds) break;
      const { id } = row;
      let result: { ok: true; providerId: string } | { ok: false; permanent: boolean; error: string };
      try {
        const email = await deps.composeEmail(row, row.orderId ? reads.get(row.orderId) : undefined);
        if (!email) {
          outcomes.push({ id, outcome: { status: "skipped", error: "no_valid_tickets" } });
          counts.skipped++;
          continue;
        }
        result = await transport.send(email, row.idempotencyKey);
      } catch (err) {
        result = { ok: false, permanent: false, error: String(err) };
      }
      if (result.ok) {
        outcomes.push({ id, outcome: { status: "sent", providerId: result.providerId, at: deps.now() } });
        counts.sent++;
      } else if (result.permanent || row.attempts >= MAX_ATTEMPTS) {
        outcomes.push({ id, outcome: { status: "failed", error: result.error } });
        console.error(JSON.stringify({ level: "error", event: "email_failed", id, template: row.template, error: result.error }));
        counts.failed++;
      } else {
        outcomes.push({ id, outcome: { status: "retry", error: result.error, retryAt: new Date(deps.now().getTime() + backoffMs(row.attempts)) } });
        counts.retrying++;
      }
    }
  } finally {
    await recordSendOutcomes(deps.d1, outcomes);
  }
  return counts;
}

/** Mail waiting to be sent after responses, and the run sending it, per database and origin (an isolate serves many requests). */
type Kick = { pending: Set<string | null>; running: Promise<void> | null };
const kicks = new WeakMap<D1Database, Map<string, Kick>>();
/** A run goes on taking what later requests queue for at most this long; the rest starts a run of its own (or the cron's). */
const RUN_BUDGET_MS = 10_000;

/**
 * Sends the mail a request queued, right after its response: its orders' own messages (cheap
 * under load), or everything due when something not tied to an order was queued (sign-in
 * links, tickets again). Requests that queue mail while a run is sending join that run: it
 * takes everything queued meanwhile in its next claim (up to ten orders a claim), so a burst of
 * payments costs two round trips per claim instead of two per order. The promise ends when the
 * mail queued here is sent (keep the request alive on it: waitUntil). Failures are logged; the
 * cron retries.
 */
export function sendQueuedMail(deps: ServiceDeps, transport: MailTransport, orderIds: Iterable<string | null>): Promise<void> {
  let byOrigin = kicks.get(deps.d1);
  if (!byOrigin) kicks.set(deps.d1, (byOrigin = new Map()));
  let kick = byOrigin.get(deps.origin);
  if (!kick) byOrigin.set(deps.origin, (kick = { pending: new Set(), running: null }));
  for (const id of orderIds) kick.pending.add(id);
  kick.running ??= drain(kick, deps, transport);
  return kick.running;
}

async function drain(kick: Kick, deps: ServiceDeps, transport: MailTransport): Promise<void> {
  const started = Date.now();
  try {
    // Checked and cleared with no await in between, so what a request adds is either taken by
    // this run or finds no run and starts one.
    while (kick.pending.size && Date.now() - started < RUN_BUDGET_MS) {
      const everything = kick.pending.delete(null);
      const orders = [...kick.pending].filter((id) => id !== null).slice(0, ORDERS_PER_RUN);
      for (const id of orders) kick.pending.delete(id);
      try {
        if (everything) await sendDueEmails(deps, transport);
        if (orders.length) await sendDueEmails(deps, transport, { orderIds: orders });
      } catch (err) {
        console.error(JSON.stringify({ level: "error", event: "outbox_kick_failed", error: String(err) }));
      }
    }
  } finally {
    kick.running = null;
  }
}
