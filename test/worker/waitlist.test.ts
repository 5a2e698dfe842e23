// The waiting list's core: freed seats become offers in the same batch that frees them, in
// joining order, never both on sale and offered, never offered twice; unused offers pass on.
import { describe, expect, it } from "vitest";
import { cancelOrder, cancelTicket } from "@/domain/orders/admin-actions";
import { placeOrder } from "@/domain/orders/place-order";
import { fulfilOrder, recordRefund, releaseHold } from "@/domain/orders/settle";
import { joinWaitlist, leaveWaitlist, sweepWaitlists } from "@/domain/waitlist/waitlist";
import { createEvent, db, serviceDeps } from "./helpers";
import { postAs, signedInAs } from "./auth-helpers";
import { tierForm } from "./event-form-fixture";

const HOUR = 3_600_000;

/** A published event of `capacity` seats (its one £10 tier has a quota of the same). */
async function smallEvent(capacity: number) {
  const event = await createEvent({ capacity, tiers: [{ name: "Standard", priceMinor: 1000, quota: capacity }] });
  return { event, tier: event.ticketTypes[0]! };
}

let buyers = 0;
/** Places an order of `n` tickets for a fresh buyer; `paid` settles it as Stripe would. */
async function order(slug: string, tierId: string, n: number, paid = true) {
  const deps = serviceDeps();
  const placed = await placeOrder(deps, slug, { buyer: { name: "Buyer", email: `buyer${++buyers}@example.org` }, tickets: Array.from({ length: n }, (_, i) => ({ tier: tierId, name: `Person ${i + 1}` })) });
  if (paid) await fulfilOrder(deps, placed.id, { paymentIntentId: `pi_test_${placed.id}` });
  return placed;
}

/** Joins `who` (a name; their address is unique to the event, as this file's tests share one database). */
const join = (slug: string, tier: string, who: string, places: number) => joinWaitlist(serviceDeps(), slug, { tier, name: who, email: emailOf(who, slug), places }, "en");
const emailOf = (who: string, slug: string) => `${who}+${slug}@example.org`;

/** Each entry's email and status, in joining order. */
async function statuses(eventId: string) {
  const rows = await db.waitlistEntry.findMany({ where: { eventId }, orderBy: { position: "asc" } });
  return rows.map((r) => `${r.email.split("+")[0]}:${r.status}`);
}

/**
 * The books balance: sold seats are exactly the valid tickets, held seats exactly the pending
 * tickets plus the places of open offers, and together they never pass the capacity.
 */
async function expectBooksBalance(eventId: string) {
  const event = await db.event.findUniqueOrThrow({ where: { id: eventId }, include: { ticketTypes: true } });
  const valid = await db.ticket.count({ where: { eventId, status: "valid" } });
  const pending = await db.ticket.count({ where: { eventId, status: "pending" } });
  const offered = await db.waitlistEntry.aggregate({ where: { eventId, status: "offered" }, _sum: { places: true } });
  expect(event.soldCount).toBe(valid);
  expect(event.heldCount).toBe(pending + (offered._sum.places ?? 0));
  expect(event.ticketTypes[0]!.heldCount).toBe(event.heldCount);
  expect(event.soldCount + event.heldCount).toBeLessThanOrEqual(event.capacity!);
}

/** How many offer emails were queued for `who` on the event `slug`. */
const offerEmails = (who: string, slug: string) => db.outboxEmail.count({ where: { recipient: emailOf(who, slug), template: "waitlist_offer" } });

describe("joining a waiting list", () => {
  it("is refused while places are on sale, and allowed once the tier sells out", async () => {
    const { event, tier } = await smallEvent(2);
    await expect(join(event.slug, tier.id, "early", 1)).rejects.toMatchObject({ code: "not_sold_out" });
    await order(event.slug, tier.id, 2);
    const joined = await join(event.slug, tier.id, "ana", 2);
    expect(joined).toMatchObject({ place: 1, entry: { status: "waiting", places: 2, position: 1 } });
    expect(await db.outboxEmail.count({ where: { recipient: emailOf("ana", event.slug), template: "waitlist_joined" } })).toBe(1);
  });

  it("updates the entry when the same email joins again, keeping its place", async () => {
    const { event, tier } = await smallEvent(1);
    await order(event.slug, tier.id, 1);
    const first = await join(event.slug, tier.id, "ana", 1);
    await join(event.slug, tier.id, "bo", 1);
    const again = await joinWaitlist(serviceDeps(), event.slug, { tier: tier.id, name: "Ana", email: emailOf("ANA", event.slug), places: 3 }, "en");
    expect(again.entry).toMatchObject({ id: first.entry.id, places: 3, position: 1 });
    expect(again.place).toBe(1);
    expect(await db.waitlistEntry.count({ where: { eventId: event.id } })).toBe(2);
  });

  it("keeps a tier off sale to others while people wait for it", async () => {
    const { event, tier } = await smallEvent(2);
    const held = await order(event.slug, tier.id, 2, false);
    await join(event.slug, tier.id, "ana", 2);
    // The hold ends: both seats go to Ana's offer, none to the public.
    await releaseHold(serviceDeps(), held.id, "expired");
    await expect(order(event.slug, tier.id, 1)).rejects.toMatchObject({ code: "sold_out" });
    expect(await statuses(event.id)).toEqual(["ana:offered"]);
    await expectBooksBalance(event.id);
  });
});

