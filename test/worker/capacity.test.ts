import { describe, expect, it } from "vitest";
import { createEvent, db, orderBody, postJson } from "./helpers";

describe("capacity under concurrency", () => {
  it("serves exactly 50 of 200 simultaneous order requests for 50 seats, and refuses the rest clearly", async () => {
    // Every request comes from one test client: lift the per-client hold limits to test capacity alone.
    const event = await createEvent({ capacity: 50, holdOrdersLimit: 1000, holdTicketsLimit: 1000, tiers: [{ name: "Standard", priceMinor: 1300 }] });
    const tier = event.ticketTypes[0]!;
    const results = await Promise.all(
      Array.from({ length: 200 }, () => postJson(`/api/v1/events/${event.slug}/orders`, orderBody(tier.id, 1))),
    );
    const created = results.filter((r) => r.status === 201);
    const refused = results.filter((r) => r.status === 409);
    expect(created).toHaveLength(50);
    expect(refused).toHaveLength(150);
    for (const r of refused) {
      expect(r.body.error.code).toBe("sold_out");
      expect(r.body.error.message).toMatch(/sold out|left/);
    }
    const after = await db.event.findUniqueOrThrow({ where: { id: event.id }, include: { ticketTypes: true } });
    expect(after.heldCount + after.soldCount).toBe(50);
    expect(after.ticketTypes[0]!.heldCount).toBe(50);
    expect(await db.ticket.count({ where: { eventId: event.id } })).toBe(50);
    expect(await db.order.count({ where: { eventId: event.id } })).toBe(50);
  }, 60_000);

  it("never lets tier quotas and event capacity together be exceeded by mixed orders", async () => {
    const event = await createEvent({ capacity: 30, tiers: [{ name: "Member", quota: 10, priceMinor: 0 }, { name: "Standard", priceMinor: 0 }] });
    const [member, standard] = event.ticketTypes;
    const requests = Array.from({ length: 60 }, (_, i) => postJson(`/api/v1/events/${event.slug}/orders`, orderBody(i % 2 ? member!.id : standard!.id, 1 + (i % 3))));
    const results = await Promise.all(requests);
    expect(results.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    const after = await db.event.findUniqueOrThrow({ where: { id: event.id }, include: { ticketTypes: { orderBy: { sortOrder: "asc" } } } });
    const tickets = await db.ticket.groupBy({ by: ["ticketTypeId"], where: { eventId: event.id }, _count: true });
    const count = (id: string) => tickets.find((t) => t.ticketTypeId === id)?._count ?? 0;
    expect(after.soldCount).toBe(count(member!.id) + count(standard!.id));
    expect(after.soldCount).toBeLessThanOrEqual(30);
    expect(count(member!.id)).toBeLessThanOrEqual(10);
    expect(after.ticketTypes[0]!.soldCount).toBe(count(member!.id));
    expect(after.soldCount).toBeGreaterThanOrEqual(28);
  }, 30_000);
});
