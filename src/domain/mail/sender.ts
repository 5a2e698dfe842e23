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

/**
 * Sends what is due in the outbox. Each message goes with its own idempotency key, so a retry
 * after a lost answer cannot deliver it twice. Temporary failures back off exponentially;
 * a permanent one (bad address) or the last attempt marks the message failed, where
 * organisers see it. Nothing is dropped silently. `orderId` limits a run to one order's mail
 * (the send right after a payment); the cron sends everything due.
 *
 * Round trips: one to claim the due messages (with, for one order's mail, the order as its
 * emails need it), the composer's reads for other messages, and one to record every outcome.
 * A claimed message whose outcome is not recorded (the Worker stopped) is sent again when its
 * lease ends, with the same idempotency key; none is sent after its lease ended.
 */
export async function sendDueEmails(deps: ServiceDeps, transport: MailTransport, options: { limit?: number; orderId?: string | undefined } = {}) {
  const now = deps.now();
  const { orderId } = options;
  const claimed = await claimDueEmails(deps.d1, { now, limit: options.limit ?? 25, leaseMs: LEASE_MS, orderId }, orderId ? orderForEmailStatements(deps.d1, orderId) : []);
  const read: ReadForMail | undefined = orderId ? { orderId, order: orderForEmailOf(claimed.reads) } : undefined;
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
        const email = await deps.composeEmail(row, read);
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

/**
 * Sends the mail a request queued, right after its response: each order's own messages (cheap
 * under load), or everything due when something not tied to an order was queued (sign-in
 * links, tickets again). Failures are logged; the cron retries.
 */
export async function sendQueuedMail(deps: ServiceDeps, transport: MailTransport, orderIds: Iterable<string | null>): Promise<void> {
  const ids = new Set(orderIds);
  try {
    if (ids.has(null)) await sendDueEmails(deps, transport);
    else for (const orderId of ids) await sendDueEmails(deps, transport, { orderId: orderId! });
  } catch (err) {
    console.error(JSON.stringify({ level: "error", event: "outbox_kick_failed", error: String(err) }));
  }
}
