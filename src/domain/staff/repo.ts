// All SQL of staff and their access: people and their door-event assignments, sign-in links,
// sessions, API tokens, the audit log and the rate-limit counters. Raw D1 where a change is
// one batch with its audit entry or sits on every signed-in request; Prisma for the pages'
// reads. Rows are typed here; the rules are in the files beside.
import type { PrismaClient } from "@/generated/prisma/client";
import type { AuditAction, AuditDetail } from "@/domain/staff/audit-vocabulary";
import { newId } from "@/lib/ids";
import { sqlTime } from "@/lib/sql-time";
export { runBatch } from "@/domain/batch";


// ---- Staff and their door-event assignments ----

/** A staff member by id, or null. */
export function findStaffById(db: PrismaClient, id: string) {
  return db.staff.findUnique({ where: { id } });
}

/** A staff member by (normalised) email, or null. */
export function findStaffByEmail(db: PrismaClient, email: string) {
  return db.staff.findUnique({ where: { email } });
}

/** Everyone, current before disabled, by email, with the events they are assigned to. */
export function listStaffWithEvents(db: PrismaClient) {
  return db.staff.findMany({ orderBy: [{ disabledAt: "asc" }, { email: "asc" }], include: { events: { include: { event: true } } } });
}

/** A new staff member. */
/** The error D1 gives when a second staff member with an existing email is inserted. */
export const STAFF_EMAIL_TAKEN = /UNIQUE constraint failed: Staff\.email/;

export function insertStaffStatement(d1: D1Database, staff: { id: string; email: string; name: string; role: string }, now: Date): D1PreparedStatement {
  return d1.prepare(`INSERT INTO "Staff" ("id", "email", "name", "role", "createdAt") VALUES (?1, ?2, ?3, ?4, ?5)`).bind(staff.id, staff.email, staff.name, staff.role, sqlTime(now));
}

/** Changes a staff member's role. */
export function setRoleStatement(d1: D1Database, staffId: string, role: string): D1PreparedStatement {
  return d1.prepare(`UPDATE "Staff" SET "role" = ?2 WHERE "id" = ?1`).bind(staffId, role);
}

/** Disables a staff member (from `now`), or enables them again. */
export function setDisabledStatement(d1: D1Database, staffId: string, disabled: boolean, now: Date): D1PreparedStatement {
  return d1.prepare(`UPDATE "Staff" SET "disabledAt" = ?2 WHERE "id" = ?1`).bind(staffId, disabled ? sqlTime(now) : null);
}

/** Replaces a staff member's door-event assignments; ids of events that do not exist are ignored. */
export function replaceStaffEventsStatements(d1: D1Database, staffId: string, eventIds: string[]): D1PreparedStatement[] {
  return [
    d1.prepare(`DELETE FROM "StaffEvent" WHERE "staffId" = ?1`).bind(staffId),
    ...eventIds.map((eventId) => d1.prepare(`INSERT OR IGNORE INTO "StaffEvent" ("staffId", "eventId") SELECT ?1, "id" FROM "Event" WHERE "id" = ?2`).bind(staffId, eventId)),
  ];
}

// ---- Sign-in links and sessions ----

/** A staff member with the session or API token they were found by (`disabledAt` as stored text). */
export type StaffAccessRow = { id: string; email: string; name: string; role: string; disabledAt: string | null };

/** A one-time sign-in link (only its hash). */
/** Remembers the language a staff member asked in, for the notifications they get (reminders/notifications.ts). */
export function setStaffLanguageStatement(d1: D1Database, staffId: string, language: string): D1PreparedStatement {
  return d1.prepare(`UPDATE "Staff" SET "language" = ?2 WHERE "id" = ?1`).bind(staffId, language);
}

export function insertLoginTokenStatement(d1: D1Database, link: { tokenHash: string; staffId: string; expiresAt: Date }, now: Date): D1PreparedStatement {
  return d1
    .prepare(`INSERT INTO "LoginToken" ("id", "tokenHash", "staffId", "expiresAt", "createdAt") VALUES (?1, ?2, ?3, ?4, ?5)`)
    .bind(newId("lgn"), link.tokenHash, link.staffId, sqlTime(link.expiresAt), sqlTime(now));
}

/**
 * Marks a sign-in link used, only if it is unused and unexpired: one conditional update, so a
 * link works once. The staff id it was for, or null when it did not.
 */
export function markLoginTokenUsed(d1: D1Database, tokenHash: string, now: Date): Promise<{ staffId: string } | null> {
  return d1
    .prepare(`UPDATE "LoginToken" SET "usedAt" = ?2 WHERE "tokenHash" = ?1 AND "usedAt" IS NULL AND "expiresAt" > ?2 RETURNING "staffId"`)
    .bind(tokenHash, sqlTime(now))
    .first<{ staffId: string }>();
}

/** A new session (only its token's hash). */
export function insertSessionStatement(d1: D1Database, session: { tokenHash: string; staffId: string; expiresAt: Date }, now: Date): D1PreparedStatement {
  return d1
    .prepare(`INSERT INTO "Session" ("id", "tokenHash", "staffId", "expiresAt", "createdAt") VALUES (?1, ?2, ?3, ?4, ?5)`)
    .bind(newId("ses"), session.tokenHash, session.staffId, sqlTime(session.expiresAt), sqlTime(now));
}

