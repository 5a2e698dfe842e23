import { Hono } from "hono";
import { createFactory } from "hono/factory";
import * as z from "zod";
import type { AppEnv } from "@/env";
import type { FieldIssues } from "@/domain/issues";
import { DomainError } from "@/domain/errors";
import { renderMarkdown } from "@/lib/markdown";
import { absoluteUrl } from "@/lib/urls";
import { fieldIssues, issueOf, validate, type ZodIssueLike } from "@/lib/validate";
import { errorMessage, errorSentence, fieldMessage, fieldMessages, type Messages } from "@/i18n";
import { localeOf, messagesOf } from "@/web/shared/i18n";
import { sendReminderPreview } from "@/domain/reminders/preview";
import { requirePermission, signedIn, type SignedIn } from "@/web/middleware/auth";
import { changeEventStatus, duplicateEvent, type StatusAction } from "@/domain/events/event-actions";
import { blankEventValues, eventFields, eventRuleIssues, eventFormValues, eventFormSchema, type EventFormValues } from "@/domain/events/event-input";
import { eventLanguageNames, tierLanguageNames } from "@/domain/events/language-input";
import { locales } from "@/i18n";
import { createEvent, getAdminEvent, getPreviewView, listAdminEvents, updateEvent } from "@/domain/events/admin-events";
import { count, formShape, formShapeWith } from "@/domain/events/form-input";
import { blankTierValues, tierFields, tierFormValues, tierFormSchema, tierRuleIssues, type TierFormValues } from "@/domain/events/tier-input";
import { createTier, deletableTierIds, deleteTier, getAdminTier, nextSortOrder, updateTier } from "@/domain/events/tiers";
import { AdminEventListPage } from "@/web/admin/events/event-list-page";
import { EditEventPage, NewEventPage } from "@/web/admin/events/event-form-page";
import { previewPageHtml } from "@/web/admin/events/preview";
import { TierFormPage } from "@/web/admin/events/tier-form-page";
import { refundFields } from "@/domain/events/refund-input";
import { countWaiting } from "@/domain/waitlist/repo";

const idParam = z.object({ id: z.string().regex(/^[a-z]{2,8}_[0-9a-z]{16}$/) });
const eventForm = formShapeWith(eventFields, [...eventLanguageNames(locales), ...refundFields]);
const tierForm = formShapeWith(tierFields, tierLanguageNames(locales));
const manageEvents = requirePermission("manage_events");

/** What a redirect after a change says on the next page (?done=…), in the reader's language. */
const noticeKeys: Record<string, keyof Messages["admin"]["eventPage"]["notices"]> = {
  created: "created",
  saved: "saved",
  published: "published",
  cancelled: "cancelled",
  archived: "archived",
  duplicated: "duplicated",
  "tier-added": "tierAdded",
  "tier-saved": "tierSaved",
  "tier-deleted": "tierDeleted",
};
const noticeFor = (m: Messages, done: string | undefined) => {
  const key = Object.hasOwn(noticeKeys, done ?? "") ? noticeKeys[done!] : undefined;
  return key ? m.admin.eventPage.notices[key] : undefined;
};

const formProblem = (m: Messages) => errorSentence(m, "invalid", {});
/** A refused form's sentences: its fields' own, and the rules between fields, all at once. */
const formMessages = (m: Messages, issues: readonly ZodIssueLike[], rules: FieldIssues) => fieldMessages({ ...rules, ...fieldIssues(issues) }, m);
/** A refusal's per-field sentences and its own sentence. */
const fieldsOf = (m: Messages, err: DomainError) => fieldMessages(err.fields, m);
const sentenceOf = (m: Messages, err: DomainError) => errorMessage(err, m);

/** A service refusal that belongs on the form (a field to correct, or a state that forbids it). */
const isFormError = (err: unknown): err is DomainError => err instanceof DomainError && (err.code === "invalid" || err.code === "conflict");

/** The edit page of an event, with the values and refusals of a form sent back, if any. */
async function editPage(
  v: SignedIn & { deps: AppEnv["Variables"]["deps"] },
  id: string,
  extra: { values?: EventFormValues; errors?: Record<string, string>; message?: string; notice?: string | undefined; weeks?: string } = {},
) {
  const event = await getAdminEvent(v.deps.d1, id);
  const deletableTiers = await deletableTierIds(v.deps.d1, id);
  const waiting = await countWaiting(v.deps.d1, id);
  return (
    <EditEventPage
      {...signedIn(v)}
      event={event}
      deletableTiers={deletableTiers}
      values={extra.values ?? eventFormValues(event, event.agenda)}
      errors={extra.errors ?? {}}
      message={extra.message}
      notice={extra.message ? undefined : extra.notice}
      now={new Date()}
      weeks={extra.weeks}
      waiting={waiting}
    />
  );
}

