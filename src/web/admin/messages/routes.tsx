import { Hono } from "hono";
import * as z from "zod";
import type { AppEnv } from "@/env";
import { DomainError } from "@/domain/errors";
import { getAdminEvent } from "@/domain/events/admin-events";
import { messageIn, prepareMessage, sendMessage, type Audience, type MessageDraft } from "@/domain/correspondence/messages";
import { listMessages } from "@/domain/correspondence/repo";
import { renderMarkdown } from "@/lib/markdown";
import { randomToken } from "@/lib/tokens";
import { validate } from "@/lib/validate";
import { fieldMessages } from "@/i18n";
import { requirePermission, signedIn, type SignedIn } from "@/web/middleware/auth";
import { readForm } from "@/web/shared/form-body";
import { messagesOf } from "@/web/shared/i18n";
import { MessagesPage, otherLanguages, type MessageForm } from "@/web/admin/messages/messages-page";
import type { ServiceDeps } from "@/domain/deps";

const manageEvents = requirePermission("manage_events");
const idParam = z.object({ id: z.string().regex(/^evt_[0-9a-z]{16}$/) });
const text = (v: unknown, max = 25_000) => (typeof v === "string" ? v.slice(0, max) : "");

/** The form as posted: every field read by name, nothing trusted yet (the rules check it). */
async function readMessageForm(c: Parameters<typeof readForm>[0], languages: string[]): Promise<MessageForm> {
  const body = await readForm(c);
  const translations: MessageForm["translations"] = {};
  for (const lang of languages) translations[lang] = { subject: text(body[`translations.${lang}.subject`]), body: text(body[`translations.${lang}.body`]) };
  return { audience: text(body.audience, 100), subject: text(body.subject), body: text(body.body), translations, nonce: text(body.nonce, 100) };
}

/** The form as a draft for the rules; an audience that is none of the three reads as an unknown tier. */
function draftOf(form: MessageForm): MessageDraft {
  const audience: Audience =
    form.audience === "all" ? { kind: "all" } : form.audience === "not_checked_in" ? { kind: "not_checked_in" } : { kind: "tier", tierId: form.audience.startsWith("tier:") ? form.audience.slice(5) : "" };
  return { audience, subject: form.subject, body: form.body, translations: form.translations, nonce: form.nonce };
}

type PageValues = SignedIn & { deps: ServiceDeps };

/** The messages page for an event, with whatever the request adds (errors, a preview, a notice). */
async function page(v: PageValues, eventId: string, extra: Partial<Parameters<typeof MessagesPage>[0]> & { form?: MessageForm }) {
  const [event, history] = await Promise.all([getAdminEvent(v.deps.d1, eventId), listMessages(v.deps.d1, eventId)]);
  const form = extra.form ?? { audience: "all", subject: "", body: "", translations: {}, nonce: randomToken(18) };
  return <MessagesPage {...signedIn(v)} {...extra} event={event} history={history} form={form} />;
}

/** Messages to an event's ticket holders: write, preview (with the recipient count), send once. Organisers and owners. */
export const adminMessageRoutes = new Hono<AppEnv>()
  .get("/events/:id/messages", manageEvents, validate("param", idParam), async (c) => {
    const { id } = c.req.valid("param");
    const w = messagesOf(c).correspondence.messages;
    const count = Number(c.req.query("count") ?? 0);
    const safe = Number.isSafeInteger(count) && count >= 0 ? count : 0;
    const done = c.req.query("done");
    const notice = done === "sent" ? w.sent({ count: safe }) : done === "repeated" ? w.alreadySent({ count: safe }) : undefined;
    return c.html(await page(c.var, id, { notice }));
  })
  .post("/events/:id/messages/preview", manageEvents, validate("param", idParam), async (c) => {
    const { id } = c.req.valid("param");
    const event = await getAdminEvent(c.var.deps.d1, id);
    const form = await readMessageForm(c, otherLanguages(event));
    const m = messagesOf(c);
    try {
      const { recipients } = await prepareMessage(c.var.deps, id, draftOf(form));
      const stored = { subject: form.subject, body: form.body, translations: JSON.stringify(form.translations) };
      const versions = [event.mainLanguage, ...otherLanguages(event).filter((l) => form.translations[l]?.subject.trim())].map((lang) => {
        const v = messageIn(stored, lang, event.mainLanguage);
        return { lang: v.lang, subject: v.subject, html: renderMarkdown(v.body) };
      });
      return c.html(await page(c.var, id, { form, preview: { recipients: recipients.length, versions } }));
    } catch (err) {
      if (!(err instanceof DomainError) || err.code !== "invalid") throw err;
      return c.html(await page(c.var, id, { form, errors: fieldMessages(err.fields, m), problem: m.pages.formProblem }), 422);
    }
  })
  .post("/events/:id/messages", manageEvents, validate("param", idParam), async (c) => {
    const { id } = c.req.valid("param");
    const event = await getAdminEvent(c.var.deps.d1, id);
    const form = await readMessageForm(c, otherLanguages(event));
    const m = messagesOf(c);
    try {
      const sent = await sendMessage(c.var.deps, c.var.staff.id, id, draftOf(form));
      return c.redirect(`/admin/events/${id}/messages?done=${sent.repeated ? "repeated" : "sent"}&count=${sent.recipients}`, 303);
    } catch (err) {
      if (!(err instanceof DomainError) || err.code !== "invalid") throw err;
      return c.html(await page(c.var, id, { form, errors: fieldMessages(err.fields, m), problem: m.pages.formProblem }), 422);
    }
  });
