// The app's part of the bench: one local database seeded with SQL (100,000 tickets sold and the
// other bench events), the app and the Stripe emulator as two Workers, then each scenario in
// turn (bench/scenarios/), all in one run on one machine so that the ratios hold. Every answer
// carries the D1 round trips it cost (X-D1-Round-Trips), collected for the round-trip table.
import { SHARED_WEBHOOK_SECRET } from "../scripts/lib/stripe-emulator.mjs";
import { eventSql, staffSql } from "./lib/fixtures.mjs";
import { roundTripRecorder } from "./lib/round-trips.mjs";
import { prepareState, query, startServer } from "./lib/server.mjs";
import { benchPayments } from "./payments.mjs";
import { benchBurst } from "./scenarios/burst.mjs";
import { benchColdStart } from "./scenarios/cold-start.mjs";
import { benchPages } from "./scenarios/pages.mjs";
import { benchRealistic } from "./scenarios/realistic.mjs";
import { benchScale } from "./scenarios/scale.mjs";
import { benchThroughput } from "./scenarios/throughput.mjs";
import { benchWaitlist } from "./scenarios/waitlist.mjs";

/** How long each scenario runs: the full bench (about 10 minutes in all) and `--quick` (seconds each). */
const PLANS = {
  full: { largeSold: 100_000, throughputSeconds: 6, webhooks: 600, scans: 3000, realisticSeconds: 20, scaleSeconds: 10, burstSeats: 1000, burstBuyers: 3000, payers: 100, pageEvents: 20, ticketPages: 50, waiting: 500, cancellations: 100 },
  quick: { largeSold: 10_000, throughputSeconds: 2, webhooks: 200, scans: 300, realisticSeconds: 3, scaleSeconds: 4, burstSeats: 100, burstBuyers: 300, payers: 10, pageEvents: 3, ticketPages: 5, waiting: 100, cancellations: 20 },
};

/** How many of the event's orders are paid, read from the app's own database. */
export async function paidOrders(stateDir, eventId) {
  const [row] = await query(stateDir, `SELECT COUNT(*) AS n FROM "Order" WHERE "eventId" = '${eventId}' AND "status" = 'paid'`);
  return row.n;
}

function benchEvents(plan) {
  return {
    small: eventSql({ n: 1, slug: "scale-100", sold: 100, capacity: 200_000 }),
    large: eventSql({ n: 2, slug: `scale-${plan.largeSold}`, sold: plan.largeSold, capacity: plan.largeSold * 2 }),
    burst: eventSql({ n: 3, slug: "burst", sold: 0, capacity: plan.burstSeats }),
    sales: eventSql({ n: 4, slug: "sales", sold: 0, capacity: null }),
    webhooks: eventSql({ n: 5, slug: "webhooks", sold: 0, capacity: null, pending: plan.webhooks }),
    paying: eventSql({ n: 6, slug: "paying", sold: 0, capacity: null }),
    // Sold out, with its paid orders refundable: the waiting list's scenario.
    waitlist: eventSql({ n: 7, slug: "waitlist", sold: 200, capacity: 200 }),
  };
}

/** Every scenario; `quick` runs each for seconds. Returns what bench/report.mjs writes. */
export async function benchLoad({ log: print = console.log, quick = false } = {}) {
  const t0 = performance.now();
  const log = (line) => print(`[${String(Math.round((performance.now() - t0) / 1000)).padStart(3)} s] ${line}`);
  const plan = quick ? PLANS.quick : PLANS.full;
  const events = benchEvents(plan);
  const pageEvents = Array.from({ length: plan.pageEvents }, (_, k) => eventSql({ n: 100 + k, slug: `page-${k}`, sold: 0, capacity: 100 }));
  log(`Preparing a database with ${plan.largeSold.toLocaleString("en-GB")} tickets sold (and the other bench events)…`);
  // One SQL file: each file is a wrangler run of its own, several seconds each.
  const stateDir = await prepareState([[...Object.values(events), ...pageEvents].map((e) => e.sql).concat(staffSql()).join("\n")]);
  log("Starting the Stripe emulator Worker and the app Worker (two processes, two databases)…");
  const server = await startServer(stateDir);
  const recorder = roundTripRecorder();
  const results = { quick, plan };
  try {
    results.throughput = await benchThroughput({ server, stateDir, events, recorder, plan, webhookSecret: SHARED_WEBHOOK_SECRET, log });
    results.realistic = await benchRealistic({ server, events, recorder, seconds: plan.realisticSeconds, log });
    results.scale = await benchScale({ server, events, recorder, seconds: plan.scaleSeconds, log });
    await benchPages({ server, pageEvents, ticketEvent: events.small, tickets: plan.ticketPages, recorder, log });
    log("  paying through the emulator Worker: order, pay page, checkout, webhook…");
    results.payments = await benchPayments({ server, ev: events.paying, buyers: plan.payers, concurrency: 10, log, recorder, paidCount: () => paidOrders(stateDir, events.paying.event) });
    results.burst = await benchBurst({ server, stateDir, ev: events.burst, buyers: plan.burstBuyers, recorder, log });
    results.waitlist = await benchWaitlist({ server, stateDir, ev: events.waitlist, waiting: plan.waiting, cancellations: plan.cancellations, webhookSecret: SHARED_WEBHOOK_SECRET, recorder, log });
    // The emulator's own time over the whole run (every Stripe call the app made, and the webhooks).
    results.emulator = await server.emulator?.stats();
    results.roundTrips = recorder.table();
    await server.stop();
    results.coldStart = await benchColdStart({ stateDir, signingKey: server.signingKey, ev: events.small, log });
  } finally {
    await server.cleanup();
  }
  return results;
}
