import { Hono, type Context } from "hono";
import { csrf } from "hono/csrf";
import * as z from "zod";
import type { AppEnv } from "@/env";
import { DomainError, retryAfterOf } from "@/domain/errors";
import { renderMarkdown } from "@/lib/markdown";
import { slugParam } from "@/lib/schemas";
import { absoluteUrl } from "@/lib/urls";
import { fieldIssues, validate } from "@/lib/validate";
import { errorMessage, fieldMessage, fieldMessages, locales } from "@/i18n";
import { purgeEventPages } from "@/web/shared/edge-cache";
import { messagesOf, preferLanguage } from "@/web/shared/i18n";
import { keepPrivate } from "@/web/middleware/private-page";
import { TURNSTILE_FIELD, verifyHuman } from "@/web/middleware/turnstile";
import { getPublicEvent, viewInLanguage, type EventView } from "@/domain/events/public-event";
import { orderInputSchema } from "@/domain/orders/input";
import { openAlternative, orderRuleIssues, orderSizeIssue } from "@/domain/orders/place-order";
import { register } from "@/domain/orders/register";
import { getOrderForBuyer } from "@/domain/orders/settle";
import { EventPage } from "@/web/public/event-page";
import { RegistrationPage, type OfferNotice, type RegistrationValues } from "@/web/public/registration-page";
import { getPublicEventWithVoucher } from "@/domain/events/public-event";
import { issue } from "@/domain/issues";
import { offerNotice, voucherQuery } from "@/web/public/buyer-extras";
import { inputFromValues, quantitiesFromQuery, valuesForQuantities, valuesFromForm, valuesFromOrder } from "@/web/public/registration-form";
import { readForm } from "@/web/shared/form-body";
import { questionInLanguage } from "@/domain/questions/model";
import { answersOfOrder } from "@/domain/questions/repo";

/** The registration form of an event, with the values given and what needs correcting (the voucher and offer forms too). */
export function registrationPage(c: Context<AppEnv>, view: EventView, values: RegistrationValues, extra: { errors?: Record<string, string>; message?: string; notice?: string; offer?: OfferNotice | undefined }) {
  const now = new Date();
  const localized = viewInLanguage(view, c.var.locale);
  const alternative = openAlternative({ ...view.event, ticketTypes: view.tiers.map((t) => t.tier) }, now);
  return (
    <RegistrationPage
      event={localized.event}
      tiers={localized.tiers.map((t) => t.tier)}
      values={values}
      errors={extra.errors ?? {}}
      message={extra.message}
      notice={extra.notice}
      turnstileSiteKey={c.var.config.turnstile?.siteKey}
      alternative={localized.tiers.find((t) => t.tier.id === alternative?.id)?.tier}
      questions={view.questions.map((q) => questionInLanguage(q, c.var.locale, view.event.mainLanguage))}
      voucher={view.voucher}
      offer={extra.offer}
    />
  );
}

/** The event page again (at its own address, `url`), saying what was wrong with the choice. */
function eventPageWithError(c: Context<AppEnv>, view: EventView, url: string, formError: string, selected: Record<string, number>) {
  const now = new Date();
  const localized = viewInLanguage(view, c.var.locale);
  return <EventPage view={localized} descriptionHtml={renderMarkdown(localized.event.description)} url={url} now={now} formError={formError} selected={selected} />;
}

const orderIdSchema = z.string().regex(/^ord_[0-9a-z]{16}$/);

