import { describe, expect, it } from "vitest";
import { sweepWaitlists } from "@/domain/waitlist/waitlist";
import { en } from "@/i18n/en";
import { readableText, sentencesIn, sentencesOf } from "./catalogue-text";
import { createEvent, db, fetchWorker, postJson, serviceDeps } from "./helpers";

// The waiting list as attendees meet it (issue #14): the join link on a sold-out event, joining
// by form and API, leaving, and an offer's link (a pre-filled registration form).

const origin = "http://example.test";

function postForm(path: string, fields: Record<string, string>) {
  return fetchWorker(path, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", origin }, body: new URLSearchParams(fields), redirect: "manual" });
}

/** An event of two places, both sold: its one £10 tier "Standard" is sold out. */
async function soldOutEvent(fields: Parameters<typeof createEvent>[0] = {}) {
  const event = await createEvent({ capacity: 2, soldCount: 2, tiers: [{ name: "Standard", priceMinor: 1000, soldCount: 2 }], ...fields });
  return { event, tier: event.ticketTypes[0]! };
}

const join = (slug: string, tier: string, email: string, places = 1, name = "Grace Waiting") => postJson(`/api/v1/events/${slug}/waitlist`, { tier, name, email, places });

/** Frees the event's two sold places (as refunds would) and lets the chore offer them. */
async function freeSeatsAndOffer(eventId: string, tierId: string) {
  await db.event.update({ where: { id: eventId }, data: { soldCount: 0 } });
  await db.ticketType.update({ where: { id: tierId }, data: { soldCount: 0 } });
  return sweepWaitlists(serviceDeps());
}

describe("a sold-out event", () => {
  it("offers the waiting list beside Sold out, on the page and in the list of events; an event on sale does not", async () => {
    const { event, tier } = await soldOutEvent();
    const html = await (await fetchWorker(`/events/${event.slug}`)).text();
    expect(html).toContain("Sold out");
    expect(html).toContain(`href="/events/${event.slug}/waitlist?tier=${tier.id}"`);
    expect(html).toContain("Join the waiting list");
    expect(html).toContain("You can join the waiting list: when places come free");
    const list = await (await fetchWorker("/")).text();
    expect(list).toContain("Waiting list open");

    const onSale = await createEvent({ capacity: 2 });
    const open = await (await fetchWorker(`/events/${onSale.slug}`)).text();
    expect(open).not.toContain("Join the waiting list");
    expect(open).not.toContain("/waitlist?tier=");
  });

  it("has no join link when the organisers turned the list off", async () => {
    const { event } = await soldOutEvent({ waitlistEnabled: false });
    const html = await (await fetchWorker(`/events/${event.slug}`)).text();
    expect(html).toContain("Sold out");
    expect(html).not.toContain("Join the waiting list");
  });
});

describe("joining the waiting list", () => {
  it("through the form: says the tier, places and place in the queue, and queues the confirmation email", async () => {
    const { event, tier } = await soldOutEvent();
    const form = await fetchWorker(`/events/${event.slug}/waitlist?tier=${tier.id}`);
    expect(form.status).toBe(200);
    const page = await form.text();
    expect(page).toContain("For Standard tickets.");
    for (const field of ["name", "email", "places", "language"]) expect(page).toMatch(new RegExp(`<label for="${field}">`));
    expect(page).toContain('<option value="4"');

    const res = await postForm(`/events/${event.slug}/waitlist`, { tier: tier.id, name: "Grace Hopper", email: "Grace@Example.org", places: "2", language: "es" });
    expect(res.status).toBe(201);
    const done = await res.text();
    expect(done).toContain("You are on the waiting list");
    expect(done).toContain("You asked for 2 Standard places, and you are number 1 in the queue");
    const entry = await db.waitlistEntry.findFirstOrThrow({ where: { eventId: event.id } });
    expect(entry).toMatchObject({ email: "grace@example.org", places: 2, language: "es", status: "waiting" });
    expect(await db.outboxEmail.count({ where: { template: "waitlist_joined", recipient: "grace@example.org" } })).toBe(1);
  });

  it("through the form: says what to fix, and offers a tier choice when the link named none", async () => {
    const { event, tier } = await soldOutEvent();
    const page = await (await fetchWorker(`/events/${event.slug}/waitlist`)).text();
    expect(page).toContain(`<option value="${tier.id}"`);
    const res = await postForm(`/events/${event.slug}/waitlist`, { tier: tier.id, name: "", email: "not-an-email", places: "9", language: "fr" });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('href="#name"');
    expect(html).toContain('href="#email"');
    expect(html).toContain('href="#places"');
    expect(html).toContain('href="#language"');
    expect(await db.waitlistEntry.count({ where: { eventId: event.id } })).toBe(0);
  });

  it("through the API: 201 with the entry and its position; joining again with the same email updates it", async () => {
    const { event, tier } = await soldOutEvent();
    const first = await join(event.slug, tier.id, "ada@example.org", 1);
    expect(first.status).toBe(201);
    expect(first.body.entry).toMatchObject({ tier: tier.id, places: 1, status: "waiting", position: 1 });
    const second = await join(event.slug, tier.id, "bob@example.org", 3);
    expect(second.body.entry.position).toBe(2);
    const again = await join(event.slug, tier.id, "ADA@example.org", 2);
    expect(again.status).toBe(201);
    expect(again.body.entry).toMatchObject({ id: first.body.entry.id, places: 2, position: 1 });
    expect(await db.waitlistEntry.count({ where: { eventId: event.id } })).toBe(2);
    expect(await db.outboxEmail.count({ where: { template: "waitlist_joined", recipient: "ada@example.org" } })).toBe(2);
  });

  it("is refused while places are on sale: 409 not_sold_out, and the form says to register", async () => {
    const event = await createEvent({ capacity: 5, tiers: [{ name: "Standard" }] });
    const tier = event.ticketTypes[0]!;
    const api = await join(event.slug, tier.id, "early@example.org");
    expect(api.status).toBe(409);
    expect(api.body.error.code).toBe("not_sold_out");
    const res = await postForm(`/events/${event.slug}/waitlist`, { tier: tier.id, name: "Early Bird", email: "early@example.org", places: "1", language: "en" });
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toContain("still on sale");
    expect(html).toContain(`href="/events/${event.slug}"`);
    expect(html).toContain("Register now");
    expect(await db.waitlistEntry.count({ where: { eventId: event.id } })).toBe(0);
  });

  it("checks the API's fields: 422 with the field codes", async () => {
    const { event, tier } = await soldOutEvent();
    const res = await postJson(`/api/v1/events/${event.slug}/waitlist`, { tier: tier.id, name: "X", email: "nope", places: 5 });
    expect(res.status).toBe(422);
    expect(res.body.error.fieldCodes).toMatchObject({ email: "your_email_invalid", places: "at_most" });
    const missing = await postJson(`/api/v1/events/${event.slug}/waitlist`, { tier: tier.id, name: "X", email: "x@example.org" });
    expect(missing.status).toBe(422);
    expect(missing.body.error.fieldCodes).toMatchObject({ places: "required" });
  });
});

describe("leaving the waiting list", () => {
  it("asks first, then takes the person off; the link then says there is nothing to leave", async () => {
    const { event, tier } = await soldOutEvent();
    await join(event.slug, tier.id, "leaver@example.org");
    const entry = await db.waitlistEntry.findFirstOrThrow({ where: { eventId: event.id } });
    const confirm = await fetchWorker(`/waitlist/leave/${entry.leaveToken}`);
    expect(confirm.status).toBe(200);
    expect(confirm.headers.get("cache-control")).toBe("private, no-store");
    const html = await confirm.text();
    expect(html).toContain("Do you want to leave the waiting list for Standard tickets");
    expect(html).toContain(`action="/waitlist/leave/${entry.leaveToken}"`);
    const left = await postForm(`/waitlist/leave/${entry.leaveToken}`, {});
    expect(left.status).toBe(200);
    expect(await left.text()).toContain("You have left the waiting list");
    expect((await db.waitlistEntry.findUniqueOrThrow({ where: { id: entry.id } })).status).toBe("left");
    expect(await (await fetchWorker(`/waitlist/leave/${entry.leaveToken}`)).text()).toContain("You are no longer on this waiting list");
  });

  it("with an open offer, passes its places to the next person", async () => {
    const { event, tier } = await soldOutEvent();
    await join(event.slug, tier.id, "first@example.org", 2);
    await join(event.slug, tier.id, "second@example.org", 2);
    await freeSeatsAndOffer(event.id, tier.id);
    const first = await db.waitlistEntry.findFirstOrThrow({ where: { eventId: event.id, email: "first@example.org" } });
    expect(first.status).toBe("offered");
    expect(await (await fetchWorker(`/waitlist/leave/${first.leaveToken}`)).text()).toContain("if you leave, its places go to the next person");
    const left = await (await postForm(`/waitlist/leave/${first.leaveToken}`, {})).text();
    expect(left).toContain("The places offered to you have gone to the next person");
    const second = await db.waitlistEntry.findFirstOrThrow({ where: { eventId: event.id, email: "second@example.org" } });
    expect(second.status).toBe("offered");
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).heldCount).toBe(2);
  });

  it("is a private 404 for an unknown link", async () => {
    const res = await fetchWorker(`/waitlist/leave/${"x".repeat(43)}`);
    expect(res.status).toBe(404);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
  });
});

