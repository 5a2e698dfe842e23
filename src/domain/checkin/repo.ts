// All SQL of the door: the event a staff member may scan for, tickets as the door sees them,
// the append-only CheckIn log and the admit itself. Raw D1 statements on purpose: the door's
// hot path never builds a Prisma client. Rows are typed here; the rules are in the files beside.
import type { Event } from "@/generated/prisma/client";
import { callerSql, touchApiTokenStatement, type CredentialHash } from "@/domain/staff/repo";
import { permissions } from "@/domain/staff/roles";
import { newId } from "@/lib/ids";
import { storedRow } from "@/lib/stored-rows";
import { sqlTime } from "@/lib/sql-time";
import { foldForSearch } from "@/lib/text";

/** Events in draft or published, soonest first: all of them, or (with `doorStaffId`) those that person is on the door team for. */
export async function listDoorEvents(d1: D1Database, doorStaffId?: string): Promise<Event[]> {
  // ?1 is the door staff member, or null for every current event.
  const statement = d1
    .prepare(
      `SELECT * FROM "Event" e WHERE e."status" IN ('published', 'draft')
         AND (?1 IS NULL OR EXISTS (SELECT 1 FROM "StaffEvent" se WHERE se."eventId" = e."id" AND se."staffId" = ?1))
       ORDER BY e."startsAt" ASC`,
    )
    .bind(doorStaffId ?? null);
  const { results } = await statement.all<Record<string, unknown>>();
  return results.map((r) => storedRow("Event", r));
}

/** One row per tier of the event (a LEFT JOIN: an event with no tiers gives one row with null tier). */
export type DoorEventRow = { id: string; slug: string; title: string; status: string; tierId: string | null; tierName: string; eligibility: string; assigned: number };

/** The event by slug with its tiers, and whether `staffId` is on its door team. */
export async function findDoorEventRows(d1: D1Database, slug: string, staffId: string): Promise<DoorEventRow[]> {
  const rows = await d1
    .prepare(
      `SELECT e."id", e."slug", e."title", e."status", tt."id" AS "tierId", tt."name" AS "tierName", tt."eligibility",
              EXISTS (SELECT 1 FROM "StaffEvent" se WHERE se."eventId" = e."id" AND se."staffId" = ?2) AS "assigned"
       FROM "Event" e LEFT JOIN "TicketType" tt ON tt."eventId" = e."id" WHERE e."slug" = ?1 ORDER BY tt."sortOrder", tt."id"`,
    )
    .bind(slug, staffId)
    .all<DoorEventRow>();
  return rows.results;
}

/**
 * The answers of ticket `t` (its own, and its order's per-order ones) to the questions shown at
 * the door, as a JSON list, read in the same statement as the ticket: the door's one round trip
 * stays one.
 */
const doorAnswersSql = `(SELECT json_group_array(json_object('label', q."label", 'type', q."type", 'options', q."options", 'translations', q."translations", 'value', a."value", 'detail', a."detail"))
  FROM "Answer" a JOIN "Question" q ON q."id" = a."questionId"
  WHERE q."atDoor" = 1 AND (a."ticketId" = t."id" OR (a."ticketId" IS NULL AND a."orderId" = t."orderId")))`;

/** A ticket with what the door needs to judge it: its order's and event's states, its tier. */
export type DoorTicketRow = {
  id: string;
  eventId: string;
  attendeeName: string;
  status: string;
  checkedInAt: string | null;
  checkedInDevice: string | null;
  tierName: string;
  eligibility: string;
  orderStatus: string;
  eventStatus: string;
  /** The answers to questions shown at the door, as JSON (questions/door-notes.ts reads them). */
  doorAnswers: string | null;
};

const doorTicketStatement = (d1: D1Database, ticketId: string) =>
  d1
    .prepare(
      `SELECT t."id", t."eventId", t."attendeeName", t."status", t."checkedInAt", t."checkedInDevice", tt."name" AS "tierName", tt."eligibility",
              o."status" AS "orderStatus", e."status" AS "eventStatus", ${doorAnswersSql} AS "doorAnswers"
       FROM "Ticket" t JOIN "TicketType" tt ON tt."id" = t."ticketTypeId" JOIN "Order" o ON o."id" = t."orderId" JOIN "Event" e ON e."id" = t."eventId"
       WHERE t."id" = ?1`,
    )
    .bind(ticketId);

export async function findDoorTicket(d1: D1Database, ticketId: string): Promise<DoorTicketRow | null> {
  return doorTicketStatement(d1, ticketId).first<DoorTicketRow>();
}

/** Roles that may scan (staff/roles); all but door staff at any event's door, door staff at their own (checkin/access). */
const scanningRoles = permissions.check_in.map((role) => `'${role}'`).join(", ");

