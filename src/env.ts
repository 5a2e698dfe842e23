import type { ExecutionContext as HonoExecutionContext } from "hono";
import type Stripe from "stripe";
import type { Config } from "@/config";
import type { StaffIdentity } from "@/domain/staff/roles";
import type { ServiceDeps } from "@/domain/deps";
import type { OfflineStripeContext } from "@/domain/payments/context";
import type { Locale } from "@/i18n";

/** Bindings from wrangler.toml (generated into worker-configuration.d.ts) plus optional secrets. */
export type Bindings = Env & {
  STRIPE_SECRET_KEY?: string;
  STRIPE_WEBHOOK_SECRET?: string;
  STRIPE_API_BASE?: string;
  PUBLIC_URL?: string;
  TICKET_SIGNING_KEY?: string;
  TICKET_PUBLIC_KEYS?: string;
  RESEND_API_KEY?: string;
  RESEND_BASE_URL?: string;
  MAIL_FROM?: string;
  MAIL_REPLY_TO?: string;
  TURNSTILE_SECRET_KEY?: string;
  TURNSTILE_SITE_KEY?: string;
  TURNSTILE_VERIFY_URL?: string;
};

/** The one environment type every router uses. */
export type AppEnv = {
  Bindings: Bindings;
  Variables: {
    requestId: string;
    config: Config;
    stripe: Stripe;
    /** The offline Stripe stand-in's context; undefined with real Stripe or with no stand-in (production). */
    offlineStripe: OfflineStripeContext | undefined;
    /** The development entry's offline Turnstile siteverify (undefined in production). */
    offlineTurnstile: typeof fetch | undefined;
    /** Everything services need, built once per request. */
    deps: ServiceDeps;
    /** Keeps work (sending mail) running after the response. */
    waitUntil: (promise: Promise<unknown>) => void;
    /** The reader's language (see web/middleware/language.ts). */
    locale: Locale;
    /** Whether the reader named a language (query, cookie or Accept-Language), rather than getting the default. */
    localeChosen: boolean;
    /** Who is calling and how they signed in; null = checked and anonymous, undefined = not checked yet. */
    auth: Auth | undefined;
  };
};

/**
 * A caller's identity, as requirePermission found it. Handlers behind requirePermission read
 * the staff member as `c.var.staff` (see SignedInEnv in web/middleware/auth.ts).
 */
export type Auth = { method: "session"; staff: StaffIdentity; sessionId: string; csrfToken: string } | { method: "token"; staff: StaffIdentity } | null;

/** Calls the Worker's own fetch handler in process (offline Stripe webhooks). */
export type SelfFetch = (request: Request, env: Bindings, ctx: HonoExecutionContext | undefined) => Promise<Response>;