describe("an offer's link", () => {
  async function offered(places = 2) {
    const { event, tier } = await soldOutEvent();
    await join(event.slug, tier.id, "offered@example.org", places, "Olive Offered");
    await freeSeatsAndOffer(event.id, tier.id);
    const entry = await db.waitlistEntry.findFirstOrThrow({ where: { eventId: event.id } });
    expect(entry.status).toBe("offered");
    return { event, tier, entry, token: entry.offerToken! };
  }

  const buyThrough = (slug: string, token: string, tierId: string, email = "offered@example.org") =>
    postForm(`/events/${slug}/register`, {
      "buyer.name": "Olive Offered",
      "buyer.email": email,
      "tickets.0.tier": tierId,
      "tickets.0.name": "Olive Offered",
      "tickets.1.tier": tierId,
      "tickets.1.name": "Oscar Guest",
      offer: token,
    });

  it("opens the registration form filled in, holding its places until a time it names", async () => {
    const { entry, token, tier } = await offered();
    const res = await fetchWorker(`/waitlist/offers/${token}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const html = await res.text();
    expect(html).toContain("This offer holds 2 Standard places for you until");
    expect(html).toMatch(/name="buyer\.email" type="email" value="offered@example\.org"[^>]*readonly/);
    expect(html).toContain('value="Olive Offered"');
    expect(html).toContain(`name="offer" value="${token}"`);
    expect(html).toContain(`name="tickets.1.tier" value="${tier.id}"`);
    expect(html).not.toContain('name="tickets.2.tier"');
    expect(entry.offerExpiresAt!.getTime()).toBeGreaterThan(Date.now());
  });

  it("registers through the offer: tickets of its tier, its held places become the order's; used twice it says so", async () => {
    const { event, tier, token, entry } = await offered();
    const res = await buyThrough(event.slug, token, tier.id);
    expect(res.status).toBe(303);
    const converted = await db.waitlistEntry.findUniqueOrThrow({ where: { id: entry.id } });
    expect(converted.status).toBe("converted");
    const order = await db.order.findUniqueOrThrow({ where: { id: converted.orderId! }, include: { tickets: true } });
    expect(order.tickets.map((t) => t.ticketTypeId)).toEqual([tier.id, tier.id]);
    const counts = await db.event.findUniqueOrThrow({ where: { id: event.id } });
    expect(counts.soldCount + counts.heldCount).toBe(2);
    expect(counts.heldCount).toBe(2);

    const again = await fetchWorker(`/waitlist/offers/${token}`);
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("already been used to register");
    const twice = await buyThrough(event.slug, token, tier.id);
    expect(await twice.text()).toContain("already been used to register");
    expect(await db.order.count({ where: { eventId: event.id } })).toBe(1);
  });

  it("after it ends, says its places went to the next person and offers to join again", async () => {
    const { event, tier, token, entry } = await offered();
    await db.waitlistEntry.update({ where: { id: entry.id }, data: { offerExpiresAt: new Date(Date.now() - 60_000) } });
    const res = await fetchWorker(`/waitlist/offers/${token}`);
    const html = await res.text();
    expect(html).toContain("This offer has expired");
    expect(html).toContain(`href="/events/${event.slug}/waitlist?tier=${tier.id}"`);
    const late = await buyThrough(event.slug, token, tier.id);
    expect(await late.text()).toContain("This offer has expired");
    expect(await db.order.count({ where: { eventId: event.id } })).toBe(0);
  });

  it("holds nothing for someone else's email address", async () => {
    const { event, tier, token } = await offered();
    const res = await buyThrough(event.slug, token, tier.id, "someone.else@example.org");
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toContain("This offer is for someone else");
    expect(html).toMatch(/name="buyer\.email" type="email" value="offered@example\.org"[^>]*readonly/);
    expect(await db.order.count({ where: { eventId: event.id } })).toBe(0);
  });

  it("is a 404 for an unknown token", async () => {
    expect((await fetchWorker(`/waitlist/offers/${"y".repeat(43)}`)).status).toBe(404);
  });
});

describe("in Spanish", () => {
  it("the join, joined, leave and offer pages say no English sentence", async () => {
    const english = sentencesOf(en);
    const { event, tier } = await soldOutEvent();
    const spanish = async (res: Response) => {
      const html = await res.text();
      expect(html).toContain('<html lang="es"');
      expect(sentencesIn(readableText(html), english)).toEqual([]);
      return html;
    };
    expect(await spanish(await fetchWorker(`/events/${event.slug}?lang=es`))).toContain("Anotarme en la lista de espera");
    await spanish(await fetchWorker(`/events/${event.slug}/waitlist?tier=${tier.id}&lang=es`));
    const joined = await fetchWorker(`/events/${event.slug}/waitlist?lang=es`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin },
      body: new URLSearchParams({ tier: tier.id, name: "Inés", email: "ines@example.org", places: "2", language: "es" }),
    });
    expect(await spanish(joined)).toContain("eres el número 1 en la fila");
    const entry = await db.waitlistEntry.findFirstOrThrow({ where: { eventId: event.id } });
    await spanish(await fetchWorker(`/waitlist/leave/${entry.leaveToken}?lang=es`));
    await freeSeatsAndOffer(event.id, tier.id);
    const offered = await db.waitlistEntry.findUniqueOrThrow({ where: { id: entry.id } });
    expect(await spanish(await fetchWorker(`/waitlist/offers/${offered.offerToken}?lang=es`))).toContain("Esta oferta te reserva 2 lugares");
  });
});