/** What the one-trip admit needs: who is calling (by credential), at which door, which ticket (and the event its signed code names), from which device, under which nonce. */
export type CallerAdmit = { credential: CredentialHash; slug: string; ticketId: string; codeEventId: string | null; device: string; nonce: string };

/**
 * The door's admit in one batch, so one round trip: the caller's credential (staff/repo's
 * rule of current sessions and tokens), their right to scan at this door, the ticket's state
 * and the admit are all conditions of one UPDATE, logged in the same batch (only when it
 * admitted), with the token's "last used" time and then the ticket as the door sees it.
 * Its conditions are those of the long way (sign-in's identity, checkin/access, tickets/status)
 * or narrower, never wider: the ticket row when this admitted it, otherwise null and nothing
 * written but the token's "last used" time, and the long way decides and explains. A nonce
 * already in the log fails the batch (all of it rolls back) with the same error as admitTicket.
 */
export async function admitForCaller(d1: D1Database, admit: CallerAdmit, now: Date): Promise<DoorTicketRow | null> {
  const at = sqlTime(now);
  const { kind, hash } = admit.credential;
  const statements = [
    d1
      .prepare(
        `UPDATE "Ticket" SET "checkedInAt" = ?2, "checkedInDevice" = ?3, "updatedAt" = ?2
         WHERE "id" = ?1 AND "status" = 'valid' AND "checkedInAt" IS NULL AND (?5 IS NULL OR "eventId" = ?5)
           AND EXISTS (SELECT 1 FROM "Event" e WHERE e."id" = "Ticket"."eventId" AND e."slug" = ?4 AND e."status" <> 'cancelled')
           AND EXISTS (SELECT 1 FROM "Order" o WHERE o."id" = "Ticket"."orderId" AND o."status" IN ('paid', 'partially_refunded'))
           AND EXISTS (SELECT 1 ${callerSql(kind, 6, 2)} AND st."disabledAt" IS NULL AND st."role" IN (${scanningRoles})
                       AND (st."role" <> 'door' OR EXISTS (SELECT 1 FROM "StaffEvent" se WHERE se."staffId" = st."id" AND se."eventId" = "Ticket"."eventId")))`,
      )
      .bind(admit.ticketId, at, admit.device, admit.slug, admit.codeEventId, hash),
    d1
      .prepare(
        `INSERT INTO "CheckIn" ("id", "eventId", "ticketId", "staffId", "device", "result", "nonce", "createdAt")
         SELECT ?1, t."eventId", t."id", (SELECT st."id" ${callerSql(kind, 6, 2)}), ?4, 'admitted', ?5, ?2 FROM "Ticket" t WHERE t."id" = ?3 AND changes() = 1`,
      )
      .bind(newId("chk"), at, admit.ticketId, admit.device, admit.nonce, hash),
    ...(kind === "token" ? [touchApiTokenStatement(d1, hash, now)] : []),
    doorTicketStatement(d1, admit.ticketId),
  ];
  const results = await d1.batch(statements);
  const admitted = results[0]!.meta.changes === 1;
  return admitted ? ((results.at(-1)!.results[0] as DoorTicketRow | undefined) ?? null) : null;
}

/** A CheckIn log row, in a batch or on its own. `result` is a SQL expression (a quoted code, or a CASE). */
export type ScanLog = { eventId: string; ticketId: string | null; staffId: string; device: string; nonce: string };

export function logScanStatement(d1: D1Database, row: ScanLog, resultSql: string, now: Date): D1PreparedStatement {
  return d1
    .prepare(`INSERT INTO "CheckIn" ("id", "eventId", "ticketId", "staffId", "device", "result", "nonce", "createdAt") VALUES (?1, ?2, ?3, ?4, ?5, ${resultSql}, ?6, ?7)`)
    .bind(newId("chk"), row.eventId, row.ticketId, row.staffId, row.device, row.nonce, sqlTime(now));
}

/**
 * Logs a refused scan. True when logged; false when it was not (a repeated nonce, whose first
 * use the caller then compares with this scan). A failure to log never hides the answer.
 */
export async function logRefusal(d1: D1Database, row: ScanLog, result: string, now: Date): Promise<boolean> {
  return logScanStatement(d1, row, `'${result.replace(/[^a-z_]/g, "")}'`, now)
    .run()
    .then(
      () => true,
      () => false,
    );
}

/** A scan as logged: who made it, at which event's door, of which ticket, with what result. */
export type LoggedScan = { eventId: string; staffId: string; ticketId: string | null; result: string };

/** The scan already recorded under this nonce, if any. */
export function findScanByNonce(d1: D1Database, nonce: string) {
  return d1.prepare(`SELECT "eventId", "staffId", "ticketId", "result" FROM "CheckIn" WHERE "nonce" = ?1`).bind(nonce).first<LoggedScan>();
}