/** Where a status change leaves the event, as the edit page's notice says it. */
const doneAfter: Record<StatusAction, string> = { publish: "published", cancel: "cancelled", archive: "archived" };

const factory = createFactory<AppEnv>();

/**
 * The handlers of a status change: it runs, or the edit page comes back with the reason it was
 * refused. Cancelling cannot be undone, so it also needs its confirmation box ticked.
 */
const statusChange = (action: StatusAction) =>
  factory.createHandlers(manageEvents, validate("param", idParam), validate("form", formShape(["confirm", "refundPlan"])), async (c) => {
    const { id } = c.req.valid("param");
    if (action === "cancel" && c.req.valid("form").confirm !== "yes") {
      const words = messagesOf(c).admin.eventPage;
      const errors = { confirm: words.confirmCancelError };
      return c.html(await editPage(c.var, id, { errors, message: words.confirmCancelProblem }), 422);
    }
    try {
      await changeEventStatus(c.var.deps, c.var.staff.id, id, action, { refundPlan: c.req.valid("form").refundPlan ?? "" });
    } catch (err) {
      if (!isFormError(err)) throw err;
      return c.html(await editPage(c.var, id, { message: sentenceOf(messagesOf(c), err) }), err.status as 409 | 422);
    }
    return c.redirect(`/admin/events/${id}/edit?done=${doneAfter[action]}`, 303);
  });

