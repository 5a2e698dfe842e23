import { Hono } from "hono";
import type { AppEnv } from "@/env";
import { slugParam } from "@/lib/schemas";
import { absoluteUrl } from "@/lib/urls";
import * as z from "zod";
import { fieldIssues, validate } from "@/lib/validate";
import { DomainError } from "@/domain/errors";
import { orderRuleIssues } from "@/domain/orders/place-order";
import { getPublicEvent, getPublicEventWithVoucher, listUpcomingEvents } from "@/domain/events/public-event";
import { issue } from "@/domain/issues";
import { joinInputSchema, joinWaitlist } from "@/domain/waitlist/waitlist";
import { keepPrivate } from "@/web/middleware/private-page";
import { voucherQuery } from "@/web/public/buyer-extras";
import { orderInputSchema } from "@/domain/orders/input";
import { register } from "@/domain/orders/register";
import { locales } from "@/i18n";
import { requireHuman } from "@/web/middleware/turnstile";
import { eventDetailJson, eventSummaryJson } from "@/web/api/event-json";
import { publicCached, purgeEventPages } from "@/web/shared/edge-cache";
import { preferLanguage } from "@/web/shared/i18n";

const json = "application/json";

/** The public JSON API, version 1: the same facts as the pages, for organisers' own sites. */
export const apiRoutes = new Hono<AppEnv>()
  // Texts in the caller's language; a caller who named none gets each event's main language,
  // so that is its own cache entry ("main"), not the default language's.
  // Both reads are served from the edge cache (web/shared/edge-cache.ts).
  .get("/events", (c) => {
    const language = c.var.localeChosen ? c.var.locale : "main";
    return publicCached(c, "/api/v1/events", language, async () => {
      const events = await listUpcomingEvents(c.var.deps.d1, new Date());
      const body = { events: events.map((view) => eventSummaryJson(view, absoluteUrl(c, `/events/${view.event.slug}`), language === "main" ? view.event.mainLanguage : language)) };
      return { type: json, body: JSON.stringify(body) };
    });
  })
  .get("/events/:slug", validate("param", slugParam), async (c) => {
    const { slug } = c.req.valid("param");
    const code = voucherQuery(c.req.query("voucher"));
    if (code) {
      // Seen with a voucher code: checked and counted as a guess, and never from nor into the edge cache.
      const { view, look } = await getPublicEventWithVoucher(c.var.deps, slug, code, c.req.header("cf-connecting-ip") ?? "local", new Date());
      if (look.refusal) throw new DomainError("voucher_invalid", { reason: look.refusal }, { voucher: issue("voucher_invalid", { reason: look.refusal }) });
      preferLanguage(c, view.event.mainLanguage);
      const res = c.json({ event: eventDetailJson(view, absoluteUrl(c, `/events/${slug}`), c.var.locale) });
      keepPrivate(res.headers);
      return res;
    }
    const language = c.var.localeChosen ? c.var.locale : "main";
    return publicCached(c, `/api/v1/events/${slug}`, language, async () => {
      const view = await getPublicEvent(c.var.deps.d1, slug, new Date());
      preferLanguage(c, view.event.mainLanguage);
      return { type: json, body: JSON.stringify({ event: eventDetailJson(view, absoluteUrl(c, `/events/${slug}`), c.var.locale) }) };
    });
  })
  // Join a sold-out tier's waiting list (or update one's entry: one per email and tier).
  .post("/events/:slug/waitlist", requireHuman(), validate("param", slugParam), validate("json", joinInputSchema), async (c) => {
    const input = c.req.valid("json");
    if (input.language && !(locales as readonly string[]).includes(input.language)) throw new DomainError("invalid", {}, { language: issue("not_allowed") });
    const { entry, place } = await joinWaitlist(c.var.deps, c.req.valid("param").slug, input, c.var.locale);
    return c.json({ entry: { id: entry.id, tier: entry.ticketTypeId, places: entry.places, status: entry.status, position: place } }, 201);
  })
  // Register people and (unless free) get the Stripe Checkout URL to send the buyer to.
  .post("/events/:slug/orders", requireHuman(), validate("param", slugParam), validate("json", z.unknown()), async (c) => {
    const { slug } = c.req.valid("param");
    const raw = c.req.valid("json");
    const parsed = orderInputSchema.safeParse(raw);
    // Every problem at once: the rules' (eligibility, tiers) beside the schema's, which win per field.
    if (!parsed.success) throw new DomainError("invalid", {}, { ...(await orderRuleIssues(c.var.deps, slug, raw, c.req.header("cf-connecting-ip") ?? "local")), ...fieldIssues(parsed.error.issues) });
    // The order remembers the buyer's language (a `language` in the body, or the negotiated one): its emails speak it.
    const { order, checkoutUrl } = await register(c.var.deps, slug, parsed.data, c.req.header("cf-connecting-ip") ?? "local", { language: c.var.locale, languages: locales });
    if (order.tookLastSeats) await purgeEventPages(c, slug);
    return c.json(
      {
        order: {
          id: order.id,
          reference: order.reference,
          status: order.status,
          total: { amount: order.totalMinor, currency: order.currency },
          expiresAt: order.holdExpiresAt?.toISOString() ?? null,
        },
        ...(checkoutUrl ? { checkoutUrl } : {}),
      },
      201,
    );
  });
