// All SQL of the members list, raw D1: the pages' reads, and the statements an upload or a
// removal runs as one batch with its audit entry. The rules are in the files beside.
import type { Member } from "@/generated/prisma/client";
import { newId } from "@/lib/ids";
import { sqlTime } from "@/lib/sql-time";
import { firstStored, storedRow } from "@/lib/stored-rows";
import { foldForSearch, normaliseMembershipNumber, searchText } from "@/lib/text";
import type { MemberRow } from "@/domain/members/members-csv";
export { runBatch } from "@/domain/batch";

/** A member's new details, by id. */
export type MemberUpdate = { id: string; email: string | null; membershipNumber: string | null; name: string };

/** A row of a batch collides with a member added meanwhile (same email or number). */
export const MEMBER_TAKEN = /UNIQUE constraint failed: Member\./;


// ---- Reads ----

/** Which of these emails and membership numbers (already normalised) are on the members list. */
export async function findMembersByKeys(d1: D1Database, emails: string[], numbers: string[]): Promise<Array<{ email: string | null; membershipNumber: string | null }>> {
  // One prepared statement (an order's few tickets stay far below D1's 100 parameters).
  const list = (values: string[], from: number) => values.map((_, i) => `?${from + i}`).join(", ") || "NULL";
  const { results } = await d1
    .prepare(`SELECT "email", "membershipNumber" FROM "Member" WHERE "email" IN (${list(emails, 1)}) OR "membershipNumber" IN (${list(numbers, emails.length + 1)})`)
    .bind(...emails, ...numbers)
    .all<{ email: string | null; membershipNumber: string | null }>();
  return results;
}

/** A member's search column (schema.prisma, Member.searchText). */
export const memberSearchText = (m: { email: string | null; membershipNumber: string | null; name: string }) => searchText(m.email, m.membershipNumber, m.name);

// A member matches when their search column holds the query folded as text, or folded as a
// membership number (" m 2001 " finds M2001). instr() has no length limit, unlike LIKE on D1.
const MATCHING = `(instr("searchText", ?) > 0 OR instr("searchText", ?) > 0)`;
const matchArgs = (q: string) => [foldForSearch(q), foldForSearch(normaliseMembershipNumber(q))];

/** How many members match `q` (already trimmed); how many there are when it is blank. */
export async function countMembers(d1: D1Database, q = ""): Promise<number> {
  const row = q
    ? await d1.prepare(`SELECT COUNT(*) AS "n" FROM "Member" WHERE ${MATCHING}`).bind(...matchArgs(q)).first<{ n: number }>()
    : await d1.prepare(`SELECT COUNT(*) AS "n" FROM "Member"`).first<{ n: number }>();
  return Number(row?.n ?? 0);
}

/** Members matching `q` (already trimmed; everyone when blank), by email then number (NULL first, as SQLite sorts), `take` of them after `skip`. */
export async function listMembersPage(d1: D1Database, q: string, options: { skip: number; take: number }): Promise<Member[]> {
  const where = q ? `WHERE ${MATCHING}` : "";
  const { results } = await d1
    .prepare(`SELECT * FROM "Member" ${where} ORDER BY "email" ASC, "membershipNumber" ASC, "id" ASC LIMIT ? OFFSET ?`)
    .bind(...(q ? matchArgs(q) : []), options.take, options.skip)
    .all<Record<string, unknown>>();
  return results.map((r) => storedRow("Member", r));
}

/** A member by id, or null. */
export async function findMember(d1: D1Database, id: string): Promise<Member | null> {
  return firstStored("Member", d1.prepare(`SELECT * FROM "Member" WHERE "id" = ?1`).bind(id));
}

/** Every member's identifying fields, to match an upload against. */
export async function listMemberKeys(d1: D1Database): Promise<Array<Pick<Member, "id" | "email" | "membershipNumber" | "name">>> {
  const { results } = await d1.prepare(`SELECT "id", "email", "membershipNumber", "name" FROM "Member"`).all<Pick<Member, "id" | "email" | "membershipNumber" | "name">>();
  return results;
}

// ---- Changes ----

/** Removes one member. */
export function deleteMemberStatement(d1: D1Database, id: string): D1PreparedStatement {
  return d1.prepare(`DELETE FROM "Member" WHERE "id" = ?1`).bind(id);
}

/** Empties the list. */
export function deleteAllMembersStatement(d1: D1Database): D1PreparedStatement {
  return d1.prepare(`DELETE FROM "Member"`);
}

// Rows travel as one JSON parameter per statement (read back with json_each), so a statement
// binds two parameters however many rows it carries: far under D1's 100, and a list of
// thousands is a handful of statements in one batch, applied all or nothing.
const ROWS_PER_STATEMENT = 250;

function chunks<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

/** Adds members, a chunk of rows per statement. */
export function insertMembersStatements(d1: D1Database, rows: MemberRow[], now: Date): D1PreparedStatement[] {
  return chunks(rows, ROWS_PER_STATEMENT).map((chunk) =>
    d1
      .prepare(
        `INSERT INTO "Member" ("id", "email", "membershipNumber", "name", "searchText", "createdAt")
         SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'), json_extract(value, '$[3]'), json_extract(value, '$[4]'), ?2 FROM json_each(?1)`,
      )
      .bind(JSON.stringify(chunk.map((r) => [newId("mem"), r.email, r.membershipNumber, r.name, memberSearchText(r)])), sqlTime(now)),
  );
}

/** Rewrites members' details, a chunk of rows per statement. */
export function updateMembersStatements(d1: D1Database, updates: MemberUpdate[]): D1PreparedStatement[] {
  return chunks(updates, ROWS_PER_STATEMENT).map((chunk) =>
    d1
      .prepare(
        `UPDATE "Member" SET "email" = json_extract(u.value, '$[1]'), "membershipNumber" = json_extract(u.value, '$[2]'), "name" = json_extract(u.value, '$[3]'),
           "searchText" = json_extract(u.value, '$[4]')
         FROM json_each(?1) AS u WHERE "Member"."id" = json_extract(u.value, '$[0]')`,
      )
      .bind(JSON.stringify(chunk.map((u) => [u.id, u.email, u.membershipNumber, u.name, memberSearchText(u)]))),
  );
}