describe("freed seats become offers, in joining order, in the batch that frees them", () => {
  it("when a hold expires", async () => {
    const { event, tier } = await smallEvent(3);
    const held = await order(event.slug, tier.id, 3, false);
    await join(event.slug, tier.id, "ana", 2);
    await join(event.slug, tier.id, "bo", 2);
    await join(event.slug, tier.id, "cy", 1);
    await releaseHold(serviceDeps(), held.id, "expired");
    // Ana's 2 fit; Bo's 2 do not fit the 1 left, so Cy, who wants 1, gets it; Bo keeps his place.
    expect(await statuses(event.id)).toEqual(["ana:offered", "bo:waiting", "cy:offered"]);
    expect(await offerEmails("ana", event.slug)).toBe(1);
    expect(await offerEmails("cy", event.slug)).toBe(1);
    await expectBooksBalance(event.id);
  });

  it("when one ticket is cancelled, and again when the whole order is cancelled", async () => {
    const { event, tier } = await smallEvent(3);
    const paid = await order(event.slug, tier.id, 3);
    await join(event.slug, tier.id, "ana", 1);
    await join(event.slug, tier.id, "bo", 2);
    const owner = await signedInAs("owner");
    const ticket = await db.ticket.findFirstOrThrow({ where: { orderId: paid.id } });
    await cancelTicket(serviceDeps(), { staffId: owner.staff.id }, ticket.id);
    expect(await statuses(event.id)).toEqual(["ana:offered", "bo:waiting"]);
    await cancelOrder(serviceDeps(), { staffId: owner.staff.id }, paid.id, { confirmed: true });
    expect(await statuses(event.id)).toEqual(["ana:offered", "bo:offered"]);
    await expectBooksBalance(event.id);
  });

  it("when an order is refunded in full", async () => {
    const { event, tier } = await smallEvent(2);
    const paid = await order(event.slug, tier.id, 2);
    await join(event.slug, tier.id, "ana", 2);
    await recordRefund(serviceDeps(), `pi_test_${paid.id}`, 2000, true);
    expect(await statuses(event.id)).toEqual(["ana:offered"]);
    await expectBooksBalance(event.id);
  });

  it("when the organisers raise the capacity", async () => {
    const { event, tier } = await smallEvent(1);
    await order(event.slug, tier.id, 1);
    await join(event.slug, tier.id, "ana", 1);
    await join(event.slug, tier.id, "bo", 1);
    await join(event.slug, tier.id, "cy", 1);
    await db.event.update({ where: { id: event.id }, data: { capacity: 10 } });
    const organiser = await signedInAs("organiser");
    const raised = await postAs(organiser, `/admin/tiers/${tier.id}/edit`, tierForm({ name: "Standard", price: "10", quota: "3" }));
    expect(raised.status).toBe(303);
    expect(await statuses(event.id)).toEqual(["ana:offered", "bo:offered", "cy:waiting"]);
    await db.event.update({ where: { id: event.id }, data: { capacity: 3 } });
    await expectBooksBalance(event.id);
  });

  it("never offers the same seat twice, whatever frees it in whatever order", async () => {
    const { event, tier } = await smallEvent(4);
    const a = await order(event.slug, tier.id, 2, false);
    const b = await order(event.slug, tier.id, 2);
    for (const who of ["ana", "bo", "cy", "di", "ed"]) await join(event.slug, tier.id, who, 1);
    const deps = serviceDeps();
    // Two releases racing, and a repeat of each: four seats free, four offers, no more.
    await Promise.all([releaseHold(deps, a.id, "expired"), releaseHold(deps, a.id, "expired"), recordRefund(deps, `pi_test_${b.id}`, 2000, true), recordRefund(deps, `pi_test_${b.id}`, 2000, true)]);
    expect(await statuses(event.id)).toEqual(["ana:offered", "bo:offered", "cy:offered", "di:offered", "ed:waiting"]);
    for (const who of ["ana", "bo", "cy", "di"]) expect(await offerEmails(who, event.slug)).toBe(1);
    await expectBooksBalance(event.id);
  });
});

