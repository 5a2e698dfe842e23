import { describe, expect, it } from "vitest";
import { hashAccessCode } from "@/domain/orders/eligibility";
import { addMember, createEvent, days, db, orderBody, postJson } from "./helpers";

const ordersPath = (slug: string) => `/api/v1/events/${slug}/orders`;

describe("POST /api/v1/events/:slug/orders", () => {
  it("holds seats for 10 minutes and returns the order's pay page for a paid order", async () => {
    const event = await createEvent({ capacity: 10, tiers: [{ name: "Standard", priceMinor: 1300 }] });
    const tier = event.ticketTypes[0]!;
    const { status, body } = await postJson(ordersPath(event.slug), orderBody(tier.id, 2));
    expect(status).toBe(201);
    expect(body.order).toMatchObject({ status: "pending", total: { amount: 2600, currency: "GBP" } });
    expect(body.order.reference).toMatch(/^REG-[2-9A-HJ-NP-Z]{5}$/);
    const expiresIn = new Date(body.order.expiresAt).getTime() - Date.now();
    expect(expiresIn).toBeGreaterThan(9 * 60_000);
    expect(expiresIn).toBeLessThanOrEqual(10 * 60_000);
    expect(body.checkoutUrl).toBe(`http://example.test/orders/${body.order.id}/pay`);

    const order = await db.order.findUniqueOrThrow({ where: { id: body.order.id }, include: { tickets: true } });
    expect(order.buyerEmail).toBe("ada+tickets@example.org");
    expect(order.stripeSessionId).toBeNull();
    expect(order.tickets.map((t) => t.status)).toEqual(["pending", "pending"]);
    const after = await db.event.findUniqueOrThrow({ where: { id: event.id }, include: { ticketTypes: true } });
    expect(after.heldCount).toBe(2);
    expect(after.ticketTypes[0]!.heldCount).toBe(2);
    expect(after.soldCount).toBe(0);
  });

  it("confirms a free order at once, without Stripe", async () => {
    const event = await createEvent({ tiers: [{ name: "Free", priceMinor: 0 }] });
    const { status, body } = await postJson(ordersPath(event.slug), orderBody(event.ticketTypes[0]!.id, 1));
    expect(status).toBe(201);
    expect(body.order.status).toBe("paid");
    expect(body.checkoutUrl).toBeUndefined();
    const order = await db.order.findUniqueOrThrow({ where: { id: body.order.id }, include: { tickets: true } });
    expect(order.stripeSessionId).toBeNull();
    expect(order.tickets[0]!.status).toBe("valid");
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).soldCount).toBe(1);
  });

  it("rejects invalid input with a message per field, holding nothing", async () => {
    const event = await createEvent({ capacity: 10 });
    const { status, body } = await postJson(ordersPath(event.slug), {
      buyer: { name: "   ", email: "not-an-email" },
      tickets: [{ tier: event.ticketTypes[0]!.id, name: "x".repeat(101) }, { tier: "tier_nope", name: "Bob" }],
    });
    expect(status).toBe(422);
    expect(body.error.code).toBe("invalid");
    expect(Object.keys(body.error.fields)).toEqual(expect.arrayContaining(["buyer.name", "buyer.email", "tickets.0.name"]));
    expect(body.error.fields["buyer.email"]).toMatch(/email address/);
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).heldCount).toBe(0);
    expect(await db.order.count({ where: { eventId: event.id } })).toBe(0);
  });

  it("lists the schema's and the eligibility rules' field errors together", async () => {
    const event = await createEvent({ tiers: [{ name: "Member", eligibility: "member_list" }, { name: "Concession", eligibility: "declaration", declarationText: "I am a student" }] });
    const [member, concession] = event.ticketTypes;
    const { status, body } = await postJson(ordersPath(event.slug), {
      buyer: { name: "", email: "ada@example" },
      tickets: [
        { tier: member!.id, name: "", membership: "nobody@example.org" },
        { tier: concession!.id, name: "Bob" },
        "not a ticket",
      ],
    });
    expect(status).toBe(422);
    expect(body.error.fieldCodes).toMatchObject({
      "buyer.name": "your_name_required",
      "buyer.email": "your_email_invalid",
      "tickets.0.name": "attendee_name_required",
      "tickets.0.membership": "membership_not_found",
      "tickets.1.declaration": "declaration_required",
    });
    expect(await db.order.count({ where: { eventId: event.id } })).toBe(0);
  });

  it("rejects a tier from another event and says which field", async () => {
    const event = await createEvent();
    const other = await createEvent();
    const { status, body } = await postJson(ordersPath(event.slug), orderBody(other.ticketTypes[0]!.id));
    expect(status).toBe(422);
    expect(body.error.fields["tickets.0.tier"]).toMatch(/not sold for this event/);
  });

  it("cleans odd Unicode out of names and keeps accents", async () => {
    const event = await createEvent({ tiers: [{ priceMinor: 0 }] });
    const body = orderBody(event.ticketTypes[0]!.id);
    body.tickets[0]!.name = "  Nun\u0303ez\u202E Pe\u0301rez\u200B  ";
    const res = await postJson(ordersPath(event.slug), body);
    expect(res.status).toBe(201);
    const ticket = await db.ticket.findFirstOrThrow({ where: { orderId: res.body.order.id } });
    expect(ticket.attendeeName).toBe("Nuñez Pérez");
  });

  it("refuses sales for cancelled, past and not-yet-open events", async () => {
    const cancelled = await createEvent({ status: "cancelled" });
    const past = await createEvent({ startsAt: new Date(Date.now() - days(2)) });
    const later = await createEvent({ salesStartAt: new Date(Date.now() + days(2)) });
    for (const event of [cancelled, past, later]) {
      const { status, body } = await postJson(ordersPath(event.slug), orderBody(event.ticketTypes[0]!.id));
      expect(status).toBe(409);
      expect(body.error.code).toBe("sales_closed");
    }
    const draft = await createEvent({ status: "draft" });
    expect((await postJson(ordersPath(draft.slug), orderBody(draft.ticketTypes[0]!.id))).status).toBe(404);
  });

  it("respects a tier's sales window", async () => {
    const event = await createEvent({ tiers: [{ name: "Early bird", salesEndAt: new Date(Date.now() - days(1)) }] });
    const { status, body } = await postJson(ordersPath(event.slug), orderBody(event.ticketTypes[0]!.id));
    expect(status).toBe(422);
    expect(body.error.fields["tickets.0.tier"]).toMatch(/no longer on sale/);
  });

  it("respects the per-order limits of the event and the tier", async () => {
    const event = await createEvent({ maxPerOrder: 3, tiers: [{ name: "Student", maxPerOrder: 1 }, { name: "Standard" }] });
    const [student, standard] = event.ticketTypes;
    let res = await postJson(ordersPath(event.slug), orderBody(standard!.id, 4));
    expect(res.status).toBe(422);
    expect(res.body.error.fields.tickets).toMatch(/up to 3 people/);
    res = await postJson(ordersPath(event.slug), orderBody(student!.id, 2));
    expect(res.status).toBe(422);
    expect(res.body.error.fields.tickets).toMatch(/up to 1 Student/);
  });

  it("answers sold out, or how many are left, and holds nothing", async () => {
    const event = await createEvent({ capacity: 3, tiers: [{ name: "Member", quota: 1 }, { name: "Standard" }] });
    const [member, standard] = event.ticketTypes;
    expect((await postJson(ordersPath(event.slug), orderBody(standard!.id, 2))).status).toBe(201);

    let res = await postJson(ordersPath(event.slug), orderBody(standard!.id, 2));
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: "sold_out", message: "Only 1 place is left. Choose fewer and try again." });

    expect((await postJson(ordersPath(event.slug), orderBody(member!.id, 1))).status).toBe(201);
    res = await postJson(ordersPath(event.slug), orderBody(standard!.id, 1));
    expect(res.body.error.message).toBe("Sorry, this event has sold out.");
    const after = await db.event.findUniqueOrThrow({ where: { id: event.id } });
    expect(after.heldCount).toBe(3);
    expect(await db.ticket.count({ where: { eventId: event.id } })).toBe(3);
  });

  it("names the tier when only its quota is exhausted", async () => {
    const event = await createEvent({ capacity: 100, tiers: [{ name: "Member", quota: 2 }] });
    const tier = event.ticketTypes[0]!;
    const res = await postJson(ordersPath(event.slug), orderBody(tier.id, 3));
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe("Only 2 Member tickets are left. Choose fewer and try again.");
  });

  it("treats malformed JSON as a 400 with a JSON error", async () => {
    const event = await createEvent();
    const { fetchWorker } = await import("./helpers");
    const res = await fetchWorker(ordersPath(event.slug), { method: "POST", headers: { "content-type": "application/json" }, body: "{nope" });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("bad_request");
  });
});

