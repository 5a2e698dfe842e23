import { orderAnswers } from "@/domain/questions/order-answers";
import { Hono } from "hono";
import * as z from "zod";
import type { AppEnv } from "@/env";
import { validate } from "@/lib/validate";
import { abandonCheckout, orderAfterCheckout } from "@/domain/orders/checkout-return";
import { openPayment } from "@/domain/orders/checkout";
import { orderVoucherCode } from "@/domain/orders/repo";
import { OrderPage } from "@/web/public/order-page";
import { privatePage } from "@/web/middleware/private-page";
import { preferLanguage } from "@/web/shared/i18n";
import { getReceipt } from "@/domain/correspondence/receipt";
import { ReceiptPage } from "@/web/public/receipt-page";

const orderParam = z.object({ id: z.string().regex(/^ord_[0-9a-z]{16}$/) });

/**
 * The pay page, and where Stripe sends the buyer back. Order ids are unguessable (80 random bits), so the link
 * is the key, and its pages are private (never cached or indexed). Neither page marks anything paid on its own say-so: the success page asks
 * Stripe about the session and runs the same idempotent settlement as the webhook.
 */
export const orderRoutes = new Hono<AppEnv>()
  .use("/orders/*", privatePage)
  // Registration sends the buyer here; only now is the Checkout Session opened and the hold extended.
  .get("/orders/:id/pay", validate("param", orderParam), async (c) => {
    const { id } = c.req.valid("param");
    const step = await openPayment(c.var.deps, id);
    if (step.to === "checkout") return c.redirect(step.url, 303);
    if (step.to === "complete") return c.redirect(`/orders/${id}/complete`, 303);
    return c.redirect(`/events/${step.slug}/register?from=${id}`, 303);
  })
  .get("/orders/:id/complete", validate("param", orderParam), async (c) => {
    const order = await orderAfterCheckout(c.var.deps, c.req.valid("param").id);
    // A reader who named no language reads the order in the language it was placed in.
    preferLanguage(c, order.language);
    const answers = await orderAnswers(c.var.deps.d1, order.event, order.id, c.var.locale);
    return c.html(<OrderPage order={{ ...order, voucherCode: await orderVoucherCode(c.var.deps.d1, order) }} answers={answers} />);
  })
  // The receipt: the same key as the order page (its unguessable id), in the order's language unless the reader chose one.
  .get("/orders/:id/receipt", validate("param", orderParam), async (c) => {
    const receipt = await getReceipt(c.var.deps, c.req.valid("param").id);
    preferLanguage(c, receipt.order.language);
    return c.html(<ReceiptPage receipt={receipt} />);
  })
  // The buyer left Stripe's page: end the session, free the seats, and offer the form again.
  .get("/orders/:id/cancel", validate("param", orderParam), async (c) => {
    const { id } = c.req.valid("param");
    const order = await abandonCheckout(c.var.deps, id);
    if (order.status === "paid") return c.redirect(`/orders/${id}/complete`, 303);
    return c.redirect(`/events/${order.event.slug}/register?from=${id}`, 303);
  });
