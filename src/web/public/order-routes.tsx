import { Hono } from "hono";
import * as z from "zod";
import type { AppEnv } from "@/env";
import { validate } from "@/lib/validate";
import { sendMailSoon } from "@/web/shared/send-mail-soon";
import { getOrderForBuyer } from "@/domain/orders/settle";
import { endHold, settleFromSession } from "@/domain/orders/sweep";
import { OrderPage } from "@/web/public/order-page";

const orderParam = z.object({ id: z.string().regex(/^ord_[0-9a-z]{16}$/) });

/**
 * Where Stripe sends the buyer back. Order ids are unguessable (80 random bits), so the link
 * is the key. Neither page marks anything paid on its own say-so: the success page asks
 * Stripe about the session and runs the same idempotent settlement as the webhook.
 */
export const orderRoutes = new Hono<AppEnv>()
  .get("/orders/:id/complete", validate("param", orderParam), async (c) => {
    const { id } = c.req.valid("param");
    const deps = c.var.deps;
    let order = await getOrderForBuyer(deps, id);
    if (order.status === "pending" && order.stripeSessionId) {
      try {
        const session = await deps.stripe.checkout.sessions.retrieve(order.stripeSessionId);
        if (session.status === "complete") {
          await settleFromSession(deps, order.id, session);
          sendMailSoon(c, order.id);
          order = await getOrderForBuyer(deps, id);
        }
      } catch (err) {
        // The webhook will settle it; the page says "waiting" and checks again.
        console.error(JSON.stringify({ level: "warn", event: "success_page_lookup_failed", orderId: id, error: String(err) }));
      }
    }
    return c.html(<OrderPage order={order} />);
  })
  // The buyer left Stripe's page: end the session, free the seats, and offer the form again.
  .get("/orders/:id/cancel", validate("param", orderParam), async (c) => {
    const { id } = c.req.valid("param");
    const deps = c.var.deps;
    const order = await getOrderForBuyer(deps, id);
    if (order.status === "pending") await endHold(deps, order.id, order.stripeSessionId, "cancelled");
    const now = await getOrderForBuyer(deps, id);
    if (now.status === "paid") return c.redirect(`/orders/${id}/complete`, 303);
    return c.redirect(`/events/${order.event.slug}/register?from=${id}`, 303);
  });