describe("eligibility, enforced on the server", () => {
  it("matches the members list by email or number, trimmed and case-insensitively", async () => {
    await addMember({ email: "amina.khan@example.org", membershipNumber: "M2001" });
    // Four orders with one membership, from one client: this event allows that.
    const event = await createEvent({ holdOrdersLimit: 10, ticketsPerMembership: 10, tiers: [{ name: "Member", priceMinor: 800, eligibility: "member_list" }, { name: "Non-member", priceMinor: 1300 }] });
    const member = event.ticketTypes[0]!;
    for (const membership of ["  Amina.Khan@Example.ORG ", "m2001", " M 2001 "]) {
      const res = await postJson(ordersPath(event.slug), orderBody(member.id, 1, { membership }));
      expect(res.status, membership).toBe(201);
    }
    // The attendee's own email counts when no membership is given.
    const byEmail = await postJson(ordersPath(event.slug), orderBody(member.id, 1, { email: "AMINA.KHAN@example.org" }));
    expect(byEmail.status).toBe(201);
  });

  it("says it could not find a membership and offers the non-member price", async () => {
    const event = await createEvent({ tiers: [{ name: "Member", priceMinor: 800, eligibility: "member_list" }, { name: "Non-member", priceMinor: 1300 }] });
    const res = await postJson(ordersPath(event.slug), orderBody(event.ticketTypes[0]!.id, 1, { membership: "M9999" }));
    expect(res.status).toBe(422);
    expect(res.body.error.fields["tickets.0.membership"]).toBe("We could not find that membership. Check it, or choose the Non-member (£13) ticket instead.");
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).heldCount).toBe(0);
  });

  it("does not let one membership cover two tickets in an order", async () => {
    await addMember({ membershipNumber: "M3001" });
    const event = await createEvent({ tiers: [{ name: "Member", eligibility: "member_list" }] });
    const res = await postJson(ordersPath(event.slug), orderBody(event.ticketTypes[0]!.id, 2, { membership: "M3001" }));
    expect(res.status).toBe(422);
    expect(res.body.error.fields["tickets.1.membership"]).toMatch(/one ticket/);
  });

  it("requires the declaration to be ticked, and records it for the door", async () => {
    const event = await createEvent({
      tiers: [{ name: "Concession", eligibility: "declaration", declarationText: "I am a student, unwaged or receiving a pension" }],
    });
    const tier = event.ticketTypes[0]!;
    const missing = await postJson(ordersPath(event.slug), orderBody(tier.id, 1));
    expect(missing.status).toBe(422);
    expect(missing.body.error.fields["tickets.0.declaration"]).toContain("I am a student, unwaged or receiving a pension");
    const ok = await postJson(ordersPath(event.slug), orderBody(tier.id, 1, { declaration: true }));
    expect(ok.status).toBe(201);
    const ticket = await db.ticket.findFirstOrThrow({ where: { orderId: ok.body.order.id } });
    expect(ticket.eligibilityAnswer).toBe("I am a student, unwaged or receiving a pension");
  });

  it("checks access codes case-insensitively and rejects wrong ones", async () => {
    const event = await createEvent({ tiers: [{ name: "Speaker", priceMinor: 0, eligibility: "access_code", accessCodeHash: await hashAccessCode("SPEAK-2027") }] });
    const tier = event.ticketTypes[0]!;
    const wrong = await postJson(ordersPath(event.slug), orderBody(tier.id, 1, { accessCode: "GUESS" }));
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.fields["tickets.0.accessCode"]).toMatch(/not valid/);
    const right = await postJson(ordersPath(event.slug), orderBody(tier.id, 1, { accessCode: " speak-2027 " }));
    expect(right.status).toBe(201);
  });
});
