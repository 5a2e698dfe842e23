// Load and scale measurements against the real app (wrangler dev, local D1), loopback only,
// with autocannon: throughput and latency per route beside a bare route in the same Worker
// (the ceiling), a sell-out burst, and how latency changes from 100 to 100,000 tickets sold.
import autocannon from "autocannon";
import { createHash, createHmac } from "node:crypto";
import { SHARED_WEBHOOK_SECRET } from "../scripts/lib/stripe-emulator.mjs";
import { ticketSigner } from "./lib/codes.mjs";
import { prepareState, query, startServer } from "./lib/server.mjs";
import { benchPayments } from "./payments.mjs";

const IN_PROCESS_WEBHOOK_SECRET = "whsec_offline_emulator_dev_only"; // src/config.ts, when the emulator runs in the app
const pad = (n) => String(n).padStart(16, "0");
const now = () => new Date().toISOString().replace("Z", "+00:00");
const future = (days) => new Date(Date.now() + days * 86_400_000).toISOString().replace("Z", "+00:00");
const series = (from, to) => `WITH RECURSIVE n(i) AS (SELECT ${from} UNION ALL SELECT i + 1 FROM n WHERE i < ${to})`;

/**
 * An event with `sold` paid one-ticket orders (ids in the app's own format) and one tier. Every
 * bench buyer comes from this one machine, so the per-client hold limits are lifted.
 */
export function eventSql({ n, slug, sold, capacity, priceMinor, pending = 0 }) {
  const event = `evt_${pad(n)}`;
  const tier = `tier_${pad(n)}`;
  const lines = [
    `INSERT INTO "Event" ("id","slug","title","venueName","venueAddress","startsAt","endsAt","status","capacity","soldCount","heldCount","maxPerOrder","holdOrdersLimit","holdTicketsLimit","updatedAt")
     VALUES ('${event}','${slug}','Bench ${slug}','Bench Hall','1 Bench Street, London','${future(30)}','${future(30.3)}','published',${capacity ?? "NULL"},${sold},${pending},10,1000000,1000000,'${now()}');`,
    `INSERT INTO "TicketType" ("id","eventId","name","priceMinor","soldCount","heldCount","updatedAt") VALUES ('${tier}','${event}','Standard',${priceMinor},${sold},${pending},'${now()}');`,
  ];
  const orders = (status, from, to) => [
    `${series(from, to)} INSERT INTO "Order" ("id","eventId","reference","buyerName","buyerEmail","status","totalMinor","currency","stripeSessionId","holdExpiresAt","createdAt","paidAt","updatedAt")
     SELECT 'ord_' || printf('%016d', ${n} * 1000000 + i), '${event}', 'B${n}-' || i, 'Buyer ' || i, 'buyer' || i || '@example.org', '${status}', ${priceMinor}, 'GBP',
       ${status === "pending" ? `'cs_bench_' || ${n} || '_' || i` : "NULL"}, ${status === "pending" ? `'${future(1)}'` : "NULL"}, '${now()}', ${status === "paid" ? `'${now()}'` : "NULL"}, '${now()}' FROM n;`,
    `${series(from, to)} INSERT INTO "Ticket" ("id","orderId","eventId","ticketTypeId","attendeeName","pricePaidMinor","status","token","createdAt","updatedAt")
     SELECT 'tkt_' || printf('%016d', ${n} * 1000000 + i), 'ord_' || printf('%016d', ${n} * 1000000 + i), '${event}', '${tier}', 'Attendee ' || i, ${priceMinor},
       '${status === "paid" ? "valid" : "pending"}', 'tok_${n}_' || i, '${now()}', '${now()}' FROM n;`,
  ];
  for (let from = 1; from <= sold; from += 20_000) lines.push(...orders("paid", from, Math.min(sold, from + 19_999)));
  if (pending) lines.push(...orders("pending", sold + 1, sold + pending));
  return { sql: lines.join("\n"), event, tier, slug };
}

const BENCH_TOKEN = "bench-organiser-token";

/** An organiser and their API token, for the check-in load (organisers may scan any event). */
const staffSql = () => `INSERT INTO "Staff" ("id","email","name","role","createdAt") VALUES ('stf_bench000000000001','bench@example.org','Bench','organiser','${now()}');
INSERT INTO "ApiToken" ("id","name","tokenHash","staffId","createdAt") VALUES ('tok_bench000000000001','bench','${createHash("sha256").update(BENCH_TOKEN).digest("hex")}','stf_bench000000000001','${now()}');`;