/**
 * Admits a ticket that is valid and not yet in, logged in the same batch: `changes()` is the
 * row count of the update just before it, in the same transaction, so the log says whether
 * this scan admitted. True when this call admitted the ticket.
 */
export async function admitTicket(d1: D1Database, ticketId: string, log: ScanLog, now: Date): Promise<boolean> {
  const [update] = await d1.batch([
    d1
      .prepare(`UPDATE "Ticket" SET "checkedInAt" = ?2, "checkedInDevice" = ?3, "updatedAt" = ?2 WHERE "id" = ?1 AND "status" = 'valid' AND "checkedInAt" IS NULL`)
      .bind(ticketId, sqlTime(now), log.device),
    logScanStatement(d1, log, `CASE WHEN changes() = 1 THEN 'admitted' ELSE 'already_checked_in' END`, now),
  ]);
  return update!.meta.changes === 1;
}

/**
 * Takes back an admit, logged as `undone` only when there was one. True when this call undid
 * it. A nonce already in the log (a retry, or one reused) undoes nothing, so every undo is logged.
 */
export async function undoAdmit(d1: D1Database, eventId: string, ticketId: string, log: Omit<ScanLog, "eventId" | "ticketId">, now: Date): Promise<boolean> {
  const at = sqlTime(now);
  const results = await d1.batch([
    d1
      .prepare(
        `UPDATE "Ticket" SET "checkedInAt" = NULL, "checkedInDevice" = NULL, "updatedAt" = ?3
         WHERE "id" = ?1 AND "eventId" = ?2 AND "checkedInAt" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "CheckIn" WHERE "nonce" = ?4)`,
      )
      .bind(ticketId, eventId, at, log.nonce),
    d1
      .prepare(`INSERT OR IGNORE INTO "CheckIn" ("id", "eventId", "ticketId", "staffId", "device", "result", "nonce", "createdAt") SELECT ?1, ?2, ?3, ?4, ?5, 'undone', ?6, ?7 WHERE changes() = 1`)
      .bind(newId("chk"), eventId, ticketId, log.staffId, log.device, log.nonce, at),
  ]);
  return results[0]!.meta.changes === 1;
}

/** Every ticket of the event the door may meet (expired orders never held a seat), for the offline list. */
export type DoorListRow = { id: string; attendeeName: string; ticketTypeId: string; status: string; checkedInAt: string | null; checkedInDevice: string | null; orderStatus: string };

/** A door-list row with its order's reference and its number in the order (for its short code). */
export type DoorBookRow = DoorListRow & { reference: string; number: number; doorAnswers: string | null };

export async function listDoorTickets(d1: D1Database, eventId: string): Promise<DoorBookRow[]> {
  const rows = await d1
    .prepare(
      `SELECT t."id", t."attendeeName", t."ticketTypeId", t."status", t."checkedInAt", t."checkedInDevice", o."status" AS "orderStatus",
         o."reference", ROW_NUMBER() OVER (PARTITION BY t."orderId" ORDER BY t.rowid) AS "number", ${doorAnswersSql} AS "doorAnswers"
       FROM "Ticket" t JOIN "Order" o ON o."id" = t."orderId" WHERE t."eventId" = ?1 AND o."status" <> 'expired'`,
    )
    .bind(eventId)
    .all<DoorBookRow>();
  return rows.results;
}

/** Valid tickets per tier, and how many of them are in. */
export async function countArrivals(d1: D1Database, eventId: string) {
  const rows = await d1
    .prepare(`SELECT "ticketTypeId", COUNT(*) AS "expected", COUNT("checkedInAt") AS "checkedIn" FROM "Ticket" WHERE "eventId" = ?1 AND "status" = 'valid' GROUP BY "ticketTypeId"`)
    .bind(eventId)
    .all<{ ticketTypeId: string; expected: number; checkedIn: number }>();
  return rows.results;
}

/**
 * Up to 20 of the event's tickets whose attendee (name, email) or order (reference, buyer)
 * holds `q`, ignoring case and accents: the search columns compared with instr(), which,
 * unlike LIKE on D1, takes a query of any length.
 */
export async function searchDoorTickets(d1: D1Database, eventId: string, q: string): Promise<Array<DoorListRow & { reference: string }>> {
  const rows = await d1
    .prepare(
      `SELECT t."id", t."attendeeName", t."ticketTypeId", t."status", t."checkedInAt", t."checkedInDevice", o."status" AS "orderStatus", o."reference"
       FROM "Ticket" t JOIN "Order" o ON o."id" = t."orderId"
       WHERE t."eventId" = ?1 AND o."status" <> 'expired' AND (instr(t."searchText", ?2) > 0 OR instr(o."searchText", ?2) > 0)
       ORDER BY t."attendeeName" LIMIT 20`,
    )
    .bind(eventId, foldForSearch(q))
    .all<DoorListRow & { reference: string }>();
  return rows.results;
}
