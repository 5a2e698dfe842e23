// An attendee changing their answers to the organisers' questions through their ticket link,
// until the cut-off, under the same checks as every self-service change (self-service/actions)
// and the same answer rules as registering (questions/answers): only the questions asked of
// this ticket (per attendee, for its tier, not retired), every error at once, nothing written
// on error. The order's own questions (asked once per order) are not this ticket's to change.
import type { Answer, Question } from "@/generated/prisma/client";
import type { ServiceDeps } from "@/domain/deps";
import { DomainError } from "@/domain/errors";
import type { FieldIssues } from "@/domain/issues";
import { runBatch } from "@/domain/batch";
import { checkAnswers } from "@/domain/questions/answers";
import { askedFor, isAsked } from "@/domain/questions/model";
import { answersOfOrder, listQuestions, replaceTicketAnswersStatements } from "@/domain/questions/repo";
import { auditStatement } from "@/domain/staff/audit";
import { changeEmail, refusalFor, type OrderForSelfService, type Outcome } from "@/domain/self-service/actions";

type OrderTicket = OrderForSelfService["tickets"][number];

/** The questions a ticket's holder answers for themself, in the organisers' order. */
export async function questionsForTicket(deps: ServiceDeps, eventId: string, tierId: string): Promise<Question[]> {
  const questions = await listQuestions(deps.d1, eventId);
  return questions.filter((q) => isAsked(q) && q.per === "attendee" && askedFor(q, tierId));
}

/** This ticket's answers as they stand. */
export async function answersOfTicket(deps: ServiceDeps, orderId: string, ticketId: string): Promise<Answer[]> {
  return (await answersOfOrder(deps.d1, orderId)).filter((a) => a.ticketId === ticketId);
}

/** The form's paths are the ticket's own (`answers.<id>`), not the registration's (`tickets.0.answers.<id>`). */
const ownPaths = (fields: FieldIssues): FieldIssues => Object.fromEntries(Object.entries(fields).map(([path, issue]) => [path.replace(/^tickets\.0\./, ""), issue]));

/**
 * Replaces the ticket's answers with `given` (question id → value, as the API takes them):
 * refused after the cut-off or on a ticket that no longer admits; the same answers again are
 * no change at all. Audited, and confirmed to the buyer by email.
 */
export async function changeAnswers(deps: ServiceDeps, order: OrderForSelfService, ticket: OrderTicket, given: Record<string, unknown>): Promise<Outcome> {
  const now = deps.now();
  const refused = refusalFor(order, ticket, now);
  if (refused) return { refused };
  const questions = await questionsForTicket(deps, order.eventId, ticket.ticketTypeId);
  const { answers, fields } = checkAnswers(questions, { tickets: [{ tier: ticket.ticketTypeId, answers: given }] });
  if (Object.keys(fields).length) throw new DomainError("invalid", {}, ownPaths(fields));
  const before = await answersOfTicket(deps, order.id, ticket.id);
  const same =
    answers.length === before.length && answers.every((a) => before.some((b) => b.questionId === a.questionId && b.value === a.value && (b.detail ?? null) === a.detail));
  if (same) return { done: "unchanged" };
  const rows = answers.map((a) => ({ questionId: a.questionId, orderId: order.id, ticketId: ticket.id, value: a.value, detail: a.detail }));
  await runBatch(deps.d1, [
    ...replaceTicketAnswersStatements(deps.d1, ticket.id, questions.map((q) => q.id), rows, now),
    auditStatement(deps.d1, { staffId: null, action: "self_service_answered", entity: "order", entityId: order.id, detail: { ticketId: ticket.id, attendee: ticket.attendeeName } }, now),
    changeEmail(deps, order, { change: "answered", ticketId: ticket.id, to: ticket.attendeeName }, `self-answered-${ticket.id}-${now.getTime()}`, now),
  ]);
  return { done: "answered" };
}
