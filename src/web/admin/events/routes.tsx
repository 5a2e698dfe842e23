import { Hono, type Context } from "hono";
import * as z from "zod";
import type { AppEnv } from "@/env";
import { DomainError } from "@/domain/errors";
import { renderMarkdown } from "@/lib/markdown";
import { absoluteUrl } from "@/lib/urls";
import { fieldIssues, issueOf, validate, type ZodIssueLike } from "@/lib/validate";
import { errorMessage, errorSentence, fieldMessage, fieldMessages } from "@/i18n";
import { messagesOf } from "@/web/shared/i18n";
import { requirePermission } from "@/web/middleware/auth";
import { changeEventStatus, duplicateEvent, type StatusAction } from "@/domain/events/event-actions";
import { blankEventValues, eventFields, eventFormValues, eventInputSchema, type EventFormValues } from "@/domain/events/event-input";
import { createEvent, getAdminEvent, getPreviewView, listAdminEvents, updateEvent } from "@/domain/events/admin-events";
import { count, formShape } from "@/domain/events/form-input";
import { blankTierValues, tierFields, tierFormValues, tierInputSchema, type TierFormValues } from "@/domain/events/tier-input";
import { createTier, deletableTierIds, deleteTier, getAdminTier, nextSortOrder, updateTier } from "@/domain/events/tiers";
import { AdminEventListPage } from "@/web/admin/events/event-list-page";
import { EditEventPage, NewEventPage } from "@/web/admin/events/event-form-page";
import { previewPageHtml } from "@/web/admin/events/preview";
import { TierFormPage } from "@/web/admin/events/tier-form-page";

type Ctx = Context<AppEnv>;

const idParam = z.object({ id: z.string().regex(/^[a-z]{2,8}_[0-9a-z]{16}$/) });
const eventForm = formShape(eventFields);
const tierForm = formShape(tierFields);
const manageEvents = requirePermission("manage_events");

/** What a redirect after a change says on the next page (?done=…). */
const notices: Record<string, string> = {
  created: "Event created as a draft. Add its ticket tiers next, then preview and publish it.",
  saved: "Saved.",
  published: "Published: the event is on the public site and registration is open.",
  cancelled: "Cancelled: registration is closed and the public page says so. Refund paid orders from the dashboard.",
  archived: "Archived: the public page shows the event as past.",
  duplicated: "This is the copy, a new draft. Check its dates and details, then publish it when ready.",
  "tier-added": "Tier added.",
  "tier-saved": "Tier saved.",
  "tier-deleted": "Tier deleted.",
};
const noticeFor = (c: Ctx) => notices[c.req.query("done") ?? ""];

/** The signed-in organiser and the CSRF token their forms carry. */
const who = (c: Ctx) => ({ staff: c.var.staff!, csrfToken: c.var.auth?.method === "session" ? c.var.auth.csrfToken : "" });

const formProblem = (c: Ctx) => errorSentence(messagesOf(c), "invalid", {});
/** zod's issues as sentences, per field. */
const zodMessages = (c: Ctx, issues: readonly ZodIssueLike[]) => fieldMessages(fieldIssues(issues), messagesOf(c));
/** A refusal's per-field sentences and its own sentence. */
const fieldsOf = (c: Ctx, err: DomainError) => fieldMessages(err.fields, messagesOf(c));
const sentenceOf = (c: Ctx, err: DomainError) => errorMessage(err, messagesOf(c));

/** A service refusal that belongs on the form (a field to correct, or a state that forbids it). */
const isFormError = (err: unknown): err is DomainError => err instanceof DomainError && (err.code === "invalid" || err.code === "conflict");

async function renderEdit(
  c: Ctx,
  id: string,
  extra: { values?: EventFormValues; errors?: Record<string, string>; message?: string; status?: 200 | 409 | 422; weeks?: string } = {},
) {
  const event = await getAdminEvent(c.var.db, id);
  const deletableTiers = await deletableTierIds(c.var.db, id);
  return c.html(
    <EditEventPage
      {...who(c)}
      event={event}
      deletableTiers={deletableTiers}
      values={extra.values ?? eventFormValues(event, event.agenda)}
      errors={extra.errors ?? {}}
      message={extra.message}
      notice={extra.message ? undefined : noticeFor(c)}
      now={new Date()}
      weeks={extra.weeks}
    />,
    extra.status ?? 200,
  );
}

