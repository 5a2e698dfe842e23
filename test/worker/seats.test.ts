import { describe, expect, it } from "vitest";
import { cancelTicket } from "@/domain/orders/admin-actions";
import { priceLines, priceOrder } from "@/domain/orders/pricing";
import { fulfilOrder, releaseHold, runTransition } from "@/domain/orders/settle";
import { signedInAs } from "./auth-helpers";
import { db, serviceDeps } from "./helpers";
import { pendingOrder } from "./stripe-fixtures";

const counters = async (eventId: string) => {
  const event = await db.event.findUniqueOrThrow({ where: { id: eventId }, include: { ticketTypes: true } });
  return { event: [event.soldCount, event.heldCount], tier: [event.ticketTypes[0]!.soldCount, event.ticketTypes[0]!.heldCount] };
};

describe("orders/seats", () => {
  it("reports the seats an expired hold gave back, per tier, and nothing for a repeat", async () => {
    const { order, event } = await pendingOrder(3);
    const tierId = event.ticketTypes[0]!.id;
    expect(await counters(event.id)).toEqual({ event: [0, 3], tier: [0, 3] });
    const first = await releaseHold(serviceDeps(), order.id, "expired");
    expect(first).toEqual({ moved: true, freed: { total: 3, tiers: { [tierId]: 3 } } });
    expect(await counters(event.id)).toEqual({ event: [0, 0], tier: [0, 0] });
    expect(await releaseHold(serviceDeps(), order.id, "expired")).toEqual({ moved: false, freed: { total: 0, tiers: {} } });
  });

  it("frees nothing when a hold becomes a sale, and reports sold seats freed by a refund", async () => {
    const { order, event } = await pendingOrder(2);
    const deps = serviceDeps();
    expect(await fulfilOrder(deps, order.id, { paymentIntentId: "pi_test_seats" })).toBe(true);
    expect(await counters(event.id)).toEqual({ event: [2, 0], tier: [2, 0] });
    const refund = await runTransition(deps, deps.now(), { orderId: order.id, from: ["paid"], to: "refunded", seats: "release_sold", ticketsFrom: ["valid"], ticketsTo: "cancelled" });
    expect(refund.freed.total).toBe(2);
    expect(await counters(event.id)).toEqual({ event: [0, 0], tier: [0, 0] });
  });

  it("gives one seat back when one ticket is cancelled, once", async () => {
    const { order, event } = await pendingOrder(2);
    const deps = serviceDeps();
    await fulfilOrder(deps, order.id, { paymentIntentId: "pi_test_one" });
    const ticket = await db.ticket.findFirstOrThrow({ where: { orderId: order.id } });
    const owner = await signedInAs("owner");
    await cancelTicket(deps, { staffId: owner.staff.id }, ticket.id);
    expect(await counters(event.id)).toEqual({ event: [1, 0], tier: [1, 0] });
    await expect(cancelTicket(deps, { staffId: owner.staff.id }, ticket.id)).rejects.toMatchObject({ code: "conflict" });
    expect(await counters(event.id)).toEqual({ event: [1, 0], tier: [1, 0] });
  });
});

describe("orders/pricing", () => {
  const member = { id: "tier_member", priceMinor: 800 };
  const guest = { id: "tier_guest", priceMinor: 1300 };

  it("prices each ticket by its tier and adds them up", () => {
    expect(priceOrder("GBP", [member, guest, member])).toEqual({
      currency: "GBP",
      tickets: [800, 1300, 800],
      discounts: [0, 0, 0],
      vouchered: [false, false, false],
      totalMinor: 2900,
      discountMinor: 0,
      free: false,
    });
  });

  it("makes complimentary places free, so the order needs no payment", () => {
    expect(priceOrder("GBP", [guest, guest], "complimentary")).toMatchObject({ currency: "GBP", tickets: [0, 0], totalMinor: 0, discountMinor: 0, free: true });
  });

  it("groups tickets into one payment line per tier and price", () => {
    expect(priceLines([{ tierId: "a", priceMinor: 800 }, { tierId: "b", priceMinor: 1300 }, { tierId: "a", priceMinor: 800 }])).toEqual([
      { tierId: "a", unitMinor: 800, quantity: 2, discountMinor: 0 },
      { tierId: "b", unitMinor: 1300, quantity: 1, discountMinor: 0 },
    ]);
  });

  it("takes a percentage, an amount or a fixed price off the tickets a voucher covers, never below nothing", () => {
    const only = (kind: string, value: number) => ({ kind, value, ticketTypeId: guest.id, maxPerOrder: null });
    expect(priceOrder("GBP", [member, guest], "standard", only("percent", 10)).tickets).toEqual([800, 1170]);
    expect(priceOrder("GBP", [member, guest], "standard", only("amount", 500)).tickets).toEqual([800, 800]);
    expect(priceOrder("GBP", [member, guest], "standard", only("amount", 5000)).tickets).toEqual([800, 0]);
    expect(priceOrder("GBP", [member, guest], "standard", only("fixed", 500)).tickets).toEqual([800, 500]);
    expect(priceOrder("GBP", [member, guest], "standard", only("fixed", 5000)).tickets).toEqual([800, 1300]);
    const all = priceOrder("GBP", [member, guest], "standard", { kind: "percent", value: 50, ticketTypeId: null, maxPerOrder: null });
    expect(all).toMatchObject({ tickets: [400, 650], discounts: [400, 650], vouchered: [true, true], totalMinor: 1050, discountMinor: 1050 });
  });

  it("prices at most a voucher's per-order number of tickets, in the order given", () => {
    const price = priceOrder("GBP", [guest, guest, guest], "standard", { kind: "percent", value: 100, ticketTypeId: null, maxPerOrder: 2 });
    expect(price).toMatchObject({ tickets: [0, 0, 1300], vouchered: [true, true, false], totalMinor: 1300, free: false });
  });

  it("keeps a discounted ticket on its own payment line, with what was taken off", () => {
    expect(priceLines([{ tierId: "a", priceMinor: 1170, discountMinor: 130 }, { tierId: "a", priceMinor: 1300 }])).toEqual([
      { tierId: "a", unitMinor: 1170, quantity: 1, discountMinor: 130 },
      { tierId: "a", unitMinor: 1300, quantity: 1, discountMinor: 0 },
    ]);
  });
});
