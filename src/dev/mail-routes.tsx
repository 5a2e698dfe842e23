import { prismaFor } from "@/dev/db";
import { Hono, type Context } from "hono";
import * as z from "zod";
import type { AppEnv } from "@/env";
import { DomainError } from "@/domain/errors";
import { validate } from "@/lib/validate";
import { composeEmail } from "@emails/compose";
import type { OutgoingEmail } from "@/domain/mail/message";
import { mailTransport } from "@/domain/mail/transport";
import { DevMailboxPage, DevMailMessagePage, type EmptyReason } from "@/dev/mailbox-page";
import { findOrderWithTickets } from "@/domain/orders/repo";

const idParam = z.object({ id: z.string().regex(/^eml_[0-9a-z]{16,20}$/) });

async function load(c: Context<AppEnv>, id: string) {
  const row = await prismaFor(c.env.DB).outboxEmail.findUnique({ where: { id } });
  if (!row) throw new DomainError("not_found", { what: "outbox_message" });
  return { row, email: await composeEmail(c.var.deps, row) };
}

/**
 * Why a message composes to nothing now: messages are composed when sent, from the order as it
 * is then, so one whose order or event was cancelled since has no tickets left to show.
 */
async function whyEmpty(c: Context<AppEnv>, orderId: string | null): Promise<EmptyReason | undefined> {
  const order = orderId ? await findOrderWithTickets(c.var.deps.d1, orderId) : null;
  return order ? { reference: order.reference, orderStatus: order.status, eventStatus: order.event.status } : undefined;
}

/** Bytes (or text) as base64, for a data: URL. */
function base64(content: Uint8Array | string): string {
  const bytes = typeof content === "string" ? new TextEncoder().encode(content) : content;
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * The email's HTML with its cid: images inlined as data: URLs. The preview is a sandboxed
 * frame (an opaque origin), so links back to this mailbox would be cross-origin requests that
 * the app's Cross-Origin-Resource-Policy refuses: the images would show broken.
 */
function previewHtml(email: OutgoingEmail): string {
  return email.attachments.reduce(
    (html, a) => (a.contentId ? html.replaceAll(`cid:${a.contentId}`, `data:${a.contentType};base64,${base64(a.content)}`) : html),
    email.html,
  );
}

/**
 * The dev mailbox: with no RESEND_API_KEY, messages stay in the outbox and are read here
 * (and as JSON, for tests and tools). Mounted under /dev, which answers 404 in production.
 */
export const devMailRoutes = new Hono<AppEnv>()
  .get("/mail", async (c) => {
    const rows = await prismaFor(c.env.DB).outboxEmail.findMany({ orderBy: { createdAt: "desc" }, take: 200 });
    return c.html(<DevMailboxPage rows={rows} transport={mailTransport(c.var.config).kind} />);
  })
  .get("/mail.json", async (c) => {
    const rows = await prismaFor(c.env.DB).outboxEmail.findMany({ orderBy: { createdAt: "desc" }, take: 200 });
    const origin = c.var.deps.origin;
    const messages = await Promise.all(
      rows.map(async (row) => {
        const email = await composeEmail(c.var.deps, row).catch(() => null);
        return {
          id: row.id,
          to: row.recipient,
          template: row.template,
          status: row.status,
          attempts: row.attempts,
          idempotencyKey: row.idempotencyKey,
          createdAt: row.createdAt.toISOString(),
          subject: email?.subject ?? null,
          text: email?.text ?? null,
          html: email?.html ?? null,
          attachments: (email?.attachments ?? []).map((a, i) => ({
            filename: a.filename,
            contentType: a.contentType,
            contentId: a.contentId ?? null,
            url: `${origin}/dev/mail/${row.id}/attachments/${i}`,
          })),
        };
      }),
    );
    return c.json({ messages });
  })
  .get("/mail/:id", validate("param", idParam), async (c) => {
    const { row, email } = await load(c, c.req.valid("param").id);
    const empty = email ? undefined : await whyEmpty(c, row.orderId);
    return c.html(<DevMailMessagePage row={row} email={email} empty={empty} />);
  })
  .get("/mail/:id/html", validate("param", idParam), async (c) => {
    const { id } = c.req.valid("param");
    const { email } = await load(c, id);
    if (!email) throw new DomainError("not_found", { what: "outbox_content" });
    // Email HTML uses inline styles, so it gets its own policy: no scripts, framed only by the mailbox.
    c.header("Content-Security-Policy", "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; frame-ancestors 'self'");
    c.header("X-Frame-Options", "SAMEORIGIN");
    return c.html(previewHtml(email));
  })
  .get("/mail/:id/attachments/:index", validate("param", idParam.extend({ index: z.coerce.number().int().min(0).max(100) })), async (c) => {
    const { id, index } = c.req.valid("param");
    const attachment = (await load(c, id)).email?.attachments[index];
    if (!attachment) throw new DomainError("not_found", { what: "attachment" });
    return c.body(attachment.content as Uint8Array<ArrayBuffer> | string, 200, {
      "Content-Type": attachment.contentType,
      "Content-Disposition": `inline; filename="${attachment.filename}"`,
    });
  });
