import { DomainError, invalidField } from "@/domain/errors";
import { issue } from "@/domain/issues";
import { sha256Hex } from "@/lib/hash";
import { newId } from "@/lib/ids";
import { cleanLine, normaliseEmail } from "@/lib/text";
import { randomToken } from "@/lib/tokens";
import { auditStatement } from "@/domain/staff/audit";
import { isRole, type StaffIdentity } from "@/domain/staff/roles";
import type { ServiceDeps } from "@/domain/deps";
import { listEventsInStatus } from "@/domain/events/repo";
import {
  countAuditEntries,
  deleteSessionsStatement,
  findApiToken,
  findStaffByEmail,
  findStaffById,
  insertApiTokenStatement,
  insertStaffStatement,
  listApiTokens,
  listAuditEntries,
  listStaffWithEvents,
  replaceStaffEventsStatements,
  revokeApiTokenStatement,
  revokeApiTokensOfStatement,
  runBatch,
  setDisabledStatement,
  setRoleStatement,
  STAFF_EMAIL_TAKEN,
} from "@/domain/staff/repo";

/** Everyone with access, with the events door staff may scan. */
export function listStaff(deps: ServiceDeps) {
  return listStaffWithEvents(deps.d1);
}

/** The events door staff can be assigned to: drafts and published ones, soonest first. */
export function assignableEvents(deps: ServiceDeps) {
  return listEventsInStatus(deps.d1, ["draft", "published"]);
}

/** Adds a staff member (owners only). They sign in with an emailed link; there is no password. */
export async function addStaff(deps: ServiceDeps, actor: StaffIdentity, input: { email: string; name: string; role: string }) {
  const email = normaliseEmail(input.email);
  if (!isRole(input.role)) throw invalidField("role", issue("role_required"));
  const taken = () => new DomainError("conflict", { reason: "staff_email_taken" }, { email: issue("staff_email_taken") });
  if (await findStaffByEmail(deps.d1, email)) throw taken();
  const id = newId("stf");
  const now = deps.now();
  try {
    await runBatch(deps.d1, [
      insertStaffStatement(deps.d1, { id, email, name: cleanLine(input.name), role: input.role }, now),
      auditStatement(deps.d1, { staffId: actor.id, action: "staff_added", entity: "staff", entityId: id, detail: { email, role: input.role } }, now),
    ]);
  } catch (err) {
    // The same address added twice at once (a double-submitted form): the second is refused.
    if (STAFF_EMAIL_TAKEN.test(String(err))) throw taken();
    throw err;
  }
  return id;
}

/**
 * Changes a staff member's role, door-event assignments or access. Owners cannot demote or
 * disable themselves, so there is always someone who can manage staff. Disabling also ends
 * their sessions and revokes their API tokens.
 */
export async function updateStaff(deps: ServiceDeps, actor: StaffIdentity, staffId: string, change: { role?: string; eventIds?: string[]; disabled?: boolean }) {
  const staff = await findStaffById(deps.d1, staffId);
  if (!staff) throw new DomainError("not_found", { what: "person" });
  if (staffId === actor.id && ((change.role && change.role !== "owner") || change.disabled)) {
    throw new DomainError("conflict", { reason: "own_owner_access" });
  }
  if (change.role !== undefined && !isRole(change.role)) throw invalidField("role", issue("role_required"));
  const now = deps.now();
  const statements: D1PreparedStatement[] = [];
  if (change.role) statements.push(setRoleStatement(deps.d1, staffId, change.role));
  if (change.disabled !== undefined) {
    statements.push(setDisabledStatement(deps.d1, staffId, change.disabled, now));
    if (change.disabled) {
      statements.push(deleteSessionsStatement(deps.d1, staffId));
      statements.push(revokeApiTokensOfStatement(deps.d1, staffId, now));
    }
  }
  if (change.eventIds) statements.push(...replaceStaffEventsStatements(deps.d1, staffId, change.eventIds.slice(0, 50)));
  statements.push(auditStatement(deps.d1, { staffId: actor.id, action: "staff_updated", entity: "staff", entityId: staffId, detail: change }, now));
  await runBatch(deps.d1, statements);
}

/** The API tokens a staff member can see: their own (owners see everyone's). */
export function listTokens(deps: ServiceDeps, actor: StaffIdentity) {
  return listApiTokens(deps.d1, actor.role === "owner" ? {} : { staffId: actor.id });
}

/** Creates an API token for the actor; the secret is returned once and only its hash kept. */
export async function createToken(deps: ServiceDeps, actor: StaffIdentity, rawName: string): Promise<string> {
  const name = cleanLine(rawName).slice(0, 80);
  if (!name) throw invalidField("name", issue("token_name_required"));
  const token = `tok_${randomToken(24)}`;
  const id = newId("tok");
  const now = deps.now();
  await runBatch(deps.d1, [
    insertApiTokenStatement(deps.d1, { id, name, tokenHash: await sha256Hex(token), staffId: actor.id }, now),
    auditStatement(deps.d1, { staffId: actor.id, action: "api_token_created", entity: "api_token", entityId: id, detail: { name } }, now),
  ]);
  return token;
}

/** Revokes a token: the actor's own, or anyone's for an owner. */
export async function revokeToken(deps: ServiceDeps, actor: StaffIdentity, tokenId: string) {
  const token = await findApiToken(deps.d1, tokenId);
  if (!token || (token.staffId !== actor.id && actor.role !== "owner")) throw new DomainError("not_found", { what: "token" });
  const now = deps.now();
  await runBatch(deps.d1, [
    revokeApiTokenStatement(deps.d1, tokenId, now),
    auditStatement(deps.d1, { staffId: actor.id, action: "api_token_revoked", entity: "api_token", entityId: tokenId, detail: { name: token.name } }, now),
  ]);
}

/** The audit log, newest first, a page at a time. */
export async function auditLog(deps: ServiceDeps, page: number, entity?: string) {
  const [total, entries] = await Promise.all([countAuditEntries(deps.d1, entity), listAuditEntries(deps.d1, { entity, skip: (page - 1) * 100, take: 100 })]);
  return { total, entries, pages: Math.max(1, Math.ceil(total / 100)) };
}
