import { Hono, type Context } from "hono";
import * as z from "zod";
import type { AppEnv } from "@/env";
import { DomainError } from "@/domain/errors";
import { defaultLocale, errorMessage, fieldMessages, messagesFor, type Messages } from "@/i18n";
import { validate } from "@/lib/validate";
import { requirePermission, signedIn, type SignedIn } from "@/web/middleware/auth";
import { messagesOf } from "@/web/shared/i18n";
import { readForm } from "@/web/shared/form-body";
import { getAdminEvent } from "@/domain/events/admin-events";
import { offerByHand, removeEntry, saveWaitlistSettings } from "@/domain/waitlist/manage";
import { organiserWaitlist } from "@/domain/waitlist/organiser-list";
import { waitlistSettingsFrom, waitlistSettingsValues, type WaitlistSettingsValues } from "@/domain/waitlist/settings-input";
import { exportWaitlist } from "@/domain/waitlist/waitlist-export";
import { downloadHeaders, exportQuery } from "@/web/admin/exports";
import { WaitlistPage } from "@/web/admin/waitlist/waitlist-page";

const eventParam = z.object({ id: z.string().regex(/^evt_[0-9a-z]{16}$/) });
const entryParam = eventParam.extend({ entryId: z.string().regex(/^wle_[0-9a-z]{16}$/) });
const manageEvents = requirePermission("manage_events");
const mayExport = requirePermission("export_attendees");

type Done = keyof Messages["waitlistAdmin"]["done"];
const doneOf = (m: Messages, done: string | undefined) => (done && Object.hasOwn(m.waitlistAdmin.done, done) ? m.waitlistAdmin.done[done as Done] : undefined);
const backTo = (eventId: string, done: Done) => `/admin/events/${eventId}/waitlist?done=${done}`;

type PageVars = SignedIn & Pick<AppEnv["Variables"], "deps">;
type Extra = { notice?: string | undefined; error?: string; values?: WaitlistSettingsValues; errors?: Record<string, string>; settingsProblem?: string };

/** The list page of an event, with what was just done, or why an action or the settings were refused. */
async function listPage(v: PageVars, eventId: string, extra: Extra = {}) {
  const event = await getAdminEvent(v.deps.d1, eventId);
  const list = await organiserWaitlist(v.deps, event);
  return <WaitlistPage {...signedIn(v)} event={event} list={list} values={extra.values ?? waitlistSettingsValues(event)} errors={extra.errors ?? {}} notice={extra.notice} error={extra.error} settingsProblem={extra.settingsProblem} />;
}

/** Runs an action on an entry; a refusal (no room, no longer waiting) is the list page saying why, with 409. */
async function entryAction(c: Context<AppEnv & { Variables: SignedIn }>, eventId: string, done: Done, action: () => Promise<void>) {
  try {
    await action();
  } catch (err) {
    if (!(err instanceof DomainError) || err.code !== "conflict") throw err;
    return c.html(await listPage(c.var, eventId, { error: errorMessage(err, messagesOf(c)) }), 409);
  }
  return c.redirect(backTo(eventId, done), 303);
}

/** Organisers' pages for an event's waiting list: the list, offers and removals by hand, its settings and its CSV. */
export const adminWaitlistRoutes = new Hono<AppEnv>()
  .get("/events/:id/waitlist", manageEvents, validate("param", eventParam), async (c) => {
    return c.html(await listPage(c.var, c.req.valid("param").id, { notice: doneOf(messagesOf(c), c.req.query("done")) }));
  })
  .get("/events/:id/waitlist.csv", mayExport, validate("param", eventParam), validate("query", exportQuery), async (c) => {
    const event = await getAdminEvent(c.var.deps.d1, c.req.valid("param").id);
    const words = c.req.valid("query").headers === "translated" ? messagesOf(c).waitlistAdmin : messagesFor(defaultLocale).waitlistAdmin;
    const file = await exportWaitlist(c.var.deps, event, c.var.staff.id, words);
    return c.body(file.body, 200, downloadHeaders(file));
  })
  .post("/events/:id/waitlist/:entryId/offer", manageEvents, validate("param", entryParam), async (c) => {
    const { id, entryId } = c.req.valid("param");
    return entryAction(c, id, "offered", () => offerByHand(c.var.deps, c.var.staff.id, id, entryId));
  })
  .post("/events/:id/waitlist/:entryId/remove", manageEvents, validate("param", entryParam), async (c) => {
    const { id, entryId } = c.req.valid("param");
    const form = await readForm(c);
    if (form.confirm !== "yes") return c.html(await listPage(c.var, id, { error: messagesOf(c).waitlistAdmin.confirmRemove }), 422);
    return entryAction(c, id, "removed", () => removeEntry(c.var.deps, c.var.staff.id, id, entryId));
  })
  .post("/events/:id/waitlist/settings", manageEvents, validate("param", eventParam), async (c) => {
    const id = c.req.valid("param").id;
    const event = await getAdminEvent(c.var.deps.d1, id);
    const form = await readForm(c);
    const parsed = waitlistSettingsFrom(form);
    if ("fields" in parsed) {
      const m = messagesOf(c);
      const values = { enabled: form.enabled === "yes" ? "yes" : "", paused: form.paused === "yes" ? "yes" : "", offerHours: typeof form.offerHours === "string" ? form.offerHours.slice(0, 20) : "" };
      return c.html(await listPage(c.var, id, { values, errors: fieldMessages(parsed.fields, m), settingsProblem: m.waitlistAdmin.settings.problem }), 422);
    }
    await saveWaitlistSettings(c.var.deps, c.var.staff.id, event.id, parsed.settings);
    return c.redirect(backTo(id, "saved"), 303);
  });
