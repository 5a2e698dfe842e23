import { DomainError, invalidField } from "@/domain/errors";
import { issue } from "@/domain/issues";
import { sha256Hex } from "@/lib/hash";
import { newId } from "@/lib/ids";
import { sqlTime } from "@/lib/sql-time";
import { cleanLine, normaliseEmail } from "@/lib/text";
import { randomToken } from "@/lib/tokens";
import { auditStatement } from "@/domain/staff/audit";
import { isRole, type StaffIdentity } from "@/domain/staff/roles";
import type { ServiceDeps } from "@/domain/deps";

/** Everyone with access, with the events door staff may scan. */
export function listStaff(deps: ServiceDeps) {
  return deps.db.staff.findMany({ orderBy: [{ disabledAt: "asc" }, { email: "asc" }], include: { events: { include: { event: true } } } });
}

/** Adds a staff member (owners only). They sign in with an emailed link; there is no password. */
export async function addStaff(deps: ServiceDeps, actor: StaffIdentity, input: { email: string; name: string; role: string }) {
  const email = normaliseEmail(input.email);
  if (!isRole(input.role)) throw invalidField("role", issue("role_required"));
  if (await deps.db.staff.findUnique({ where: { email } })) throw new DomainError("conflict", { reason: "staff_email_taken" }, { email: issue("staff_email_taken") });
  const id = newId("stf");
  const now = deps.now();
  await deps.d1.batch([
    deps.d1.prepare(`INSERT INTO "Staff" ("id", "email", "name", "role", "createdAt") VALUES (?1, ?2, ?3, ?4, ?5)`).bind(id, email, cleanLine(input.name), input.role, sqlTime(now)),
    auditStatement(deps.d1, { staffId: actor.id, action: "staff_added", entity: "staff", entityId: id, detail: { email, role: input.role } }, now),
  ]);
  return id;
}

/**
 * Changes a staff member's role, door-event assignments or access. Owners cannot demote or
 * disable themselves, so there is always someone who can manage staff. Disabling also ends
 * their sessions and revokes their API tokens.
 */
export async function updateStaff(deps: ServiceDeps, actor: StaffIdentity, staffId: string, change: { role?: string; eventIds?: string[]; disabled?: boolean }) {
  const staff = await deps.db.staff.findUnique({ where: { id: staffId } });
  if (!staff) throw new DomainError("not_found", { what: "person" });
  if (staffId === actor.id && ((change.role && change.role !== "owner") || change.disabled)) {
    throw new DomainError("conflict", { reason: "own_owner_access" });
  }
  if (change.role !== undefined && !isRole(change.role)) throw invalidField("role", issue("role_required"));
  const now = deps.now();
  const at = sqlTime(now);
  const statements: D1PreparedStatement[] = [];
  if (change.role) statements.push(deps.d1.prepare(`UPDATE "Staff" SET "role" = ?2 WHERE "id" = ?1`).bind(staffId, change.role));
  if (change.disabled !== undefined) {
    statements.push(deps.d1.prepare(`UPDATE "Staff" SET "disabledAt" = ?2 WHERE "id" = ?1`).bind(staffId, change.disabled ? at : null));
    if (change.disabled) {
      statements.push(deps.d1.prepare(`DELETE FROM "Session" WHERE "staffId" = ?1`).bind(staffId));
      statements.push(deps.d1.prepare(`UPDATE "ApiToken" SET "revokedAt" = ?2 WHERE "staffId" = ?1 AND "revokedAt" IS NULL`).bind(staffId, at));
    }
  }
  if (change.eventIds) {
    statements.push(deps.d1.prepare(`DELETE FROM "StaffEvent" WHERE "staffId" = ?1`).bind(staffId));
    for (const eventId of change.eventIds.slice(0, 50)) {
      statements.push(deps.d1.prepare(`INSERT OR IGNORE INTO "StaffEvent" ("staffId", "eventId") SELECT ?1, "id" FROM "Event" WHERE "id" = ?2`).bind(staffId, eventId));
    }
  }
  statements.push(auditStatement(deps.d1, { staffId: actor.id, action: "staff_updated", entity: "staff", entityId: staffId, detail: change }, now));
  await deps.d1.batch(statements);
}

/** The API tokens a staff member can see: their own (owners see everyone's). */
export function listTokens(deps: ServiceDeps, actor: StaffIdentity) {
  return deps.db.apiToken.findMany({ where: actor.role === "owner" ? {} : { staffId: actor.id }, include: { staff: true }, orderBy: { createdAt: "desc" } });
}

/** Creates an API token for the actor; the secret is returned once and only its hash kept. */
export async function createToken(deps: ServiceDeps, actor: StaffIdentity, rawName: string): Promise<string> {
  const name = cleanLine(rawName).slice(0, 80);
  if (!name) throw invalidField("name", issue("token_name_required"));
  const token = `tok_${randomToken(24)}`;
  const id = newId("tok");
  const now = deps.now();
  await deps.d1.batch([
    deps.d1.prepare(`INSERT INTO "ApiToken" ("id", "name", "tokenHash", "staffId", "createdAt") VALUES (?1, ?2, ?3, ?4, ?5)`).bind(id, name, await sha256Hex(token), actor.id, sqlTime(now)),
    auditStatement(deps.d1, { staffId: actor.id, action: "api_token_created", entity: "api_token", entityId: id, detail: { name } }, now),
  ]);
  return token;
}

/** Revokes a token: the actor's own, or anyone's for an owner. */
export async function revokeToken(deps: ServiceDeps, actor: StaffIdentity, tokenId: string) {
  const token = await deps.db.apiToken.findUnique({ where: { id: tokenId } });
  if (!token || (token.staffId !== actor.id && actor.role !== "owner")) throw new DomainError("not_found", { what: "token" });
  const now = deps.now();
  await deps.d1.batch([
    deps.d1.prepare(`UPDATE "ApiToken" SET "revokedAt" = ?2 WHERE "id" = ?1 AND "revokedAt" IS NULL`).bind(tokenId, sqlTime(now)),
    auditStatement(deps.d1, { staffId: actor.id, action: "api_token_revoked", entity: "api_token", entityId: tokenId, detail: { name: token.name } }, now),
  ]);
}

/** The audit log, newest first, a page at a time. */
export async function auditLog(deps: ServiceDeps, page: number, entity?: string) {
  const where = entity ? { entity } : {};
  const [total, entries] = await Promise.all([
    deps.db.auditEntry.count({ where }),
    deps.db.auditEntry.findMany({ where, include: { staff: true }, orderBy: { createdAt: "desc" }, skip: (page - 1) * 100, take: 100 }),
  ]);
  return { total, entries, pages: Math.max(1, Math.ceil(total / 100)) };
}
