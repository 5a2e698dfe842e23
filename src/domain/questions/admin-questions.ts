// The organisers' changes to an event's questions: each one D1 batch with its audit entry.
import type { Question } from "@/generated/prisma/client";
import type { ServiceDeps } from "@/domain/deps";
import { DomainError } from "@/domain/errors";
import { issue } from "@/domain/issues";
import { newId } from "@/lib/ids";
import { runBatch } from "@/domain/batch";
import { auditStatement } from "@/domain/staff/audit";
import { optionsOf, tierIdsOf } from "@/domain/questions/model";
import { findQuestion, insertQuestionStatement, listQuestions, reorderStatements, setRetiredStatement, TYPE_LOCKED, updateQuestionStatement, type QuestionRow } from "@/domain/questions/repo";

/** One question, or not_found. */
export async function getQuestion(deps: Pick<ServiceDeps, "d1">, id: string): Promise<Question> {
  const question = await findQuestion(deps.d1, id);
  if (!question) throw new DomainError("not_found", { what: "page", next: "back_to_event" });
  return question;
}

const detailOf = (eventId: string, row: QuestionRow) => ({
  eventId,
  label: row.label,
  type: row.type,
  per: row.per,
  required: row.required,
  atDoor: row.atDoor,
  options: optionsOf(row).map((o) => o.label),
  tiers: tierIdsOf(row),
});

/** Adds a question at the end of the event's list. Returns its id. */
export async function createQuestion(deps: ServiceDeps, staffId: string, eventId: string, row: QuestionRow): Promise<string> {
  const id = newId("qst");
  const now = deps.now();
  const sortOrder = (await listQuestions(deps.d1, eventId)).length;
  await runBatch(deps.d1, [
    insertQuestionStatement(deps.d1, id, eventId, { ...row, sortOrder }, now),
    auditStatement(deps.d1, { staffId, action: "question_created", entity: "question", entityId: id, detail: detailOf(eventId, row) }, now),
  ]);
  return id;
}

/** Saves a question. Its type cannot change once anyone answered it (refused on the type field). */
export async function updateQuestion(deps: ServiceDeps, staffId: string, id: string, row: QuestionRow): Promise<void> {
  const before = await getQuestion(deps, id);
  const now = deps.now();
  try {
    await runBatch(deps.d1, [
      updateQuestionStatement(deps.d1, id, row, now),
      auditStatement(deps.d1, { staffId, action: "question_updated", entity: "question", entityId: id, detail: detailOf(before.eventId, row) }, now),
    ]);
  } catch (err) {
    if (TYPE_LOCKED.test(String(err))) throw new DomainError("invalid", {}, { type: issue("question_type_locked") });
    throw err;
  }
}

/** Retires a question (no longer asked; answers kept), or asks it again. */
export async function setQuestionRetired(deps: ServiceDeps, staffId: string, id: string, retired: boolean): Promise<Question> {
  const question = await getQuestion(deps, id);
  const now = deps.now();
  await runBatch(deps.d1, [
    setRetiredStatement(deps.d1, id, retired, now),
    auditStatement(deps.d1, { staffId, action: retired ? "question_retired" : "question_restored", entity: "question", entityId: id, detail: { eventId: question.eventId, label: question.label } }, now),
  ]);
  return question;
}

/** Moves a question one place up or down in its event's list. */
export async function moveQuestion(deps: ServiceDeps, staffId: string, id: string, direction: "up" | "down"): Promise<Question> {
  const question = await getQuestion(deps, id);
  const ids = (await listQuestions(deps.d1, question.eventId)).map((q) => q.id);
  const at = ids.indexOf(id);
  const to = direction === "up" ? at - 1 : at + 1;
  if (to < 0 || to >= ids.length) return question;
  [ids[at], ids[to]] = [ids[to]!, ids[at]!];
  const now = deps.now();
  await runBatch(deps.d1, [
    ...reorderStatements(deps.d1, ids, now),
    auditStatement(deps.d1, { staffId, action: "questions_reordered", entity: "question", entityId: id, detail: { eventId: question.eventId } }, now),
  ]);
  return question;
}
