import type { Member, PrismaClient } from "@/generated/prisma/client";
import { DomainError } from "@/domain/errors";
import { newId } from "@/lib/ids";
import { sqlTime } from "@/lib/sql-time";
import { normaliseEmail, normaliseMembershipNumber } from "@/lib/text";
import { auditStatement } from "@/domain/staff/audit";
import type { ServiceDeps } from "@/domain/deps";
import type { MemberRow, ParsedMembers, RowProblem } from "@/domain/members/members-csv";

export const MEMBERS_PER_PAGE = 50;

/** One page of the members list, optionally searched by email, number or name. */
export async function listMembers(db: PrismaClient, options: { q: string; page: number }) {
  const q = options.q.trim();
  const where = q
    ? { OR: [{ email: { contains: normaliseEmail(q) } }, { membershipNumber: { contains: normaliseMembershipNumber(q) } }, { name: { contains: q } }] }
    : {};
  const [total, matching] = await Promise.all([db.member.count(), q ? db.member.count({ where }) : db.member.count()]);
  const pages = Math.max(1, Math.ceil(matching / MEMBERS_PER_PAGE));
  const page = Math.min(Math.max(1, options.page), pages);
  const members = await db.member.findMany({
    where,
    orderBy: [{ email: "asc" }, { membershipNumber: "asc" }, { id: "asc" }],
    skip: (page - 1) * MEMBERS_PER_PAGE,
    take: MEMBERS_PER_PAGE,
  });
  return { total, matching, members, page, pages };
}

/** Removes one member from the list. */
export async function deleteMember(deps: ServiceDeps, staffId: string, id: string): Promise<Member> {
  const member = await deps.db.member.findUnique({ where: { id } });
  if (!member) throw new DomainError("not_found", { what: "member", next: "members_list" });
  const now = deps.now();
  await deps.d1.batch([
    deps.d1.prepare(`DELETE FROM "Member" WHERE "id" = ?1`).bind(id),
    auditStatement(deps.d1, { staffId, action: "member_deleted", entity: "member", entityId: id, detail: { email: member.email, membershipNumber: member.membershipNumber } }, now),
  ]);
  return member;
}

export type ImportMode = "add" | "replace";

type Update = { id: string; email: string | null; membershipNumber: string | null; name: string };

/** What an upload would do to the list as it is now ("add/update" mode). */
export type ImportPlan = {
  inserts: MemberRow[];
  updates: Update[];
  unchanged: number;
  /** Rows that would match two different members, or the same member as another row. */
  skipped: Array<{ line: number; reason: RowProblem }>;
  /** Members on the list now. */
  current: number;
};

/**
 * Matches each row to an existing member by email or membership number. A row that matches
 * nobody is added; one that matches a member updates them (a blank in the file keeps what
 * the member has); one whose email and number belong to two different members is skipped.
 */
export async function planImport(db: PrismaClient, rows: MemberRow[]): Promise<ImportPlan> {
  const existing = await db.member.findMany({ select: { id: true, email: true, membershipNumber: true, name: true } });
  const byEmail = new Map(existing.filter((m) => m.email).map((m) => [m.email!, m]));
  const byNumber = new Map(existing.filter((m) => m.membershipNumber).map((m) => [m.membershipNumber!, m]));
  const touched = new Map<string, number>();
  const plan: ImportPlan = { inserts: [], updates: [], unchanged: 0, skipped: [], current: existing.length };
  for (const row of rows) {
    const a = row.email ? byEmail.get(row.email) : undefined;
    const b = row.membershipNumber ? byNumber.get(row.membershipNumber) : undefined;
    if (a && b && a.id !== b.id) {
      plan.skipped.push({ line: row.line, reason: { problem: "two_members" } });
      continue;
    }
    const target = a ?? b;
    if (!target) {
      plan.inserts.push(row);
      continue;
    }
    if (touched.has(target.id)) {
      plan.skipped.push({ line: row.line, reason: { problem: "same_member", line: touched.get(target.id)! } });
      continue;
    }
    touched.set(target.id, row.line);
    const next = { id: target.id, email: row.email ?? target.email, membershipNumber: row.membershipNumber ?? target.membershipNumber, name: row.name || target.name };
    if (next.email === target.email && next.membershipNumber === target.membershipNumber && next.name === target.name) plan.unchanged++;
    else plan.updates.push(next);
  }
  return plan;
}

// Rows travel as one JSON parameter per statement (read back with json_each), so a statement
// binds two parameters however many rows it carries: far under D1's 100, and a list of
// thousands is a handful of statements in one batch, applied all or nothing.
const ROWS_PER_STATEMENT = 250;

function chunks<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

function insertStatements(d1: D1Database, rows: MemberRow[], now: Date): D1PreparedStatement[] {
  return chunks(rows, ROWS_PER_STATEMENT).map((chunk) =>
    d1
      .prepare(
        `INSERT INTO "Member" ("id", "email", "membershipNumber", "name", "createdAt")
         SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'), json_extract(value, '$[3]'), ?2 FROM json_each(?1)`,
      )
      .bind(JSON.stringify(chunk.map((r) => [newId("mem"), r.email, r.membershipNumber, r.name])), sqlTime(now)),
  );
}

function updateStatements(d1: D1Database, updates: Update[]): D1PreparedStatement[] {
  return chunks(updates, ROWS_PER_STATEMENT).map((chunk) =>
    d1
      .prepare(
        `UPDATE "Member" SET "email" = json_extract(u.value, '$[1]'), "membershipNumber" = json_extract(u.value, '$[2]'), "name" = json_extract(u.value, '$[3]')
         FROM json_each(?1) AS u WHERE "Member"."id" = json_extract(u.value, '$[0]')`,
      )
      .bind(JSON.stringify(chunk.map((u) => [u.id, u.email, u.membershipNumber, u.name]))),
  );
}

export type ImportResult = { mode: ImportMode; added: number; updated: number; unchanged: number; removed: number; skipped: number; rejected: number };

/**
 * Applies a previewed upload in one D1 batch: "add" inserts new members and updates matched
 * ones; "replace" empties the list and inserts every accepted row. Records the counts in the
 * audit log.
 */
export async function applyImport(deps: ServiceDeps, staffId: string, parsed: ParsedMembers, mode: ImportMode): Promise<ImportResult> {
  const now = deps.now();
  const d1 = deps.d1;
  let result: ImportResult;
  let statements: D1PreparedStatement[];
  if (mode === "replace") {
    const current = await deps.db.member.count();
    statements = [d1.prepare(`DELETE FROM "Member"`), ...insertStatements(d1, parsed.accepted, now)];
    result = { mode, added: parsed.accepted.length, updated: 0, unchanged: 0, removed: current, skipped: 0, rejected: parsed.rejected.length };
  } else {
    const plan = await planImport(deps.db, parsed.accepted);
    statements = [...updateStatements(d1, plan.updates), ...insertStatements(d1, plan.inserts, now)];
    result = { mode, added: plan.inserts.length, updated: plan.updates.length, unchanged: plan.unchanged, removed: 0, skipped: plan.skipped.length, rejected: parsed.rejected.length };
  }
  statements.push(auditStatement(d1, { staffId, action: "members_imported", entity: "member", entityId: "list", detail: result }, now));
  try {
    await d1.batch(statements);
  } catch (err) {
    if (/UNIQUE constraint failed: Member\./.test(String(err instanceof Error ? err.message : err))) {
      throw new DomainError("conflict", { reason: "members_changed" });
    }
    throw err;
  }
  return result;
}
