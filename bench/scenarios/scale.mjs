// Does latency hold as an event fills? Check-in, then order creation, against an event with 100
// tickets sold and one with 100,000 (seeded with SQL), at 20 requests a second in one open-loop
// schedule that alternates between the two events, so both meet the same machine at the same
// moment (a shared machine drifts; two runs one after the other would compare the drift).
import { checkInBodies, jsonHeaders, orderBodies, organiserHeaders } from "../lib/fixtures.mjs";
import { openLoop } from "../lib/open-loop.mjs";

/** Each event's own summary from one alternating schedule; `make(ev, k)` is its k-th request. */
async function alternating({ pair, rate, seconds, make, recorder, path }) {
  const result = await openLoop({
    rate,
    seconds,
    groupOf: (i) => i % 2,
    request: (i) => make(pair[i % 2], Math.floor(i / 2)),
    onResponse: (res) => recorder?.record(path, res.headers),
  });
  return pair.map((_, g) => result.groups[g]);
}

/** `seconds` per path; each event gets rate / 2 a second, so at most `seconds × 10` check-ins of the 100 sold. */
export async function benchScale({ server, events, recorder, seconds, log }) {
  const pair = [events.small, events.large];
  const rate = 20;
  const count = Math.ceil((rate * seconds) / 2);
  log(`  scale: ${pair.map((ev) => ev.sold.toLocaleString("en-GB")).join(" and ")} sold, alternating, check-in then order creation at ${rate} a second, ${seconds} s each…`);
  const scans = [await checkInBodies(server.signingKey, pair[0], 1, count), await checkInBodies(server.signingKey, pair[1], 5001, count)];
  const checkIn = await alternating({
    pair,
    rate,
    seconds,
    recorder,
    path: "check-in",
    make: (ev, k) => ({ url: `${server.base}/api/v1/checkins`, init: { method: "POST", headers: organiserHeaders, body: scans[ev === pair[0] ? 0 : 1][k] } }),
  });
  const buyers = pair.map((ev) => orderBodies(ev, count, `Scale${ev.n}x`));
  const orders = await alternating({
    pair,
    rate,
    seconds,
    recorder,
    path: "order creation",
    make: (ev, k) => ({ url: `${server.base}/api/v1/events/${ev.slug}/orders`, init: { method: "POST", headers: jsonHeaders, body: buyers[ev === pair[0] ? 0 : 1][k] } }),
  });
  return pair.map((ev, g) => ({ sold: ev.sold, checkIn: checkIn[g], orders: orders[g] }));
}
