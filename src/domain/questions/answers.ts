// Answers to attendee questions: checked against the questions an order asks, then written.
// Shared by placing an order and (later) by attendees changing their answers, so both refuse
// the same things: unknown or retired questions, wrong types, choices not offered, long text.
import type { Question } from "@/generated/prisma/client";
import { issue, type FieldIssues } from "@/domain/issues";
import { isCountryCode } from "@/domain/questions/countries";
import { answerLimits, askedFor, isAsked, optionsOf } from "@/domain/questions/model";

/** A checked answer, ready to store: `ticket` is the ticket's index in the order, or null for the order's own. */
export type CheckedAnswer = { questionId: string; ticket: number | null; value: string; detail: string | null };

/** What a registration says: per ticket its tier and answers, and the order's own answers. */
export type AnswersInput = { tickets: Array<{ tier: string; answers?: unknown }>; answers?: unknown };

const blank = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "") || (Array.isArray(v) && v.length === 0);

/** A choice answer as given: an option id, or `{ option, details }` for an option that asks for details. */
function choiceParts(v: unknown): { option: unknown; details: unknown } {
  if (v && typeof v === "object" && !Array.isArray(v)) return { option: (v as { option?: unknown }).option, details: (v as { details?: unknown }).details };
  return { option: v, details: undefined };
}

type One = { ok: true; value: string; detail: string | null } | { ok: false; path: string; issue: FieldIssues[string] };

/** One answer to one question: its stored form, or what is wrong with it (at `path`, or `path.details`). */
function checkOne(question: Question, raw: unknown, path: string, requireAnswers: boolean): One | null {
  const bad = (i: FieldIssues[string], at = path): One => ({ ok: false, path: at, issue: i });
  const text = (max: number): One => {
    if (typeof raw !== "string" && typeof raw !== "number") return bad(issue("invalid"));
    const value = String(raw).trim();
    return value.length > max ? bad(issue("too_long", { max })) : { ok: true, value, detail: null };
  };
  if (question.type === "multi_choice") {
    const ids = (Array.isArray(raw) ? raw : [raw]).filter((v) => !blank(v));
    if (!ids.length) return question.required && requireAnswers ? bad(issue("answer_required")) : null;
    const offered = new Set(optionsOf(question).map((o) => o.id));
    if (!ids.every((id) => typeof id === "string" && offered.has(id))) return bad(issue("answer_not_offered"));
    return { ok: true, value: JSON.stringify([...new Set(ids as string[])]), detail: null };
  }
  const { option, details } = question.type === "choice" ? choiceParts(raw) : { option: raw, details: undefined };
  if (blank(option)) return question.required && requireAnswers ? bad(issue("answer_required")) : null;
  switch (question.type) {
    case "text":
      return text(answerLimits.text);
    case "long_text":
      return text(answerLimits.long_text);
    case "email": {
      const one = text(answerLimits.email);
      return one.ok && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(one.value) ? bad(issue("email_invalid")) : one;
    }
    case "phone": {
      const one = text(answerLimits.phone);
      return one.ok && !/^\+?[0-9][0-9 ()\-.]{4,}$/.test(one.value) ? bad(issue("answer_phone")) : one;
    }
    case "number": {
      const value = typeof raw === "number" ? String(raw) : typeof raw === "string" ? raw.trim().replace(",", ".") : "";
      return /^-?\d{1,12}(\.\d{1,4})?$/.test(value) ? { ok: true, value: String(Number(value)), detail: null } : bad(issue("answer_number"));
    }
    case "yes_no":
      if (raw === true || raw === "yes") return { ok: true, value: "yes", detail: null };
      if (raw === false || raw === "no") return { ok: true, value: "no", detail: null };
      return bad(issue("answer_yes_no"));
    case "country": {
      const code = typeof raw === "string" ? raw.trim().toUpperCase() : "";
      return isCountryCode(code) ? { ok: true, value: code, detail: null } : bad(issue("answer_country"));
    }
    case "choice": {
      const chosen = optionsOf(question).find((o) => o.id === option);
      if (!chosen) return bad(issue("answer_not_offered"));
      if (!chosen.details) return { ok: true, value: chosen.id, detail: null };
      if (details !== undefined && typeof details !== "string") return bad(issue("invalid"), `${path}.details`);
      const detail = (details ?? "").trim();
      if (!detail) return bad(issue("answer_details_required"), `${path}.details`);
      if (detail.length > answerLimits.details) return bad(issue("too_long", { max: answerLimits.details }), `${path}.details`);
      return { ok: true, value: chosen.id, detail };
    }
    default:
      return bad(issue("invalid"));
  }
}

/** Whether `raw` is a map of answers (question id → value). */
const isAnswerMap = (raw: unknown): raw is Record<string, unknown> => !!raw && typeof raw === "object" && !Array.isArray(raw);

/**
 * Checks every answer of a registration against the event's `questions` (retired ones
 * included, to refuse them by name): returns the answers to store and every field issue at
 * once, at `tickets.<i>.answers.<id>` and `answers.<id>`. A required question left out is an
 * issue; an answer to a question not asked there (unknown, retired, another tier's, or
 * per-order given per ticket) is refused, never dropped silently.
 */
export function checkAnswers(questions: readonly Question[], input: AnswersInput, options: { requireAnswers: boolean } = { requireAnswers: true }): { answers: CheckedAnswer[]; fields: FieldIssues } {
  const fields: FieldIssues = {};
  const answers: CheckedAnswer[] = [];
  const asked = questions.filter(isAsked);
  const take = (given: unknown, prefix: string, ticket: number | null, ask: Question[]) => {
    if (given !== undefined && !isAnswerMap(given)) {
      fields[prefix] = issue("invalid");
      return;
    }
    const map = given ?? {};
    for (const id of Object.keys(map)) {
      if (!ask.some((q) => q.id === id)) fields[`${prefix}.${id}`] = issue("answer_not_asked");
    }
    for (const question of ask) {
      const one = checkOne(question, map[question.id], `${prefix}.${question.id}`, options.requireAnswers);
      if (!one) continue;
      if (one.ok) answers.push({ questionId: question.id, ticket, value: one.value, detail: one.detail });
      else fields[one.path] = one.issue;
    }
  };
  input.tickets.forEach((ticket, i) => {
    take(ticket.answers, `tickets.${i}.answers`, i, asked.filter((q) => q.per === "attendee" && askedFor(q, ticket.tier)));
  });
  const tiers = input.tickets.map((t) => t.tier);
  take(input.answers, "answers", null, asked.filter((q) => q.per === "order" && tiers.some((tier) => askedFor(q, tier))));
  return { answers, fields };
}