describe("an offer", () => {
  async function offeredTo(places = 2) {
    const { event, tier } = await smallEvent(2);
    const held = await order(event.slug, tier.id, 2, false);
    await join(event.slug, tier.id, "ana", places);
    await join(event.slug, tier.id, "bo", 1);
    await releaseHold(serviceDeps(), held.id, "expired");
    const ana = await db.waitlistEntry.findFirstOrThrow({ where: { eventId: event.id, email: emailOf("ana", event.slug) } });
    return { event, tier, ana };
  }

  it("holds its places until its window ends, then passes them on", async () => {
    const { event, ana } = await offeredTo(1);
    expect(ana.offerExpiresAt!.getTime() - ana.offeredAt!.getTime()).toBe(48 * HOUR);
    // Ana took 1 of the 2 seats; Bo, next, got the other at once.
    expect(await statuses(event.id)).toEqual(["ana:offered", "bo:offered"]);
    const later = serviceDeps(() => new Date(Date.now() + 49 * HOUR));
    await sweepWaitlists(later);
    expect(await statuses(event.id)).toEqual(["ana:expired", "bo:expired"]);
    // A second run changes nothing (the seats went back on sale: nobody is waiting any more).
    await sweepWaitlists(later);
    expect(await statuses(event.id)).toEqual(["ana:expired", "bo:expired"]);
    await expectBooksBalance(event.id);
  });

  it("never holds its places past the end of sales", async () => {
    const salesEndAt = new Date(Date.now() + 5 * HOUR);
    const event = await createEvent({ capacity: 1, salesEndAt, tiers: [{ name: "Standard", priceMinor: 1000, quota: 1 }] });
    const tier = event.ticketTypes[0]!;
    const held = await order(event.slug, tier.id, 1, false);
    await join(event.slug, tier.id, "ana", 1);
    await releaseHold(serviceDeps(), held.id, "expired");
    const ana = await db.waitlistEntry.findFirstOrThrow({ where: { eventId: event.id } });
    expect(ana).toMatchObject({ status: "offered", offerExpiresAt: salesEndAt });
  });

  it("passes its places on to the next person when it expires", async () => {
    const { event, ana } = await offeredTo(2);
    expect(await statuses(event.id)).toEqual(["ana:offered", "bo:waiting"]);
    const later = serviceDeps(() => new Date(ana.offerExpiresAt!.getTime() + 1000));
    await sweepWaitlists(later);
    expect(await statuses(event.id)).toEqual(["ana:expired", "bo:offered"]);
    await expectBooksBalance(event.id);
  });

  it("passes its places on when the person leaves the list", async () => {
    const { event, ana } = await offeredTo(2);
    await leaveWaitlist(serviceDeps(), ana.leaveToken);
    expect(await statuses(event.id)).toEqual(["ana:left", "bo:offered"]);
    await expectBooksBalance(event.id);
  });

  it("buys through its link: the held places become the order's, and the link cannot be used again", async () => {
    const { event, tier, ana } = await offeredTo(2);
    const deps = serviceDeps();
    const buy = (email: string, n = 2) =>
      placeOrder(deps, event.slug, { buyer: { name: "Ana", email }, offer: ana.offerToken!, tickets: Array.from({ length: n }, (_, i) => ({ tier: tier.id, name: `Guest ${i}` })) });
    await expect(buy("someone.else@example.org")).rejects.toMatchObject({ code: "offer_unavailable", params: { reason: "not_yours" } });
    await expect(buy(emailOf("ana", event.slug), 3)).rejects.toMatchObject({ code: "invalid", fields: { tickets: { code: "offer_places_at_most" } } });
    const placed = await buy(emailOf("ana", event.slug));
    expect(placed.status).toBe("pending");
    expect(await statuses(event.id)).toEqual(["ana:converted", "bo:waiting"]);
    await expectBooksBalance(event.id);
    await expect(buy(emailOf("ana", event.slug))).rejects.toMatchObject({ code: "offer_unavailable", params: { reason: "used" } });
    await expectBooksBalance(event.id);
  });

  it("gives back the places its buyer did not take, to the next person", async () => {
    const { event, tier, ana } = await offeredTo(2);
    await placeOrder(serviceDeps(), event.slug, { buyer: { name: "Ana", email: emailOf("ana", event.slug) }, offer: ana.offerToken!, tickets: [{ tier: tier.id, name: "Ana" }] });
    expect(await statuses(event.id)).toEqual(["ana:converted", "bo:offered"]);
    await expectBooksBalance(event.id);
  });

  it("cannot be used after it expired, and holds nothing then", async () => {
    const { event, tier, ana } = await offeredTo(2);
    const later = serviceDeps(() => new Date(ana.offerExpiresAt!.getTime() + 1000));
    const attempt = placeOrder(later, event.slug, { buyer: { name: "Ana", email: emailOf("ana", event.slug) }, offer: ana.offerToken!, tickets: [{ tier: tier.id, name: "Ana" }] });
    await expect(attempt).rejects.toMatchObject({ code: "offer_unavailable", params: { reason: "expired" } });
    await expectBooksBalance(event.id);
  });
});
