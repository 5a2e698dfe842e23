// Paying, end to end, with Stripe outside the app: each buyer places an order through the app's
// API, follows the pay page (the app opens a Checkout Session on the emulator Worker over HTTP
// and redirects), pays on the emulator's checkout page (its form POST), and the emulator posts
// the signed checkout.session.completed webhook to the app, which marks the order paid.
// The bench times each step from outside; the emulator Worker times itself (GET /__stats), so
// the app's share of each step can be told from Stripe's.

import { summarise } from "./lib/stats.mjs";

async function timed(fn) {
  const t = performance.now();
  const value = await fn();
  return [performance.now() - t, value];
}

async function expectStatus(res, status, what) {
  if (res.status !== status) throw new Error(`${what}: HTTP ${res.status} ${(await res.text()).slice(0, 300)}`);
  return res;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * `buyers` orders for event `ev` (slug and tier), `concurrency` buyers at a time, each going
 * through the three steps. Needs `server.emulator` (the separate emulator Worker). Waits until
 * the emulator has delivered every webhook, then counts the event's paid orders with `paidCount`.
 */
export async function benchPayments({ server, ev, buyers = 20, concurrency = 4, paidCount, log = console.log, warmup = true, recorder }) {
  const { base, emulator } = server;
  if (!emulator) throw new Error("benchPayments needs the separate emulator Worker (startServer's default)");
  // One buyer first, not measured: the first request to each fresh isolate compiles Prisma's WebAssembly.
  const warmed = warmup ? (await benchPayments({ server, ev, buyers: 1, concurrency: 1, paidCount: async () => 0, log: () => {}, warmup: false })).buyers : 0;
  const steps = { order: [], pay: [], checkout: [] };
  await emulator.resetStats();
  let next = 0;
  const started = performance.now();
  const buyer = async () => {
    for (let i = next++; i < buyers; i = next++) {
      const body = JSON.stringify({ buyer: { name: `Payer ${i}`, email: `payer${i}@example.org` }, tickets: [{ tier: ev.tier, name: `Payer ${i}` }] });
      const [orderMs, placed] = await timed(async () =>
        (await expectStatus(await fetch(`${base}/api/v1/events/${ev.slug}/orders`, { method: "POST", headers: { "content-type": "application/json" }, body }), 201, "order")).json(),
      );
      const [payMs, pay] = await timed(async () => expectStatus(await fetch(placed.checkoutUrl, { redirect: "manual" }), 303, "pay page"));
      recorder?.record("pay page (opens the Checkout Session)", pay.headers);
      const checkoutUrl = pay.headers.get("location");
      if (!checkoutUrl?.startsWith(emulator.base)) throw new Error(`the pay page sent the buyer to ${checkoutUrl}, not to the emulator Worker`);
      const form = new URLSearchParams({ card_number: "4242 4242 4242 4242", expiry: "12 / 34", cvc: "123", name: `Payer ${i}`, email: `payer${i}@example.org` });
      const [checkoutMs] = await timed(async () => expectStatus(await fetch(checkoutUrl, { method: "POST", body: form, redirect: "manual" }), 303, "checkout"));
      steps.order.push(orderMs);
      steps.pay.push(payMs);
      steps.checkout.push(checkoutMs);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, buyer));
  const seconds = (performance.now() - started) / 1000;

  // The webhooks go out after the checkout answers (the emulator's waitUntil): wait for them.
  let stats = await emulator.stats();
  const deadline = Date.now() + 30_000;
  while ((stats.webhooks.appAnswer?.count ?? 0) < buyers && Date.now() < deadline) {
    await sleep(250);
    if ((stats.webhooks.failedAttempts?.count ?? 0) > 0) await emulator.chores();
    stats = await emulator.stats();
  }
  const paid = (await paidCount()) - warmed;
  log(`    ${buyers} buyers paid in ${seconds.toFixed(1)} s; ${stats.webhooks.appAnswer?.count ?? 0} webhooks answered 2xx by the app; ${paid} orders paid`);
  return {
    buyers,
    concurrency,
    seconds,
    paid,
    client: { order: summarise(steps.order), pay: summarise(steps.pay), checkout: summarise(steps.checkout) },
    emulator: stats,
  };
}

const ms = (n) => (Number.isFinite(n) ? `${Math.round(n)}` : "–");
const pair = (s) => (s ? `${ms(s.p50Ms ?? s.p50)} / ${ms(s.p99Ms ?? s.p99)}` : "–");

/**
 * RESULTS.md's section on Stripe measured apart: each step of paying as the buyer saw it
 * (the app's steps include the Stripe calls they wait on), the emulator's own time for the
 * same steps, and so the app's time alone; then every emulator route over the run.
 */
export function paymentsMarkdown(payments, emulator) {
  if (!payments) return ["## Paying, with Stripe outside the app", "", "Not measured.", ""];
  const routes = payments.emulator.requests.byRoute;
  const create = routes["POST /v1/checkout/sessions"];
  const checkout = routes["POST /dev/stripe/checkout/:id"];
  const { appAnswer, emulatorWork, failedAttempts } = payments.emulator.webhooks;
  const appPayMean = payments.client.pay.mean - (create?.meanMs ?? 0);
  const lines = [
    "## Paying, with Stripe outside the app",
    "",
    `The Stripe emulator runs as a Worker of its own (\`wrangler.emulator.toml\`: another wrangler dev process, its own D1), which the app calls over HTTP with the Stripe SDK as it would call Stripe; it posts signed webhooks to the app. ${payments.buyers} buyers (${payments.concurrency} at a time) each placed an order, followed the pay page and paid on the emulator's checkout page, in ${payments.seconds.toFixed(1)} s; the emulator's webhooks marked **${payments.paid} of ${payments.buyers} orders paid**.`,
    "The emulator measures itself (`GET /__stats` on its Worker, workerd's clock: I/O wait plus CPU between I/O); the app's time is what the buyer waited minus the emulator's part.",
    "",
    "| step | buyer waited p50 / p99 ms | emulator's own p50 / p99 ms | app alone (mean) ms |",
    "| --- | ---: | ---: | ---: |",
    `| place the order (app only, no Stripe call) | ${pair(payments.client.order)} | – | ${ms(payments.client.order.mean)} |`,
    `| pay page: the app opens a Checkout Session on the emulator, redirects | ${pair(payments.client.pay)} | ${pair(create)} (POST /v1/checkout/sessions) | ${ms(appPayMean)} |`,
    `| checkout form POST (emulator only) | ${pair(payments.client.checkout)} | ${pair(checkout)} | – |`,
    `| webhook checkout.session.completed: the app's answer, timed by the emulator | ${pair(appAnswer)} | ${pair(emulatorWork)} (signing, bookkeeping) | ${ms(appAnswer?.meanMs)} |`,
    "",
    failedAttempts ? `${failedAttempts.count} webhook attempts failed and were retried.` : "No webhook attempt failed.",
    "",
  ];
  const all = emulator ?? payments.emulator;
  lines.push(
    "Every emulator route from the paying scenario on (nothing before it calls Stripe; its own time, ms):",
    "",
    "| emulator route | requests | total ms | p50 | p99 |",
    "| --- | ---: | ---: | ---: | ---: |",
    ...Object.entries(all.requests.byRoute).map(([route, s]) => `| ${route} | ${s.count} | ${ms(s.totalMs)} | ${ms(s.p50Ms)} | ${ms(s.p99Ms)} |`),
    "",
  );
  return lines;
}
