import { Hono } from "hono";
import { contextStorage } from "hono/context-storage";
import { requestId } from "hono/request-id";
import type { AppEnv } from "@/env";
import type { AppExtensions } from "@/extensions";
import { appContext } from "@/web/middleware/context";
import { notFound, onError } from "@/web/middleware/errors";
import { chooseLanguage } from "@/web/middleware/language";
import { securityHeaders } from "@/web/middleware/security-headers";
import { adminRoutes } from "@/web/admin";
import { apiRoutes } from "@/web/api/event-routes";
import { apiExportRoutes } from "@/web/api/export-routes";
import { checkinRoutes } from "@/web/door/checkin-api";
import { doorRoutes } from "@/web/door/routes";
import { healthRoutes } from "@/web/api/health";
import { orderRoutes } from "@/web/public/order-routes";
import { publicRoutes } from "@/web/public/event-routes";
import { privacyRoutes } from "@/web/public/privacy-routes";
import { registrationRoutes } from "@/web/public/registration-routes";
import { waitlistRoutes } from "@/web/public/waitlist-routes";
import { ticketRoutes } from "@/web/public/ticket-routes";
import { selfServiceRoutes } from "@/web/public/self-service-routes";
import { webhookRoutes } from "@/web/webhooks/stripe";

/**
 * Builds the whole application; the Worker and the tests use the same one. The development
 * entry passes `extensions` (Stripe emulator, /dev routes); the production entry none.
 */
export function createApp(extensions: AppExtensions = {}) {
  const app = new Hono<AppEnv>();
  // Views read the request (its language) through context storage: see web/shared/i18n.ts.
  // First, so that even the bare route's "not found" page can be rendered.
  app.use(contextStorage());
  // The benchmark's ceiling: the cheapest answer this Worker can give (before any middleware,
  // no database). npm run bench compares every route with it. Not served in production.
  app.get("/__bare", (c) => ((c.env.ENVIRONMENT as string) === "production" ? c.notFound() : c.text("ok")));
  // The same plus one D1 round trip (SELECT 1): what a single query costs here, for reading the
  // routes' shares (a check-in is one round trip). Not served in production either.
  app.get("/__bare/d1", async (c) =>
    (c.env.ENVIRONMENT as string) === "production" ? c.notFound() : c.text(String(await c.env.DB.prepare("SELECT 1 AS one").first("one"))),
  );
  app.use(requestId({ limitLength: 64 }));
  app.use(chooseLanguage());
  app.use(securityHeaders());
  app.use(appContext({ selfFetch: async (request, env, ctx) => app.fetch(request, env, ctx), offlineStripe: extensions.offlineStripe }));
  app.use(async function offlineTurnstile(c, next) {
    c.set("offlineTurnstile", extensions.offlineTurnstile);
    await next();
  });
  app.onError(onError);
  app.notFound(notFound);

  app.route("/", healthRoutes);
  app.route("/", publicRoutes);
  app.route("/", privacyRoutes);
  app.route("/", registrationRoutes);
  app.route("/", waitlistRoutes);
  app.route("/", orderRoutes);
  app.route("/", ticketRoutes);
  app.route("/", selfServiceRoutes);
  app.route("/", doorRoutes);
  app.route("/api/v1", apiRoutes);
  app.route("/api/v1", apiExportRoutes);
  app.route("/api/v1", checkinRoutes);
  app.route("/admin", adminRoutes);
  app.route("/webhooks", webhookRoutes);
  extensions.routes?.(app);
  return app;
}