/**
 * A caller's credential, by its secret's hash: a session cookie or a bearer API token. The one
 * SQL rule of which credentials are current (a session not yet expired, a token not revoked);
 * the finders below and statements that act for the caller in the same batch use it.
 */
export type CredentialHash = { kind: "session" | "token"; hash: string };

/**
 * `FROM … WHERE …` of the staff member (`st`) a current credential belongs to (`c`), with the
 * credential's hash as parameter ?`hashParam` and the time as ?`nowParam` (sessions expire).
 */
export function callerSql(kind: CredentialHash["kind"], hashParam: number, nowParam: number): string {
  return kind === "session"
    ? `FROM "Session" c JOIN "Staff" st ON st."id" = c."staffId" WHERE c."tokenHash" = ?${hashParam} AND c."expiresAt" > ?${nowParam}`
    : `FROM "ApiToken" c JOIN "Staff" st ON st."id" = c."staffId" WHERE c."tokenHash" = ?${hashParam} AND c."revokedAt" IS NULL`;
}

/**
 * The current session with this token hash and its staff member. Raw SQL: every signed-in
 * request runs this, and most need nothing from Prisma after it.
 */
export function findSessionStaff(d1: D1Database, tokenHash: string, now: Date): Promise<(StaffAccessRow & { sessionId: string }) | null> {
  return d1
    .prepare(`SELECT c."id" AS "sessionId", st."id", st."email", st."name", st."role", st."disabledAt" ${callerSql("session", 1, 2)}`)
    .bind(tokenHash, sqlTime(now))
    .first<StaffAccessRow & { sessionId: string }>();
}

/** Ends one session. */
export async function deleteSession(db: PrismaClient, sessionId: string): Promise<void> {
  await db.session.deleteMany({ where: { id: sessionId } });
}

/** Ends every session of a staff member; how many there were. */
export async function deleteSessionsOf(db: PrismaClient, staffId: string): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { staffId } });
  return count;
}

/** Ends every session of a staff member, in a batch. */
export function deleteSessionsStatement(d1: D1Database, staffId: string): D1PreparedStatement {
  return d1.prepare(`DELETE FROM "Session" WHERE "staffId" = ?1`).bind(staffId);
}

// ---- API tokens ----

/** The unrevoked API token with this hash and its staff member. */
export function findApiTokenStaff(d1: D1Database, tokenHash: string): Promise<(StaffAccessRow & { tokenHash: string; lastUsedAt: string | null }) | null> {
  return d1
    .prepare(`SELECT c."tokenHash", c."lastUsedAt", st."id", st."email", st."name", st."role", st."disabledAt" ${callerSql("token", 1, 2)}`)
    .bind(tokenHash)
    .first<StaffAccessRow & { tokenHash: string; lastUsedAt: string | null }>();
}

/** How often a token's "last used" time is written: at most once a minute (the tokens page shows it). */
export const TOUCH_EVERY_MS = 60_000;

/** Records when a token was last used, unless that was less than a minute ago (a no-op then); by hash, so it can sit in the batch that uses the token. */
export function touchApiTokenStatement(d1: D1Database, tokenHash: string, now: Date): D1PreparedStatement {
  return d1
    .prepare(`UPDATE "ApiToken" SET "lastUsedAt" = ?2 WHERE "tokenHash" = ?1 AND "revokedAt" IS NULL AND ("lastUsedAt" IS NULL OR "lastUsedAt" <= ?3)`)
    .bind(tokenHash, sqlTime(now), sqlTime(new Date(now.getTime() - TOUCH_EVERY_MS)));
}

/** Records when a token was last used (at most once a minute, see touchApiTokenStatement). */
export async function touchApiToken(d1: D1Database, tokenHash: string, now: Date): Promise<void> {
  await touchApiTokenStatement(d1, tokenHash, now).run();
}

/** API tokens with their owners, newest first: one staff member's, or everyone's. */
export function listApiTokens(db: PrismaClient, filter: { staffId?: string }) {
  return db.apiToken.findMany({ where: filter, include: { staff: true }, orderBy: { createdAt: "desc" } });
}

/** An API token by id, or null. */
export function findApiToken(db: PrismaClient, id: string) {
  return db.apiToken.findUnique({ where: { id } });
}

/** A new API token (only its hash). */
export function insertApiTokenStatement(d1: D1Database, token: { id: string; name: string; tokenHash: string; staffId: string }, now: Date): D1PreparedStatement {
  return d1.prepare(`INSERT INTO "ApiToken" ("id", "name", "tokenHash", "staffId", "createdAt") VALUES (?1, ?2, ?3, ?4, ?5)`).bind(token.id, token.name, token.tokenHash, token.staffId, sqlTime(now));
}

