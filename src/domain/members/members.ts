import type { Member } from "@/generated/prisma/client";
import { DomainError } from "@/domain/errors";
import { auditStatement } from "@/domain/staff/audit";
import type { ServiceDeps } from "@/domain/deps";
import type { MemberRow, ParsedMembers, RowProblem } from "@/domain/members/members-csv";
import {
  MEMBER_TAKEN,
  countMembers,
  deleteAllMembersStatement,
  deleteMemberStatement,
  findMember,
  insertMembersStatements,
  listMemberKeys,
  listMembersPage,
  runBatch,
  updateMembersStatements,
  type MemberUpdate,
} from "@/domain/members/repo";

export const MEMBERS_PER_PAGE = 50;

/** One page of the members list, optionally searched by email, number or name. */
export async function listMembers(d1: D1Database, options: { q: string; page: number }) {
  const q = options.q.trim();
  const [total, matching] = await Promise.all([countMembers(d1), countMembers(d1, q)]);
  const pages = Math.max(1, Math.ceil(matching / MEMBERS_PER_PAGE));
  const page = Math.min(Math.max(1, options.page), pages);
  const members = await listMembersPage(d1, q, { skip: (page - 1) * MEMBERS_PER_PAGE, take: MEMBERS_PER_PAGE });
  return { total, matching, members, page, pages };
}

/** Removes one member from the list. */
export async function deleteMember(deps: ServiceDeps, staffId: string, id: string): Promise<Member> {
  const member = await findMember(deps.d1, id);
  if (!member) throw new DomainError("not_found", { what: "member", next: "members_list" });
  const now = deps.now();
  await runBatch(deps.d1, [
    deleteMemberStatement(deps.d1, id),
    auditStatement(deps.d1, { staffId, action: "member_deleted", entity: "member", entityId: id, detail: { email: member.email, membershipNumber: member.membershipNumber } }, now),
  ]);
  return member;
}

export type ImportMode = "add" | "replace";

/** What an upload would do to the list as it is now ("add/update" mode). */
export type ImportPlan = {
  inserts: MemberRow[];
  updates: MemberUpdate[];
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
export async function planImport(d1: D1Database, rows: MemberRow[]): Promise<ImportPlan> {
  const existing = await listMemberKeys(d1);
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
    const current = await countMembers(deps.d1);
    statements = [deleteAllMembersStatement(d1), ...insertMembersStatements(d1, parsed.accepted, now)];
    result = { mode, added: parsed.accepted.length, updated: 0, unchanged: 0, removed: current, skipped: 0, rejected: parsed.rejected.length };
  } else {
    const plan = await planImport(deps.d1, parsed.accepted);
    statements = [...updateMembersStatements(d1, plan.updates), ...insertMembersStatements(d1, plan.inserts, now)];
    result = { mode, added: plan.inserts.length, updated: plan.updates.length, unchanged: plan.unchanged, removed: 0, skipped: plan.skipped.length, rejected: parsed.rejected.length };
  }
  statements.push(auditStatement(d1, { staffId, action: "members_imported", entity: "member", entityId: "list", detail: result }, now));
  try {
    await runBatch(d1, statements);
  } catch (err) {
    if (MEMBER_TAKEN.test(String(err instanceof Error ? err.message : err))) {
      throw new DomainError("conflict", { reason: "members_changed" });
    }
    throw err;
  }
  return result;
}
