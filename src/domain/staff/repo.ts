// All SQL of staff and their access: people and their door-event assignments, sign-in links,
// sessions, API tokens, the audit log and the rate-limit counters, all raw D1: a relation a
// page shows with its rows is read in the same batch. Rows are typed here (as Prisma's models,
// lib/stored-rows); the rules are in the files beside.
import type { ApiToken, AuditEntry, Event, Staff, StaffEvent } from "@/generated/prisma/client";
import type { AuditAction, AuditDetail } from "@/domain/staff/audit-vocabulary";
import { newId } from "@/lib/ids";
import { sqlTime } from "@/lib/sql-time";
import { firstStored, storedRow } from "@/lib/stored-rows";
export { runBatch } from "@/domain/batch";


// ---- Staff and their door-event assignments ----

/** A staff member by id, or null. */
export async function findStaffById(d1: D1Database, id: string): Promise<Staff | null> {
  return firstStored("Staff", d1.prepare(`SELECT * FROM "Staff" WHERE "id" = ?1`).bind(id));
}

/** A staff member by (normalised) email, or null. */
export async function findStaffByEmail(d1: D1Database, email: string): Promise<Staff | null> {
  return firstStored("Staff", d1.prepare(`SELECT * FROM "Staff" WHERE "email" = ?1`).bind(email));
}

/** Everyone, current before disabled (NULL sorts first), by email, with the events they are assigned to: one batch. */
export async function listStaffWithEvents(d1: D1Database): Promise<Array<Staff & { events: Array<StaffEvent & { event: Event }> }>> {
  const [staff, links, events] = await d1.batch<Record<string, unknown>>([
    d1.prepare(`SELECT * FROM "Staff" ORDER BY "disabledAt" ASC, "email" ASC`),
    d1.prepare(`SELECT * FROM "StaffEvent" ORDER BY "staffId", "eventId"`),
    d1.prepare(`SELECT * FROM "Event" WHERE "id" IN (SELECT "eventId" FROM "StaffEvent")`),
  ]);
  const eventById = new Map(events!.results.map((r) => [String(r.id), storedRow("Event", r)]));
  const byStaff = new Map<string, Array<StaffEvent & { event: Event }>>();
  for (const link of links!.results.map((r) => storedRow("StaffEvent", r))) {
    const event = eventById.get(link.eventId);
    if (!event) continue;
    const list = byStaff.get(link.staffId) ?? [];
    list.push({ ...link, event });
    byStaff.set(link.staffId, list);
  }
  return staff!.results.map((r) => {
    const row = storedRow("Staff", r);
    return { ...row, events: byStaff.get(row.id) ?? [] };
  });
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
 * The current session with this token hash and its staff member, in one statement: every
 * signed-in request runs this.
 */
export function findSessionStaff(d1: D1Database, tokenHash: string, now: Date): Promise<(StaffAccessRow & { sessionId: string }) | null> {
  return d1
    .prepare(`SELECT c."id" AS "sessionId", st."id", st."email", st."name", st."role", st."disabledAt" ${callerSql("session", 1, 2)}`)
    .bind(tokenHash, sqlTime(now))
    .first<StaffAccessRow & { sessionId: string }>();
}

/** Ends one session. */
export async function deleteSession(d1: D1Database, sessionId: string): Promise<void> {
  await d1.prepare(`DELETE FROM "Session" WHERE "id" = ?1`).bind(sessionId).run();
}

/** Ends every session of a staff member; how many there were. */
export async function deleteSessionsOf(d1: D1Database, staffId: string): Promise<number> {
  const { meta } = await deleteSessionsStatement(d1, staffId).run();
  return meta.changes;
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
export async function listApiTokens(d1: D1Database, filter: { staffId?: string }): Promise<Array<ApiToken & { staff: Staff }>> {
  const where = filter.staffId !== undefined ? `WHERE "staffId" = ?1` : "";
  const params = filter.staffId !== undefined ? [filter.staffId] : [];
  const [tokens, owners] = await d1.batch<Record<string, unknown>>([
    d1.prepare(`SELECT * FROM "ApiToken" ${where} ORDER BY "createdAt" DESC`).bind(...params),
    d1.prepare(`SELECT * FROM "Staff" WHERE "id" IN (SELECT "staffId" FROM "ApiToken" ${where})`).bind(...params),
  ]);
  const staffById = new Map(owners!.results.map((r) => [String(r.id), storedRow("Staff", r)]));
  // Every token has its owner (a required relation, deleted with them).
  return tokens!.results.map((r) => {
    const token = storedRow("ApiToken", r);
    return { ...token, staff: staffById.get(token.staffId)! };
  });
}

/** An API token by id, or null. */
export async function findApiToken(d1: D1Database, id: string): Promise<ApiToken | null> {
  return firstStored("ApiToken", d1.prepare(`SELECT * FROM "ApiToken" WHERE "id" = ?1`).bind(id));
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

/** An audit entry on its own, stamped with the current time (as Prisma's `@default(now())` did). */
export async function createAuditEntry(d1: D1Database, entry: AuditInput): Promise<void> {
  await insertAuditEntry(d1, entry, new Date());
}

/** How many audit entries there are, of one kind of record or all. */
export async function countAuditEntries(d1: D1Database, entity?: string): Promise<number> {
  const row = entity
    ? await d1.prepare(`SELECT COUNT(*) AS "n" FROM "AuditEntry" WHERE "entity" = ?1`).bind(entity).first<{ n: number }>()
    : await d1.prepare(`SELECT COUNT(*) AS "n" FROM "AuditEntry"`).first<{ n: number }>();
  return row?.n ?? 0;
}

/** Audit entries with who made them, newest first, `take` of them after `skip`: one batch. */
export async function listAuditEntries(d1: D1Database, options: { entity?: string; skip: number; take: number }): Promise<Array<AuditEntry & { staff: Staff | null }>> {
  // The page's entries (?1 the entity, when there is one) and, in the same batch, whoever made them.
  const page = options.entity
    ? `SELECT * FROM "AuditEntry" WHERE "entity" = ?1 ORDER BY "createdAt" DESC LIMIT ?2 OFFSET ?3`
    : `SELECT * FROM "AuditEntry" ORDER BY "createdAt" DESC LIMIT ?2 OFFSET ?3`;
  const params = [options.entity ?? null, options.take, options.skip];
  const [entries, staff] = await d1.batch<Record<string, unknown>>([
    d1.prepare(page).bind(...params),
    d1.prepare(`SELECT * FROM "Staff" WHERE "id" IN (SELECT "staffId" FROM (${page}))`).bind(...params),
  ]);
  const staffById = new Map(staff!.results.map((r) => [String(r.id), storedRow("Staff", r)]));
  return entries!.results.map((r) => {
    const entry = storedRow("AuditEntry", r);
    return { ...entry, staff: entry.staffId ? (staffById.get(entry.staffId) ?? null) : null };
  });
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