function stats(result) {
  const codes = {};
  for (const [code, { count }] of Object.entries(result.statusCodeStats ?? {})) codes[code] = count;
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, requests: result.requests.total, errors: result.errors + result.timeouts, codes };
}

async function load(opts) {
  return stats(await autocannon({ connections: 20, ...opts, timeout: 20 }));
}

/** Cycles through prepared request bodies, one per request. */
function eachBody(bodies, extra = {}) {
  let i = 0;
  return [{ ...extra, setupRequest: (req) => ({ ...req, body: bodies[i++ % bodies.length] }) }];
}

/** How many of the event's orders are paid, read from the app's own database. */
export async function paidOrders(stateDir, eventId) {
  const [row] = await query(stateDir, `SELECT COUNT(*) AS n FROM "Order" WHERE "eventId" = '${eventId}' AND "status" = 'paid'`);
  return row.n;
}

/**
 * The quick check (`npm run bench -- --quick`, or BENCH_QUICK=1): only the paying scenario,
 * a few buyers, both Workers; a few seconds once the Workers are up. Proves the wiring, writes
 * no RESULTS.md.
 */
export async function benchQuick({ log = console.log, buyers = 20, concurrency = 4 } = {}) {
  const paying = eventSql({ n: 6, slug: "paying", sold: 0, capacity: null, priceMinor: 1000 });
  const stateDir = await prepareState([paying.sql]);
  log("Starting the Stripe emulator Worker and the app Worker (two processes, two databases)…");
  const server = await startServer(stateDir);
  try {
    return await benchPayments({ server, ev: paying, buyers, concurrency, log, paidCount: () => paidOrders(stateDir, paying.event) });
  } finally {
    await server.cleanup();
  }
}

