import type { OutboxEmail } from "@/generated/prisma/client";
import { sqlTime } from "@/lib/sql-time";
import type { ServiceDeps } from "@/domain/deps";
import { composeEmail } from "@/domain/mail/compose";
import { messagesFor } from "@/i18n";
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
 * Claims a due message: one conditional update, so two senders running at once (the
 * post-payment kick and the cron) never both send it.
 */
async function claim(deps: ServiceDeps, id: string, now: Date): Promise<OutboxEmail | null> {
  const row = await deps.d1
    .prepare(
      `UPDATE "OutboxEmail" SET "attempts" = "attempts" + 1, "nextAttemptAt" = ?3
       WHERE "id" = ?1 AND "status" = 'pending' AND "nextAttemptAt" <= ?2 RETURNING "id"`,
    )
    .bind(id, sqlTime(now), sqlTime(new Date(now.getTime() + LEASE_MS)))
    .first<{ id: string }>();
  return row ? deps.db.outboxEmail.findUnique({ where: { id: row.id } }) : null;
}

/**
 * Sends what is due in the outbox. Each message goes with its own idempotency key, so a retry
 * after a lost answer cannot deliver it twice. Temporary failures back off exponentially;
 * a permanent one (bad address) or the last attempt marks the message failed, where
 * organisers see it. Nothing is dropped silently. `orderId` limits a run to one order's mail
 * (the send right after a payment); the cron sends everything due.
 */
export async function sendDueEmails(deps: ServiceDeps, transport: MailTransport, options: { limit?: number; orderId?: string | undefined } = {}) {
  const now = deps.now();
  const due = await deps.db.outboxEmail.findMany({
    where: { status: "pending", nextAttemptAt: { lte: now }, ...(options.orderId ? { orderId: options.orderId } : {}) },
    orderBy: { nextAttemptAt: "asc" },
    take: options.limit ?? 25,
    select: { id: true },
  });
  const counts = { sent: 0, retrying: 0, failed: 0, skipped: 0 };
  for (const { id } of due) {
    const row = await claim(deps, id, now);
    if (!row) continue;
    let result: { ok: true; providerId: string } | { ok: false; permanent: boolean; error: string };
    try {
      // English until an order remembers its buyer's language.
      const email = await composeEmail(deps, row, messagesFor("en"));
      if (!email) {
        await deps.db.outboxEmail.updateMany({ where: { id }, data: { status: "skipped", lastError: "no_valid_tickets" } });
        counts.skipped++;
        continue;
      }
      result = await transport.send(email, row.idempotencyKey);
    } catch (err) {
      result = { ok: false, permanent: false, error: String(err) };
    }
    if (result.ok) {
      await deps.db.outboxEmail.updateMany({ where: { id }, data: { status: "sent", providerId: result.providerId, sentAt: deps.now(), lastError: null } });
      counts.sent++;
    } else if (result.permanent || row.attempts >= MAX_ATTEMPTS) {
      await deps.db.outboxEmail.updateMany({ where: { id }, data: { status: "failed", lastError: result.error.slice(0, 500) } });
      console.error(JSON.stringify({ level: "error", event: "email_failed", id, template: row.template, error: result.error }));
      counts.failed++;
    } else {
      await deps.db.outboxEmail.updateMany({
        where: { id },
        data: { lastError: result.error.slice(0, 500), nextAttemptAt: new Date(deps.now().getTime() + backoffMs(row.attempts)) },
      });
      counts.retrying++;
    }
  }
  return counts;
}
