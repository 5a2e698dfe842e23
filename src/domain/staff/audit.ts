import { newId } from "@/lib/ids";
import { sqlTime } from "@/lib/sql-time";
import type { ServiceDeps } from "@/domain/deps";

export type AuditInput = { staffId: string | null; action: string; entity: string; entityId: string; detail?: Record<string, unknown> };

/** An audit entry as a statement, for the batch that makes the change it records. */
export function auditStatement(d1: D1Database, entry: AuditInput, now: Date): D1PreparedStatement {
  return d1
    .prepare(`INSERT INTO "AuditEntry" ("id", "staffId", "action", "entity", "entityId", "detail", "createdAt") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)`)
    .bind(newId("aud"), entry.staffId, entry.action, entry.entity, entry.entityId, JSON.stringify(entry.detail ?? {}), sqlTime(now));
}

/** Records who did what to which record. */
export async function audit(deps: ServiceDeps, entry: AuditInput): Promise<void> {
  await auditStatement(deps.d1, entry, deps.now()).run();
}