/** Revokes one token, if it is not revoked already. */
export function revokeApiTokenStatement(d1: D1Database, tokenId: string, now: Date): D1PreparedStatement {
  return d1.prepare(`UPDATE "ApiToken" SET "revokedAt" = ?2 WHERE "id" = ?1 AND "revokedAt" IS NULL`).bind(tokenId, sqlTime(now));
}

/** Revokes every unrevoked token of a staff member. */
export function revokeApiTokensOfStatement(d1: D1Database, staffId: string, now: Date): D1PreparedStatement {
  return d1.prepare(`UPDATE "ApiToken" SET "revokedAt" = ?2 WHERE "staffId" = ?1 AND "revokedAt" IS NULL`).bind(staffId, sqlTime(now));
}

// ---- The audit log ----

export type AuditInput = { staffId: string | null; action: AuditAction; entity: string; entityId: string; detail?: AuditDetail };

/**
 * An audit entry as a statement, for the batch that makes the change it records; written only
 * if `onlyIf` (SQL, its parameters from ?8) holds after the statements before it, for a change
 * that may turn out not to happen.
 */
export function auditEntryStatement(d1: D1Database, entry: AuditInput, now: Date, onlyIf: { sql: string; params: unknown[] } = { sql: "1", params: [] }): D1PreparedStatement {
  return d1
    .prepare(`INSERT INTO "AuditEntry" ("id", "staffId", "action", "entity", "entityId", "detail", "createdAt") SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7 WHERE ${onlyIf.sql}`)
    .bind(newId("aud"), entry.staffId, entry.action, entry.entity, entry.entityId, JSON.stringify(entry.detail ?? {}), sqlTime(now), ...onlyIf.params);
}

/** An audit entry on its own, at `now`. */
export async function insertAuditEntry(d1: D1Database, entry: AuditInput, now: Date): Promise<void> {
  await auditEntryStatement(d1, entry, now).run();
}

/** An audit entry on its own, stamped by the database's default time (Prisma). */
export async function createAuditEntry(db: PrismaClient, entry: AuditInput): Promise<void> {
  await db.auditEntry.create({ data: { id: newId("aud"), staffId: entry.staffId, action: entry.action, entity: entry.entity, entityId: entry.entityId, detail: JSON.stringify(entry.detail ?? {}) } });
}

/** How many audit entries there are, of one kind of record or all. */
export function countAuditEntries(db: PrismaClient, entity?: string) {
  return db.auditEntry.count({ where: entity ? { entity } : {} });
}

/** Audit entries with who made them, newest first, `take` of them after `skip`. */
export function listAuditEntries(db: PrismaClient, options: { entity?: string; skip: number; take: number }) {
  const where = options.entity ? { entity: options.entity } : {};
  return db.auditEntry.findMany({ where, include: { staff: true }, orderBy: { createdAt: "desc" }, skip: options.skip, take: options.take });
}

// ---- Rate limits ----

/**
 * Counts one use of `key` and returns the count in its current window. A window that started
 * at or before `expiredBy` is over, so the count starts again at 1 from `now`. One atomic
 * upsert, so concurrent requests cannot slip past a limit together.
 */
export async function countRateLimitHit(d1: D1Database, key: string, expiredBy: Date, now: Date): Promise<number | null> {
  const row = await d1
    .prepare(
      `INSERT INTO "RateLimit" ("key", "windowStart", "count") VALUES (?1, ?2, 1)
       ON CONFLICT ("key") DO UPDATE SET
         "count" = CASE WHEN "windowStart" <= ?3 THEN 1 ELSE "count" + 1 END,
         "windowStart" = CASE WHEN "windowStart" <= ?3 THEN ?2 ELSE "windowStart" END
       RETURNING "count"`,
    )
    .bind(key, sqlTime(now), sqlTime(expiredBy))
    .first<{ count: number }>();
  return row?.count ?? null;
}

/**
 * Counts `n` uses of `key` at once, as countRateLimitHit does one, and returns the count with
 * the start of its window (to say when the window ends).
 */
export async function addRateLimitHits(d1: D1Database, key: string, n: number, expiredBy: Date, now: Date): Promise<{ count: number; windowStart: Date }> {
  const row = await d1
    .prepare(
      `INSERT INTO "RateLimit" ("key", "windowStart", "count") VALUES (?1, ?2, ?4)
       ON CONFLICT ("key") DO UPDATE SET
         "count" = CASE WHEN "windowStart" <= ?3 THEN ?4 ELSE "count" + ?4 END,
         "windowStart" = CASE WHEN "windowStart" <= ?3 THEN ?2 ELSE "windowStart" END
       RETURNING "count", "windowStart"`,
    )
    .bind(key, sqlTime(now), sqlTime(expiredBy), n)
    .first<{ count: number; windowStart: string }>();
  return row ? { count: row.count, windowStart: new Date(row.windowStart) } : { count: Infinity, windowStart: now };
}

/** Gives back `n` uses of `key` that turned out not to count (the count never drops below 0). */
export async function returnRateLimitHits(d1: D1Database, key: string, n: number): Promise<void> {
  await d1.prepare(`UPDATE "RateLimit" SET "count" = MAX(0, "count" - ?2) WHERE "key" = ?1`).bind(key, n).run();
}
