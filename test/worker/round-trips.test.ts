import { env } from "cloudflare:workers";
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import worker from "@/dev/entry";
import { countingD1, notCounted, ROUND_TRIPS_HEADER } from "@/dev/round-trips";
import { codeFor, doorSetup, nonce, scan } from "./door-helpers";
import { createEvent, db, fetchWorker, orderBody, serviceDeps } from "./helpers";
import { serviceDepsFrom } from "@/deps";
import { sendDueEmails, sendQueuedMail } from "@/domain/mail/sender";
import type { MailTransport } from "@/domain/mail/transport";
import { mailTransport } from "@/domain/mail/transport";
import { fulfilOrder } from "@/domain/orders/settle";
import { deliver, pendingOrder, sessionObject, stripeEvent } from "./stripe-fixtures";

// The round-trip budgets of the hot paths (issue #16; DESIGN: "Round trips are the edge's
// currency"). The development entry counts each request's D1 calls (src/dev/round-trips.ts)
// and says the number in a response header.

/** The D1 round trips a response says its request took. */
function roundTrips(res: Response): number {
  const header = res.headers.get(ROUND_TRIPS_HEADER);
  expect(header, `${ROUND_TRIPS_HEADER} header`).not.toBeNull();
  return Number(header);
}

describe("the round-trip counter", () => {
  it("counts each statement run and each batch as one, and nothing run for another service", async () => {
    const { db: d1, counter } = countingD1(env.DB);
    await d1.prepare("SELECT 1").first();
    await d1.prepare("SELECT ?1").bind(2).all();
    await d1.batch([d1.prepare("SELECT 1"), d1.prepare("SELECT ?1").bind(2)]);
    expect(counter.count).toBe(3);
    await notCounted(() => d1.prepare("SELECT 1").run());
    expect(counter.count).toBe(3);
  });
});

describe("a check-in is one round trip", () => {
  it("admits a scanned code with an API token (its first use, which also records it) in one", async () => {
    const { event, tickets, door } = await doorSetup(2);
    const res = await scan(door, { event: event.slug, code: await codeFor(tickets[0]!.id), nonce: nonce(), device: "phone" });
    expect(((await res.json()) as { result: string }).result).toBe("admitted");
    expect(roundTrips(res)).toBe(1);
    expect((await db.apiToken.findFirstOrThrow({ where: { staffId: door.staff.id } })).lastUsedAt).not.toBeNull();
    const next = await scan(door, { event: event.slug, code: await codeFor(tickets[1]!.id), nonce: nonce() });
    expect(((await next.json()) as { result: string }).result).toBe("admitted");
    expect(roundTrips(next)).toBe(1);
  });

  it("admits with a door session, and by ticket id after a search, in one", async () => {
    const { event, tickets, door } = await doorSetup(2);
    const bySession = await scan(door, { event: event.slug, code: await codeFor(tickets[0]!.id), nonce: nonce() }, false);
    expect(((await bySession.json()) as { result: string }).result).toBe("admitted");
    expect(roundTrips(bySession)).toBe(1);
    const byId = await scan(door, { event: event.slug, ticketId: tickets[1]!.id, nonce: nonce() });
    expect(((await byId.json()) as { result: string }).result).toBe("admitted");
    expect(roundTrips(byId)).toBe(1);
    expect(await db.checkIn.count({ where: { eventId: event.id, result: "admitted", staffId: door.staff.id } })).toBe(2);
  });
});

