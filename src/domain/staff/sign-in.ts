import { DomainError } from "@/domain/errors";
import { sha256Hex } from "@/lib/hash";
import { newId } from "@/lib/ids";
import { sqlTime } from "@/lib/sql-time";
import { normaliseEmail } from "@/lib/text";
import { randomToken } from "@/lib/tokens";
import { auditStatement } from "@/domain/staff/audit";
import type { StaffIdentity } from "@/domain/staff/roles";
import { isRole } from "@/domain/staff/roles";
import type { ServiceDeps } from "@/domain/deps";
import { enqueueEmailStatement } from "@/domain/mail/repo";
import { hitRateLimit } from "@/domain/staff/rate-limit";

export const SIGN_IN_LINK_MINUTES = 15;
export const SESSION_DAYS = 30;
const HOUR = 60 * 60_000;

/**
 * Emails a one-time sign-in link to a staff member. Answers the same way whether or not the
 * address belongs to staff (the caller shows one message); rate-limited per address (5 an
 * hour, silently) and per client (20 an hour, 429). Only the link's hash is stored.
 */
export async function requestSignInLink(deps: ServiceDeps, rawEmail: string, client: string): Promise<void> {
  const now = deps.now();
  if (!(await hitRateLimit(deps.d1, `sign-in:client:${client}`, 20, HOUR, now))) {
    throw new DomainError("rate_limited", { what: "sign_in" });
  }
  const email = normaliseEmail(rawEmail);
  if (!(await hitRateLimit(deps.d1, `sign-in:email:${email}`, 5, HOUR, now))) return;
  const staff = await deps.db.staff.findUnique({ where: { email } });
  if (!staff || staff.disabledAt) return;

  const token = randomToken();
  const expiresAt = new Date(now.getTime() + SIGN_IN_LINK_MINUTES * 60_000);
  const url = `${deps.origin}/admin/sign-in/${token}`;
  await deps.d1.batch([
    deps.d1
      .prepare(`INSERT INTO "LoginToken" ("id", "tokenHash", "staffId", "expiresAt", "createdAt") VALUES (?1, ?2, ?3, ?4, ?5)`)
      .bind(newId("lgn"), await sha256Hex(token), staff.id, sqlTime(expiresAt), sqlTime(now)),
    // The link is in the message itself; it works once and for 15 minutes only.
    enqueueEmailStatement(deps, { template: "sign_in_link", recipient: email, orderId: null, data: { url, name: staff.name, minutes: SIGN_IN_LINK_MINUTES }, idempotencyKey: `sign-in-${await sha256Hex(token)}` }, now),
  ]);
}

/**
 * Uses a sign-in link: one conditional update marks it used only if it is unused and
 * unexpired, so it works once. Returns a new session token for the cookie.
 */
export async function consumeSignInLink(deps: ServiceDeps, token: string): Promise<{ sessionToken: string; staffId: string; role: string; expiresAt: Date }> {
  const now = deps.now();
  const used = await deps.d1
    .prepare(`UPDATE "LoginToken" SET "usedAt" = ?2 WHERE "tokenHash" = ?1 AND "usedAt" IS NULL AND "expiresAt" > ?2 RETURNING "staffId"`)
    .bind(await sha256Hex(token), sqlTime(now))
    .first<{ staffId: string }>();
  const staff = used && (await deps.db.staff.findUnique({ where: { id: used.staffId } }));
  if (!staff || staff.disabledAt) {
    throw new DomainError("unauthorized", { reason: "link_expired" });
  }
  const sessionToken = randomToken();
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 24 * HOUR);
  await deps.d1.batch([
    deps.d1
      .prepare(`INSERT INTO "Session" ("id", "tokenHash", "staffId", "expiresAt", "createdAt") VALUES (?1, ?2, ?3, ?4, ?5)`)
      .bind(newId("ses"), await sha256Hex(sessionToken), staff.id, sqlTime(expiresAt), sqlTime(now)),
    auditStatement(deps.d1, { staffId: staff.id, action: "signed_in", entity: "staff", entityId: staff.id }, now),
  ]);
  return { sessionToken, staffId: staff.id, role: staff.role, expiresAt };
}

function identity(staff: { id: string; email: string; name: string; role: string; disabledAt: Date | string | null }): StaffIdentity | null {
  if (staff.disabledAt || !isRole(staff.role)) return null;
  return { id: staff.id, email: staff.email, name: staff.name, role: staff.role };
}

/** The staff member a session cookie belongs to, if the session is current. */
export async function staffForSession(deps: ServiceDeps, sessionToken: string): Promise<{ staff: StaffIdentity; sessionId: string } | null> {
  // Raw SQL: every signed-in request runs this, and most need nothing from Prisma after it.
  const row = await deps.d1
    .prepare(
      `SELECT s."id" AS "sessionId", st."id", st."email", st."name", st."role", st."disabledAt" FROM "Session" s JOIN "Staff" st ON st."id" = s."staffId"
       WHERE s."tokenHash" = ?1 AND s."expiresAt" > ?2`,
    )
    .bind(await sha256Hex(sessionToken), sqlTime(deps.now()))
    .first<{ sessionId: string; id: string; email: string; name: string; role: string; disabledAt: string | null }>();
  const staff = row && identity(row);
  return staff ? { staff, sessionId: row.sessionId } : null;
}

/** The staff member an API token belongs to (tokens carry their owner's role). */
export async function staffForApiToken(deps: ServiceDeps, token: string): Promise<StaffIdentity | null> {
  const now = deps.now();
  const row = await deps.d1
    .prepare(
      `SELECT t."id" AS "tokenId", t."lastUsedAt", st."id", st."email", st."name", st."role", st."disabledAt" FROM "ApiToken" t JOIN "Staff" st ON st."id" = t."staffId"
       WHERE t."tokenHash" = ?1 AND t."revokedAt" IS NULL`,
    )
    .bind(await sha256Hex(token))
    .first<{ tokenId: string; lastUsedAt: string | null; id: string; email: string; name: string; role: string; disabledAt: string | null }>();
  if (!row) return null;
  // Only once a minute per token: the "last used" column on the tokens page.
  if (!row.lastUsedAt || now.getTime() - new Date(row.lastUsedAt).getTime() > 60_000) {
    await deps.d1.prepare(`UPDATE "ApiToken" SET "lastUsedAt" = ?2 WHERE "id" = ?1`).bind(row.tokenId, sqlTime(now)).run();
  }
  return identity(row);
}

/** Ends one session (sign out here). */
export async function signOut(deps: ServiceDeps, sessionId: string): Promise<void> {
  await deps.db.session.deleteMany({ where: { id: sessionId } });
}

/** Ends every session of a staff member (sign out everywhere). */
export async function signOutEverywhere(deps: ServiceDeps, staffId: string): Promise<number> {
  const { count } = await deps.db.session.deleteMany({ where: { staffId } });
  await deps.db.auditEntry.create({ data: { id: newId("aud"), staffId, action: "signed_out_everywhere", entity: "staff", entityId: staffId, detail: JSON.stringify({ sessions: count }) } });
  return count;
}
