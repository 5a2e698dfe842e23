import { Hono } from "hono";
import { requestId } from "hono/request-id";
import type { AppEnv } from "@/env";
import { appContext } from "@/middleware/context";
import { notFound, onError } from "@/middleware/errors";
import { securityHeaders } from "@/middleware/security-headers";
import { adminRoutes } from "@/routes/admin";
import { apiRoutes } from "@/routes/api";
import { apiExportRoutes } from "@/routes/api-exports";
import { checkinRoutes } from "@/routes/checkins";
import { devRoutes } from "@/routes/dev";
import { devStripeRoutes } from "@/routes/dev-stripe";
import { doorRoutes } from "@/routes/door";
import { healthRoutes } from "@/routes/health";
import { orderRoutes } from "@/routes/orders";
import { publicRoutes } from "@/routes/public";
import { registrationRoutes } from "@/routes/registration";
import { ticketRoutes } from "@/routes/tickets";
import { webhookRoutes } from "@/routes/webhooks";

/** Builds the whole application; the Worker and the tests use the same one. */
export function createApp() {
  const app = new Hono<AppEnv>();
  // The benchmark's ceiling: the cheapest answer this Worker can give (before any middleware,
  // no database). npm run bench compares every route with it. Not served in production.
  app.get("/__bare", (c) => ((c.env.ENVIRONMENT as string) === "production" ? c.notFound() : c.text("ok")));
  app.use(requestId({ limitLength: 64 }));
  app.use(securityHeaders());
  app.use(appContext({ selfFetch: async (request, env, ctx) => app.fetch(request, env, ctx) }));
  app.onError(onError);
  app.notFound(notFound);

  app.route("/", healthRoutes);
  app.route("/", publicRoutes);
  app.route("/", registrationRoutes);
  app.route("/", orderRoutes);
  app.route("/", ticketRoutes);
  app.route("/", doorRoutes);
  app.route("/api/v1", apiRoutes);
  app.route("/api/v1", apiExportRoutes);
  app.route("/api/v1", checkinRoutes);
  app.route("/admin", adminRoutes);
  app.route("/webhooks", webhookRoutes);
  app.route("/dev", devRoutes);
  app.route("/dev/stripe", devStripeRoutes);
  return app;
}
