import { Hono } from "hono";
import type { AppEnv } from "@/env";
import { absoluteUrl } from "@/lib/urls";
import { PrivacyPage } from "@/web/public/privacy-page";

/** The public privacy page, linked from every page's footer and the registration form. */
export const privacyRoutes = new Hono<AppEnv>().get("/privacy", (c) => c.html(<PrivacyPage contact={c.var.config.privacyContact} url={absoluteUrl(c, "/privacy")} />));
