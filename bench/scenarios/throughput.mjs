// Throughput against the ceiling: each route driven flat out by autocannon (closed loop, 20
// connections) beside a bare Hono route in the same Worker, so "% of ceiling" travels between
// machines. The ceiling is measured between the routes, and each route is compared with the
// mean of the runs just before and just after it: on a shared machine the ceiling drifts within
// a run (it moved by a quarter between two runs), and a share taken against one early
// measurement carries that drift. Every answer's X-D1-Round-Trips is recorded for the round-trip table.
import autocannon from "autocannon";
import { checkInBodies, jsonHeaders, orderBodies, organiserHeaders, webhookDeliveries } from "../lib/fixtures.mjs";
import { query } from "../lib/server.mjs";

/**
 * The webhooks' ticket emails, read from the app's database until all are sent (or a minute
 * has passed): the webhook answers before its mail goes out, so its rate says nothing of the
 * mail unless this does. Seconds from the first webhook to the last email sent.
 */
async function mailAfterWebhooks(stateDir, eventId, startedAt) {
  const count = async () =>
    (
      await query(
        stateDir,
        `SELECT COUNT(*) AS due, SUM(m."status" = 'sent') AS sent, MAX(m."sentAt") AS last FROM "OutboxEmail" m JOIN "Order" o ON o."id" = m."orderId" WHERE o."eventId" = '${eventId}' AND m."template" = 'order_confirmation'`,
      )
    )[0];
  let row = await count();
  for (const until = Date.now() + 60_000; row.sent < row.due && Date.now() < until; row = await count()) await new Promise((r) => setTimeout(r, 500));
  return { emails: row.due, sent: row.sent, seconds: row.last ? (Date.parse(row.last) - startedAt) / 1000 : null };
}

/**
 * autocannon with the bench's defaults. `each(i)` (optional) gives the i-th request's `body`
 * and any `headers` of its own; `path` names the round-trip row (or is a function of the
 * answer's status that names it); `onAnswer(status, body)` sees each answer.
 */
export async function drive({ url, path, recorder, each, headers, connections = 20, onAnswer, ...opts }) {
  let i = 0;
  let lastAnswer = 0;
  const request = {
    ...(each ? { setupRequest: (req) => { const r = each(i++); return { ...req, body: r.body, headers: { ...req.headers, ...r.headers } }; } } : {}),
    onResponse: (status, body, _context, answerHeaders) => {
      lastAnswer = performance.now();
      const row = typeof path === "function" ? path(status) : path;
      if (row) recorder?.record(row, answerHeaders);
      onAnswer?.(status, body);
    },
  };
  const started = performance.now();
  const result = await autocannon({ url, connections, headers, ...opts, requests: [request], timeout: 20 });
  const codes = {};
  for (const [code, { count }] of Object.entries(result.statusCodeStats ?? {})) codes[code] = count;
  // Answers over the time to the last answer: autocannon ends a run only on its next one-second
  // sample, and its `requests.average` is answers per whole sample, so a run of a fixed number of
  // requests whose last answer came 9.1 s in read as total / 10 (check-in read 300 a second in
  // three runs whatever it did).
  const seconds = (lastAnswer - started) / 1000;
  return { rps: result.requests.total / seconds, p50: result.latency.p50, p99: result.latency.p99, requests: result.requests.total, seconds, errors: result.errors + result.timeouts, codes };
}

const cycle = (bodies) => (i) => ({ body: bodies[i % bodies.length] });

/** The ceiling and each route for `plan.throughputSeconds` each; the webhook and check-in for `plan.webhooks` and `plan.scans` requests. */
export async function benchThroughput({ server, stateDir, events, recorder, plan, webhookSecret, log }) {
  const { base } = server;
  const seconds = plan.throughputSeconds;
  const rows = [];
  const bare = () => drive({ url: `${base}/__bare`, duration: seconds });
  // Bare, route, bare, route, …, bare: each route between two runs of the ceiling.
  const ceilingRuns = [];
  const measure = async (name, opts) => {
    log(`  ${name} (between runs of the bare route, ${seconds} s each)…`);
    ceilingRuns.push((await bare()).rps);
    rows.push({ name, ...(await drive({ url: base, recorder, ...opts })) });
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
  const webhooksFrom = Date.now();
  await measure("Stripe webhook (fulfilment)", {
    url: `${base}/webhooks/stripe`,
    path: "Stripe webhook (fulfilment)",
    method: "POST",
    headers: jsonHeaders,
    each: (i) => ({ body: deliveries[i % deliveries.length].body, headers: { "stripe-signature": deliveries[i % deliveries.length].signature } }),
    amount: deliveries.length,
  });
  rows.at(-1).mail = stateDir ? await mailAfterWebhooks(stateDir, events.webhooks.event, webhooksFrom) : null;
  const scans = plan.scans;
  await measure(`check-in (${events.large.sold.toLocaleString("en-GB")} sold)`, { url: `${base}/api/v1/checkins`, path: "check-in", method: "POST", headers: organiserHeaders, each: cycle(await checkInBodies(server.signingKey, events.large, 1, scans)), amount: scans });
  const last = await bare();
  ceilingRuns.push(last.rps);
  // Each route against the mean of the ceiling's runs just before and just after it.
  rows.forEach((row, i) => (row.ceiling = (ceilingRuns[i] + ceilingRuns[i + 1]) / 2));
  // The ceiling's own row: the median of its runs.
  const sorted = [...ceilingRuns].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  return [{ ...last, name: "bare Hono route (ceiling)", ceiling: median, rps: median, runs: ceilingRuns }, ...rows];
}
