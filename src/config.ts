import * as z from "zod";
import { ConfigError } from "@/domain/errors";

/** Cloudflare's endpoint that checks a Turnstile token. */
export const TURNSTILE_SITEVERIFY = "https://challenges.cloudflare.com/turnstile/v0/siteverify";

/**
 * Every setting the Worker reads, from `wrangler.toml` [vars], `.dev.vars` locally, or
 * `wrangler secret put` in production. `.dev.vars.example` documents each one.
 */
const configSchema = z.object({
  ENVIRONMENT: z.enum(["development", "test", "production"]),
  /** Seconds the event pages and events API may be served from the edge cache (0 turns it off); at most 10, so availability is never more than a few seconds stale (web/shared/edge-cache.ts). */
  PUBLIC_CACHE_SECONDS: z.coerce.number().int().min(0).max(10).default(2),
  /** Base URL used in links that leave the request (emails, Stripe return URLs); required in production. */
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Stripe secret key (sk_live_… / sk_test_…). Unset: offline (the development entry's emulator). */
  STRIPE_SECRET_KEY: z.string().regex(/^(sk|rk)_(test|live)_\w+$/, "expected sk_test_… or sk_live_…").optional(),
  /** Signing secret of the Stripe webhook endpoint (whsec_…). */
  STRIPE_WEBHOOK_SECRET: z.string().regex(/^whsec_\w+$/, "expected whsec_…").optional(),
  /** Another Stripe-compatible API server, e.g. stripe-mock at http://127.0.0.1:12111. */
  STRIPE_API_BASE: z.url({ protocol: /^https?$/ }).optional(),
  /** Ed25519 key that signs ticket QR codes: "<key id>.<base64url PKCS#8>" (npm run keys). */
  TICKET_SIGNING_KEY: z.string().regex(/^[A-Za-z0-9]{1,8}\.[A-Za-z0-9_-]{40,}$/, "expected <key id>.<base64url key> as printed by npm run keys"),
  /** Older public keys still accepted when verifying: "<key id>.<base64url raw key>", comma-separated. */
  TICKET_PUBLIC_KEYS: z
    .string()
    .regex(/^([A-Za-z0-9]{1,8}\.[A-Za-z0-9_-]{43})(,[A-Za-z0-9]{1,8}\.[A-Za-z0-9_-]{43})*$/, "expected <key id>.<base64url public key>, comma-separated")
    .optional(),
  /** Resend API key. Unset: mail stays in the outbox and shows in the dev mailbox at /dev/mail. */
  RESEND_API_KEY: z.string().regex(/^re_\w+$/, "expected re_…").optional(),
  /** Another Resend-compatible API server for the SDK. */
  RESEND_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Cloudflare Turnstile secret key: when set, the registration form and the order API need a passed challenge. */
  TURNSTILE_SECRET_KEY: z.string().regex(/^[\w.-]{10,200}$/, "expected the secret key from the Turnstile dashboard").optional(),
  /** Turnstile site key, for the widget on the registration form. */
  TURNSTILE_SITE_KEY: z.string().regex(/^[\w.-]{10,200}$/, "expected the site key from the Turnstile dashboard").optional(),
  /** Where tokens are verified (Cloudflare's siteverify unless set). */
  TURNSTILE_VERIFY_URL: z.url({ protocol: /^https?$/ }).default(TURNSTILE_SITEVERIFY),
  /** Sender of every email, e.g. "Human Rights Society <tickets@example.org>". */
  MAIL_FROM: z.string().min(3).max(200).default("Conference tickets <tickets@example.org>"),
  /** Where replies to ticket emails go (the organisers' inbox). */
  MAIL_REPLY_TO: z.email().optional(),
  /** Whom attendees write to about their personal data, named on /privacy (else MAIL_REPLY_TO). */
  PRIVACY_CONTACT_EMAIL: z.email().optional(),
});

/**
 * Cloudflare's published dummy secret keys (always pass / always fail): with one, tokens are
 * checked by the development entry's offline stand-in, never in production.
 */
export const TURNSTILE_TEST_SECRETS = ["1x0000000000000000000000000000000AA", "2x0000000000000000000000000000000AA"];

/** Turnstile, when its secret key is set: `offline` = answered by the development stand-in. */
export type TurnstileConfig = { secretKey: string; siteKey: string | undefined; verifyUrl: string; offline: boolean };

/** Signs offline (emulator) webhooks when no STRIPE_WEBHOOK_SECRET is set (never in production). */
export const EMULATOR_WEBHOOK_SECRET = "whsec_offline_emulator_dev_only";

export type StripeConfig =
  | { mode: "stripe"; secretKey: string; webhookSecret: string; apiBase: URL | undefined }
  | { mode: "offline"; webhookSecret: string };

export type Config = {
  environment: z.infer<typeof configSchema>["ENVIRONMENT"];
  publicUrl: string | undefined;
  publicCacheSeconds: number;
  stripe: StripeConfig;
  tickets: { signingKey: string; publicKeys: string[] };
  mail: { resendApiKey: string | undefined; resendBaseUrl: string | undefined; from: string; replyTo: string | undefined };
  turnstile: TurnstileConfig | undefined;
  /** The organisation's contact for personal data questions, if any. */
  privacyContact: string | undefined;
};

const cache = new WeakMap<object, Config>();

/**
 * Parses the settings once per bindings object. Throws a ConfigError naming each missing
 * or malformed setting (never echoing a value, which may be a secret).
 */
export function loadConfig(bindings: object): Config {
  const cached = cache.get(bindings);
  if (cached) return cached;
  const raw = Object.fromEntries(
    Object.keys(configSchema.shape).map((key) => {
      const value = (bindings as Record<string, unknown>)[key];
      return [key, value === "" ? undefined : value];
    }),
  );
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? "configuration");
      return raw[name] === undefined ? `${name} is missing` : `${name} is malformed (${issue.message})`;
    });
    throw new ConfigError(`Invalid configuration: ${problems.join("; ")}`);
  }
  const data = parsed.data;
  const config: Config = {
    environment: data.ENVIRONMENT,
    publicUrl: data.PUBLIC_URL?.replace(/\/$/, ""),
    publicCacheSeconds: data.PUBLIC_CACHE_SECONDS,
    stripe: stripeConfig(data),
    tickets: { signingKey: data.TICKET_SIGNING_KEY, publicKeys: data.TICKET_PUBLIC_KEYS?.split(",") ?? [] },
    mail: { resendApiKey: data.RESEND_API_KEY, resendBaseUrl: data.RESEND_BASE_URL, from: data.MAIL_FROM, replyTo: data.MAIL_REPLY_TO },
    turnstile: data.TURNSTILE_SECRET_KEY
      ? { secretKey: data.TURNSTILE_SECRET_KEY, siteKey: data.TURNSTILE_SITE_KEY, verifyUrl: data.TURNSTILE_VERIFY_URL, offline: TURNSTILE_TEST_SECRETS.includes(data.TURNSTILE_SECRET_KEY) }
      : undefined,
    privacyContact: data.PRIVACY_CONTACT_EMAIL ?? data.MAIL_REPLY_TO,
  };
  if (config.environment === "production") {
    const missing = [
      !config.mail.resendApiKey && "RESEND_API_KEY is missing (production never uses the dev mailbox)",
      // Links in emails (sign-in links above all) must never be built from a request's Host header.
      !config.publicUrl && "PUBLIC_URL is missing (production builds links from it, never from the request's Host)",
      config.turnstile?.offline && "TURNSTILE_SECRET_KEY is a test key (production never uses the Turnstile stand-in)",
      config.turnstile && config.turnstile.verifyUrl !== TURNSTILE_SITEVERIFY && "TURNSTILE_VERIFY_URL must not be set in production",
    ].filter(Boolean);
    if (missing.length) throw new ConfigError(`Invalid configuration: ${missing.join("; ")}`);
  }
  cache.set(bindings, config);
  return config;
}