describe("the one-trip admit never admits what the long way refuses", () => {
  type Setup = Awaited<ReturnType<typeof doorSetup>>;
  const cases: Array<[string, (s: Setup) => Promise<unknown>, viaToken?: boolean]> = [
    ["a cancelled ticket", (s) => db.ticket.update({ where: { id: s.tickets[0]!.id }, data: { status: "cancelled" } })],
    ["an unpaid order", (s) => db.order.update({ where: { id: s.order.id }, data: { status: "pending" } })],
    ["a refunded order", (s) => db.order.update({ where: { id: s.order.id }, data: { status: "refunded" } })],
    ["a cancelled event", (s) => db.event.update({ where: { id: s.event.id }, data: { status: "cancelled" } })],
    ["a disabled staff member", (s) => db.staff.update({ where: { id: s.door.staff.id }, data: { disabledAt: new Date() } })],
    ["a revoked token", (s) => db.apiToken.updateMany({ where: { staffId: s.door.staff.id }, data: { revokedAt: new Date() } })],
    ["an expired session", (s) => db.session.updateMany({ where: { staffId: s.door.staff.id }, data: { expiresAt: new Date(Date.now() - 1000) } }), false],
    ["door staff of another event", (s) => db.staffEvent.deleteMany({ where: { staffId: s.door.staff.id } })],
  ];
  for (const [what, change, viaToken = true] of cases) {
    it(`refuses ${what}`, async () => {
      const setup = await doorSetup(1);
      await change(setup);
      const res = await scan(setup.door, { event: setup.event.slug, code: await codeFor(setup.tickets[0]!.id), nonce: nonce() }, viaToken);
      const body = (await res.json()) as { result?: string };
      expect(body.result).not.toBe("admitted");
      expect((await db.ticket.findUniqueOrThrow({ where: { id: setup.tickets[0]!.id } })).checkedInAt).toBeNull();
      expect(await db.checkIn.count({ where: { ticketId: setup.tickets[0]!.id, result: "admitted" } })).toBe(0);
    });
  }

  it("refuses a ticket of another event scanned at this door, by code or by id", async () => {
    const here = await doorSetup(1);
    const elsewhere = await doorSetup(1);
    await db.staffEvent.create({ data: { staffId: here.door.staff.id, eventId: elsewhere.event.id } });
    for (const by of [{ code: await codeFor(elsewhere.tickets[0]!.id) }, { ticketId: elsewhere.tickets[0]!.id }]) {
      const body = (await (await scan(here.door, { event: here.event.slug, ...by, nonce: nonce() })).json()) as { result?: string };
      expect(body.result).toBe("wrong_event");
    }
    expect((await db.ticket.findUniqueOrThrow({ where: { id: elsewhere.tickets[0]!.id } })).checkedInAt).toBeNull();
  });
});

describe("a ticket page is one round trip", () => {
  it("reads the ticket, its event, tier, order and number once for the page, its calendar file and its QR image", async () => {
    const { tickets } = await doorSetup(2);
    const ticket = await db.ticket.findUniqueOrThrow({ where: { id: tickets[1]!.id } });
    const page = await fetchWorker(`/tickets/${ticket.token}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/[A-Z]{2,5}-[A-Z0-9]{5}-2\b/);
    expect(roundTrips(page)).toBe(1);
    expect(roundTrips(await fetchWorker(`/tickets/${ticket.token}/calendar.ics`))).toBe(1);
    expect(roundTrips(await fetchWorker(`/tickets/${ticket.token}/qr.png`))).toBe(1);
  });
});

describe("an event page or the events API is one round trip, or none when cached", () => {
  it("reads an event with its tiers and programme in one", async () => {
    const event = await createEvent({ tiers: [{ name: "Member" }, { name: "Non-member" }] });
    for (const path of [`/events/${event.slug}`, `/api/v1/events/${event.slug}`, "/api/v1/events", "/"]) {
      const res = await fetchWorker(path, { headers: { accept: path.startsWith("/api") ? "application/json" : "text/html" } });
      expect(res.status, path).toBe(200);
      expect(roundTrips(res), path).toBe(1);
    }
  });

  it("answers from the edge cache (caches.default) without the database while it is fresh", async () => {
    const event = await createEvent();
    const cachedEnv = { ...env, PUBLIC_CACHE_SECONDS: "10" };
    const call = async (path: string) => {
      const ctx = createExecutionContext();
      const res = await worker.fetch(new Request(`http://example.test${path}`), cachedEnv, ctx);
      await waitOnExecutionContext(ctx); // the cache is written after the response
      return res;
    };
    for (const path of [`/events/${event.slug}`, `/api/v1/events/${event.slug}`]) {
      const first = await call(path);
      expect(first.status, path).toBe(200);
      expect(roundTrips(first), path).toBe(1);
      const again = await call(path);
      expect(again.status, path).toBe(200);
      expect(roundTrips(again), path).toBe(0);
    }
  });
});

