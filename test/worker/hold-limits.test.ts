import { describe, expect, it } from "vitest";
import { createEvent, db, fetchWorker } from "./helpers";
import { eventForm } from "./event-form-fixture";
import { getAs, postAs, signedInAs } from "./auth-helpers";

/** Places an API order of `count` tickets for `email`, from the client at `ip`. */
function order(slug: string, tier: string, opts: { email: string; ip: string; count: number }) {
  return fetchWorker(`/api/v1/events/${slug}/orders`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", "cf-connecting-ip": opts.ip },
    body: JSON.stringify({
      buyer: { name: "Hoarder", email: opts.email },
      tickets: Array.from({ length: opts.count }, (_, i) => ({ tier, name: `Person ${i + 1}` })),
    }),
  });
}

describe("limits on unpaid holds", () => {
  it("stops one client holding most of the seats with orders under different emails", async () => {
    const event = await createEvent({ capacity: 120, tiers: [{ priceMinor: 1000 }] });
    const tier = event.ticketTypes[0]!.id;
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await order(event.slug, tier, { email: `h${i}@example.org`, ip: "203.0.113.7", count: 10 })).status);
    // The default limit is 20 tickets held per client: two orders of 10, then no more.
    expect(statuses.filter((s) => s === 201)).toHaveLength(2);
    expect(statuses.filter((s) => s === 429)).toHaveLength(9);
    const after = await db.event.findUniqueOrThrow({ where: { id: event.id } });
    expect(after.heldCount).toBe(20);
    // Someone else, elsewhere, can still buy.
    expect((await order(event.slug, tier, { email: "else@example.org", ip: "198.51.100.2", count: 2 })).status).toBe(201);
  });

  it("answers rate_limited with a sentence and a Retry-After, and takes no seats", async () => {
    const event = await createEvent({ capacity: 50, holdOrdersLimit: 1, tiers: [{ priceMinor: 1000 }] });
    const tier = event.ticketTypes[0]!.id;
    expect((await order(event.slug, tier, { email: "a@example.org", ip: "203.0.113.8", count: 1 })).status).toBe(201);
    const res = await order(event.slug, tier, { email: "b@example.org", ip: "203.0.113.8", count: 1 });
    expect(res.status).toBe(429);
    const retryAfter = Number(res.headers.get("retry-after"));
    // The first order never reached the pay page: its hold is the 10-minute first hold.
    expect(retryAfter).toBeGreaterThan(5 * 60);
    expect(retryAfter).toBeLessThanOrEqual(10 * 60);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("rate_limited");
    expect(body.error.message).toMatch(/unpaid registrations holding places.*try again in (10|\d) minutes?/);
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).heldCount).toBe(1);
    expect(await db.order.count({ where: { eventId: event.id } })).toBe(1);
  });

  it("says so on the registration form, with a Retry-After", async () => {
    const event = await createEvent({ capacity: 50, holdOrdersLimit: 1, tiers: [{ priceMinor: 1000 }] });
    const fields = { "buyer.name": "Ada", "buyer.email": "form@example.org", "tickets.0.tier": event.ticketTypes[0]!.id, "tickets.0.name": "Ada" };
    const post = () =>
      fetchWorker(`/events/${event.slug}/register`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://example.test", "cf-connecting-ip": "192.0.2.77" },
        body: new URLSearchParams(fields),
        redirect: "manual",
      });
    expect((await post()).status).toBe(303);
    const refused = await post();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await refused.text()).toContain("You already have unpaid registrations holding places for this event.");
  });

  it("limits one buyer email across clients, whatever its capitals", async () => {
    const event = await createEvent({ capacity: 50, holdOrdersLimit: 2, tiers: [{ priceMinor: 1000 }] });
    const tier = event.ticketTypes[0]!.id;
    expect((await order(event.slug, tier, { email: "same@example.org", ip: "192.0.2.1", count: 1 })).status).toBe(201);
    expect((await order(event.slug, tier, { email: "Same@Example.org", ip: "192.0.2.2", count: 1 })).status).toBe(201);
    expect((await order(event.slug, tier, { email: "same@example.org", ip: "192.0.2.3", count: 1 })).status).toBe(429);
  });

  it("counts only holds still running: an expired or paid order frees the buyer to order again", async () => {
    const event = await createEvent({ capacity: 50, holdOrdersLimit: 1, tiers: [{ priceMinor: 1000 }] });
    const tier = event.ticketTypes[0]!.id;
    const first = (await (await order(event.slug, tier, { email: "c@example.org", ip: "192.0.2.9", count: 1 })).json()) as { order: { id: string } };
    await db.order.update({ where: { id: first.order.id }, data: { holdExpiresAt: new Date(Date.now() - 1000) } });
    expect((await order(event.slug, tier, { email: "c@example.org", ip: "192.0.2.9", count: 1 })).status).toBe(201);
  });

  it("holds seats briefly until the buyer opens the pay page, then for 35 minutes", async () => {
    const event = await createEvent({ capacity: 50, tiers: [{ priceMinor: 1000 }] });
    const res = await order(event.slug, event.ticketTypes[0]!.id, { email: "d@example.org", ip: "192.0.2.10", count: 1 });
    const body = (await res.json()) as { order: { id: string; expiresAt: string }; checkoutUrl: string };
    const placed = await db.order.findUniqueOrThrow({ where: { id: body.order.id } });
    const firstMinutes = (placed.holdExpiresAt!.getTime() - Date.now()) / 60_000;
    expect(firstMinutes).toBeGreaterThan(9);
    expect(firstMinutes).toBeLessThanOrEqual(10);
    expect(body.order.expiresAt).toBe(placed.holdExpiresAt!.toISOString());
    expect(placed.stripeSessionId).toBeNull();
    await fetchWorker(new URL(body.checkoutUrl).pathname, { redirect: "manual" });
    const stored = await db.order.findUniqueOrThrow({ where: { id: body.order.id } });
    expect((stored.holdExpiresAt!.getTime() - Date.now()) / 60_000).toBeGreaterThan(34);
    expect(stored.stripeSessionId).not.toBeNull();
    // Only a hash of the client's address is kept.
    expect(stored.clientKey).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("the hold limits on the organiser's event form", () => {
  const form = (overrides: Record<string, string>) =>
    eventForm({ title: "Limits Day", summary: "", description: "", venueName: "Hall", venueAddress: "1 Street, London", doorsOpen: "", capacity: "", referencePrefix: "", agenda: "", ...overrides });


  it("shows the defaults, stores what the organiser sets, and keeps the defaults when blank", async () => {
    const organiser = await signedInAs("organiser");
    const page = await (await getAs(organiser, "/admin/events/new")).text();
    expect(page).toMatch(/name="holdOrdersLimit"[^>]*value="3"|value="3"[^>]*name="holdOrdersLimit"/);
    const res = await postAs(organiser, "/admin/events/new", form({ holdOrdersLimit: "5", holdTicketsLimit: "40", ticketsPerMembership: "2" }));
    expect(res.status).toBe(303);
    const id = /\/admin\/events\/(evt_[0-9a-z]+)\//.exec(res.headers.get("location") ?? "")![1]!;
    expect(await db.event.findUniqueOrThrow({ where: { id } })).toMatchObject({ holdOrdersLimit: 5, holdTicketsLimit: 40, ticketsPerMembership: 2 });
    const blank = await postAs(organiser, "/admin/events/new", form({ title: "Limits Day Two" }));
    const blankId = /\/admin\/events\/(evt_[0-9a-z]+)\//.exec(blank.headers.get("location") ?? "")![1]!;
    expect(await db.event.findUniqueOrThrow({ where: { id: blankId } })).toMatchObject({ holdOrdersLimit: 3, holdTicketsLimit: 20, ticketsPerMembership: 1 });
  });

  it("refuses a limit of nought with a message on the field", async () => {
    const organiser = await signedInAs("organiser");
    const res = await postAs(organiser, "/admin/events/new", form({ holdOrdersLimit: "0" }));
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("Most unpaid orders per buyer: Enter 1 or more.");
  });
});