/**
 * Real Stripe when a key (or another API server) is configured, else offline: the
 * development entry's emulator. Production must talk to Stripe and verify webhooks with the
 * endpoint's own secret.
 */
function stripeConfig(data: z.infer<typeof configSchema>): StripeConfig {
  const production = data.ENVIRONMENT === "production";
  const missing = [
    production && !data.STRIPE_SECRET_KEY && "STRIPE_SECRET_KEY is missing (production never uses the Stripe emulator)",
    (production || data.STRIPE_SECRET_KEY) && !data.STRIPE_WEBHOOK_SECRET && "STRIPE_WEBHOOK_SECRET is missing (needed to verify Stripe webhooks)",
    production && data.STRIPE_API_BASE && "STRIPE_API_BASE must not be set in production",
  ].filter(Boolean);
  if (missing.length) throw new ConfigError(`Invalid configuration: ${missing.join("; ")}`);
  if (data.STRIPE_SECRET_KEY || data.STRIPE_API_BASE) {
    return {
      mode: "stripe",
      // stripe-mock and similar servers accept any test key.
      secretKey: data.STRIPE_SECRET_KEY ?? "sk_test_local_stripe_compatible_server",
      webhookSecret: data.STRIPE_WEBHOOK_SECRET ?? EMULATOR_WEBHOOK_SECRET,
      apiBase: data.STRIPE_API_BASE ? new URL(data.STRIPE_API_BASE) : undefined,
    };
  }
  return { mode: "offline", webhookSecret: data.STRIPE_WEBHOOK_SECRET ?? EMULATOR_WEBHOOK_SECRET };
}
