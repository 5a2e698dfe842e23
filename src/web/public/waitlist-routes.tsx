import { Hono, type Context } from "hono";
import { csrf } from "hono/csrf";
import * as z from "zod";
import type { AppEnv } from "@/env";
import type { WaitlistEntry } from "@/generated/prisma/client";
import { DomainError } from "@/domain/errors";
import { issue, type FieldIssues } from "@/domain/issues";
import { findEventById } from "@/domain/events/repo";
import { getPublicEvent, viewInLanguage, type EventView } from "@/domain/events/public-event";
import { offerRefusal } from "@/domain/waitlist/offers";
import { findEntryByLeaveToken, findEntryByOfferToken } from "@/domain/waitlist/repo";
import { joinInputSchema, joinWaitlist, leaveWaitlist } from "@/domain/waitlist/waitlist";
import { errorMessage, errorSentence, fieldMessages, locales } from "@/i18n";
import { slugParam } from "@/lib/schemas";
import { fieldIssues, validate } from "@/lib/validate";
import { privatePage } from "@/web/middleware/private-page";
import { TURNSTILE_FIELD, verifyHuman } from "@/web/middleware/turnstile";
import { offerNoticeOf } from "@/web/public/buyer-extras";
import { registrationPage } from "@/web/public/registration-routes";
import { JoinPage, LeavePage, WaitlistNotice, type JoinValues } from "@/web/public/waitlist-pages";
import { readForm } from "@/web/shared/form-body";
import { messagesOf, preferLanguage } from "@/web/shared/i18n";

// Waiting-list and offer tokens: 32 random bytes as base64url (src/lib/tokens.ts).
const tokenParam = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/) });

/** The join form for `view`'s event, offering the tiers whose list one may join now. */
function joinPage(c: Context<AppEnv>, view: EventView, values: JoinValues, extra: { errors?: Record<string, string>; message?: string }) {
  const localized = viewInLanguage(view, c.var.locale);
  return (
    <JoinPage
      event={localized.event}
      tiers={localized.tiers.filter((t) => t.waitlist).map((t) => t.tier)}
      values={values}
      errors={extra.errors ?? {}}
      message={extra.message}
      turnstileSiteKey={c.var.config.turnstile?.siteKey}
    />
  );
}

/** The public view of the event an entry is on (the token pages know the event by id only). */
async function eventOfEntry(c: Context<AppEnv>, entry: WaitlistEntry): Promise<EventView> {
  const event = await findEventById(c.var.deps.d1, entry.eventId);
  if (!event) throw new DomainError("not_found", { what: "event" });
  const view = await getPublicEvent(c.var.deps.d1, event.slug, new Date());
  preferLanguage(c, view.event.mainLanguage);
  return view;
}

const tierName = (c: Context<AppEnv>, view: EventView, tierId: string) => viewInLanguage(view, c.var.locale).tiers.find((t) => t.tier.id === tierId)?.tier.name ?? "";

const text = (value: unknown) => (typeof value === "string" ? value : "");

/**
 * The waiting list as attendees meet it: joining a sold-out tier's list, leaving it through
 * the link in its emails, and an offer's link (a registration form holding their places).
 * The token pages are private: their address is the only key.
 */
