// The waiting list under load: a sold-out event, `waiting` people join its list through the API,
// then `cancellations` of its paid orders are refunded in full through Stripe's signed webhook,
// ten at a time. Each refund frees a seat and, in the same D1 batch, offers it to the next
// person waiting. Reported: joins and offers a second, and, read back from the database, that
// the offers went to exactly the first people in joining order, that no one was offered twice
// (one offer email per person), and that no seat was both offered and sold.
import { query } from "../lib/server.mjs";
import { jsonHeaders, refundDeliveries } from "../lib/fixtures.mjs";
import { drive } from "./throughput.mjs";

export async function benchWaitlist({ server, stateDir, ev, waiting, cancellations, webhookSecret, recorder, log }) {
  log(`  waiting list: ${waiting} people join a sold-out event of ${ev.capacity}, then ${cancellations} tickets are refunded…`);
  const joins = Array.from({ length: waiting }, (_, i) => JSON.stringify({ tier: ev.tier, name: `Waiting ${i}`, email: `waiting${i}@example.org`, places: 1 }));
  const joinStarted = performance.now();
  const joined = await drive({
    url: `${server.base}/api/v1/events/${ev.slug}/waitlist`,
    method: "POST",
    headers: jsonHeaders,
    each: (i) => ({ body: joins[i] }),
    amount: waiting,
    connections: 10,
    recorder,
    path: "waiting list: join",
  });
  const joinSeconds = (performance.now() - joinStarted) / 1000;

  const refunds = refundDeliveries(ev, 1, cancellations, webhookSecret);
  const started = performance.now();
  const refunded = await drive({
    url: `${server.base}/webhooks/stripe`,
    method: "POST",
    headers: jsonHeaders,
    each: (i) => ({ body: refunds[i].body, headers: { "stripe-signature": refunds[i].signature } }),
    amount: cancellations,
    connections: 10,
    recorder,
    path: "waiting list: refund that offers the seat",
  });
  const seconds = (performance.now() - started) / 1000;

  const event = `'${ev.event}'`;
  const [books] = await query(
    stateDir,
    `SELECT e."soldCount" AS sold, e."heldCount" AS held, e."capacity" AS capacity,
       (SELECT COUNT(*) FROM "Ticket" WHERE "eventId" = ${event} AND "status" = 'valid') AS valid,
       (SELECT COALESCE(SUM("places"), 0) FROM "WaitlistEntry" WHERE "eventId" = ${event} AND "status" = 'offered') AS offeredPlaces,
       (SELECT COUNT(*) FROM "WaitlistEntry" WHERE "eventId" = ${event}) AS entries,
       (SELECT COUNT(*) FROM "WaitlistEntry" WHERE "eventId" = ${event} AND "status" = 'offered') AS offers,
       (SELECT COALESCE(MAX("position"), 0) FROM "WaitlistEntry" WHERE "eventId" = ${event} AND "status" = 'offered') AS lastOffered,
       (SELECT COUNT(*) FROM (SELECT json_extract("data", '$.entryId') AS entry FROM "OutboxEmail" WHERE "template" = 'waitlist_offer'
          AND json_extract("data", '$.entryId') IN (SELECT "id" FROM "WaitlistEntry" WHERE "eventId" = ${event}) GROUP BY entry HAVING COUNT(*) > 1)) AS doubleOffers
     FROM "Event" e WHERE e."id" = ${event}`,
  );
  return {
    waiting,
    seats: ev.capacity,
    joined: joined.codes["201"] ?? 0,
    joinsPerSecond: waiting / joinSeconds,
    cancellations,
    refunded: refunded.codes["200"] ?? 0,
    seconds,
    offers: books.offers,
    offersPerSecond: books.offers / seconds,
    // Offers went to positions 1…offers exactly: the first in joining order, none skipped.
    inOrder: books.lastOffered === books.offers,
    doubleOffers: books.doubleOffers,
    // Every seat is sold to a valid ticket or held by an open offer, within the capacity.
    balanced: books.sold === books.valid && books.held === books.offeredPlaces && books.sold + books.held <= books.capacity,
    p99: refunded.p99,
  };
}
