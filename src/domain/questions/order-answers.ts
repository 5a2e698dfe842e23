// An order's answers as pages show them: each with its question (retired ones too: answers
// are kept), the order's own apart from each ticket's.
import type { Answer, Question } from "@/generated/prisma/client";
import { answersOfOrder, answersOfOrders, listQuestions } from "@/domain/questions/repo";
import { questionInLanguage, type LocalizedQuestion } from "@/domain/questions/model";

/** One answer with its question in the reader's language. */
export type ShownAnswer = { question: LocalizedQuestion; value: string; detail: string | null };

/** Answers of an order: `order` its own, `tickets` by ticket id; each list in the questions' order. */
export type OrderAnswers = { order: ShownAnswer[]; tickets: Map<string, ShownAnswer[]> };

/** Puts answers with their questions, in the questions' order. */
export function groupAnswers(questions: Question[], answers: Answer[], lang: string, mainLang: string): OrderAnswers {
  const out: OrderAnswers = { order: [], tickets: new Map() };
  for (const question of questions) {
    const local = questionInLanguage(question, lang, mainLang);
    for (const a of answers.filter((x) => x.questionId === question.id)) {
      const shown = { question: local, value: a.value, detail: a.detail };
      if (a.ticketId === null) out.order.push(shown);
      else out.tickets.set(a.ticketId, [...(out.tickets.get(a.ticketId) ?? []), shown]);
    }
  }
  return out;
}

/** An order's answers, questions in `lang` (the event's main language where none was written). */
export async function orderAnswers(d1: D1Database, event: { id: string; mainLanguage: string }, orderId: string, lang: string): Promise<OrderAnswers> {
  const [questions, answers] = await Promise.all([listQuestions(d1, event.id), answersOfOrder(d1, orderId)]);
  return groupAnswers(questions, answers, lang, event.mainLanguage);
}

/** The answers of many orders at once (attendee lists, exports): the event's questions and every answer. */
export async function answersForOrders(d1: D1Database, eventId: string, orderIds: string[]): Promise<{ questions: Question[]; answers: Answer[] }> {
  const [questions, answers] = await Promise.all([listQuestions(d1, eventId), orderIds.length ? answersOfOrders(d1, orderIds) : Promise.resolve([])]);
  return { questions, answers };
}
