import { Hono, type Context } from "hono";
import * as z from "zod";
import type { Config } from "@/config";
import { localeFrom, type Locale } from "@/i18n";
import { DomainError } from "@/domain/errors";
import { validate } from "@/lib/validate";
import { deliverPendingSoon, emulatorContextOf, getCheckoutSession, payCheckoutSession, type EmulatorContext } from "@/dev/stripe-emulator";
import type { OfflineStripeContext } from "@/domain/payments/context";
import { checkCard } from "@/dev/stripe-emulator/card";
import { EmulatorCheckoutPage, EmulatorSessionClosedPage, successUrlFor } from "@/dev/stripe-emulator/checkout-page";
import type { CheckoutSession } from "@/dev/stripe-emulator";

const sessionParam = z.object({ id: z.string().regex(/^cs_test_[A-Za-z0-9]{1,100}$/) });

/** A form field as text; anything else (a file, an absurd length) reads as empty and is asked for again. */
const text = (max: number) => z.string().max(max).catch("");
const cardForm = z.object({
  card_number: text(40),
  expiry: text(20),
  cvc: text(10),
  name: text(400),
  email: text(254),
});

/** The page speaks the session's `locale`, as Stripe Checkout does: its shell (`<html lang>`) too. */
function speakSessionLocale(c: Context<CheckoutPagesEnv>, session: CheckoutSession): void {
  const locale = localeFrom(session.locale);
  if (locale) c.set("locale", locale);
}

const missing = () => new DomainError("not_found", { what: "checkout", next: "restart_checkout" });

/**
 * What the checkout pages read from the request, whichever Worker serves them: the app's
 * development entry (in process, under the app's own middleware) or the separate emulator
 * Worker (src/dev/emulator-worker.ts), which sets the same variables.
 */
export type CheckoutPagesEnv = {
  Variables: {
    requestId: string;
    config: Pick<Config, "environment">;
    offlineStripe: OfflineStripeContext | undefined;
    /** The page shell (Layout) reads the reader's language. */
    locale: Locale;
  };
};

/** The emulator, or a 404: these pages exist only offline, never in production. */
function emulatorOf(c: Context<CheckoutPagesEnv>): EmulatorContext {
  if (c.var.config.environment === "production" || !c.var.offlineStripe) {
    throw new DomainError("not_found", { what: "page", next: "address_or_events" });
  }
  return emulatorContextOf(c.var.offlineStripe);
}

/**
 * The Stripe emulator's hosted checkout page, mounted at /dev/stripe: what
 * `session.url` points to when the app runs without a Stripe account.
 */
export const devStripeRoutes = new Hono<CheckoutPagesEnv>()
  .use(async function emulatorOnly(c, next) {
    await deliverPendingSoon(emulatorOf(c));
    await next();
  })
  .get("/checkout/:id", validate("param", sessionParam), async (c) => {
    const record = await getCheckoutSession(emulatorOf(c), c.req.valid("param").id);
    if (!record) throw missing();
    speakSessionLocale(c, record.session);
    if (record.session.status !== "open") return c.html(<EmulatorSessionClosedPage session={record.session} />);
    return c.html(<EmulatorCheckoutPage record={record} />);
  })
  .post("/checkout/:id", validate("param", sessionParam), validate("form", cardForm), async (c) => {
    const emulator = emulatorOf(c);
    const { id } = c.req.valid("param");
    const form = c.req.valid("form");
    const record = await getCheckoutSession(emulator, id);
    if (!record) throw missing();
    speakSessionLocale(c, record.session);
    if (record.session.status !== "open") return c.html(<EmulatorSessionClosedPage session={record.session} />, 409);

    const check = checkCard(form, !record.session.customer_email, new Date());
    if (check.outcome !== "approved") {
      const values = { ...form, cvc: "" };
      return c.html(<EmulatorCheckoutPage record={record} values={values} errors={check.errors} />, check.outcome === "declined" ? 402 : 422);
    }
    const result = await payCheckoutSession(emulator, id, check);
    if (result.outcome === "not_found") throw missing();
    if (result.outcome === "not_open") return c.html(<EmulatorSessionClosedPage session={result.session} />, 409);
    return c.redirect(successUrlFor(result.session), 303);
  });