/** Runs a status change and shows the edit page again with the reason when it is refused. */
const statusRoute = (action: StatusAction) => async (c: Ctx, id: string) => {
  try {
    await changeEventStatus(c.var.deps, c.var.staff!.id, id, action);
  } catch (err) {
    if (!isFormError(err)) throw err;
    return renderEdit(c, id, { message: sentenceOf(c, err), status: err.status as 409 | 422 });
  }
  return c.redirect(`/admin/events/${id}/edit?done=${action === "publish" ? "published" : action === "cancel" ? "cancelled" : "archived"}`, 303);
};

function renderTierForm(c: Ctx, props: Omit<Parameters<typeof TierFormPage>[0], "staff" | "csrfToken">, status: 200 | 422 = 200) {
  return c.html(<TierFormPage {...who(c)} {...props} />, status);
}

/** Organiser pages for events and their tiers, under /admin. Each needs manage_events. */
export const adminEventRoutes = new Hono<AppEnv>()
  .get("/", manageEvents, async (c) => {
    const now = new Date();
    return c.html(<AdminEventListPage {...who(c)} events={await listAdminEvents(c.var.db, now)} now={now} notice={noticeFor(c)} />);
  })
  .get("/events/new", manageEvents, (c) => c.html(<NewEventPage {...who(c)} values={blankEventValues()} errors={{}} />))
  .post("/events/new", manageEvents, validate("form", eventForm), async (c) => {
    const values = c.req.valid("form");
    const parsed = eventInputSchema.safeParse(values);
    const again = (errors: Record<string, string>, message = formProblem(c)) => c.html(<NewEventPage {...who(c)} values={values} errors={errors} message={message} />, 422);
    if (!parsed.success) return again(zodMessages(c, parsed.error.issues));
    try {
      const id = await createEvent(c.var.deps, c.var.staff!.id, parsed.data);
      return c.redirect(`/admin/events/${id}/edit?done=created`, 303);
    } catch (err) {
      if (!isFormError(err)) throw err;
      return again(fieldsOf(c, err), sentenceOf(c, err));
    }
  })
  .get("/events/:id/edit", manageEvents, validate("param", idParam), (c) => renderEdit(c, c.req.valid("param").id))
  .post("/events/:id/edit", manageEvents, validate("param", idParam), validate("form", eventForm), async (c) => {
    const { id } = c.req.valid("param");
    const values = c.req.valid("form");
    const parsed = eventInputSchema.safeParse(values);
    if (!parsed.success) return renderEdit(c, id, { values, errors: zodMessages(c, parsed.error.issues), message: formProblem(c), status: 422 });
    try {
      await updateEvent(c.var.deps, c.var.staff!.id, id, parsed.data);
    } catch (err) {
      if (!isFormError(err)) throw err;
      return renderEdit(c, id, { values, errors: fieldsOf(c, err), message: sentenceOf(c, err), status: 422 });
    }
    return c.redirect(`/admin/events/${id}/edit?done=saved`, 303);
  })
  .get("/events/:id/preview", manageEvents, validate("param", idParam), async (c) => {
    const { id } = c.req.valid("param");
    const now = new Date();
    const view = await getPreviewView(c.var.db, id, now);
    const html = await previewPageHtml({ view, descriptionHtml: renderMarkdown(view.event.description), url: absoluteUrl(c, `/admin/events/${id}/preview`), now });
    c.header("X-Robots-Tag", "noindex");
    return c.html(html);
  })
  .post("/events/:id/publish", manageEvents, validate("param", idParam), (c) => statusRoute("publish")(c, c.req.valid("param").id))
  .post("/events/:id/archive", manageEvents, validate("param", idParam), (c) => statusRoute("archive")(c, c.req.valid("param").id))
  .post("/events/:id/cancel", manageEvents, validate("param", idParam), validate("form", formShape(["confirm"])), async (c) => {
    const { id } = c.req.valid("param");
    if (c.req.valid("form").confirm !== "yes") {
      return renderEdit(c, id, { errors: { confirm: "Tick the box to confirm that you mean to cancel this event." }, message: "Confirm the cancellation", status: 422 });
    }
    return statusRoute("cancel")(c, id);
  })
  .post("/events/:id/duplicate", manageEvents, validate("param", idParam), validate("form", formShape(["weeks"], 20)), async (c) => {
    const { id } = c.req.valid("param");
    const { weeks } = c.req.valid("form");
    const parsed = count({ min: 1, max: 520, what: "weeks", blank: "weeks_required" }).safeParse(weeks);
    if (!parsed.success || parsed.data === null) {
      const m = messagesOf(c);
      const first = parsed.error?.issues[0];
      return renderEdit(c, id, { errors: { weeks: fieldMessage(first ? issueOf(first) : { code: "weeks_required" }, m) }, message: m.pages.weeksProblem, status: 422, weeks });
    }
    const newId = await duplicateEvent(c.var.deps, c.var.staff!.id, id, parsed.data);
    return c.redirect(`/admin/events/${newId}/edit?done=duplicated`, 303);
  })
  // Tiers
  .get("/events/:id/tiers/new", manageEvents, validate("param", idParam), async (c) => {
    const event = await getAdminEvent(c.var.db, c.req.valid("param").id);
    return renderTierForm(c, { event, values: blankTierValues(await nextSortOrder(c.var.db, event.id)), errors: {} });
  })
  .post("/events/:id/tiers/new", manageEvents, validate("param", idParam), validate("form", tierForm), async (c) => {
    const event = await getAdminEvent(c.var.db, c.req.valid("param").id);
    const values = c.req.valid("form");
    const parsed = tierInputSchema(event.timezone, false).safeParse(values);
    if (!parsed.success) return renderTierForm(c, { event, values, errors: zodMessages(c, parsed.error.issues), message: formProblem(c) }, 422);
    await createTier(c.var.deps, c.var.staff!.id, event.id, parsed.data);
    return c.redirect(`/admin/events/${event.id}/edit?done=tier-added`, 303);
  })
  .get("/tiers/:id/edit", manageEvents, validate("param", idParam), async (c) => {
    const tier = await getAdminTier(c.var.db, c.req.valid("param").id);
    return renderTierForm(c, { event: tier.event, tier, values: tierFormValues(tier, tier.event.timezone), errors: {} });
  })
  .post("/tiers/:id/edit", manageEvents, validate("param", idParam), validate("form", tierForm), async (c) => {
    const tier = await getAdminTier(c.var.db, c.req.valid("param").id);
    const values: TierFormValues = c.req.valid("form");
    const parsed = tierInputSchema(tier.event.timezone, tier.accessCodeHash !== null).safeParse(values);
    const again = (errors: Record<string, string>, message = formProblem(c)) => renderTierForm(c, { event: tier.event, tier, values, errors, message }, 422);
    if (!parsed.success) return again(zodMessages(c, parsed.error.issues));
    try {
      await updateTier(c.var.deps, c.var.staff!.id, tier.id, parsed.data);
    } catch (err) {
      if (!isFormError(err)) throw err;
      return again(fieldsOf(c, err), sentenceOf(c, err));
    }
    return c.redirect(`/admin/events/${tier.eventId}/edit?done=tier-saved`, 303);
  })
  .post("/tiers/:id/delete", manageEvents, validate("param", idParam), async (c) => {
    const tier = await getAdminTier(c.var.db, c.req.valid("param").id);
    try {
      await deleteTier(c.var.deps, c.var.staff!.id, tier.id);
    } catch (err) {
      if (!isFormError(err)) throw err;
      return renderEdit(c, tier.eventId, { message: sentenceOf(c, err), status: 409 });
    }
    return c.redirect(`/admin/events/${tier.eventId}/edit?done=tier-deleted`, 303);
  });
