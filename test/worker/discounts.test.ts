import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { composeEmail } from "@emails/compose";
import { insertVoucherStatement } from "@/domain/vouchers/repo";
import { getAs, signedInAs } from "./auth-helpers";
import { createEvent, days, db, fetchWorker, orderBody, postJson, serviceDeps } from "./helpers";
import { openPayPage } from "./stripe-fixtures";

const origin = "http://example.test";

/** A same-origin form POST, as a browser sends it. */
const post = (path: string, fields: Record<string, string>) =>
  fetchWorker(path, { method: "POST", headers: { origin, "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(fields), redirect: "manual" });

/** An event with one £13 tier and a voucher STUDENT10 (10% off, at most `maxPerOrder` tickets an order). */
async function discountedEvent(settings: Parameters<typeof createEvent>[0] = {}, maxPerOrder: number | null = null) {
  const event = await createEvent({ capacity: 20, tiers: [{ name: "Non-member", priceMinor: 1300 }], ...settings });
  const row = { code: "student10", kind: "percent", value: 10, ticketTypeId: null, validFrom: null, validUntil: null, maxUses: null, maxPerOrder, seatBudget: null, label: "Students" };
  await insertVoucherStatement(env.DB, event.id, row, new Date()).run();
  return event;
}

/**
 * An order of `n` tickets with the voucher, taken to Stripe's page (the emulator's), paid there with the test card
 * and settled as a returning buyer does. Returns the order and the Stripe session's line items and page as they were.
 */
async function paidWithVoucher(event: Awaited<ReturnType<typeof discountedEvent>>, n: number, language = "en") {
  const placed = await postJson<{ order: { id: string }; checkoutUrl: string }>(`/api/v1/events/${event.slug}/orders`, { ...orderBody(event.ticketTypes[0]!.id, n), voucher: "STUDENT10", language });
  expect(placed.status).toBe(201);
  const stripePage = await openPayPage(placed.body.checkoutUrl);
  const sessionId = stripePage.split("/").pop()!;
  const lines = (await serviceDeps().stripe.checkout.sessions.listLineItems(sessionId)).data;
  const pageHtml = await (await fetchWorker(new URL(stripePage).pathname)).text();
  const paid = await fetchWorker(new URL(stripePage).pathname, {
    method: "POST",
    body: new URLSearchParams({ card_number: "4242 4242 4242 4242", expiry: "12 / 34", cvc: "123", name: "Ada Buyer" }),
    redirect: "manual",
  });
  expect(paid.status).toBe(303);
  const back = new URL(paid.headers.get("location")!);
  const orderPage = await (await fetchWorker(back.pathname + back.search)).text();
  const order = await db.order.findUniqueOrThrow({ where: { id: placed.body.order.id }, include: { tickets: { orderBy: { createdAt: "asc" } } } });
  expect(order.status).toBe("paid");
  return { order, lines, pageHtml, orderPage };
}

/** Text of a page without its markup, with spaces squeezed. */
const textOf = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&#x27;|&#39;/g, "'").replace(/\s+/g, " ");

describe("a voucher on Stripe's page", () => {
  it("gives the discounted tickets their own line, at the price after the voucher, named with its code", async () => {
    const event = await discountedEvent({}, 1);
    const { order, lines, pageHtml } = await paidWithVoucher(event, 2);
    expect(order).toMatchObject({ totalMinor: 2470, discountMinor: 130 });
    expect(lines.map((l) => [l.description, l.quantity, l.price?.unit_amount])).toEqual([
      [`${event.title}: Non-member — voucher STUDENT10: £1.30 off each`, 1, 1170],
      [`${event.title}: Non-member`, 1, 1300],
    ]);
    // The emulator's checkout page shows those names.
    expect(textOf(pageHtml)).toContain("Non-member — voucher STUDENT10: £1.30 off each");
  });

  it("names the voucher in the buyer's language", async () => {
    const event = await discountedEvent();
    const { lines } = await paidWithVoucher(event, 2, "es");
    expect(lines).toHaveLength(1);
    expect(lines[0]!.quantity).toBe(2);
    expect(lines[0]!.description!.replace(/\s/g, " ")).toBe(`${event.title}: Non-member — código de descuento STUDENT10: 1,30 £ menos cada una`);
    expect(lines[0]!.price?.unit_amount).toBe(1170);
  });
});

describe("a voucher on the receipt, the order page, the ticket email and the organisers' pages", () => {
  it("shows list prices, a discount line naming the voucher, and totals that add up", async () => {
    const event = await discountedEvent();
    const { order, orderPage } = await paidWithVoucher(event, 2);
    expect(order).toMatchObject({ totalMinor: 2340, discountMinor: 260 });

    const receipt = textOf(await (await fetchWorker(`/orders/${order.id}/receipt`)).text());
    expect(receipt.match(/Non-member Attendee \d £13/g)).toHaveLength(2);
    expect(receipt).toContain("Voucher STUDENT10 -£2.60");
    expect(receipt).toContain("Subtotal £26");
    expect(receipt).toMatch(/Total paid £23\.40/);

    expect(textOf(orderPage)).toContain("Discount Voucher STUDENT10: −£2.60 Total £23.40");

    const row = await db.outboxEmail.findFirstOrThrow({ where: { orderId: order.id, template: "order_confirmation" } });
    const mail = (await composeEmail(serviceDeps(), row))!;
    expect(mail.text).toContain("Total paid: £23.40 (voucher STUDENT10: −£2.60)");

    const organiser = await signedInAs("organiser");
    const detail = textOf(await (await getAs(organiser, `/admin/orders/${order.id}`)).text());
    expect(detail).toContain("Discount Voucher STUDENT10: −£2.60");

    const csv = await (await getAs(organiser, `/admin/events/${event.id}/attendees.csv`)).text();
    const [header, first] = csv.trim().split(/\r?\n/);
    expect(header!.split(",").slice(-2)).toEqual(["Voucher", "Discount"]);
    expect(first!.split(",").slice(-2)).toEqual(["STUDENT10", "1.30"]);
  });
});

describe("refunds of discounted tickets", () => {
  /** What Stripe (the emulator) has refunded of an order's payment. */
  async function refundedAtStripe(paymentIntentId: string) {
    const stripe = serviceDeps().stripe;
    const intent = await stripe.paymentIntents.retrieve(paymentIntentId);
    return (await stripe.charges.retrieve(String(intent.latest_charge))).amount_refunded;
  }

  it("gives back the price paid after the voucher under a full-refund policy, not the tier's price", async () => {
    const event = await discountedEvent({ refundPolicy: "full_until", refundUntil: new Date(Date.now() + days(7)) });
    const { order } = await paidWithVoucher(event, 2);
    expect(order.tickets.map((t) => t.pricePaidMinor)).toEqual([1170, 1170]);
    expect(await (await fetchWorker(`/tickets/${order.tickets[0]!.token}`)).text()).toContain('data-refund-minor="1170"');
    const res = await post(`/tickets/${order.tickets[0]!.token}/cancel`, { confirm: "yes" });
    expect(res.headers.get("location")).toContain("refunded=1170");
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: "partially_refunded", refundedMinor: 1170 });
    expect(await refundedAtStripe(order.stripePaymentIntentId!)).toBe(1170);
  });

  it("keeps the fee from the price paid under a fee policy", async () => {
    const event = await discountedEvent({ refundPolicy: "minus_fee", refundFeeMinor: 250 });
    const { order } = await paidWithVoucher(event, 1);
    const res = await post(`/tickets/${order.tickets[0]!.token}/cancel`, { confirm: "yes" });
    expect(res.headers.get("location")).toContain("refunded=920");
    expect(await refundedAtStripe(order.stripePaymentIntentId!)).toBe(920);
  });
});
