// The sell-out burst: many more buyers than seats, flat out (autocannon, 100 connections).
// Counts every answer by status and error code (each refusal must be a clean 409), how long the
// seats took to go (first request to the last ticket sold), the D1 round trips per second it
// cost (D1 is one single-writer SQLite: this is the number that bounds the burst), and
// oversells, read back from the database.
import { query } from "../lib/server.mjs";
import { jsonHeaders, orderBodies } from "../lib/fixtures.mjs";
import { tally } from "../lib/stats.mjs";
import { drive } from "./throughput.mjs";

const errorCode = (body) => {
  try {
    const json = JSON.parse(body);
    return json?.error?.code ?? json?.code ?? (typeof json?.error === "string" ? json.error : "no code");
  } catch {
    return "not JSON";
  }
};

const PLACED = "order creation, burst: placed";
const REFUSED = "order creation, burst: refused";

export async function benchBurst({ server, stateDir, ev, buyers, recorder, log }) {
  log(`  sell-out burst: ${buyers.toLocaleString("en-GB")} buyers for ${ev.capacity.toLocaleString("en-GB")} seats…`);
  const bodies = orderBodies(ev, buyers, "Racer");
  const answers = {};
  let lastSale = 0;
  const started = performance.now();
  const race = await drive({
    url: `${server.base}/api/v1/events/${ev.slug}/orders`,
    method: "POST",
    headers: jsonHeaders,
    each: (i) => ({ body: bodies[i % bodies.length] }),
    amount: buyers,
    connections: 100,
    recorder,
    path: (status) => (status === 201 ? PLACED : REFUSED),
    onAnswer: (status, body) => {
      if (status === 201) lastSale = performance.now();
      tally(answers, status === 201 ? "201" : `${status} ${errorCode(body)}`);
    },
  });
  const seconds = (performance.now() - started) / 1000;
  const roundTrips = recorder.total(PLACED) + recorder.total(REFUSED);
  const sellOutSeconds = lastSale ? (lastSale - started) / 1000 : NaN;
  const [counts] = await query(stateDir, `SELECT "soldCount" + "heldCount" AS taken FROM "Event" WHERE "id" = '${ev.event}'`);
  const [tickets] = await query(stateDir, `SELECT COUNT(*) AS n FROM "Ticket" WHERE "eventId" = '${ev.event}'`);
  const sold = race.codes["201"] ?? 0;
  // A clean refusal is a 409 whose JSON body names its reason.
  const clean = (key) => key.startsWith("409 ") && !key.endsWith(" no code") && !key.endsWith(" not JSON");
  const cleanRefusals = Object.entries(answers).filter(([key]) => clean(key)).reduce((a, [, count]) => a + count, 0);
  return {
    buyers,
    seats: ev.capacity,
    sold,
    answers,
    unclean: buyers - sold - cleanRefusals,
    oversells: Math.max(0, tickets.n - ev.capacity, counts.taken - ev.capacity),
    seconds,
    sellOutSeconds,
    perMinute: (sold / sellOutSeconds) * 60,
    roundTripsPerSecond: roundTrips / seconds,
    placedRoundTripsPerSecond: recorder.total(PLACED) / sellOutSeconds,
    salesPerSecond: sold / sellOutSeconds,
    p99: race.p99,
  };
}
