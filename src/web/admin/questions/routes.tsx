import { Hono, type Context } from "hono";
import * as z from "zod";
import type { AppEnv } from "@/env";
import type { Question } from "@/generated/prisma/client";
import { DomainError } from "@/domain/errors";
import { errorMessage, errorSentence, fieldMessages, locales, type Messages } from "@/i18n";
import { validate } from "@/lib/validate";
import { requirePermission, signedIn } from "@/web/middleware/auth";
import { messagesOf } from "@/web/shared/i18n";
import { readForm } from "@/web/shared/form-body";
import { getAdminEvent } from "@/domain/events/admin-events";
import { createQuestion, getQuestion, moveQuestion, setQuestionRetired, updateQuestion } from "@/domain/questions/admin-questions";
import { blankQuestionValues, questionFieldNames, questionFormValues, questionFromForm, type QuestionFormValues } from "@/domain/questions/question-input";
import { countAnswers, listQuestions } from "@/domain/questions/repo";
import { QuestionFormPage } from "@/web/admin/questions/question-form-page";
import { QuestionListPage } from "@/web/admin/questions/question-list-page";

const idParam = z.object({ id: z.string().regex(/^[a-z]{2,8}_[0-9a-z]{16}$/) });
const manageEvents = requirePermission("manage_events");
const notices = ["created", "saved", "retired", "restored", "moved"] as const;
const noticeFor = (m: Messages, done: string | undefined) => ((notices as readonly string[]).includes(done ?? "") ? m.questions.list.notices[done as (typeof notices)[number]] : undefined);

/** The form's fields, and nothing else: each a string, the tier boxes a list. */
async function formValues(c: Context): Promise<QuestionFormValues> {
  const body = await readForm(c, { all: true });
  const allowed = new Set(questionFieldNames(locales));
  const values: QuestionFormValues = {};
  for (const [key, value] of Object.entries(body)) {
    const texts = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === "string").map((v) => v.slice(0, 5000));
    if (key === "tiers") values.tiers = texts.slice(0, 100);
    else if (allowed.has(key)) values[key] = texts[0] ?? "";
  }
  return values;
}

/** Organiser pages for an event's questions. Each needs manage_events. */
export const adminQuestionRoutes = new Hono<AppEnv>()
  .get("/events/:id/questions", manageEvents, validate("param", idParam), async (c) => {
    const event = await getAdminEvent(c.var.deps.d1, c.req.valid("param").id);
    const questions = await listQuestions(c.var.deps.d1, event.id);
    const answers = await countAnswers(c.var.deps.d1, questions.map((q) => q.id));
    return c.html(<QuestionListPage {...signedIn(c.var)} event={event} questions={questions} answers={answers} notice={noticeFor(messagesOf(c), c.req.query("done"))} />);
  })
  .get("/events/:id/questions/new", manageEvents, validate("param", idParam), async (c) => {
    const event = await getAdminEvent(c.var.deps.d1, c.req.valid("param").id);
    return c.html(<QuestionFormPage {...signedIn(c.var)} event={event} values={blankQuestionValues()} errors={{}} />);
  })
  .post("/events/:id/questions/new", manageEvents, validate("param", idParam), async (c) => {
    const event = await getAdminEvent(c.var.deps.d1, c.req.valid("param").id);
    const values = await formValues(c);
    const parsed = questionFromForm(values, { languages: locales, mainLanguage: event.mainLanguage, eventTiers: event.ticketTypes.map((t) => t.id), sortOrder: 0 });
    if ("fields" in parsed) {
      const m = messagesOf(c);
      return c.html(<QuestionFormPage {...signedIn(c.var)} event={event} values={values} errors={fieldMessages(parsed.fields, m)} message={errorSentence(m, "invalid", {})} />, 422);
    }
    await createQuestion(c.var.deps, c.var.staff.id, event.id, parsed.row);
    return c.redirect(`/admin/events/${event.id}/questions?done=created`, 303);
  })
  .get("/questions/:id/edit", manageEvents, validate("param", idParam), async (c) => {
    const question = await getQuestion(c.var.deps, c.req.valid("param").id);
    const event = await getAdminEvent(c.var.deps.d1, question.eventId);
    const answered = (await countAnswers(c.var.deps.d1, [question.id])).get(question.id) ?? 0;
    return c.html(<QuestionFormPage {...signedIn(c.var)} event={event} question={question} answered={answered} values={questionFormValues(question, locales, event.mainLanguage)} errors={{}} />);
  })
  .post("/questions/:id/edit", manageEvents, validate("param", idParam), async (c) => {
    const question: Question = await getQuestion(c.var.deps, c.req.valid("param").id);
    const event = await getAdminEvent(c.var.deps.d1, question.eventId);
    const values = await formValues(c);
    const m = messagesOf(c);
    const again = async (errors: Record<string, string>, message: string) => {
      const answered = (await countAnswers(c.var.deps.d1, [question.id])).get(question.id) ?? 0;
      return c.html(<QuestionFormPage {...signedIn(c.var)} event={event} question={question} answered={answered} values={values} errors={errors} message={message} />, 422);
    };
    const parsed = questionFromForm(values, { languages: locales, mainLanguage: event.mainLanguage, eventTiers: event.ticketTypes.map((t) => t.id), before: question, sortOrder: question.sortOrder });
    if ("fields" in parsed) return again(fieldMessages(parsed.fields, m), errorSentence(m, "invalid", {}));
    try {
      await updateQuestion(c.var.deps, c.var.staff.id, question.id, parsed.row);
    } catch (err) {
      if (!(err instanceof DomainError) || err.code !== "invalid") throw err;
      return again(fieldMessages(err.fields, m), errorMessage(err, m));
    }
    return c.redirect(`/admin/events/${event.id}/questions?done=saved`, 303);
  })
  .post("/questions/:id/retire", manageEvents, validate("param", idParam), async (c) => {
    const question = await setQuestionRetired(c.var.deps, c.var.staff.id, c.req.valid("param").id, true);
    return c.redirect(`/admin/events/${question.eventId}/questions?done=retired`, 303);
  })
  .post("/questions/:id/restore", manageEvents, validate("param", idParam), async (c) => {
    const question = await setQuestionRetired(c.var.deps, c.var.staff.id, c.req.valid("param").id, false);
    return c.redirect(`/admin/events/${question.eventId}/questions?done=restored`, 303);
  })
  .post("/questions/:id/up", manageEvents, validate("param", idParam), async (c) => {
    const question = await moveQuestion(c.var.deps, c.var.staff.id, c.req.valid("param").id, "up");
    return c.redirect(`/admin/events/${question.eventId}/questions?done=moved`, 303);
  })
  .post("/questions/:id/down", manageEvents, validate("param", idParam), async (c) => {
    const question = await moveQuestion(c.var.deps, c.var.staff.id, c.req.valid("param").id, "down");
    return c.redirect(`/admin/events/${question.eventId}/questions?done=moved`, 303);
  });
