import { describe, expect, it } from "vitest";
import { signedInAs, getAs, postAs } from "./auth-helpers";
import { createEvent, db, fetchWorker, getJson } from "./helpers";
import { paidThroughEmulator, pendingOrder, seats } from "./stripe-fixtures";

async function organiser() {
  return signedInAs("organiser");
}

describe("the event dashboard", () => {
  it("shows sold, held and capacity per tier, money, check-ins and failed email", async () => {
    const event = await createEvent({ capacity: 50, tiers: [{ name: "Member", priceMinor: 800, quota: 20 }, { name: "Non-member", priceMinor: 1300 }] });
    const order = await paidThroughEmulator(event.slug, event.ticketTypes[1]!.id, 2);
    await db.ticket.updateMany({ where: { orderId: order.id }, data: { checkedInAt: new Date() } });
    // Let the background sender finish with the confirmation before marking it failed.
    await expect.poll(() => db.outboxEmail.count({ where: { orderId: order.id, status: "sent" } }), { timeout: 5_000 }).toBeGreaterThan(0);
    await db.outboxEmail.updateMany({ where: { orderId: order.id }, data: { status: "failed", lastError: "422: Invalid `to` field." } });
    const me = await organiser();
    const html = await (await getAs(me, `/admin/events/${event.id}`)).text();
    expect(html).toMatch(/<th scope="row">Non-member<\/th><td class="num">2<\/td><td class="num">0<\/td><td class="num">none<\/td><td class="num">2<\/td>/);
    expect(html).toMatch(/<th scope="row">Member<\/th><td class="num">0<\/td><td class="num">0<\/td><td class="num">20<\/td>/);
    expect(html).toContain("£26");
    expect(html).toContain("2 of 2 checked in");
    expect(html).toContain("Invalid `to` field.");
    expect(html).toContain("Try again");
  });
});

describe("finding attendees", () => {
  it("searches by name, email or reference and filters by tier, status and check-in", async () => {
    const event = await createEvent({ tiers: [{ name: "Member", priceMinor: 0 }, { name: "Guest", priceMinor: 0 }] });
    const [member, guest] = event.ticketTypes;
    const post = (tier: string, name: string, email: string) =>
      fetchWorker(`/api/v1/events/${event.slug}/orders`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ buyer: { name, email }, tickets: [{ tier, name }] }) });
    await post(member!.id, "Zoë Quinn", "zoe@example.org");
    await post(guest!.id, "Olu Adeyemi", "olu@example.org");
    const olu = await db.order.findFirstOrThrow({ where: { buyerEmail: "olu@example.org" } });
    await db.ticket.updateMany({ where: { orderId: olu.id }, data: { checkedInAt: new Date() } });
    const me = await organiser();
    const page = async (query: string) => (await getAs(me, `/admin/events/${event.id}/attendees?${query}`)).text();

    expect(await page("q=zo")).toContain("Zoë Quinn");
    expect(await page("q=zo")).not.toContain("Olu Adeyemi");
    expect(await page("q=olu%40example")).toContain("Olu Adeyemi");
    expect(await page(`q=${olu.reference.toLowerCase()}`)).toContain("Olu Adeyemi");
    expect(await page(`tier=${member!.id}`)).not.toContain("Olu Adeyemi");
    expect(await page("checkedIn=yes")).not.toContain("Zoë Quinn");
    expect(await page("checkedIn=no")).toContain("Zoë Quinn");
    expect(await page("status=refunded")).toContain("0 attendees found");
  });

  it("shows check-in times in the event's zone, named", async () => {
    const event = await createEvent({ timezone: "Europe/London", tiers: [{ name: "Guest", priceMinor: 0 }] });
    await fetchWorker(`/api/v1/events/${event.slug}/orders`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ buyer: { name: "Ada Early", email: "ada@example.org" }, tickets: [{ tier: event.ticketTypes[0]!.id, name: "Ada Early" }] }),
    });
    const order = await db.order.findFirstOrThrow({ where: { eventId: event.id } });
    await db.ticket.updateMany({ where: { orderId: order.id }, data: { checkedInAt: new Date("2027-06-20T09:45:00Z") } });
    const html = await (await getAs(await organiser(), `/admin/events/${event.id}/attendees`)).text();
    expect(html).toContain("10:45 BST");
    expect(html).not.toContain("09:45 UTC");
  });
});

