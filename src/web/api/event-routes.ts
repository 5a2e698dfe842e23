import { Hono } from "hono";
import type { AppEnv } from "@/env";
import { slugParam } from "@/lib/schemas";
import { absoluteUrl } from "@/lib/urls";
import * as z from "zod";
import { fieldIssues, validate } from "@/lib/validate";
import { DomainError } from "@/domain/errors";
import { orderRuleIssues } from "@/domain/orders/place-order";
import { getPublicEvent, listUpcomingEvents } from "@/domain/events/public-event";
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
  .get("/events/:slug", validate("param", slugParam), (c) => {
    const { slug } = c.req.valid("param");
    const language = c.var.localeChosen ? c.var.locale : "main";
    return publicCached(c, `/api/v1/events/${slug}`, language, async () => {
      const view = await getPublicEvent(c.var.deps.d1, slug, new Date());
      preferLanguage(c, view.event.mainLanguage);
      return { type: json, body: JSON.stringify({ event: eventDetailJson(view, absoluteUrl(c, `/events/${slug}`), c.var.locale) }) };
    });
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