export async function benchLoad({ log = console.log, seconds = 8 } = {}) {
  const small = eventSql({ n: 1, slug: "scale-100", sold: 100, capacity: 200_000, priceMinor: 1000 });
  const large = eventSql({ n: 2, slug: "scale-100000", sold: 100_000, capacity: 200_000, priceMinor: 1000 });
  const burst = eventSql({ n: 3, slug: "burst", sold: 0, capacity: 500, priceMinor: 1000 });
  const sales = eventSql({ n: 4, slug: "sales", sold: 0, capacity: null, priceMinor: 1000 });
  const webhook = eventSql({ n: 5, slug: "webhooks", sold: 0, capacity: null, priceMinor: 1000, pending: 1000 });
  const paying = eventSql({ n: 6, slug: "paying", sold: 0, capacity: null, priceMinor: 1000 });
  log("Preparing a database with 100,000 tickets sold (and the other bench events)…");
  const stateDir = await prepareState([small.sql, large.sql, burst.sql, sales.sql, webhook.sql, paying.sql, staffSql()]);
  log("Starting the Stripe emulator Worker and the app Worker (two processes, two databases)…");
  const server = await startServer(stateDir);
  const { base } = server;
  const webhookSecret = server.emulator ? SHARED_WEBHOOK_SECRET : IN_PROCESS_WEBHOOK_SECRET;
  const results = { rows: [], scale: [], burst: null, firstRequestMs: null, payments: null, emulator: null };
  try {
    let t = performance.now();
    const first = await fetch(`${base}/api/v1/events`);
    results.firstRequestMs = performance.now() - t;
    if (!first.ok) throw new Error(`first request failed: ${first.status}`);
    const organiser = { authorization: `Bearer ${BENCH_TOKEN}`, "content-type": "application/json" };
    const sign = await ticketSigner(server.signingKey);
    const duration = seconds;

    const measure = async (name, opts) => {
      log(`  ${name}…`);
      const r = await load({ url: base, ...opts });
      results.rows.push({ name, ...r });
      return r;
    };
    // Warm the isolate, then the ceiling and each route.
    await load({ url: `${base}/events/${sales.slug}`, amount: 200 });
    await measure("bare Hono route (ceiling)", { url: `${base}/__bare`, duration });
    await measure("event page", { url: `${base}/events/${sales.slug}`, duration });
    await measure("events API", { url: `${base}/api/v1/events`, duration });
    const orderBodies = Array.from({ length: 500 }, (_, i) => JSON.stringify({ buyer: { name: `Buyer ${i}`, email: `b${i}@example.org` }, tickets: [{ tier: sales.tier, name: `Attendee ${i}` }] }));
    await measure("order creation (hold; Checkout opens on the pay page)", { url: `${base}/api/v1/events/${sales.slug}/orders`, method: "POST", headers: { "content-type": "application/json" }, requests: eachBody(orderBodies), duration });

    const webhookBodies = [];
    const webhookSignatures = [];
    for (let i = 1; i <= 1000; i++) {
      const orderId = `ord_${pad(5 * 1000000 + i)}`;
      const body = JSON.stringify({
        id: `evt_bench_${i}`,
        object: "event",
        type: "checkout.session.completed",
        data: { object: { id: `cs_bench_5_${i}`, object: "checkout.session", status: "complete", payment_status: "paid", payment_intent: `pi_bench_${i}`, amount_total: 1000, metadata: { orderId }, client_reference_id: orderId } },
      });
      const ts = Math.floor(Date.now() / 1000);
      webhookBodies.push(body);
      webhookSignatures.push(`t=${ts},v1=${createHmac("sha256", webhookSecret).update(`${ts}.${body}`).digest("hex")}`);
    }
    let w = 0;
    await measure("Stripe webhook (fulfilment)", {
      url: `${base}/webhooks/stripe`,
      method: "POST",
      amount: 1000,
      requests: [{ setupRequest: (req) => { const i = w++ % 1000; return { ...req, headers: { "content-type": "application/json", "stripe-signature": webhookSignatures[i] }, body: webhookBodies[i] }; } }],
    });

    log("  paying through the emulator Worker: order, pay page, checkout, webhook…");
    results.payments = await benchPayments({ server, ev: paying, buyers: 100, concurrency: 10, log, paidCount: () => paidOrders(stateDir, paying.event) });

    const checkInBodies = async (ev, from, count) =>
      Promise.all(
        Array.from({ length: count }, async (_, k) => {
          const i = from + k;
          const code = await sign({ eventId: ev.event, ticketId: `tkt_${pad(Number(ev.event.slice(4)) * 1000000 + i)}`, ticketTypeId: ev.tier });
          return JSON.stringify({ event: ev.slug, code, nonce: `bench-${ev.slug}-${i}-${Math.random()}`, device: `device ${k % 20}` });
        }),
      );
    await measure("check-in (20 devices, 100,000 sold)", { url: `${base}/api/v1/checkins`, method: "POST", headers: organiser, requests: eachBody(await checkInBodies(large, 1, 3000)), amount: 3000 });

    log("  scale: 100 vs 100,000 tickets sold…");
    for (const ev of [small, large]) {
      const page = await load({ url: `${base}/events/${ev.slug}`, duration: 5 });
      const api = await load({ url: `${base}/api/v1/events/${ev.slug}`, duration: 5 });
      const checkin = await load({ url: `${base}/api/v1/checkins`, method: "POST", headers: organiser, requests: eachBody(await checkInBodies(ev, ev === large ? 5001 : 1, 100)), amount: 100 });
      results.scale.push({ sold: ev === small ? 100 : 100_000, page, api, checkin });
    }

    log("  sell-out burst: 2,000 buyers for 500 seats…");
    const burstBodies = Array.from({ length: 2000 }, (_, i) => JSON.stringify({ buyer: { name: `Racer ${i}`, email: `r${i}@example.org` }, tickets: [{ tier: burst.tier, name: `Racer ${i}` }] }));
    t = performance.now();
    const race = await load({ url: `${base}/api/v1/events/${burst.slug}/orders`, method: "POST", headers: { "content-type": "application/json" }, requests: eachBody(burstBodies), amount: 2000, connections: 100 });
    const elapsed = (performance.now() - t) / 1000;
    const [counts] = await query(stateDir, `SELECT "soldCount" + "heldCount" AS taken, "capacity" FROM "Event" WHERE "id" = '${burst.event}'`);
    const [tickets] = await query(stateDir, `SELECT COUNT(*) AS n FROM "Ticket" WHERE "eventId" = '${burst.event}'`);
    // The emulator's own time over the whole run (every Stripe call the app made, and the webhooks).
    results.emulator = await server.emulator?.stats();
    results.burst = { buyers: 2000, seats: 500, sold: race.codes["201"] ?? 0, refused: race.codes["409"] ?? 0, other: 2000 - (race.codes["201"] ?? 0) - (race.codes["409"] ?? 0), oversells: Math.max(0, tickets.n - 500, counts.taken - 500), seconds: elapsed, perMinute: ((race.codes["201"] ?? 0) / elapsed) * 60, p99: race.p99 };
  } finally {
    await server.cleanup();
  }
  return results;
}