describe("placing an order and fulfilling it", () => {
  it("places an order in 2 round trips: the event with its tiers, then the order with its seats", async () => {
    const event = await createEvent();
    const res = await fetchWorker(`/api/v1/events/${event.slug}/orders`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify(orderBody(event.ticketTypes[0]!.id, 2)),
    });
    expect(res.status).toBe(201);
    expect(roundTrips(res)).toBe(2);
  });

  it("refuses an order for a sold-out event with a clean 409 in 3 round trips (the event, the batch that fails, what is left)", async () => {
    const event = await createEvent({ capacity: 1 });
    const order = (n: number) =>
      fetchWorker(`/api/v1/events/${event.slug}/orders`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify(orderBody(event.ticketTypes[0]!.id, n)),
      });
    expect((await order(1)).status).toBe(201);
    const refused = await order(1);
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("sold_out");
    expect(roundTrips(refused)).toBe(3);
  });

  it("opens the Checkout Session on the pay page in 2 round trips plus the Stripe call (the hold extended and the order read in one batch, then the session stored), and reuses it in 1", async () => {
    const event = await createEvent();
    const placed = await fetchWorker(`/api/v1/events/${event.slug}/orders`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify(orderBody(event.ticketTypes[0]!.id, 1)),
    });
    const { checkoutUrl } = (await placed.json()) as { checkoutUrl: string };
    const pay = await fetchWorker(new URL(checkoutUrl).pathname, { redirect: "manual" });
    expect(pay.status).toBe(303);
    expect(roundTrips(pay)).toBe(2);
    const again = await fetchWorker(new URL(checkoutUrl).pathname, { redirect: "manual" });
    expect(again.headers.get("location")).toBe(pay.headers.get("location"));
    expect(roundTrips(again)).toBe(1);
  });

  it("fulfils a paid session from the webhook in 2 round trips (event seen? with its order, then the fulfilment with the event recorded in its batch); its mail goes after the response", async () => {
    const { order, sessionId } = await pendingOrder(2);
    const completed = stripeEvent("checkout.session.completed", sessionObject(order, sessionId));
    const res = await deliver(completed);
    expect(res.status).toBe(200);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("paid");
    expect(roundTrips(res)).toBe(2);
    expect(await db.stripeEvent.count({ where: { id: completed.id } })).toBe(1);
    // The same event again is a duplicate, found in the first.
    const again = await deliver(stripeEvent("checkout.session.completed", sessionObject(order, sessionId), completed.id));
    expect(again.status).toBe(200);
    expect(roundTrips(again)).toBe(1);
  });
});

