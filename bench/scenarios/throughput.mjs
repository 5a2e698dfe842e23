// Throughput against the ceiling: each route driven flat out by autocannon (closed loop, 20
// connections) beside a bare Hono route in the same Worker, so "% of ceiling" travels between
// machines. The ceiling is measured again right before each route, and each route is compared
// with its own neighbour: on a shared machine the ceiling drifts within a run (it moved by a
// quarter between two runs), and a share taken against one early measurement carries that
// drift. Every answer's X-D1-Round-Trips is recorded for the round-trip table.
import autocannon from "autocannon";
import { checkInBodies, jsonHeaders, orderBodies, organiserHeaders, webhookDeliveries } from "../lib/fixtures.mjs";

/**
 * autocannon with the bench's defaults. `each(i)` (optional) gives the i-th request's `body`
 * and any `headers` of its own; `path` names the round-trip row (or is a function of the
 * answer's status that names it); `onAnswer(status, body)` sees each answer.
 */
export async function drive({ url, path, recorder, each, headers, connections = 20, onAnswer, ...opts }) {
  let i = 0;
  const request = {
    ...(each ? { setupRequest: (req) => { const r = each(i++); return { ...req, body: r.body, headers: { ...req.headers, ...r.headers } }; } } : {}),
    onResponse: (status, body, _context, answerHeaders) => {
      const row = typeof path === "function" ? path(status) : path;
      if (row) recorder?.record(row, answerHeaders);
      onAnswer?.(status, body);
    },
  };
  const result = await autocannon({ url, connections, headers, ...opts, requests: [request], timeout: 20 });
  const codes = {};
  for (const [code, { count }] of Object.entries(result.statusCodeStats ?? {})) codes[code] = count;
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, requests: result.requests.total, errors: result.errors + result.timeouts, codes };
}

const cycle = (bodies) => (i) => ({ body: bodies[i % bodies.length] });

/** The ceiling and each route for `plan.throughputSeconds` each; the webhook and check-in for `plan.webhooks` and `plan.scans` requests. */
export async function benchThroughput({ server, events, recorder, plan, webhookSecret, log }) {
  const { base } = server;
  const seconds = plan.throughputSeconds;
  const rows = [];
  const bare = () => drive({ url: `${base}/__bare`, duration: seconds });
  const measure = async (name, opts) => {
    log(`  ${name} (after the bare route for ${seconds} s)…`);
    const ceiling = (await bare()).rps;
    rows.push({ name, ceiling, ...(await drive({ url: base, recorder, ...opts })) });
  };
  // Warm the isolate (and the edge cache) first.
  await drive({ url: `${base}/events/${events.sales.slug}`, amount: 200 });
  // A reference, not a target: the bare route plus one D1 round trip (SELECT 1), the floor under
  // any route that reads or writes the database once (a check-in is one round trip).
  await measure("bare route + one D1 round trip (reference)", { url: `${base}/__bare/d1`, duration: seconds });
  await measure("event page", { url: `${base}/events/${events.sales.slug}`, path: "event page, cached", duration: seconds });
  await measure("events API", { url: `${base}/api/v1/events`, path: "events API, cached", duration: seconds });
  await measure("order creation", { url: `${base}/api/v1/events/${events.sales.slug}/orders`, path: "order creation", method: "POST", headers: jsonHeaders, each: cycle(orderBodies(events.sales, 500)), duration: seconds });
  const deliveries = webhookDeliveries(events.webhooks, plan.webhooks, webhookSecret);
  await measure("Stripe webhook (fulfilment)", {
    url: `${base}/webhooks/stripe`,
    path: "Stripe webhook (fulfilment)",
    method: "POST",
    headers: jsonHeaders,
    each: (i) => ({ body: deliveries[i % deliveries.length].body, headers: { "stripe-signature": deliveries[i % deliveries.length].signature } }),
    amount: deliveries.length,
  });
  const scans = plan.scans;
  await measure(`check-in (${events.large.sold.toLocaleString("en-GB")} sold)`, { url: `${base}/api/v1/checkins`, path: "check-in", method: "POST", headers: organiserHeaders, each: cycle(await checkInBodies(server.signingKey, events.large, 1, scans)), amount: scans });
  // The ceiling's own row: the median of its runs beside the routes.
  const ceilings = rows.map((r) => r.ceiling).sort((a, b) => a - b);
  const median = ceilings[Math.floor(ceilings.length / 2)];
  return [{ ...(await bare()), name: "bare Hono route (ceiling)", ceiling: median, rps: median, runs: ceilings }, ...rows];
}
