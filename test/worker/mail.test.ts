import { env } from "cloudflare:workers";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { loadConfig } from "@/config";
import { sendDueEmails } from "@/domain/mail/sender";
import { mailTransport } from "@/domain/mail/transport";
import { fulfilOrder } from "@/domain/orders/settle";
import jsQR from "jsqr";
import { verifyTicketCodeWith } from "@/domain/tickets/code-format";
import { createEvent, db, fetchWorker, getJson, postJson, serviceDeps } from "./helpers";
import { decodePng } from "./png-decode";
import { pendingOrder } from "./stripe-fixtures";

async function paidOrder(attendeeEmails: Array<string | null> = [null, null]) {
  const { order, event, tier } = await pendingOrder(attendeeEmails.length);
  const tickets = await db.ticket.findMany({ where: { orderId: order.id }, orderBy: { createdAt: "asc" } });
  for (const [i, email] of attendeeEmails.entries()) {
    await db.ticket.update({ where: { id: tickets[i]!.id }, data: { attendeeEmail: email } });
  }
  expect(await fulfilOrder(serviceDeps(), order.id, { paymentIntentId: "pi_test_mail" })).toBe(true);
  return { order, event, tier };
}

const resendConfig = () => loadConfig({ ...env, RESEND_API_KEY: "re_test_key", RESEND_BASE_URL: "http://resend.fake" });

/** A fake Resend API: answers the statuses given, in turn, and records each request. */
function fakeResend(statuses: number[]) {
  const calls: Array<{ idempotencyKey: string | null; body: Record<string, unknown> }> = [];
  const original = globalThis.fetch;
  vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const request = new Request(input as RequestInfo, init as RequestInit);
    if (!request.url.startsWith("http://resend.fake/")) return original(input as RequestInfo, init as RequestInit);
    calls.push({ idempotencyKey: request.headers.get("idempotency-key"), body: (await request.json()) as Record<string, unknown> });
    const status = statuses[Math.min(calls.length - 1, statuses.length - 1)]!;
    const body = status === 200 ? { id: `re_msg_${calls.length}` } : { statusCode: status, name: status === 422 ? "validation_error" : "internal_server_error", message: status === 422 ? "Invalid `to` field." : "Server error" };
    return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
  });
  return calls;
}

afterEach(() => vi.restoreAllMocks());
// Tests in a file share one database: start each with an empty outbox.
beforeEach(async () => {
  await db.outboxEmail.deleteMany();
});

