import type Stripe from "stripe";
import { DomainError } from "@/domain/errors";
import type { ServiceDeps } from "@/domain/deps";
import { priceLines } from "@/domain/orders/pricing";
import { extendFirstHoldAndRead, extendHold, orderVoucherCode, setStripeSession, type OrderWithTickets } from "@/domain/orders/repo";
import { getOrderForBuyer, releaseHold } from "@/domain/orders/settle";
import { settleFromSession } from "@/domain/orders/sweep";
import { FIRST_HOLD_MINUTES, HOLD_MINUTES } from "@/domain/orders/place-order";
import { eventInLanguage, tierInLanguage } from "@/domain/events/translations";
import { localeFrom, messagesFor } from "@/i18n";

type StripeLocale = Stripe.Checkout.SessionCreateParams.Locale;
/** Stripe Checkout's languages among the ones our catalogues may have; any other gets "auto". */
const checkoutLocales = new Set<string>(["en", "es", "fr", "de", "it", "pt", "nl", "pl", "sv", "da", "fi", "nb", "ja", "zh", "ko"] satisfies StripeLocale[]);
const checkoutLocale = (language: string): StripeLocale => (checkoutLocales.has(language) ? (language as StripeLocale) : "auto");

/** Where the pay page sends the buyer: Stripe's page, the order's page, or the form again. */
export type PayStep = { to: "checkout"; url: string } | { to: "complete" } | { to: "form"; slug: string };

type BuyerOrder = OrderWithTickets;

/**
 * The pay page: the only place a Checkout Session is opened, so a hold that never gets here
 * stays the short first hold. A pending order whose hold is running reuses its open session,
 * or has its hold extended to HOLD_MINUTES from now and a session opened that expires with
 * it. The extension is conditional: an order the sweep already ended is never revived. A paid
 * order (or one whose payment is processing) goes to its page; an ended one to the form.
 * If Stripe cannot be reached while opening a session, the hold is released at once and the
 * buyer asked to try again.
 *
 * Round trips (DESIGN: "Round trips are the edge's currency"): opening a session is two plus
 * the Stripe call: the extension and the read in one batch (extendFirstHoldAndRead, which
 * explains the double-click race), then Stripe, then the session id stored. A visit with an
 * open session is one plus Stripe's lookup.
 */
export async function openPayment(deps: ServiceDeps, orderId: string): Promise<PayStep> {
  const now = deps.now();
  const until = new Date(now.getTime() + HOLD_MINUTES * 60_000);
  const firstHoldEnd = new Date(now.getTime() + FIRST_HOLD_MINUTES * 60_000);
  const { order, extended } = await extendFirstHoldAndRead(deps.d1, orderId, { now, until, firstHoldEnd });
  if (!order) throw new DomainError("not_found", { what: "order", next: "order_email" });
  if (extended) return { to: "checkout", url: await createSession(deps, order, until) };
  if (order.status !== "pending" || !order.holdExpiresAt) return whereNow(order);
  if (order.holdExpiresAt <= now) return { to: "form", slug: order.event.slug };
  // Lost the race: another request (a double click) extended the hold a moment ago and has not
  // stored its session yet. Ask for the session with the same hold end, so the same idempotency
  // key and parameters: Stripe answers with that request's session, never a second one.
  if (!order.stripeSessionId) return { to: "checkout", url: await createSession(deps, order, order.holdExpiresAt) };
  const session = await existingSession(deps, order.stripeSessionId);
  if (session.status === "open" && session.url) return { to: "checkout", url: session.url };
  if (session.status === "complete") {
    await settleFromSession(deps, order.id, session);
    return whereNow(await getOrderForBuyer(deps, orderId));
  }
  // Rare: the session ended while the hold still runs. Extend from the end read (compare and
  // swap), open a new session; the loser of a race reuses the winner's as above.
  if (await extendHold(deps.d1, order.id, order.holdExpiresAt, until)) return { to: "checkout", url: await createSession(deps, order, until) };
  const again = await getOrderForBuyer(deps, orderId);
  if (again.status !== "pending" || !again.holdExpiresAt || again.holdExpiresAt <= now) return whereNow(again);
  return { to: "checkout", url: await createSession(deps, again, again.holdExpiresAt) };
}