/** Registering from the event page: choose quantities, give names, then pay (or confirm if free). */
export const registrationRoutes = new Hono<AppEnv>()
  .get("/events/:slug/register", validate("param", slugParam), async (c) => {
    const { slug } = c.req.valid("param");
    // A code from the event page's choice: checked (and counted as a guess) as the event page does.
    const code = voucherQuery(c.req.query("voucher"));
    const looked = code ? await getPublicEventWithVoucher(c.var.deps, slug, code, c.req.header("cf-connecting-ip") ?? "local", new Date()) : undefined;
    const view = looked?.view ?? (await getPublicEvent(c.var.deps.d1, slug, new Date()));
    // Like the event page: a reader who named no language gets the event's main one.
    preferLanguage(c, view.event.mainLanguage);
    const from = orderIdSchema.safeParse(c.req.query("from"));
    if (from.success) {
      const order = await getOrderForBuyer(c.var.deps, from.data).catch(() => null);
      if (order && order.eventId === view.event.id && (order.status === "cancelled" || order.status === "expired") && !order.paidAt) {
        // Prefilled with the buyer's details, and the order id in the URL is their key.
        const answers = await answersOfOrder(c.var.deps.d1, order.id);
        const page = await c.html(registrationPage(c, view, valuesFromOrder(order, answers), { notice: messagesOf(c).public.registration.paymentCancelled }));
        keepPrivate(page.headers);
        return page;
      }
    }
    if (!view.onSale) return c.redirect(`/events/${slug}`, 303);
    const quantities = quantitiesFromQuery(c.req.query());
    const known = view.tiers.filter((t) => t.state === "on_sale").map((t) => t.tier.id);
    const total = known.reduce((sum, id) => sum + (quantities[id] ?? 0), 0);
    const url = absoluteUrl(c, `/events/${view.event.slug}`);
    const size = orderSizeIssue(view.event, total);
    if (size) return c.html(eventPageWithError(c, view, url, fieldMessage(size, messagesOf(c)), quantities), 422);
    const values = { ...valuesForQuantities(known, quantities), ...(code ? { voucher: code } : {}) };
    const refusal = looked?.look.refusal;
    const page = await c.html(registrationPage(c, view, values, refusal ? { errors: { voucher: fieldMessage(issue("voucher_invalid", { reason: refusal }), messagesOf(c)) } } : {}));
    if (code) keepPrivate(page.headers);
    return page;
  })
  // Same-origin check: browsers send Origin on form posts, so a form on another site cannot post here.
  .post("/events/:slug/register", csrf(), validate("param", slugParam), async (c) => {
    const { slug } = c.req.valid("param");
    // Every value of a repeated field (a multiple-choice question's ticked boxes).
    const body = await readForm(c, { all: true });
    const values = valuesFromForm(body);
    const view = await getPublicEvent(c.var.deps.d1, slug, new Date(), values.voucher || undefined);
    // Like the event page: a reader who named no language gets the event's main one.
    preferLanguage(c, view.event.mainLanguage);
    const offer = values.offer ? await offerNotice(c, view, values.offer) : undefined;
    // The email field is read-only under an offer: a form sent back shows the address that may use it.
    const shown = (v: RegistrationValues) => (offer ? { ...v, buyer: { ...v.buyer, email: offer.email } } : v);

    const switchIndex = Number(body.switch);
    const alternative = openAlternative({ ...view.event, ticketTypes: view.tiers.map((t) => t.tier) }, new Date());
    if (typeof body.switch === "string" && alternative && values.tickets[switchIndex]) {
      Object.assign(values.tickets[switchIndex], { tier: alternative.id, membership: "" });
      const m = messagesOf(c);
      const tier = viewInLanguage(view, c.var.locale).tiers.find((t) => t.tier.id === alternative.id)?.tier ?? alternative;
      const notice = m.public.registration.switched({ index: switchIndex + 1, tier: tier.name, price: m.format.money(alternative.priceMinor, view.event.currency) });
      return c.html(registrationPage(c, view, shown(values), { notice, offer }));
    }

    const raw = inputFromValues(values);
    const parsed = orderInputSchema.safeParse(raw);
    if (!parsed.success) {
      const m = messagesOf(c);
      // Every problem at once: the rules' (eligibility, tiers) beside the schema's, which win per field.
      const issues = { ...(await orderRuleIssues(c.var.deps, slug, raw, c.req.header("cf-connecting-ip") ?? "local")), ...fieldIssues(parsed.error.issues) };
      return c.html(registrationPage(c, view, shown(values), { errors: fieldMessages(issues, m), message: m.pages.formProblem, offer }), 422);
    }
    try {
      await verifyHuman(c, body[TURNSTILE_FIELD]);
      const { order, checkoutUrl } = await register(c.var.deps, slug, parsed.data, c.req.header("cf-connecting-ip") ?? "local", { language: c.var.locale, languages: locales });
      if (order.tookLastSeats) await purgeEventPages(c, slug);
      return c.redirect(checkoutUrl ?? `/orders/${order.id}/complete`, 303);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      const status = err.status === 403 || err.status === 422 || err.status === 409 || err.status === 429 || err.status === 503 ? err.status : 422;
      const retryAfter = retryAfterOf(err);
      if (retryAfter) c.header("Retry-After", String(retryAfter));
      const m = messagesOf(c);
      return c.html(registrationPage(c, view, shown(values), { errors: fieldMessages(err.fields, m), message: errorMessage(err, m), offer }), status);
    }
  });