describe("fixing orders", () => {
  it("corrects a name, cancels a ticket freeing its seat, and keeps the history", async () => {
    const { order, event } = await pendingOrder(2);
    await db.order.update({ where: { id: order.id }, data: { status: "paid" } });
    await db.ticket.updateMany({ where: { orderId: order.id }, data: { status: "valid" } });
    await db.event.update({ where: { id: event.id }, data: { heldCount: 0, soldCount: 2 } });
    await db.ticketType.updateMany({ where: { eventId: event.id }, data: { heldCount: 0, soldCount: 2 } });
    const [first, second] = await db.ticket.findMany({ where: { orderId: order.id }, orderBy: { createdAt: "asc" } });
    const me = await organiser();

    let res = await postAs(me, `/admin/tickets/${first!.id}/name`, { name: "  Núñez  Pérez " });
    expect(res.status).toBe(303);
    expect((await db.ticket.findUniqueOrThrow({ where: { id: first!.id } })).attendeeName).toBe("Núñez Pérez");

    res = await postAs(me, `/admin/tickets/${second!.id}/cancel`);
    expect(res.status).toBe(303);
    expect((await db.ticket.findUniqueOrThrow({ where: { id: second!.id } })).status).toBe("cancelled");
    expect(await seats(event.id)).toMatchObject({ sold: 1, tierSold: 1 });
    // Again: nothing more happens, and the page says why.
    res = await postAs(me, `/admin/tickets/${second!.id}/cancel`);
    expect(res.status).toBe(409);
    expect(await seats(event.id)).toMatchObject({ sold: 1 });

    const html = await (await getAs(me, `/admin/orders/${order.id}`)).text();
    expect(html).toContain("attendee renamed by " + me.staff.email);
    expect(html).toContain("ticket cancelled by " + me.staff.email);
  });

  it("shows the order's times in the event's zone, saying which zone", async () => {
    const { order, event } = await pendingOrder(1);
    await db.order.update({ where: { id: order.id }, data: { status: "paid", createdAt: new Date("2027-06-01T13:05:00Z"), paidAt: new Date("2027-06-01T13:07:00Z") } });
    await db.ticket.updateMany({ where: { orderId: order.id }, data: { status: "valid", checkedInAt: new Date("2027-06-20T14:30:00Z") } });
    const me = await organiser();
    const html = await (await getAs(me, `/admin/orders/${order.id}`)).text();
    expect(html).toContain("1 Jun 2027, 14:05 BST: ordered");
    expect(html).toContain("1 Jun 2027, 14:07 BST: paid");
    expect(html).toContain("checked in 20 Jun 2027, 15:30 BST");
    expect(html).not.toContain("UTC");
  });

  it("cancels an unpaid order and frees its held seats", async () => {
    const { order, event } = await pendingOrder(3);
    const me = await organiser();
    const res = await postAs(me, `/admin/orders/${order.id}/cancel`);
    expect(res.status).toBe(303);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("cancelled");
    expect(await seats(event.id)).toMatchObject({ held: 0, sold: 0 });
  });

  it("cancels a paid order without a refund only once confirmed, tells the buyer by email, and says so on their order page", async () => {
    const event = await createEvent({ capacity: 5, tiers: [{ name: "Standard", priceMinor: 1300 }] });
    const order = await paidThroughEmulator(event.slug, event.ticketTypes[0]!.id, 2);
    const me = await organiser();
    const orderPage = await (await getAs(me, `/admin/orders/${order.id}`)).text();
    expect(orderPage).toMatch(/<input type="checkbox" id="confirm-cancel" name="confirm" value="yes" required/);

    const unconfirmed = await postAs(me, `/admin/orders/${order.id}/cancel`);
    expect(unconfirmed.status).toBe(422);
    expect(await unconfirmed.text()).toContain("Tick the box to confirm");
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("paid");

    expect((await postAs(me, `/admin/orders/${order.id}/cancel`, { confirm: "yes" })).status).toBe(303);
    expect(await seats(event.id)).toMatchObject({ sold: 0, held: 0 });
    const { body } = await getJson("/dev/mail.json");
    const mail = body.messages.find((m: { template: string; idempotencyKey: string }) => m.idempotencyKey === `order-cancelled-${order.id}`);
    expect(mail).toMatchObject({ to: "ada@example.org", subject: `Your tickets for ${event.title} have been cancelled` });
    expect(mail.text).toContain("you paid £26 for");
    expect(mail.text).toContain("has not been refunded");

    const buyerPage = await (await fetchWorker(`/orders/${order.id}/complete`)).text();
    expect(buyerPage).toContain("The organisers cancelled this order");
    expect(buyerPage).toContain("Nothing has been refunded yet.");
    expect(buyerPage).toContain("contact the organisers");
    expect(buyerPage).not.toContain("Nothing has been charged");
    expect(buyerPage).not.toContain("Register again");
  });

  it("tells a buyer refunded by the organisers so, not that their payment came late", async () => {
    const event = await createEvent({ tiers: [{ name: "Standard", priceMinor: 1300 }] });
    const order = await paidThroughEmulator(event.slug, event.ticketTypes[0]!.id);
    expect((await postAs(await organiser(), `/admin/orders/${order.id}/refund`, { amount: "" })).status).toBe(303);
    const buyerPage = await (await fetchWorker(`/orders/${order.id}/complete`)).text();
    expect(buyerPage).toContain("The organisers refunded £13 to your card");
    expect(buyerPage).not.toContain("after your places were released");
  });

  it("refunds in full through Stripe: tickets revoked, capacity released, buyer emailed, once", async () => {
    const event = await createEvent({ capacity: 5, tiers: [{ name: "Standard", priceMinor: 1300 }] });
    const order = await paidThroughEmulator(event.slug, event.ticketTypes[0]!.id, 2);
    expect(await seats(event.id)).toMatchObject({ sold: 2, held: 0 });
    const me = await organiser();
    const res = await postAs(me, `/admin/orders/${order.id}/refund`, { amount: "" });
    expect(res.status).toBe(303);
    const after = await db.order.findUniqueOrThrow({ where: { id: order.id }, include: { tickets: true } });
    expect(after).toMatchObject({ status: "refunded", refundedMinor: 2600 });
    expect(after.tickets.map((t) => t.status)).toEqual(["cancelled", "cancelled"]);
    expect(await seats(event.id)).toMatchObject({ sold: 0, held: 0 });
    expect(await db.outboxEmail.count({ where: { orderId: order.id, template: "refund_issued" } })).toBe(1);

    // A double-submitted form is refused, not refunded twice.
    const again = await postAs(me, `/admin/orders/${order.id}/refund`, { amount: "" });
    expect(again.status).toBe(409);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).refundedMinor).toBe(2600);
  });

  it("refunds part of an order and cancels only the chosen ticket", async () => {
    const event = await createEvent({ capacity: 5, tiers: [{ name: "Standard", priceMinor: 1300 }] });
    const order = await paidThroughEmulator(event.slug, event.ticketTypes[0]!.id, 2);
    const [, second] = await db.ticket.findMany({ where: { orderId: order.id }, orderBy: { createdAt: "asc" } });
    const me = await organiser();
    const tooMuch = await postAs(me, `/admin/orders/${order.id}/refund`, { amount: "99" });
    expect(tooMuch.status).toBe(422);
    expect(await tooMuch.text()).toContain("Enter an amount up to £26");
    const res = await postAs(me, `/admin/orders/${order.id}/refund`, { amount: "13.00", cancel: second!.id });
    expect(res.status).toBe(303);
    const after = await db.order.findUniqueOrThrow({ where: { id: order.id }, include: { tickets: { orderBy: { createdAt: "asc" } } } });
    expect(after).toMatchObject({ status: "partially_refunded", refundedMinor: 1300 });
    expect(after.tickets.map((t) => t.status)).toEqual(["valid", "cancelled"]);
    expect(await seats(event.id)).toMatchObject({ sold: 1 });
  });

  it("resends the tickets as a new email", async () => {
    const event = await createEvent({ tiers: [{ priceMinor: 0 }] });
    const me = await organiser();
    const created = await fetchWorker(`/api/v1/events/${event.slug}/orders`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ buyer: { name: "A", email: "a@example.org" }, tickets: [{ tier: event.ticketTypes[0]!.id, name: "A" }] }) });
    const { order } = (await created.json()) as { order: { id: string } };
    expect((await postAs(me, `/admin/orders/${order.id}/resend`)).status).toBe(303);
    expect(await db.outboxEmail.count({ where: { orderId: order.id, template: "order_confirmation" } })).toBe(2);
  });
});

