import { DomainError } from "@/domain/errors";
import { normaliseEmail } from "@/lib/text";
import type { ServiceDeps } from "@/domain/deps";
import { enqueueEmailStatement } from "@/domain/mail/repo";
import { hitRateLimit } from "@/domain/staff/rate-limit";
import { findEventStatusBySlug } from "@/domain/events/repo";
import { countValidTicketsFor } from "@/domain/tickets/repo";

const HOUR = 60 * 60_000;

/**
 * "Email me my tickets again": queues one email with every valid ticket for this event that
 * was bought by, or issued to, `email`. The caller always answers the same way, whether or not
 * the address has tickets, so the form reveals nothing about who is registered. Limited to 3
 * emails per address per hour (silently) and 20 requests per client per hour (429).
 */
export async function requestTicketsAgain(deps: ServiceDeps, slug: string, rawEmail: string, client: string): Promise<void> {
  const now = deps.now();
  if (!(await hitRateLimit(deps.d1, `tickets-again:client:${client}`, 20, HOUR, now))) {
    throw new DomainError("rate_limited", { what: "requests" });
  }
  const event = await findEventStatusBySlug(deps.d1, slug);
  if (!event || event.status === "draft") throw new DomainError("not_found", { what: "event" });
  const email = normaliseEmail(rawEmail);
  if (!(await hitRateLimit(deps.d1, `tickets-again:email:${event.id}:${email}`, 3, HOUR, now))) return;

  const hasTickets = await countValidTicketsFor(deps.d1, event.id, email);
  if (!hasTickets) return;
  await enqueueEmailStatement(
    deps,
    { template: "tickets_again", recipient: email, orderId: null, data: { eventId: event.id, email }, idempotencyKey: `tickets-again-${event.id}-${email}-${now.getTime()}` },
    now,
  ).run();
}
