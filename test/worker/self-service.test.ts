import { describe, expect, it } from "vitest";
import { composeEmail } from "@emails/compose";
import { cancelTickets, changeName, ticketForSelfService, transferTicket } from "@/domain/self-service/actions";
import { getAs, signedInAs } from "./auth-helpers";
import { codeFor, nonce, scan } from "./door-helpers";
import { createEvent, days, db, fetchWorker, serviceDeps } from "./helpers";
import { paidThroughEmulator, seats } from "./stripe-fixtures";

const hour = 3_600_000;
const origin = "http://example.test";

/** A same-origin form POST, as a browser sends it. */
const post = (path: string, fields: Record<string, string>, from = origin) =>
  fetchWorker(path, { method: "POST", headers: { origin: from, "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(fields), redirect: "manual" });

/** What Stripe (the emulator) has refunded of an order's payment. */
async function refundedAtStripe(paymentIntentId: string) {
  const stripe = serviceDeps().stripe;
  const intent = await stripe.paymentIntents.retrieve(paymentIntentId);
  return (await stripe.charges.retrieve(String(intent.latest_charge))).amount_refunded;
}

/** A paid order of `n` £10 tickets on an event with these self-service settings, and its tickets in order. */
async function paidOrder(n: number, settings: Parameters<typeof createEvent>[0] = {}) {
  const event = await createEvent({ capacity: 20, tiers: [{ name: "Standard", priceMinor: 1000, quota: 10 }], ...settings });
  const order = await paidThroughEmulator(event.slug, event.ticketTypes[0]!.id, n);
  const tickets = await db.ticket.findMany({ where: { orderId: order.id }, orderBy: { createdAt: "asc" } });
  return { event, order, tickets };
}

describe("changing the name on a ticket", () => {
  it("changes it from the ticket page, confirms on screen and by email, and audits it as self-service", async () => {
    const { event, order, tickets } = await paidOrder(1);
    const before = await seats(event.id);
    const res = await post(`/tickets/${tickets[0]!.token}/name`, { name: "Grace Hopper" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/tickets/${tickets[0]!.token}?done=renamed#manage`);
    const page = await (await fetchWorker(new URL(res.headers.get("location")!, origin).pathname + "?done=renamed")).text();
    expect(page).toContain("The name on the ticket is changed");
    expect((await db.ticket.findUniqueOrThrow({ where: { id: tickets[0]!.id } })).attendeeName).toBe("Grace Hopper");
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { orderId: order.id, template: "self_service_change" } });
    const composed = await composeEmail(serviceDeps(), mail);
    expect(composed!.to).toBe(order.buyerEmail);
    expect(composed!.text).toContain("is now in the name of Grace Hopper");
    const entry = await db.auditEntry.findFirstOrThrow({ where: { entityId: order.id, action: "self_service_renamed" } });
    expect(entry.staffId).toBeNull();
    expect(await seats(event.id)).toEqual(before);
  });

  it("shows every error at once and changes nothing for an empty name", async () => {
    const { tickets } = await paidOrder(1);
    const res = await post(`/tickets/${tickets[0]!.token}/name`, { name: "   " });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("error-summary");
    expect((await db.ticket.findUniqueOrThrow({ where: { id: tickets[0]!.id } })).attendeeName).toBe("Person 1");
  });

  it("refuses a form posted from another site", async () => {
    const { tickets } = await paidOrder(1);
    const res = await post(`/tickets/${tickets[0]!.token}/name`, { name: "Mallory" }, "https://evil.example");
    expect(res.status).toBe(403);
    expect((await db.ticket.findUniqueOrThrow({ where: { id: tickets[0]!.id } })).attendeeName).toBe("Person 1");
  });
});

describe("the changes cut-off", () => {
  it("allows changes until the cut-off (24 hours before the start by default) and refuses them after, changing nothing", async () => {
    const { event, tickets } = await paidOrder(1);
    const at = (ms: number) => serviceDeps(() => new Date(event.startsAt.getTime() - ms));
    const open = at(24 * hour + 60_000);
    const { order, ticket } = await ticketForSelfService(open, tickets[0]!.token);
    expect(await changeName(open, order, ticket, "Before Cutoff")).toEqual({ done: "renamed" });
    const closed = at(24 * hour - 60_000);
    const again = await ticketForSelfService(closed, tickets[0]!.token);
    expect(await changeName(closed, again.order, again.ticket, "After Cutoff")).toEqual({ refused: "changes_closed" });
    expect(await transferTicket(closed, again.order, again.ticket, { name: "Someone", email: "someone@example.org" })).toEqual({ refused: "changes_closed" });
    expect(await cancelTickets(closed, again.order, [again.ticket])).toEqual({ refused: "changes_closed" });
    const row = await db.ticket.findUniqueOrThrow({ where: { id: tickets[0]!.id } });
    expect([row.attendeeName, row.status]).toEqual(["Before Cutoff", "valid"]);
  });

  it("follows the organisers' own cut-off, and the page says changes are closed", async () => {
    const { event, tickets } = await paidOrder(1, { startsAt: new Date(Date.now() + 40 * hour), changesCutoffHours: 48 });
    const res = await post(`/tickets/${tickets[0]!.token}/name`, { name: "Too Late" });
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toContain("Changes are closed for this event");
    expect(html).not.toContain(`action="/tickets/${tickets[0]!.token}/cancel"`);
    expect((await db.ticket.findUniqueOrThrow({ where: { id: tickets[0]!.id } })).attendeeName).toBe("Person 1");
    const early = serviceDeps(() => new Date(event.startsAt.getTime() - 49 * hour));
    const { order, ticket } = await ticketForSelfService(early, tickets[0]!.token);
    expect(await changeName(early, order, ticket, "In Time")).toEqual({ done: "renamed" });
  });

  it("refuses changes to a cancelled ticket", async () => {
    const { tickets } = await paidOrder(2);
    await db.ticket.update({ where: { id: tickets[0]!.id }, data: { status: "cancelled" } });
    const res = await post(`/tickets/${tickets[0]!.token}/name`, { name: "Ghost" });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain("no longer valid");
    expect((await db.ticket.findUniqueOrThrow({ where: { id: tickets[0]!.id } })).attendeeName).toBe("Person 1");
  });
});

describe("transferring a ticket", () => {
  it("revokes the old code online and in the door list, and sends the new holder their own ticket", async () => {
    const { event, order, tickets } = await paidOrder(2);
    const door = await signedInAs("door", { events: [event.id] });
    const oldCode = await codeFor(tickets[0]!.id);
    const before = await seats(event.id);
    const res = await post(`/tickets/${tickets[0]!.token}/transfer`, { transferName: "Grace Hopper", transferEmail: "Grace@Example.org" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/tickets/${tickets[0]!.token}?done=transferred#manage`);
    const successor = await db.ticket.findFirstOrThrow({ where: { orderId: order.id, attendeeName: "Grace Hopper" } });
    expect(successor).toMatchObject({ status: "valid", attendeeEmail: "grace@example.org", ticketTypeId: tickets[0]!.ticketTypeId, pricePaidMinor: 1000 });
    expect(successor.id).not.toBe(tickets[0]!.id);
    expect(successor.token).not.toBe(tickets[0]!.token);
    // Online: the old code is refused, the new one admits.
    const refused = (await (await scan(door, { event: event.slug, code: oldCode, nonce: nonce() })).json()) as { result: string };
    expect(refused.result).toBe("cancelled");
    // Offline: a phone that syncs now holds the old id as not admitting, and the new one as valid.
    const list = (await (await fetchWorker(`/api/v1/events/${event.slug}/door-list`, { headers: { authorization: `Bearer ${door.apiToken}` } })).json()) as { tickets: Array<{ id: string; status: string; name: string }> };
    expect(list.tickets.find((t) => t.id === tickets[0]!.id)?.status).toBe("cancelled");
    expect(list.tickets.find((t) => t.id === successor.id)).toMatchObject({ status: "valid", name: "Grace Hopper" });
    const admitted = (await (await scan(door, { event: event.slug, code: await codeFor(successor.id), nonce: nonce() })).json()) as { result: string };
    expect(admitted.result).toBe("admitted");
    // The old page shows no code; the new page does.
    expect(await (await fetchWorker(`/tickets/${tickets[0]!.token}`)).text()).not.toContain("ticket-qr");
    expect(await (await fetchWorker(`/tickets/${successor.token}`)).text()).toContain("ticket-qr");
    // The new holder's ticket email, with the new QR code.
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { orderId: order.id, template: "attendee_ticket", recipient: "grace@example.org" } });
    const composed = await composeEmail(serviceDeps(), mail);
    expect(composed!.to).toBe("grace@example.org");
    expect(composed!.attachments.some((a) => a.filename === `ticket-${successor.id}.png`)).toBe(true);
    expect(composed!.text).toContain(`/tickets/${successor.token}`);
    expect(await db.auditEntry.count({ where: { entityId: order.id, action: "self_service_transferred", staffId: null } })).toBe(1);
    // The organisers see the hand-over on the order.
    expect(await (await getAs(await signedInAs("organiser"), `/admin/orders/${order.id}`)).text()).toContain("transferred to someone else");
    // One valid ticket replaced another: no seat moved.
    expect(await seats(event.id)).toEqual(before);
  });

  it("makes one successor of two transfers racing for the same ticket", async () => {
    const { event, order, tickets } = await paidOrder(1);
    const deps = serviceDeps();
    const { order: o, ticket } = await ticketForSelfService(deps, tickets[0]!.token);
    const outcomes = await Promise.all([
      transferTicket(deps, o, ticket, { name: "First Person", email: "first@example.org" }),
      transferTicket(deps, o, ticket, { name: "Second Person", email: "second@example.org" }),
    ]);
    expect(outcomes.filter((x) => "done" in x)).toHaveLength(1);
    expect(outcomes.filter((x) => "refused" in x)).toEqual([{ refused: "not_valid" }]);
    expect(await db.ticket.count({ where: { orderId: order.id, status: "valid" } })).toBe(1);
    expect(await db.outboxEmail.count({ where: { orderId: order.id, template: "attendee_ticket" } })).toBe(1);
    expect(await seats(event.id)).toEqual({ held: 0, sold: 1, tierHeld: 0, tierSold: 1 });
  });

  it("treats a transfer to the same person as no change", async () => {
    const { order, tickets } = await paidOrder(1);
    await db.ticket.update({ where: { id: tickets[0]!.id }, data: { attendeeEmail: "p1@example.org" } });
    const res = await post(`/tickets/${tickets[0]!.token}/transfer`, { transferName: "Person 1", transferEmail: "P1@example.org" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toContain("done=unchanged");
    expect(await db.ticket.count({ where: { orderId: order.id } })).toBe(1);
    expect((await db.ticket.findUniqueOrThrow({ where: { id: tickets[0]!.id } })).status).toBe("valid");
  });

  it("names every bad field at once and changes nothing", async () => {
    const { order, tickets } = await paidOrder(1);
    const res = await post(`/tickets/${tickets[0]!.token}/transfer`, { transferName: "", transferEmail: "not an email" });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('href="#transferName"');
    expect(html).toContain('href="#transferEmail"');
    expect(await db.ticket.count({ where: { orderId: order.id } })).toBe(1);
  });
});

describe("cancelling under the event's refund policy", () => {
  it("full refund until a date: says the amount before confirming, refunds it through Stripe and frees the seat", async () => {
    const { event, order, tickets } = await paidOrder(2, { refundPolicy: "full_until", refundUntil: new Date(Date.now() + days(7)) });
    const page = await (await fetchWorker(`/tickets/${tickets[0]!.token}`)).text();
    expect(page).toContain('data-refund-minor="1000"');
    expect(page).toContain("£10 goes back to the card");
    expect(await seats(event.id)).toEqual({ held: 0, sold: 2, tierHeld: 0, tierSold: 2 });
    const unconfirmed = await post(`/tickets/${tickets[0]!.token}/cancel`, {});
    expect(unconfirmed.status).toBe(422);
    expect((await db.ticket.findUniqueOrThrow({ where: { id: tickets[0]!.id } })).status).toBe("valid");
    const res = await post(`/tickets/${tickets[0]!.token}/cancel`, { confirm: "yes" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/tickets/${tickets[0]!.token}?done=cancelled&refunded=1000#manage`);
    expect((await db.ticket.findUniqueOrThrow({ where: { id: tickets[0]!.id } })).status).toBe("cancelled");
    expect((await db.ticket.findUniqueOrThrow({ where: { id: tickets[1]!.id } })).status).toBe("valid");
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: "partially_refunded", refundedMinor: 1000 });
    expect(await refundedAtStripe(order.stripePaymentIntentId!)).toBe(1000);
    expect(await seats(event.id)).toEqual({ held: 0, sold: 1, tierHeld: 0, tierSold: 1 });
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { orderId: order.id, template: "self_service_change" } });
    expect((await composeEmail(serviceDeps(), mail))!.text).toContain("We are refunding £10");
  });

  it("full refund until a date, after the date: cancels without refund and says so first", async () => {
    const { event, order, tickets } = await paidOrder(1, { refundPolicy: "full_until", refundUntil: new Date(Date.now() - hour) });
    expect(await (await fetchWorker(`/tickets/${tickets[0]!.token}`)).text()).toContain("If you cancel now, you get no refund.");
    const res = await post(`/tickets/${tickets[0]!.token}/cancel`, { confirm: "yes" });
    expect(res.headers.get("location")).toBe(`/tickets/${tickets[0]!.token}?done=cancelled#manage`);
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ refundedMinor: 0 });
    expect(await refundedAtStripe(order.stripePaymentIntentId!)).toBe(0);
    expect(await seats(event.id)).toEqual({ held: 0, sold: 0, tierHeld: 0, tierSold: 0 });
  });

  it("full minus a fee: refunds the price less the fee", async () => {
    const { event, order, tickets } = await paidOrder(2, { refundPolicy: "minus_fee", refundFeeMinor: 250 });
    expect(await (await fetchWorker(`/tickets/${tickets[1]!.token}`)).text()).toContain("£7.50 goes back to the card");
    const res = await post(`/tickets/${tickets[1]!.token}/cancel`, { confirm: "yes" });
    expect(res.headers.get("location")).toContain("refunded=750");
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: "partially_refunded", refundedMinor: 750 });
    expect(await seats(event.id)).toEqual({ held: 0, sold: 1, tierHeld: 0, tierSold: 1 });
  });

  it("no refund: the ticket can still be cancelled, freeing its seat, and no money moves", async () => {
    const { event, order, tickets } = await paidOrder(1, { refundPolicy: "none" });
    expect(await (await fetchWorker(`/tickets/${tickets[0]!.token}`)).text()).toContain("The organisers give no refunds");
    await post(`/tickets/${tickets[0]!.token}/cancel`, { confirm: "yes" });
    expect((await db.ticket.findUniqueOrThrow({ where: { id: tickets[0]!.id } })).status).toBe("cancelled");
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ refundedMinor: 0 });
    expect(await seats(event.id)).toEqual({ held: 0, sold: 0, tierHeld: 0, tierSold: 0 });
    const again = await post(`/tickets/${tickets[0]!.token}/cancel`, { confirm: "yes" });
    expect(again.status).toBe(409);
    expect(await seats(event.id)).toEqual({ held: 0, sold: 0, tierHeld: 0, tierSold: 0 });
  });

  it("cancels the whole order from the order page, refunding it in full", async () => {
    const { event, order } = await paidOrder(2, { refundPolicy: "full_until", refundUntil: new Date(Date.now() + days(7)) });
    expect(await (await fetchWorker(`/orders/${order.id}/complete`)).text()).toContain("£20 goes back to the card");
    const res = await post(`/orders/${order.id}/cancel-tickets`, { confirm: "yes" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/orders/${order.id}/complete?done=cancelled&refunded=2000#manage`);
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: "refunded", refundedMinor: 2000 });
    expect(await db.ticket.count({ where: { orderId: order.id, status: "valid" } })).toBe(0);
    expect(await seats(event.id)).toEqual({ held: 0, sold: 0, tierHeld: 0, tierSold: 0 });
  });

  it("refunds and frees the seat once when the cancel form is sent twice at once", async () => {
    const { event, order, tickets } = await paidOrder(2, { refundPolicy: "minus_fee", refundFeeMinor: 100 });
    await Promise.all([post(`/tickets/${tickets[0]!.token}/cancel`, { confirm: "yes" }), post(`/tickets/${tickets[0]!.token}/cancel`, { confirm: "yes" })]);
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: "partially_refunded", refundedMinor: 900 });
    expect(await refundedAtStripe(order.stripePaymentIntentId!)).toBe(900);
    expect(await seats(event.id)).toEqual({ held: 0, sold: 1, tierHeld: 0, tierSold: 1 });
  });

  it("leaves the ticket valid and says so when Stripe refuses the refund", async () => {
    const { event, order, tickets } = await paidOrder(1, { refundPolicy: "minus_fee", refundFeeMinor: 0 });
    // A payment Stripe does not know (a test-mode payment after a switch to live keys, say): Stripe refuses the refund.
    await db.order.update({ where: { id: order.id }, data: { stripePaymentIntentId: "pi_test_unknown000000000000" } });
    const before = await seats(event.id);
    const res = await post(`/tickets/${tickets[0]!.token}/cancel`, { confirm: "yes" });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain("your ticket is still valid");
    expect((await db.ticket.findUniqueOrThrow({ where: { id: tickets[0]!.id } })).status).toBe("valid");
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: "paid", refundedMinor: 0 });
    expect(await seats(event.id)).toEqual(before);
  });
});
