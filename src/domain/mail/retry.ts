import type { ServiceDeps } from "@/domain/deps";
import { DomainError } from "@/domain/errors";
import { findEmail, requeueFailedEmail } from "@/domain/mail/repo";
import { audit } from "@/domain/staff/audit";

/**
 * An organiser sends a failed message again (after fixing the address, say): it goes back in
 * the queue, due now, and is sent after the response. Logged. Returns the message's order id.
 */
export async function retryFailedEmail(deps: ServiceDeps, actor: { staffId: string }, emailId: string): Promise<string | null> {
  const row = await findEmail(deps.d1, emailId);
  if (!row) throw new DomainError("not_found", { what: "email" });
  if (await requeueFailedEmail(deps.d1, emailId, deps.now())) deps.mailQueued?.(row.orderId);
  await audit(deps, { staffId: actor.staffId, action: "email_retried", entity: "order", entityId: row.orderId ?? "", detail: { emailId, to: row.recipient } });
  return row.orderId;
}
