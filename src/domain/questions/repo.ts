// All SQL of attendee questions and their answers, as raw D1 statements: reads give rows as
// Prisma would; the statements that join an order's batch or an organiser change's batch.
// A question's type may not change once anyone answered it: the update sets the type to NULL
// in that case, which breaks its NOT NULL constraint and rolls the whole batch back, so an
// answer written at the same moment cannot slip between the check and the change.
import type { Answer, Question } from "@/generated/prisma/client";
import { storedRow } from "@/lib/stored-rows";
import { newId } from "@/lib/ids";
import { sqlTime } from "@/lib/sql-time";

/** The update found answers and the type would change (see the file's comment). */
export const TYPE_LOCKED = /NOT NULL constraint failed: Question\.type/;

/** What a question row holds apart from its identity, event and dates. */
export type QuestionRow = Pick<Question, "type" | "label" | "help" | "options" | "required" | "tierIds" | "per" | "atDoor" | "sortOrder" | "translations">;

/** A Question row as D1 returns it (`SELECT *`): dates as Date and flags as booleans, as Prisma gives them. */
export function questionOfRow(row: Record<string, unknown>): Question {
  const date = (v: unknown) => (v === null || v === undefined ? null : new Date(String(v)));
  return {
    ...(row as unknown as Question),
    required: Boolean(row.required),
    atDoor: Boolean(row.atDoor),
    retiredAt: date(row.retiredAt),
    createdAt: date(row.createdAt)!,
    updatedAt: date(row.updatedAt)!,
  };
}

/**
 * The questions still asked of the events `picked` selects (SQL giving event ids, parameters
 * from ?1), in their order: a statement for the event reads' own batch, so the page, the API
 * and placing an order read them in the same round trip as the event.
 */
export function askedQuestionsStatement(d1: D1Database, picked: string, params: unknown[]): D1PreparedStatement {
  return d1.prepare(`SELECT * FROM "Question" WHERE "eventId" IN (${picked}) AND "retiredAt" IS NULL ORDER BY "sortOrder" ASC, "createdAt" ASC`).bind(...params);
}

/** Every question of an event, retired ones too, in their order (organiser pages, exports). */
export async function listQuestions(d1: D1Database, eventId: string): Promise<Question[]> {
  const { results } = await d1.prepare(`SELECT * FROM "Question" WHERE "eventId" = ?1 ORDER BY "sortOrder" ASC, "createdAt" ASC`).bind(eventId).all<Record<string, unknown>>();
  return results.map(questionOfRow);
}

/** One question, or null. */
export async function findQuestion(d1: D1Database, id: string): Promise<Question | null> {
  const row = await d1.prepare(`SELECT * FROM "Question" WHERE "id" = ?1`).bind(id).first<Record<string, unknown>>();
  return row ? questionOfRow(row) : null;
}

/** How many answers each of these questions has (those with none are absent). The ids go as one JSON value: D1 binds at most 100. */
export async function countAnswers(d1: D1Database, questionIds: string[]): Promise<Map<string, number>> {
  const { results } = await d1
    .prepare(`SELECT "questionId", COUNT(*) AS "count" FROM "Answer" WHERE "questionId" IN (SELECT value FROM json_each(?1)) GROUP BY "questionId"`)
    .bind(JSON.stringify(questionIds))
    .all<{ questionId: string; count: number }>();
  return new Map(results.map((r) => [r.questionId, r.count]));
}

export function insertQuestionStatement(d1: D1Database, id: string, eventId: string, row: QuestionRow, now: Date): D1PreparedStatement {
  return d1
    .prepare(
      `INSERT INTO "Question" ("id", "eventId", "type", "label", "help", "options", "required", "tierIds", "per", "atDoor", "sortOrder", "translations", "createdAt", "updatedAt")
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13)`,
    )
    .bind(id, eventId, row.type, row.label, row.help, row.options, row.required ? 1 : 0, row.tierIds, row.per, row.atDoor ? 1 : 0, row.sortOrder, row.translations, sqlTime(now));
}

/** Saves a question; its type changes only while nobody has answered it (else the batch fails with TYPE_LOCKED). */
export function updateQuestionStatement(d1: D1Database, id: string, row: QuestionRow, now: Date): D1PreparedStatement {
  return d1
    .prepare(
      `UPDATE "Question" SET
         "type" = CASE WHEN "type" = ?2 OR NOT EXISTS (SELECT 1 FROM "Answer" WHERE "questionId" = ?1) THEN ?2 ELSE NULL END,
         "label" = ?3, "help" = ?4, "options" = ?5, "required" = ?6, "tierIds" = ?7, "per" = ?8, "atDoor" = ?9, "translations" = ?10, "updatedAt" = ?11
       WHERE "id" = ?1`,
    )
    .bind(id, row.type, row.label, row.help, row.options, row.required ? 1 : 0, row.tierIds, row.per, row.atDoor ? 1 : 0, row.translations, sqlTime(now));
}

/** Retires a question (no longer asked; its answers stay), or asks it again (`retired` false). */
export function setRetiredStatement(d1: D1Database, id: string, retired: boolean, now: Date): D1PreparedStatement {
  return d1.prepare(`UPDATE "Question" SET "retiredAt" = ?2, "updatedAt" = ?3 WHERE "id" = ?1`).bind(id, retired ? sqlTime(now) : null, sqlTime(now));
}

/** Sets each question's position to its index in `ids`. */
export function reorderStatements(d1: D1Database, ids: string[], now: Date): D1PreparedStatement[] {
  return ids.map((id, i) => d1.prepare(`UPDATE "Question" SET "sortOrder" = ?2, "updatedAt" = ?3 WHERE "id" = ?1`).bind(id, i, sqlTime(now)));
}