describe("ticket emails", () => {
  it("queues one email to the buyer and one to each attendee with their own address", async () => {
    const { order } = await paidOrder(["ADA@example.org", "bob@example.org", null]);
    const rows = await db.outboxEmail.findMany({ where: { orderId: order.id }, orderBy: { template: "asc" } });
    expect(rows.map((r) => [r.template, r.recipient])).toEqual([
      ["attendee_ticket", "bob@example.org"],
      ["order_confirmation", "ada@example.org"],
    ]);
  });

  it("sends no ticket codes for an event cancelled before the mail went out", async () => {
    const { order, event } = await paidOrder(["bob@example.org", null]);
    await db.event.update({ where: { id: event.id }, data: { status: "cancelled" } });
    const deps = serviceDeps();
    expect(await sendDueEmails(deps, mailTransport(deps.config))).toMatchObject({ sent: 0, skipped: 2 });
    const rows = await db.outboxEmail.findMany({ where: { orderId: order.id } });
    expect(rows.map((r) => r.status)).toEqual(["skipped", "skipped"]);
  });

  it("sends nothing after the lease of the run's claim has ended: the rest stays claimed for a later run", async () => {
    const { order } = await paidOrder(["bob@example.org", null]);
    let clock = Date.now();
    const deps = { ...serviceDeps(() => new Date(clock)), config: resendConfig() };
    const sent: string[] = [];
    // Each send takes 6 minutes on this clock: the second message would go after the 5-minute lease.
    const slow = { kind: "resend" as const, send: async (_e: unknown, key: string) => ((clock += 6 * 60_000), sent.push(key), { ok: true as const, providerId: `re_${key}` }) };
    expect(await sendDueEmails(deps, slow, { orderIds: [order.id] })).toMatchObject({ sent: 1 });
    expect(sent.length).toBe(1);
    const rows = await db.outboxEmail.findMany({ where: { orderId: order.id } });
    expect(rows.map((r) => r.status).sort()).toEqual(["pending", "sent"]);
    expect(rows.find((r) => r.status === "pending")!.attempts).toBe(1);
    // Its lease has ended by now: the next run sends it.
    expect(await sendDueEmails(deps, slow, { orderIds: [order.id] })).toMatchObject({ sent: 1 });
    expect(new Set(sent).size).toBe(2);
  });

  it("keeps mail in the dev mailbox, with the QR codes inline as PNG and the calendar attached", async () => {
    const { order } = await paidOrder([null, null]);
    const deps = serviceDeps();
    expect(await sendDueEmails(deps, mailTransport(deps.config))).toMatchObject({ sent: 1, failed: 0 });
    const { body } = await getJson("/dev/mail.json");
    const message = body.messages.find((m: { idempotencyKey: string }) => m.idempotencyKey === `order-confirmation-${order.id}`);
    expect(message).toMatchObject({ to: "ada@example.org", status: "sent", subject: expect.stringContaining("Your tickets for") });
    expect(message.text).toContain("Person 1");
    expect(message.text).toContain("Person 2");
    expect(message.text).toContain(order.reference);
    const pngs = message.attachments.filter((a: { contentType: string }) => a.contentType === "image/png");
    expect(pngs).toHaveLength(2);
    for (const png of pngs) {
      expect(message.html).toContain(`src="cid:${png.contentId}"`);
      const res = await fetchWorker(new URL(png.url).pathname);
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([...bytes.slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    }
    expect(message.html).not.toContain("data:image");
    expect(message.html).not.toContain("<svg");
    const ics = message.attachments.find((a: { filename: string }) => a.filename === "event.ics");
    expect(await (await fetchWorker(new URL(ics.url).pathname)).text()).toContain("BEGIN:VEVENT");
    const page = await fetchWorker("/dev/mail");
    expect(await page.text()).toContain("ada@example.org");
  });

  it("previews the HTML with its inline QR images in the page itself, as a sandboxed frame can show them", async () => {
    const { order } = await paidOrder([null, null]);
    const deps = serviceDeps();
    await sendDueEmails(deps, mailTransport(deps.config));
    const { body } = await getJson("/dev/mail.json");
    const message = body.messages.find((m: { idempotencyKey: string }) => m.idempotencyKey === `order-confirmation-${order.id}`);
    const res = await fetchWorker(`/dev/mail/${message.id}/html`);
    expect(res.headers.get("content-security-policy")).toContain("img-src 'self' data:");
    const html = await res.text();
    expect(html).not.toContain("cid:");
    const sources = [...html.matchAll(/<img[^>]* src="([^"]+)"/g)].map((m) => m[1]!);
    expect(sources).toHaveLength(2);
    const pngs = message.attachments.filter((a: { contentType: string }) => a.contentType === "image/png");
    for (const [i, src] of sources.entries()) {
      // A sandboxed frame has an opaque origin: a URL back to the app is cross-origin and refused.
      expect(src).toMatch(/^data:image\/png;base64,/);
      const inline = Uint8Array.from(atob(src.slice(src.indexOf(",") + 1)), (ch) => ch.charCodeAt(0));
      const served = new Uint8Array(await (await fetchWorker(new URL(pngs[i].url).pathname)).arrayBuffer());
      expect([...inline]).toEqual([...served]);
    }
  });

  it("says a sent confirmation's order has been cancelled since, rather than 'Nothing to send'", async () => {
    const { order } = await paidOrder([null]);
    const deps = serviceDeps();
    await sendDueEmails(deps, mailTransport(deps.config));
    const row = await db.outboxEmail.findFirstOrThrow({ where: { idempotencyKey: `order-confirmation-${order.id}` } });
    expect(row.status).toBe("sent");
    await db.order.update({ where: { id: order.id }, data: { status: "cancelled" } });
    await db.ticket.updateMany({ where: { orderId: order.id }, data: { status: "cancelled" } });
    const html = await (await fetchWorker(`/dev/mail/${row.id}`)).text();
    expect(html).not.toContain("Nothing to send");
    expect(html).toContain(`<h1>Order ${order.reference} is cancelled</h1>`);
    expect(html).toContain("It was sent at");
  });

  it("emails QR codes that an independent decoder reads and the public key alone verifies", async () => {
    const { order } = await paidOrder([null]);
    const deps = serviceDeps();
    expect(await sendDueEmails(deps, mailTransport(deps.config))).toMatchObject({ sent: 1, failed: 0 });
    const { body } = await getJson("/dev/mail.json");
    const message = body.messages.find((m: { idempotencyKey: string }) => m.idempotencyKey === `order-confirmation-${order.id}`);
    expect(message, "the order confirmation in the dev mailbox").toBeDefined();
    const png = message.attachments.find((a: { contentType: string }) => a.contentType === "image/png");
    const bytes = new Uint8Array(await (await fetchWorker(new URL(png.url).pathname)).arrayBuffer());
    const { width, height, rgba } = await decodePng(bytes);
    const code = jsQR(rgba, width, height)?.data;
    expect(code).toMatch(/^T1:[A-Z2-7]+$/);

    // Only the public key, as a door scanner has it.
    const [keyId, raw] = env.TEST_TICKET_PUBLIC_KEY.split(".") as [string, string];
    const bin = atob(raw.replace(/-/g, "+").replace(/_/g, "/"));
    const publicKey = await crypto.subtle.importKey("raw", Uint8Array.from(bin, (ch) => ch.charCodeAt(0)), { name: "Ed25519" }, false, ["verify"]);
    const findKey = async (id: string) => (id === keyId ? publicKey : undefined);
    const ticket = await db.ticket.findFirstOrThrow({ where: { orderId: order.id } });
    expect(await verifyTicketCodeWith(code!, findKey)).toEqual({ ok: true, keyId, eventId: ticket.eventId, ticketId: ticket.id, ticketTypeId: ticket.ticketTypeId });

    // One character changed in the signed part fails; so does a key the scanner does not hold.
    const tampered = code!.slice(0, 20) + (code![20] === "A" ? "B" : "A") + code!.slice(21);
    expect((await verifyTicketCodeWith(tampered, findKey)).ok).toBe(false);
    const other = (await crypto.subtle.generateKey({ name: "Ed25519" }, true, ["sign", "verify"])) as CryptoKeyPair;
    expect(await verifyTicketCodeWith(code!, async () => other.publicKey)).toMatchObject({ ok: false, reason: "bad_signature" });
  });

  it("delivers exactly once through Resend after two server errors, with the same idempotency key each time", async () => {
    const { order } = await paidOrder([null]);
    const calls = fakeResend([500, 500, 200]);
    let clock = Date.now();
    const deps = { ...serviceDeps(() => new Date(clock)), config: resendConfig() };
    const transport = mailTransport(deps.config);
    expect(transport.kind).toBe("resend");

    expect(await sendDueEmails(deps, transport)).toMatchObject({ sent: 0, retrying: 1 });
    expect(await sendDueEmails(deps, transport)).toMatchObject({ sent: 0, retrying: 0 }); // backing off: not due yet
    clock += 31_000;
    expect(await sendDueEmails(deps, transport)).toMatchObject({ retrying: 1 });
    clock += 61_000;
    expect(await sendDueEmails(deps, transport)).toMatchObject({ sent: 1 });
    clock += 3_600_000;
    expect(await sendDueEmails(deps, transport)).toMatchObject({ sent: 0 });

    expect(calls).toHaveLength(3);
    expect(new Set(calls.map((c) => c.idempotencyKey))).toEqual(new Set([`order-confirmation-${order.id}`]));
    const attachments = calls[2]!.body.attachments as Array<{ content_id?: string; contentId?: string; filename: string }>;
    expect(attachments.some((a) => (a.content_id ?? a.contentId)?.startsWith("qr-"))).toBe(true);
    const row = await db.outboxEmail.findFirstOrThrow({ where: { orderId: order.id } });
    expect(row).toMatchObject({ status: "sent", attempts: 3, providerId: "re_msg_3" });
  });

  it("marks a message Resend rejects (422, bad address) as failed, visibly, without retrying", async () => {
    const { order } = await paidOrder([null]);
    const calls = fakeResend([422]);
    const deps = { ...serviceDeps(), config: resendConfig() };
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(await sendDueEmails(deps, mailTransport(deps.config))).toMatchObject({ sent: 0, retrying: 0, failed: 1 });
    expect(await sendDueEmails(deps, mailTransport(deps.config))).toMatchObject({ sent: 0, retrying: 0, failed: 0 });
    expect(calls).toHaveLength(1);
    const row = await db.outboxEmail.findFirstOrThrow({ where: { orderId: order.id } });
    expect(row.status).toBe("failed");
    expect(row.lastError).toContain("422");
    const { body } = await getJson("/dev/mail.json");
    expect(body.messages.find((m: { id: string }) => m.id === row.id).status).toBe("failed");
  });

  it("sends each message exactly once when two senders run at once", async () => {
    const { order } = await paidOrder([null, "carol@example.org"]);
    const calls = fakeResend([200]);
    const deps = { ...serviceDeps(), config: resendConfig() };
    const transport = mailTransport(deps.config);
    const runs = await Promise.all([sendDueEmails(deps, transport), sendDueEmails(deps, transport)]);

    // Two messages are due (the buyer's confirmation and Carol's ticket): both go, once each.
    const rows = await db.outboxEmail.findMany({ where: { orderId: order.id } });
    expect(rows).toHaveLength(2);
    expect(runs[0]!.sent + runs[1]!.sent).toBe(2);
    expect(calls.map((c) => c.idempotencyKey).sort()).toEqual(rows.map((r) => r.idempotencyKey).sort());
    expect(rows.map((r) => r.status)).toEqual(["sent", "sent"]);
  });
});

describe("email me my tickets again", () => {
  const ask = (slug: string, email: string, ip = "203.0.113.9") =>
    fetchWorker(`/events/${slug}/tickets-again`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://example.test", "cf-connecting-ip": ip },
      body: new URLSearchParams({ email }),
    });

  it("answers the same whether or not the address has tickets, and only mails real ticket holders", async () => {
    const { event } = await paidOrder([null, "dan@example.org"]);
    const known = await ask(event.slug, " Dan@Example.org ");
    const unknown = await ask(event.slug, "nobody@example.org");
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    const strip = (html: string) => html.replace(/x-request-id[^\n]*/gi, "");
    expect(strip(await known.text())).toBe(strip(await unknown.text()));
    const rows = await db.outboxEmail.findMany({ where: { template: "tickets_again" } });
    expect(rows.map((r) => r.recipient)).toEqual(["dan@example.org"]);
  });

  it("finds tickets whatever the case the buyer typed at purchase", async () => {
    const event = await createEvent({ tiers: [{ name: "Free", priceMinor: 0 }] });
    const { status } = await postJson(`/api/v1/events/${event.slug}/orders`, { buyer: { name: "Ada", email: "ADA@Example.org" }, tickets: [{ tier: event.ticketTypes[0]!.id, name: "Ada" }] });
    expect(status).toBe(201);
    expect((await ask(event.slug, "ada@example.org")).status).toBe(200);
    const rows = await db.outboxEmail.findMany({ where: { template: "tickets_again" } });
    expect(rows.map((r) => r.recipient)).toContain("ada@example.org");
    expect(rows.filter((r) => JSON.parse(r.data).eventId === event.id)).toHaveLength(1);
  });

  it("sends to one address at most three times an hour, and limits each client", async () => {
    const { event } = await paidOrder([null]);
    for (let i = 0; i < 5; i++) expect((await ask(event.slug, "ada@example.org", "198.51.100.1")).status).toBe(200);
    expect(await db.outboxEmail.count({ where: { template: "tickets_again", recipient: "ada@example.org" } })).toBe(3);
    let last: Response | undefined;
    for (let i = 0; i < 20; i++) last = await ask(event.slug, `x${i}@example.org`, "198.51.100.2");
    expect(last!.status).toBe(200);
    expect((await ask(event.slug, "y@example.org", "198.51.100.2")).status).toBe(429);
  });
});
