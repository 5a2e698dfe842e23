import type { ServiceDeps } from "@/domain/deps";
import { auditEntryStatement, insertAuditEntry, type AuditInput } from "@/domain/staff/repo";

export type { AuditInput };

/** An audit entry as a statement, for the batch that makes the change it records. */
export const auditStatement: typeof auditEntryStatement = auditEntryStatement;

/** Records who did what to which record. */
export async function audit(deps: ServiceDeps, entry: AuditInput): Promise<void> {
  await insertAuditEntry(deps.d1, entry, deps.now());
}