/** Organiser pages for events and their tiers, under /admin. Each needs manage_events. */
export const adminEventRoutes = new Hono<AppEnv>()
  .get("/", manageEvents, async (c) => {
    const now = new Date();
    return c.html(<AdminEventListPage {...signedIn(c.var)} events={await listAdminEvents(c.var.deps.d1, now)} now={now} notice={noticeFor(messagesOf(c), c.req.query("done"))} />);
  })
  .get("/events/new", manageEvents, (c) => c.html(<NewEventPage {...signedIn(c.var)} values={blankEventValues()} errors={{}} />))
  .post("/events/new", manageEvents, validate("form", eventForm), async (c) => {
    const values = c.req.valid("form");
    const parsed = eventFormSchema(locales, "en").safeParse(values);
    const m = messagesOf(c);
    const again = (errors: Record<string, string>, message = formProblem(m)) => c.html(<NewEventPage {...signedIn(c.var)} values={values} errors={errors} message={message} />, 422);
    if (!parsed.success) return again(formMessages(m, parsed.error.issues, eventRuleIssues(values)));
    try {
      const id = await createEvent(c.var.deps, c.var.staff.id, parsed.data);
      return c.redirect(`/admin/events/${id}/edit?done=created`, 303);
    } catch (err) {
      if (!isFormError(err)) throw err;
      return again(fieldsOf(m, err), sentenceOf(m, err));
    }
  })
  .get("/events/:id/edit", manageEvents, validate("param", idParam), async (c) => {
    const m = messagesOf(c);
    const done = c.req.query("done");
    // The preview went to the signed-in person's own address, read from their session (never the query).
    const notice = done === "reminder-preview" ? m.reminders.preview.sent({ email: c.var.staff.email }) : noticeFor(m, done);
    return c.html(await editPage(c.var, c.req.valid("param").id, { notice }));
  })
  .post("/events/:id/reminder-preview", manageEvents, validate("param", idParam), async (c) => {
    const { id } = c.req.valid("param");
    await sendReminderPreview(c.var.deps, c.var.staff, id, localeOf(c));
    return c.redirect(`/admin/events/${id}/edit?done=reminder-preview`, 303);
  })
  .post("/events/:id/edit", manageEvents, validate("param", idParam), validate("form", eventForm), async (c) => {
    const { id } = c.req.valid("param");
    const values = c.req.valid("form");
    const parsed = eventFormSchema(locales, (await getAdminEvent(c.var.deps.d1, id)).mainLanguage).safeParse(values);
    const m = messagesOf(c);
    if (!parsed.success) return c.html(await editPage(c.var, id, { values, errors: formMessages(m, parsed.error.issues, eventRuleIssues(values)), message: formProblem(m) }), 422);
    try {
      await updateEvent(c.var.deps, c.var.staff.id, id, parsed.data);
    } catch (err) {
      if (!isFormError(err)) throw err;
      return c.html(await editPage(c.var, id, { values, errors: fieldsOf(m, err), message: sentenceOf(m, err) }), 422);
    }
    return c.redirect(`/admin/events/${id}/edit?done=saved`, 303);
  })
  .get("/events/:id/preview", manageEvents, validate("param", idParam), async (c) => {
    const { id } = c.req.valid("param");
    const now = new Date();
    const view = await getPreviewView(c.var.deps.d1, id, now);
    const html = await previewPageHtml({ view, descriptionHtml: renderMarkdown(view.event.description), url: absoluteUrl(c, `/admin/events/${id}/preview`), now });
    c.header("X-Robots-Tag", "noindex");
    return c.html(html);
  })
  .post("/events/:id/publish", ...statusChange("publish"))
  .post("/events/:id/archive", ...statusChange("archive"))
  .post("/events/:id/cancel", ...statusChange("cancel"))
  .post("/events/:id/duplicate", manageEvents, validate("param", idParam), validate("form", formShape(["weeks"], 20)), async (c) => {
    const { id } = c.req.valid("param");
    const { weeks } = c.req.valid("form");
    const parsed = count({ min: 1, max: 520, what: "weeks", blank: "weeks_required" }).safeParse(weeks);
    if (!parsed.success || parsed.data === null) {
      const m = messagesOf(c);
      const first = parsed.error?.issues[0];
      const errors = { weeks: fieldMessage(first ? issueOf(first) : { code: "weeks_required" }, m) };
      return c.html(await editPage(c.var, id, { errors, message: m.pages.weeksProblem, weeks }), 422);
    }
    const newId = await duplicateEvent(c.var.deps, c.var.staff.id, id, parsed.data);
    return c.redirect(`/admin/events/${newId}/edit?done=duplicated`, 303);
  })
  // Tiers
  .get("/events/:id/tiers/new", manageEvents, validate("param", idParam), async (c) => {
    const event = await getAdminEvent(c.var.deps.d1, c.req.valid("param").id);
    return c.html(<TierFormPage {...signedIn(c.var)} event={event} values={blankTierValues(await nextSortOrder(c.var.deps.d1, event.id))} errors={{}} />);
  })
  .post("/events/:id/tiers/new", manageEvents, validate("param", idParam), validate("form", tierForm), async (c) => {
    const event = await getAdminEvent(c.var.deps.d1, c.req.valid("param").id);
    const values = c.req.valid("form");
    const parsed = tierFormSchema(event.timezone, false, locales, event.mainLanguage).safeParse(values);
    const m = messagesOf(c);
    if (!parsed.success) {
      const errors = formMessages(m, parsed.error.issues, tierRuleIssues(event.timezone, false, values));
      return c.html(<TierFormPage {...signedIn(c.var)} event={event} values={values} errors={errors} message={formProblem(m)} />, 422);
    }
    await createTier(c.var.deps, c.var.staff.id, event.id, parsed.data);
    return c.redirect(`/admin/events/${event.id}/edit?done=tier-added`, 303);
  })
  .get("/tiers/:id/edit", manageEvents, validate("param", idParam), async (c) => {
    const tier = await getAdminTier(c.var.deps.d1, c.req.valid("param").id);
    return c.html(<TierFormPage {...signedIn(c.var)} event={tier.event} tier={tier} values={tierFormValues(tier, tier.event.timezone)} errors={{}} />);
  })
  .post("/tiers/:id/edit", manageEvents, validate("param", idParam), validate("form", tierForm), async (c) => {
    const tier = await getAdminTier(c.var.deps.d1, c.req.valid("param").id);
    const values: TierFormValues = c.req.valid("form");
    const parsed = tierFormSchema(tier.event.timezone, tier.accessCodeHash !== null, locales, tier.event.mainLanguage).safeParse(values);
    const m = messagesOf(c);
    const again = (errors: Record<string, string>, message = formProblem(m)) =>
      c.html(<TierFormPage {...signedIn(c.var)} event={tier.event} tier={tier} values={values} errors={errors} message={message} />, 422);
    if (!parsed.success) return again(formMessages(m, parsed.error.issues, tierRuleIssues(tier.event.timezone, tier.accessCodeHash !== null, values)));
    try {
      await updateTier(c.var.deps, c.var.staff.id, tier.id, parsed.data);
    } catch (err) {
      if (!isFormError(err)) throw err;
      return again(fieldsOf(m, err), sentenceOf(m, err));
    }
    return c.redirect(`/admin/events/${tier.eventId}/edit?done=tier-saved`, 303);
  })
  .post("/tiers/:id/delete", manageEvents, validate("param", idParam), async (c) => {
    const tier = await getAdminTier(c.var.deps.d1, c.req.valid("param").id);
    try {
      await deleteTier(c.var.deps, c.var.staff.id, tier.id);
    } catch (err) {
      if (!isFormError(err)) throw err;
      return c.html(await editPage(c.var, tier.eventId, { message: sentenceOf(messagesOf(c), err) }), 409);
    }
    return c.redirect(`/admin/events/${tier.eventId}/edit?done=tier-deleted`, 303);
  });