export const waitlistRoutes = new Hono<AppEnv>()
  .use("/waitlist/*", privatePage)
  .get("/events/:slug/waitlist", validate("param", slugParam), async (c) => {
    const view = await getPublicEvent(c.var.deps.d1, c.req.valid("param").slug, new Date());
    preferLanguage(c, view.event.mainLanguage);
    return c.html(joinPage(c, view, { tier: c.req.query("tier") ?? "", name: "", email: "", places: "1", language: c.var.locale }, {}));
  })
  // Same-origin check as the registration form: a form on another site cannot post here.
  .post("/events/:slug/waitlist", csrf(), validate("param", slugParam), async (c) => {
    const { slug } = c.req.valid("param");
    const body = await readForm(c);
    const values: JoinValues = { tier: text(body.tier), name: text(body.name), email: text(body.email), places: text(body.places), language: text(body.language) };
    const view = await getPublicEvent(c.var.deps.d1, slug, new Date());
    preferLanguage(c, view.event.mainLanguage);
    const m = messagesOf(c);
    const parsed = joinInputSchema.safeParse(values);
    const fields: FieldIssues = parsed.success ? {} : fieldIssues(parsed.error.issues);
    if (values.language && !(locales as readonly string[]).includes(values.language)) fields.language = issue("not_allowed");
    if (!parsed.success || Object.keys(fields).length) return c.html(joinPage(c, view, values, { errors: fieldMessages(fields, m), message: m.pages.formProblem }), 422);
    try {
      await verifyHuman(c, body[TURNSTILE_FIELD]);
      const { entry, place } = await joinWaitlist(c.var.deps, slug, parsed.data, c.var.locale);
      const words = m.waitlistPublic.join;
      const event = viewInLanguage(view, c.var.locale).event;
      return c.html(
        <WaitlistNotice
          event={event}
          title={words.doneTitle}
          lines={[words.done({ tier: tierName(c, view, entry.ticketTypeId), places: entry.places, place }), words.doneEmail]}
          links={[{ href: `/events/${slug}`, label: words.back }]}
        />,
        201,
      );
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      if (err.code === "not_sold_out") {
        const event = viewInLanguage(view, c.var.locale).event;
        return c.html(<WaitlistNotice event={event} title={m.waitlistPublic.join.heading} lines={[errorMessage(err, m)]} links={[{ href: `/events/${slug}`, label: m.waitlistPublic.join.register }]} />, 409);
      }
      const status = err.status === 403 || err.status === 409 || err.status === 503 ? err.status : 422;
      return c.html(joinPage(c, view, values, { errors: fieldMessages(err.fields, m), message: errorMessage(err, m) }), status);
    }
  })
  .get("/waitlist/leave/:token", validate("param", tokenParam), async (c) => {
    const { token } = c.req.valid("param");
    const entry = await findEntryByLeaveToken(c.var.deps.d1, token);
    if (!entry) throw new DomainError("not_found", { what: "waitlist_entry" });
    const view = await eventOfEntry(c, entry);
    const event = viewInLanguage(view, c.var.locale).event;
    const words = messagesOf(c).waitlistPublic.leave;
    if (entry.status === "waiting" || entry.status === "offered") {
      return c.html(<LeavePage event={event} tierName={tierName(c, view, entry.ticketTypeId)} token={token} offered={entry.status === "offered"} />);
    }
    const line = entry.status === "converted" ? words.converted : words.notOnList;
    return c.html(<WaitlistNotice event={event} title={words.title} lines={[line]} links={[{ href: `/events/${event.slug}`, label: words.back }]} />);
  })
  .post("/waitlist/leave/:token", csrf(), validate("param", tokenParam), async (c) => {
    const { entry, left } = await leaveWaitlist(c.var.deps, c.req.valid("param").token);
    const view = await eventOfEntry(c, entry);
    const event = viewInLanguage(view, c.var.locale).event;
    const words = messagesOf(c).waitlistPublic.leave;
    const back = [{ href: `/events/${event.slug}`, label: words.back }];
    if (!left) return c.html(<WaitlistNotice event={event} title={words.title} lines={[entry.status === "converted" ? words.converted : words.notOnList]} links={back} />);
    return c.html(<WaitlistNotice event={event} title={words.leftTitle} lines={[words.left, ...(entry.status === "offered" ? [words.leftOffer] : [])]} links={back} />);
  })
  // An offer: the registration form, filled in from the entry, holding its places until the offer ends.
  .get("/waitlist/offers/:token", validate("param", tokenParam), async (c) => {
    const { token } = c.req.valid("param");
    const entry = await findEntryByOfferToken(c.var.deps.d1, token);
    if (!entry) throw new DomainError("not_found", { what: "offer" });
    const view = await eventOfEntry(c, entry);
    const m = messagesOf(c);
    const refusal = offerRefusal(entry, new Date());
    if (refusal) {
      const words = m.waitlistPublic.offer;
      const slug = view.event.slug;
      const links = [
        ...(refusal === "expired" || refusal === "withdrawn" ? [{ href: `/events/${slug}/waitlist?tier=${entry.ticketTypeId}`, label: words.joinAgain }] : []),
        { href: `/events/${slug}`, label: words.back },
      ];
      const event = viewInLanguage(view, c.var.locale).event;
      return c.html(<WaitlistNotice event={event} title={words.unusableTitle} lines={[errorSentence(m, "offer_unavailable", { reason: refusal })]} links={links} />, 409);
    }
    const values = {
      buyer: { name: entry.name, email: entry.email },
      tickets: Array.from({ length: entry.places }, (_, i) => ({ tier: entry.ticketTypeId, name: i === 0 ? entry.name : "", email: "", declaration: false, membership: "", accessCode: "" })),
      offer: token,
    };
    return c.html(registrationPage(c, view, values, { offer: offerNoticeOf(c, view, entry) }));
  });
