// Attendee lists get one column per question (retired ones too: their answers are kept). The
// stable heading is `q_<id>`; organisers who ask for translated headings get the question.
// Cells hold the answer as data: a choice's option label in the event's main language (with
// its follow-up text), a multiple choice's labels separated by "; ", yes/no, a country code.
import type { Answer, Question } from "@/generated/prisma/client";
import type { Cell, Column } from "@/domain/exports/columns";
import { answersOfTicketRange } from "@/domain/questions/repo";
import { optionsOf } from "@/domain/questions/model";

/** The stable heading of a question's column. */
export const questionColumnKey = (question: Pick<Question, "id">) => `q_${question.id}`;

/** The question columns: headed by `header` (default: the stable key). */
export function questionColumns(questions: readonly Question[], header: (q: Question) => string = questionColumnKey): Column[] {
  return questions.map((q) => ({ header: header(q), width: q.type === "long_text" ? 40 : 22 }));
}

/** An answer as a cell: data in the event's main language, not a sentence. */
function answerCell(question: Question, answer: Answer): string {
  const options = optionsOf(question);
  const label = (id: string) => options.find((o) => o.id === id)?.label ?? id;
  if (question.type === "choice") return answer.detail ? `${label(answer.value)} (${answer.detail})` : label(answer.value);
  if (question.type === "multi_choice") {
    try {
      return (JSON.parse(answer.value) as string[]).map(label).join("; ");
    } catch {
      return answer.value;
    }
  }
  return answer.value;
}

type RowIds = { seq: number; ticketId: string; orderId: string };

/**
 * Pages of rows with their answers: each page's answers read in one query, so an export of any
 * size still holds one page at a time. `cells` gives a row's answer cells, in question order.
 */
export function withAnswers<Row extends RowIds>(d1: D1Database, eventId: string, questions: readonly Question[], batches: AsyncIterable<Row[]>) {
  async function* pages(): AsyncGenerator<Array<Row & { answerCells: Cell[] }>> {
    let after = -1;
    for await (const batch of batches) {
      const last = batch[batch.length - 1]!.seq;
      const answers = questions.length ? await answersOfTicketRange(d1, eventId, after, last) : [];
      after = last;
      yield batch.map((row) => ({
        ...row,
        answerCells: questions.map((q) => {
          const a = answers.find((x) => x.questionId === q.id && (x.ticketId === row.ticketId || (x.ticketId === null && x.orderId === row.orderId)));
          return a ? answerCell(q, a) : null;
        }),
      }));
    }
  }
  return pages();
}
