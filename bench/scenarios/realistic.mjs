// Latency at a realistic load, with open-loop arrivals (lib/open-loop.mjs): 20 door devices
// scanning once a second each, and 20 orders a second. The order API makes no Stripe call (the
// pay page opens the Checkout Session), so its time is the app's alone.
import { checkInBodies, jsonHeaders, orderBodies, organiserHeaders } from "../lib/fixtures.mjs";
import { openLoop } from "../lib/open-loop.mjs";

/** Check-ins of `ev`'s tickets from `from` on, at `rate` a second for `seconds`. */
export async function checkInsAt({ server, ev, from, rate, seconds, recorder }) {
  const bodies = await checkInBodies(server.signingKey, ev, from, Math.round(rate * seconds));
  return openLoop({
    rate,
    seconds,
    request: (i) => ({ url: `${server.base}/api/v1/checkins`, init: { method: "POST", headers: organiserHeaders, body: bodies[i] } }),
    onResponse: (res) => recorder?.record("check-in", res.headers),
  });
}

/** Orders of one ticket each for `ev`, at `rate` a second for `seconds`. */
export async function ordersAt({ server, ev, rate, seconds, recorder }) {
  const bodies = orderBodies(ev, Math.round(rate * seconds), `Steady${ev.n}x${Math.floor(Math.random() * 1e6)}`);
  return openLoop({
    rate,
    seconds,
    request: (i) => ({ url: `${server.base}/api/v1/events/${ev.slug}/orders`, init: { method: "POST", headers: jsonHeaders, body: bodies[i] } }),
    onResponse: (res) => recorder?.record("order creation", res.headers),
  });
}

export async function benchRealistic({ server, events, recorder, seconds, log }) {
  log(`  open loop: 20 devices scanning once a second each, ${seconds} s…`);
  const checkIn = await checkInsAt({ server, ev: events.large, from: 3001, rate: 20, seconds, recorder });
  log(`  open loop: 20 orders a second, ${seconds} s…`);
  const orders = await ordersAt({ server, ev: events.sales, rate: 20, seconds, recorder });
  return { seconds, checkIn, orders };
}