describe("the mail after a payment", () => {
  /** A paid order of 2 tickets, the second attendee with an address of their own: a buyer's email and an attendee's are due. */
  async function paidOrderWithTwoEmails() {
    const { order } = await pendingOrder(2);
    const tickets = await db.ticket.findMany({ where: { orderId: order.id }, orderBy: { createdAt: "asc" } });
    await db.ticket.update({ where: { id: tickets[1]!.id }, data: { attendeeEmail: `own-${order.id}@example.org` } });
    expect(await fulfilOrder(serviceDeps(), order.id, { paymentIntentId: `pi_rt_${order.id}` })).toBe(true);
    expect(await db.outboxEmail.count({ where: { orderId: order.id, status: "pending" } })).toBe(2);
    return order;
  }

  /** Service dependencies whose D1 (the composer's reads included) counts its round trips. */
  function countedDeps() {
    const { db: d1, counter } = countingD1(env.DB);
    const base = serviceDeps();
    return { deps: serviceDepsFrom({ config: base.config, d1, stripe: base.stripe, origin: base.origin }), counter };
  }

  it("sends one order's messages in 2 round trips: the claim with the order's reads, then every outcome", async () => {
    const order = await paidOrderWithTwoEmails();
    const { deps, counter } = countedDeps();
    expect(await sendDueEmails(deps, mailTransport(deps.config), { orderIds: [order.id] })).toMatchObject({ sent: 2, failed: 0, retrying: 0, skipped: 0 });
    expect(counter.count).toBe(2);
    const rows = await db.outboxEmail.findMany({ where: { orderId: order.id } });
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([
      ["sent", 1],
      ["sent", 1],
    ]);
    // Nothing is left to claim: a second run is one round trip and sends nothing.
    const again = countedDeps();
    expect(await sendDueEmails(again.deps, mailTransport(again.deps.config), { orderIds: [order.id] })).toMatchObject({ sent: 0 });
    expect(again.counter.count).toBe(1);
  });

  it("sends several orders' messages in 2 round trips: one claim with every order's reads, one record", async () => {
    const orders = [await paidOrderWithTwoEmails(), await paidOrderWithTwoEmails(), await paidOrderWithTwoEmails()];
    const { deps, counter } = countedDeps();
    expect(await sendDueEmails(deps, mailTransport(deps.config), { orderIds: orders.map((o) => o.id) })).toMatchObject({ sent: 6, failed: 0, skipped: 0 });
    expect(counter.count).toBe(2);
    const sentTo = await db.outboxEmail.findMany({ where: { orderId: { in: orders.map((o) => o.id) } } });
    expect(sentTo.map((r) => r.status)).toEqual(Array(6).fill("sent"));
  });

  it("lets requests that queue mail while a run is sending join it: their orders go in its next claim", async () => {
    const [first, second, third] = [await paidOrderWithTwoEmails(), await paidOrderWithTwoEmails(), await paidOrderWithTwoEmails()];
    const { deps, counter } = countedDeps();
    const sent: string[] = [];
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    // The first message waits at the gate, as a slow provider would, while two more requests queue theirs.
    const transport: MailTransport = { kind: "dev_mailbox", send: async (email, key) => (sent.length === 0 && (await gate), sent.push(key), { ok: true, providerId: `test-${key}` }) };
    const runs = [sendQueuedMail(deps, transport, [first!.id])];
    await new Promise((resolve) => setTimeout(resolve, 50));
    runs.push(sendQueuedMail(deps, transport, [second!.id]), sendQueuedMail(deps, transport, [third!.id]));
    expect(runs[1]).toBe(runs[0]);
    open();
    await Promise.all(runs);
    expect(sent).toHaveLength(6);
    // Two runs of 2: the first order's, then the other two orders' in one claim (2 per order apart: 6).
    expect(counter.count).toBe(4);
    expect(await db.outboxEmail.count({ where: { orderId: { in: [first!.id, second!.id, third!.id] }, status: "sent" } })).toBe(6);
  });

  it("sends what is due (the cron) in 2 round trips plus one read per message", async () => {
    await db.outboxEmail.updateMany({ where: { status: "pending" }, data: { status: "skipped" } });
    await paidOrderWithTwoEmails();
    const { deps, counter } = countedDeps();
    expect(await sendDueEmails(deps, mailTransport(deps.config))).toMatchObject({ sent: 2, failed: 0 });
    expect(counter.count).toBe(2 + 2);
  });
});

describe("joining a waiting list", () => {
  it("takes two round trips: the event with its tiers, then the join with its email and place in one batch", async () => {
    const event = await createEvent({ capacity: 1, tiers: [{ name: "Standard", priceMinor: 1000, quota: 1 }] });
    const tier = event.ticketTypes[0]!;
    expect((await fetchWorker(`/api/v1/events/${event.slug}/orders`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(orderBody(tier.id)) })).status).toBe(201);
    const join = (email: string) =>
      fetchWorker(`/api/v1/events/${event.slug}/waitlist`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ tier: tier.id, name: "Wanda", email, places: 1 }) });
    const first = await join("wanda@example.org");
    expect(first.status).toBe(201);
    expect(roundTrips(first)).toBe(2);
    const second = await join("xavi@example.org");
    expect(((await second.json()) as { entry: { position: number } }).entry.position).toBe(2);
    expect(roundTrips(second)).toBe(2);
  });
});