function whereNow(order: BuyerOrder): PayStep {
  if (order.status === "expired" || order.status === "cancelled") return { to: "form", slug: order.event.slug };
  return { to: "complete" };
}

async function existingSession(deps: ServiceDeps, sessionId: string): Promise<Stripe.Checkout.Session> {
  try {
    return await deps.stripe.checkout.sessions.retrieve(sessionId);
  } catch (err) {
    // The session may have been paid meanwhile, so the hold stays for the sweep to settle.
    console.error(JSON.stringify({ level: "error", event: "checkout_session_lookup_failed", sessionId, error: String(err) }));
    throw new DomainError("unavailable", { reason: "payment_start" });
  }
}

/**
 * Opens a Stripe Checkout Session for a pending order: one line item per tier, the buyer's
 * email prefilled, the order id in metadata and client_reference_id, expiring with the hold.
 * The idempotency key names the order and the hold's end, so a retried call returns the same
 * session while a later visit (after the first session ended) gets a new one. Stripe's page
 * and the names on it speak the buyer's language (Order.language). Tickets a voucher priced
 * have their own line at the price after it, named with the code and what came off each, so
 * the buyer sees on Stripe's page why the price differs from the event page's.
 */
async function createSession(deps: ServiceDeps, order: BuyerOrder, holdExpiresAt: Date): Promise<string> {
  const lang = order.language;
  const event = eventInLanguage(order.event, lang);
  const tierNames = new Map(order.tickets.map((t) => [t.ticketTypeId, tierInLanguage(t.ticketType, lang, order.event.mainLanguage).name]));
  const lines = priceLines(order.tickets.map((t) => ({ tierId: t.ticketTypeId, priceMinor: t.pricePaidMinor, discountMinor: t.discountMinor })));
  // The batched read names the voucher; a later read through Prisma (a rare path) does not.
  const code = order.voucherCode !== undefined ? order.voucherCode : await orderVoucherCode(deps.d1, order);
  const words = messagesFor(localeFrom(lang) ?? "en");
  const lineName = (l: (typeof lines)[number]) => {
    const tier = tierNames.get(l.tierId)!;
    if (!l.discountMinor || !code) return `${event.title}: ${tier}`;
    return words.waitlistMail.discounts.checkoutLine({ event: event.title, tier, code, amount: words.format.amount(l.discountMinor, order.currency) });
  };
  const metadata = { orderId: order.id, reference: order.reference };
  try {
    const session = await deps.stripe.checkout.sessions.create(
      {
        mode: "payment",
        line_items: lines.map((l) => ({
          quantity: l.quantity,
          price_data: { currency: order.currency.toLowerCase(), unit_amount: l.unitMinor, product_data: { name: lineName(l) } },
        })),
        customer_email: order.buyerEmail,
        locale: checkoutLocale(lang),
        client_reference_id: order.id,
        metadata,
        payment_intent_data: { metadata, description: `${order.reference}: ${event.title}` },
        expires_at: Math.floor(holdExpiresAt.getTime() / 1000),
        success_url: `${deps.origin}/orders/${order.id}/complete?session_id={CHECKOUT_SESSION_ID}`,
        cancel_url: `${deps.origin}/orders/${order.id}/cancel`,
      },
      { idempotencyKey: `checkout-session-${order.id}-${holdExpiresAt.getTime()}` },
    );
    await setStripeSession(deps.d1, order.id, session.id, deps.now());
    if (!session.url) throw new Error("checkout_session_without_url");
    return session.url;
  } catch (err) {
    console.error(JSON.stringify({ level: "error", event: "checkout_session_failed", orderId: order.id, error: String(err) }));
    await releaseHold(deps, order.id, "cancelled");
    throw new DomainError("unavailable", { reason: "payment_start" });
  }
}
