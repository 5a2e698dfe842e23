// The bench's data: events seeded straight into the local D1 with SQL (100,000 sold tickets in
// seconds, ids in the app's own format), an organiser's API token, and request bodies.
import { createHash, createHmac } from "node:crypto";
import { ticketSigner } from "./codes.mjs";

export const pad = (n) => String(n).padStart(16, "0");
const now = () => new Date().toISOString().replace("Z", "+00:00");
const future = (days) => new Date(Date.now() + days * 86_400_000).toISOString().replace("Z", "+00:00");
const series = (from, to) => `WITH RECURSIVE n(i) AS (SELECT ${from} UNION ALL SELECT i + 1 FROM n WHERE i < ${to})`;

/**
 * An event with `sold` paid one-ticket orders (ticket page tokens: `ticketToken(ev, i)`), `pending` unpaid
 * ones (Checkout Sessions `cs_bench_<n>_<i>`, for webhooks) and one tier. Every bench buyer
 * comes from this one machine, so the per-client hold limits are lifted.
 */
export function eventSql({ n, slug, sold, capacity, priceMinor = 1000, pending = 0 }) {
  // Paid orders carry a payment intent (`pi_paid_<n>_<i>`), so refunds can name them (refundDeliveries).
  const event = `evt_${pad(n)}`;
  const tier = `tier_${pad(n)}`;
  const lines = [
    `INSERT INTO "Event" ("id","slug","title","venueName","venueAddress","startsAt","endsAt","status","capacity","soldCount","heldCount","maxPerOrder","holdOrdersLimit","holdTicketsLimit","updatedAt")
     VALUES ('${event}','${slug}','Bench ${slug}','Bench Hall','1 Bench Street, London','${future(30)}','${future(30.3)}','published',${capacity ?? "NULL"},${sold},${pending},10,1000000,1000000,'${now()}');`,
    `INSERT INTO "TicketType" ("id","eventId","name","priceMinor","soldCount","heldCount","updatedAt") VALUES ('${tier}','${event}','Standard',${priceMinor},${sold},${pending},'${now()}');`,
  ];
  const orders = (status, from, to) => [
    `${series(from, to)} INSERT INTO "Order" ("id","eventId","reference","buyerName","buyerEmail","status","totalMinor","currency","stripeSessionId","stripePaymentIntentId","holdExpiresAt","createdAt","paidAt","updatedAt")
     SELECT 'ord_' || printf('%016d', ${n} * 1000000 + i), '${event}', 'B${n}-' || i, 'Buyer ' || i, 'buyer' || i || '@example.org', '${status}', ${priceMinor}, 'GBP',
       ${status === "pending" ? `'cs_bench_' || ${n} || '_' || i` : "NULL"}, ${status === "paid" ? `'pi_paid_${n}_' || i` : "NULL"}, ${status === "pending" ? `'${future(1)}'` : "NULL"}, '${now()}', ${status === "paid" ? `'${now()}'` : "NULL"}, '${now()}' FROM n;`,
    `${series(from, to)} INSERT INTO "Ticket" ("id","orderId","eventId","ticketTypeId","attendeeName","pricePaidMinor","status","token","createdAt","updatedAt")
     SELECT 'tkt_' || printf('%016d', ${n} * 1000000 + i), 'ord_' || printf('%016d', ${n} * 1000000 + i), '${event}', '${tier}', 'Attendee ' || i, ${priceMinor},
       '${status === "paid" ? "valid" : "pending"}', 't' || printf('%042d', ${n} * 1000000 + i), '${now()}', '${now()}' FROM n;`,
  ];
  for (let from = 1; from <= sold; from += 20_000) lines.push(...orders("paid", from, Math.min(sold, from + 19_999)));
  if (pending) lines.push(...orders("pending", sold + 1, sold + pending));
  return { sql: lines.join("\n"), n, event, tier, slug, sold, capacity };
}

/** The ticket page token of `ev`'s i-th seeded ticket (43 characters, as the app's are). */
export const ticketToken = (ev, i) => `t${String(ev.n * 1000000 + i).padStart(42, "0")}`;

export const BENCH_TOKEN = "bench-organiser-token";

/** An organiser and their API token, for the check-in load (organisers may scan any event). */
export const staffSql = () => `INSERT INTO "Staff" ("id","email","name","role","createdAt") VALUES ('stf_bench000000000001','bench@example.org','Bench','organiser','${now()}');
INSERT INTO "ApiToken" ("id","name","tokenHash","staffId","createdAt") VALUES ('tok_bench000000000001','bench','${createHash("sha256").update(BENCH_TOKEN).digest("hex")}','stf_bench000000000001','${now()}');`;

export const organiserHeaders = { authorization: `Bearer ${BENCH_TOKEN}`, "content-type": "application/json" };
export const jsonHeaders = { "content-type": "application/json" };

/** `count` order bodies for one ticket of `ev`'s tier each. */
export const orderBodies = (ev, count, who = "Buyer") =>
  Array.from({ length: count }, (_, i) => JSON.stringify({ buyer: { name: `${who} ${i}`, email: `${who.toLowerCase()}${i}@example.org` }, tickets: [{ tier: ev.tier, name: `${who} ${i}` }] }));

/** Check-in bodies for `ev`'s sold tickets `from`…`from + count - 1`, signed with the app's key, from 20 devices. */
export async function checkInBodies(signingKey, ev, from, count) {
  const sign = await ticketSigner(signingKey);
  return Promise.all(
    Array.from({ length: count }, async (_, k) => {
      const i = from + k;
      const code = await sign({ eventId: ev.event, ticketId: `tkt_${pad(ev.n * 1000000 + i)}`, ticketTypeId: ev.tier });
      return JSON.stringify({ event: ev.slug, code, nonce: `bench-${ev.slug}-${i}-${Math.random()}`, device: `device ${k % 20}` });
    }),
  );
}

/** Signed checkout.session.completed deliveries for `ev`'s pending orders (its `sold + 1`…). */
export function webhookDeliveries(ev, count, secret) {
  return Array.from({ length: count }, (_, k) => {
    const i = ev.sold + 1 + k;
    const orderId = `ord_${pad(ev.n * 1000000 + i)}`;
    const body = JSON.stringify({
      id: `evt_bench_${ev.n}_${i}`,
      object: "event",
      type: "checkout.session.completed",
      data: { object: { id: `cs_bench_${ev.n}_${i}`, object: "checkout.session", status: "complete", payment_status: "paid", payment_intent: `pi_bench_${i}`, amount_total: 1000, metadata: { orderId }, client_reference_id: orderId } },
    });
    const ts = Math.floor(Date.now() / 1000);
    return { body, signature: `t=${ts},v1=${createHmac("sha256", secret).update(`${ts}.${body}`).digest("hex")}` };
  });
}

/** Signed charge.refunded deliveries (full refunds) for `ev`'s paid orders `from`…`from + count - 1`. */
export function refundDeliveries(ev, from, count, secret, priceMinor = 1000) {
  return Array.from({ length: count }, (_, k) => {
    const i = from + k;
    const body = JSON.stringify({
      id: `evt_refund_${ev.n}_${i}`,
      object: "event",
      type: "charge.refunded",
      data: { object: { id: `ch_bench_${ev.n}_${i}`, object: "charge", payment_intent: `pi_paid_${ev.n}_${i}`, amount: priceMinor, amount_refunded: priceMinor, refunded: true } },
    });
    const ts = Math.floor(Date.now() / 1000);
    return { body, signature: `t=${ts},v1=${createHmac("sha256", secret).update(`${ts}.${body}`).digest("hex")}` };
  });
}
