import { describe, expect, it } from "vitest";
import { messagesFor } from "@/i18n";
import { newId } from "@/lib/ids";
import { releaseHold } from "@/domain/orders/settle";
import { createEvent, db, fetchWorker, serviceDeps } from "./helpers";

// Issue #14: a voucher's limits hold under concurrent orders, because its uses and seats are
// counted in the order's own D1 batch; an order that ends unpaid gives its share back.

const exhausted = messagesFor("en").fields.voucher_invalid({ reason: "exhausted" });

/** One order of `n` tickets with `code`, from its own buyer and client address. */
async function order(slug: string, tierId: string, code: string, i: number, n = 1) {
  const res = await fetchWorker(`/api/v1/events/${slug}/orders`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", "CF-Connecting-IP": `10.1.${Math.floor(i / 250)}.${i % 250}` },
    body: JSON.stringify({
      buyer: { name: `Buyer ${i}`, email: `race-${i}-${newId("x").slice(2, 8)}@example.org` },
      tickets: Array.from({ length: n }, (_, k) => ({ tier: tierId, name: `Attendee ${i}.${k}` })),
      voucher: code,
    }),
  });
  return { status: res.status, body: (await res.json()) as any };
}

async function eventWithVoucher(voucher: { maxUses?: number; seatBudget?: number }) {
  const event = await createEvent({ capacity: 200, holdOrdersLimit: 1000, holdTicketsLimit: 1000, tiers: [{ name: "Standard", priceMinor: 1300 }] });
  const tier = event.ticketTypes[0]!;
  const code = `RACE-${newId("x").slice(2, 8).toUpperCase()}`;
  const v = await db.voucher.create({ data: { id: newId("vch"), eventId: event.id, code, kind: "percent", value: 10, ticketTypeId: null, ...voucher } });
  return { event, tier, code, voucherId: v.id };
}

describe("vouchers under concurrent orders", () => {
  it("places exactly 1 of 20 concurrent orders with a one-use code, and refuses 19 with voucher_invalid", async () => {
    const { event, tier, code, voucherId } = await eventWithVoucher({ maxUses: 1 });
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => order(event.slug, tier.id, code, i)));
    const placed = results.filter((r) => r.status === 201);
    const refused = results.filter((r) => r.status === 422);
    expect(placed).toHaveLength(1);
    expect(refused).toHaveLength(19);
    for (const r of refused) {
      expect(r.body.error.code).toBe("voucher_invalid");
      expect(r.body.error.fields.voucher).toBe(exhausted);
    }
    const voucher = await db.voucher.findUniqueOrThrow({ where: { id: voucherId } });
    expect(voucher.usesCount).toBe(1);
    expect(voucher.seatsCount).toBe(1);
    expect(await db.order.count({ where: { eventId: event.id } })).toBe(1);
    expect(await db.order.count({ where: { eventId: event.id, voucherId } })).toBe(1);
  }, 60_000);

  it("sells exactly 10 seats of 30 concurrent one-ticket orders against a seat budget of 10; an expired order gives its seat and use back", async () => {
    const { event, tier, code, voucherId } = await eventWithVoucher({ seatBudget: 10 });
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => order(event.slug, tier.id, code, 100 + i)));
    const placed = results.filter((r) => r.status === 201);
    const refused = results.filter((r) => r.status === 422);
    expect(placed).toHaveLength(10);
    expect(refused).toHaveLength(20);
    for (const r of refused) expect(r.body.error.code).toBe("voucher_invalid");
    let voucher = await db.voucher.findUniqueOrThrow({ where: { id: voucherId } });
    expect(voucher.seatsCount).toBe(10);
    expect(voucher.usesCount).toBe(10);
    expect(await db.ticket.count({ where: { eventId: event.id, voucherId } })).toBe(10);

    // Full: the next order is refused, until one of the ten expires unpaid.
    expect((await order(event.slug, tier.id, code, 200)).status).toBe(422);
    const expiring = placed[0]!.body.order.id as string;
    const moved = await releaseHold(serviceDeps(), expiring, "expired");
    expect(moved.moved).toBe(true);
    voucher = await db.voucher.findUniqueOrThrow({ where: { id: voucherId } });
    expect(voucher.seatsCount).toBe(9);
    expect(voucher.usesCount).toBe(9);
    const again = await order(event.slug, tier.id, code, 201);
    expect(again.status).toBe(201);
    voucher = await db.voucher.findUniqueOrThrow({ where: { id: voucherId } });
    expect(voucher.seatsCount).toBe(10);
    expect(voucher.usesCount).toBe(10);
  }, 60_000);
});
