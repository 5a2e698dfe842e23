import { describe, expect, it } from "vitest";
import { addMember, createEvent, db, postJson } from "./helpers";

/** One member ticket for `membership`, bought by a different buyer each time. */
function buyMemberTicket(slug: string, tier: string, membership: string, buyer: string) {
  return postJson(`/api/v1/events/${slug}/orders`, {
    buyer: { name: "Buyer", email: `${buyer}@example.org` },
    tickets: [{ tier, name: "Member", membership }],
  });
}

const memberEvent = (overrides: Record<string, number> = {}) =>
  createEvent({ ...overrides, tiers: [{ name: "Member", priceMinor: 800, eligibility: "member_list" }, { name: "Non-member", priceMinor: 1300 }] });

describe("one member ticket per membership and event", () => {
  it("refuses a second member ticket for the same membership, by number or by email, on the membership field", async () => {
    await addMember({ email: "reuse@example.org", membershipNumber: "M7001" });
    const event = await memberEvent();
    const tier = event.ticketTypes[0]!.id;
    expect((await buyMemberTicket(event.slug, tier, "M7001", "b1")).status).toBe(201);
    for (const [membership, buyer] of [["m 7001", "b2"], ["Reuse@Example.org", "b3"]] as const) {
      const res = await buyMemberTicket(event.slug, tier, membership, buyer);
      expect(res.status, membership).toBe(422);
      expect(res.body.error.fieldCodes["tickets.0.membership"]).toBe("membership_already_used");
      expect(res.body.error.fields["tickets.0.membership"]).toBe(
        "This membership has already been used for a member ticket to this event, and each membership may buy one. Choose the Non-member (£13) ticket instead.",
      );
    }
    expect(await db.ticket.count({ where: { eventId: event.id } })).toBe(1);
  });

  it("counts paid and pending orders only: a lapsed hold or a cancelled ticket frees the membership", async () => {
    await addMember({ membershipNumber: "M7002" });
    const event = await memberEvent();
    const tier = event.ticketTypes[0]!.id;
    const first = await buyMemberTicket(event.slug, tier, "M7002", "c1");
    await db.order.update({ where: { id: first.body.order.id }, data: { holdExpiresAt: new Date(Date.now() - 1000) } });
    const second = await buyMemberTicket(event.slug, tier, "M7002", "c2");
    expect(second.status).toBe(201);
    // A bank payment still processing (no hold end) keeps counting.
    await db.order.update({ where: { id: second.body.order.id }, data: { holdExpiresAt: null } });
    expect((await buyMemberTicket(event.slug, tier, "M7002", "c2b")).status).toBe(422);
    await db.ticket.updateMany({ where: { orderId: second.body.order.id }, data: { status: "cancelled" } });
    expect((await buyMemberTicket(event.slug, tier, "M7002", "c3")).status).toBe(201);
  });

  it("allows as many as the organiser sets, and each event counts on its own", async () => {
    await addMember({ membershipNumber: "M7003" });
    const event = await memberEvent({ ticketsPerMembership: 2 });
    const tier = event.ticketTypes[0]!.id;
    expect((await buyMemberTicket(event.slug, tier, "M7003", "d1")).status).toBe(201);
    expect((await buyMemberTicket(event.slug, tier, "M7003", "d2")).status).toBe(201);
    const third = await buyMemberTicket(event.slug, tier, "M7003", "d3");
    expect(third.status).toBe(422);
    expect(third.body.error.fields["tickets.0.membership"]).toMatch(/already been used for 2 member tickets/);
    const other = await memberEvent();
    expect((await buyMemberTicket(other.slug, other.ticketTypes[0]!.id, "M7003", "d4")).status).toBe(201);
  });

  it("lets only one of two simultaneous orders use a membership", async () => {
    await addMember({ membershipNumber: "M7004" });
    const event = await memberEvent();
    const tier = event.ticketTypes[0]!.id;
    const results = await Promise.all(["e1", "e2", "e3", "e4"].map((b) => buyMemberTicket(event.slug, tier, "M7004", b)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    for (const r of results.filter((r) => r.status !== 201)) {
      expect(r.status).toBe(422);
      expect(r.body.error.fieldCodes["tickets.0.membership"]).toBe("membership_already_used");
    }
    const after = await db.event.findUniqueOrThrow({ where: { id: event.id } });
    expect(after.heldCount).toBe(1);
  });
});
