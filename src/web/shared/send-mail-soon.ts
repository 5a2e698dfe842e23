import type { AppEnv } from "@/env";
import { sendDueEmails } from "@/domain/mail/sender";
import { mailTransport } from "@/domain/mail/transport";

/**
 * Sends due mail after the response has gone (waitUntil), so a buyer gets tickets seconds
 * after paying: only that order's mail when `orderId` is given (cheap under load); the cron
 * picks up anything this misses. Reads only the request's variables, so any route's context will do.
 */
export function sendMailSoon(c: { var: Pick<AppEnv["Variables"], "waitUntil" | "deps" | "config"> }, orderId?: string) {
  c.var.waitUntil(
    sendDueEmails(c.var.deps, mailTransport(c.var.config), { orderId }).catch((err) =>
      console.error(JSON.stringify({ level: "error", event: "outbox_kick_failed", error: String(err) })),
    ),
  );
}