/** One stored answer: the ticket's (per attendee) or the order's (per order, no ticket). */
export type NewAnswer = { questionId: string; orderId: string; ticketId: string | null; value: string; detail: string | null };

/** Inserts answers: meant for the batch that writes their order (or changes them). */
export function insertAnswerStatements(d1: D1Database, answers: NewAnswer[], now: Date): D1PreparedStatement[] {
  return answers.map((a) =>
    d1
      .prepare(`INSERT INTO "Answer" ("id", "questionId", "orderId", "ticketId", "value", "detail", "createdAt") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)`)
      .bind(newId("ans"), a.questionId, a.orderId, a.ticketId, a.value, a.detail, sqlTime(now)),
  );
}

/**
 * Replaces an order's answers to `questionIds` (per-order ones and its tickets'): for changing
 * answers later, in one batch with whatever else the change writes.
 */
export function replaceAnswersStatements(d1: D1Database, orderId: string, questionIds: string[], answers: NewAnswer[], now: Date): D1PreparedStatement[] {
  if (!questionIds.length) return insertAnswerStatements(d1, answers, now);
  const marks = questionIds.map((_, i) => `?${i + 2}`).join(", ");
  return [d1.prepare(`DELETE FROM "Answer" WHERE "orderId" = ?1 AND "questionId" IN (${marks})`).bind(orderId, ...questionIds), ...insertAnswerStatements(d1, answers, now)];
}

/** Replaces one ticket's answers to `questionIds` (an attendee changing their answers). */
export function replaceTicketAnswersStatements(d1: D1Database, ticketId: string, questionIds: string[], answers: NewAnswer[], now: Date): D1PreparedStatement[] {
  if (!questionIds.length) return [];
  const marks = questionIds.map((_, i) => `?${i + 2}`).join(", ");
  return [d1.prepare(`DELETE FROM "Answer" WHERE "ticketId" = ?1 AND "questionId" IN (${marks})`).bind(ticketId, ...questionIds), ...insertAnswerStatements(d1, answers, now)];
}

/** An order's answers (its tickets' and its own). */
export async function answersOfOrder(d1: D1Database, orderId: string): Promise<Answer[]> {
  const { results } = await d1.prepare(`SELECT * FROM "Answer" WHERE "orderId" = ?1`).bind(orderId).all<Record<string, unknown>>();
  return results.map((r) => storedRow("Answer", r));
}

/** The answers of these orders, for lists and exports. The ids go as one JSON value: D1 binds at most 100. */
export async function answersOfOrders(d1: D1Database, orderIds: string[]): Promise<Answer[]> {
  const { results } = await d1
    .prepare(`SELECT * FROM "Answer" WHERE "orderId" IN (SELECT value FROM json_each(?1))`)
    .bind(JSON.stringify(orderIds))
    .all<Record<string, unknown>>();
  return results.map((r) => storedRow("Answer", r));
}

/** The ids of tickets whose answer (or whose order's answer) to `questionId` is `value` (a multiple choice: one of its values). */
export async function ticketIdsAnswering(d1: D1Database, eventId: string, questionId: string, value: string): Promise<string[]> {
  const { results } = await d1
    .prepare(
      `SELECT t."id" FROM "Ticket" t JOIN "Answer" a ON a."questionId" = ?2 AND (a."ticketId" = t."id" OR (a."ticketId" IS NULL AND a."orderId" = t."orderId"))
       WHERE t."eventId" = ?1 AND (a."value" = ?3 OR (a."value" LIKE '[%' AND EXISTS (SELECT 1 FROM json_each(a."value") WHERE json_each.value = ?3)))`,
    )
    .bind(eventId, questionId, value)
    .all<{ id: string }>();
  return results.map((r) => r.id);
}

/**
 * How many valid tickets chose each option of the event's choice questions: `{ questionId,
 * value, count }` (a multiple choice counts each option chosen). Per-order answers count once
 * per valid ticket of the order.
 */
export async function choiceCounts(d1: D1Database, eventId: string): Promise<Array<{ questionId: string; value: string; count: number }>> {
  const { results } = await d1
    .prepare(
      `SELECT a."questionId" AS questionId, COALESCE(j.value, a."value") AS value, COUNT(*) AS count
       FROM "Question" q JOIN "Answer" a ON a."questionId" = q."id"
       JOIN "Ticket" t ON t."status" = 'valid' AND (a."ticketId" = t."id" OR (a."ticketId" IS NULL AND a."orderId" = t."orderId"))
       LEFT JOIN json_each(CASE WHEN q."type" = 'multi_choice' THEN a."value" ELSE '[]' END) j
       WHERE q."eventId" = ?1 AND q."type" IN ('choice', 'multi_choice') AND (q."type" = 'choice' OR j.value IS NOT NULL)
       GROUP BY a."questionId", COALESCE(j.value, a."value")`,
    )
    .bind(eventId)
    .all<{ questionId: string; value: string; count: number }>();
  return results;
}

/**
 * The answers of the orders that have tickets of `eventId` between two ticket rowids (one page
 * of an attendee list): a subquery rather than a list of ids, as D1 binds at most 100 values.
 */
export async function answersOfTicketRange(d1: D1Database, eventId: string, after: number, last: number): Promise<Answer[]> {
  const { results } = await d1
    .prepare(`SELECT * FROM "Answer" WHERE "orderId" IN (SELECT "orderId" FROM "Ticket" WHERE "eventId" = ?1 AND rowid > ?2 AND rowid <= ?3)`)
    .bind(eventId, after, last)
    .all<Answer>();
  return results;
}