describe("complimentary and pay-at-the-door registrations", () => {
  it("takes seats like any order, confirms at once and emails the tickets", async () => {
    const event = await createEvent({ capacity: 3, tiers: [{ name: "Standard", priceMinor: 1300 }] });
    const me = await organiser();
    const res = await postAs(me, `/admin/events/${event.id}/registrations`, {
      buyerName: "Speaker Office",
      buyerEmail: "speakers@example.org",
      tierId: event.ticketTypes[0]!.id,
      source: "complimentary",
      attendees: "Dr Amal Clooney\nProf. Kwame Anthony\n",
    });
    expect(res.status).toBe(303);
    const order = await db.order.findFirstOrThrow({ where: { buyerEmail: "speakers@example.org" }, include: { tickets: true } });
    expect(order).toMatchObject({ status: "paid", source: "complimentary", totalMinor: 0 });
    expect(order.tickets.map((t) => t.status)).toEqual(["valid", "valid"]);
    expect(await seats(event.id)).toMatchObject({ sold: 2 });
    expect(await db.outboxEmail.count({ where: { orderId: order.id, template: "order_confirmation" } })).toBe(1);

    const door = await postAs(me, `/admin/events/${event.id}/registrations`, { buyerName: "Walk-in", buyerEmail: "walkin@example.org", tierId: event.ticketTypes[0]!.id, source: "door", attendees: "One\nTwo" });
    expect(door.status).toBe(409);
    expect(await door.text()).toContain("not enough seats");
    expect(await seats(event.id)).toMatchObject({ sold: 2 });
  });

  it("shows every error of an empty form at once, the attendee names' included", async () => {
    const event = await createEvent();
    const res = await postAs(await organiser(), `/admin/events/${event.id}/registrations`, { buyerName: "", buyerEmail: "", tierId: event.ticketTypes[0]!.id, source: "complimentary", attendees: "" });
    expect(res.status).toBe(422);
    const html = await res.text();
    for (const field of ["buyerName", "buyerEmail", "attendees"]) expect(html, field).toContain(`id="${field}-error"`);
    expect(await db.order.count({ where: { eventId: event.id } })).toBe(0);
  });
});
