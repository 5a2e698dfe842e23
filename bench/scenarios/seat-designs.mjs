// Issue #16: seat counters in D1 (the app today) or in a Durable Object per event? Races both
// designs of bench/seat-designs/worker.ts (a stand-alone Worker over the app's real tables, not
// the app itself) through the same sell-out burst as bench/scenarios/burst.mjs: more buyers
// than seats, flat out (autocannon, 100 connections). Once with one event, once with the same
// totals split over 4 events bursting at once (separate objects can run side by side; D1 stays
// one writer). Each design runs several times, alternately (A, B, A, B…), and the medians are
// reported. Oversells are read back from D1 afterwards (and, for B, whether the object's
// counter agrees with D1's books).
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { freePort } from "../lib/server.mjs";
import { summarise, tally, tallyText } from "../lib/stats.mjs";
import { stopChild, waitFor, wrangler, wranglerDevConfig } from "../../scripts/lib/wrangler.mjs";

const CONFIG = "bench/seat-designs/wrangler.toml";
const DESIGNS = { A: { name: "A: counters in D1", route: "d1" }, B: { name: "B: Durable Object per event", route: "do" } };
const CONNECTIONS = 100;

const sqlTime = (date) => date.toISOString().replace("Z", "+00:00");

/** A published event with one tier (`<id>_tier`, no quota) and `capacity` seats, as the burst's fixture seeds it. */
function eventSql(id, capacity) {
  const at = sqlTime(new Date());
  const starts = sqlTime(new Date(Date.now() + 30 * 86_400_000));
  return [
    `INSERT INTO "Event" ("id","slug","title","venueName","venueAddress","startsAt","endsAt","status","capacity","soldCount","heldCount","maxPerOrder","holdOrdersLimit","holdTicketsLimit","updatedAt")
     VALUES ('${id}','${id}','Seat designs ${id}','Bench Hall','1 Bench Street, London','${starts}','${starts}','published',${capacity},0,0,10,1000000,1000000,'${at}');`,
    `INSERT INTO "TicketType" ("id","eventId","name","priceMinor","soldCount","heldCount","updatedAt") VALUES ('${id}_tier','${id}','Standard',2500,0,0,'${at}');`,
  ].join("\n");
}

/** `wrangler dev -c bench/seat-designs/wrangler.toml` over `stateDir`, as bench/lib/server.mjs starts the app. */
async function startWorker(stateDir) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = wranglerDevConfig(CONFIG, ["--port", String(port), "--ip", "127.0.0.1", "--persist-to", stateDir, "--show-interactive-dev-session=false"], {
    env: { CLOUDFLARE_CF_FETCH_ENABLED: "false" },
    stdio: ["ignore", "ignore", "ignore"],
  });
  const stop = () => stopChild(child);
  try {
    await waitFor(`${base}/__bare`, 90_000);
    return { base, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

const errorCode = (body) => {
  try {
    return JSON.parse(body)?.error?.code ?? "no code";
  } catch {
    return "not JSON";
  }
};

/** The worker's Server-Timing (`d1;dur=3, do;dur=1`) as { d1: 3, do: 1 }, from autocannon's header object. */
function timingOf(headers) {
  const entry = Object.entries(headers ?? {}).find(([key]) => key.toLowerCase() === "server-timing");
  const timing = {};
  for (const part of String(entry?.[1] ?? "").split(",")) {
    const [, name, ms] = part.trim().match(/^(\w+);dur=([\d.]+)$/) ?? [];
    if (name) timing[name] = Number(ms);
  }
  return timing;
}

/** One burst: `buyers` one-ticket orders spread round-robin over `events`, flat out. */
async function burst(base, design, events, buyers) {
  const answers = {};
  let i = 0;
  let lastSale = 0;
  let lastAnswer = 0;
  // Per step, ms: the D1 batch of sales and of refusals, and the object's call (B).
  const steps = { saleD1: [], refusalD1: [], object: [] };
  const started = performance.now();
  const result = await autocannon({
    url: base,
    connections: CONNECTIONS,
    amount: buyers,
    timeout: 20,
    method: "POST",
    headers: { "content-type": "application/json" },
    requests: [
      {
        setupRequest: (req) => {
          const n = i++;
          const body = JSON.stringify({ buyer: { name: `Racer ${n}`, email: `racer${n}@example.org` } });
          return { ...req, path: `/${DESIGNS[design].route}/${events[n % events.length]}`, body };
        },
        onResponse: (status, body, _context, headers) => {
          lastAnswer = performance.now();
          const timing = timingOf(headers);
          if (timing.d1 !== undefined) steps[status === 201 ? "saleD1" : "refusalD1"].push(timing.d1);
          if (timing.do !== undefined) steps.object.push(timing.do);
          if (status === 201) lastSale = lastAnswer;
          tally(answers, status === 201 ? "201" : `${status} ${errorCode(body)}`);
        },
      },
    ],
  });
  // Timed to the last answer: autocannon itself only finishes on its next one-second tick.
  const seconds = (lastAnswer - started) / 1000;
  const sellOutSeconds = lastSale ? (lastSale - started) / 1000 : NaN;
  const sold = answers["201"] ?? 0;
  const p50 = (list) => summarise(list).p50;
  const stepsP50 = { saleD1: p50(steps.saleD1), refusalD1: p50(steps.refusalD1), object: p50(steps.object) };
  return { sold, answers, stepsP50, seconds, sellOutSeconds, perMinute: (sold / sellOutSeconds) * 60, answersPerSecond: result.requests.total / seconds, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.timeouts };
}

/** The Worker's bare route flat out: the most answers a second this machine gives any design. */
async function ceiling(base, duration) {
  const result = await autocannon({ url: `${base}/__bare`, connections: CONNECTIONS, duration });
  return { answersPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

/** D1's books (and the object's counter) for each event after a burst. */
async function books(base, events) {
  const rows = await Promise.all(events.map(async (id) => ({ id, ...(await (await fetch(`${base}/check/${id}`)).json()) })));
  const oversold = rows.reduce((sum, r) => sum + Math.max(0, r.tickets - r.capacity, r.eventTaken - r.capacity, r.tierTaken - r.capacity), 0);
  // D1's counters match its tickets (every seat taken is recorded), and for B the object agrees with both.
  const d1Balanced = rows.every((r) => r.eventTaken === r.tickets && r.tierTaken === r.tickets);
  const objectAgrees = rows.every((r) => r.objectTaken === null || r.objectTaken === r.tickets);
  return { rows, oversold, tickets: rows.reduce((s, r) => s + r.tickets, 0), d1Balanced, objectAgrees, objectUsed: rows.some((r) => r.objectTaken !== null) };
}

const median = (values) => {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

export async function benchSeatDesigns({ log = console.log, quick = false, repeats = quick ? 2 : 3 } = {}) {
  const seats = quick ? 100 : 1000;
  const buyers = quick ? 300 : 3000;
  // Other work on the machine shows up as noise; the load average before and after says how much.
  const load = [loadavg()[0]];
  const variants = [
    { name: "1 event", events: 1 },
    { name: "4 events at once", events: 4 },
  ];
  // Every run gets fresh events, all seeded before the Worker starts; warm-up events have room to spare.
  const plan = [];
  for (const variant of variants)
    for (let run = 1; run <= repeats; run++)
      for (const design of ["A", "B"]) {
        const events = Array.from({ length: variant.events }, (_, k) => `${design.toLowerCase()}-${variant.events}ev-r${run}-e${k}`);
        plan.push({ variant: variant.name, design, run, events });
      }
  const seed = [
    ...plan.flatMap(({ events }) => events.map((id, k) => eventSql(id, Math.floor(seats / events.length) + (k < seats % events.length ? 1 : 0)))),
    eventSql("warm-a", 1_000_000),
    eventSql("warm-b", 1_000_000),
  ];
  const stateDir = await mkdtemp(join(tmpdir(), "seat-designs-"));
  let worker;
  try {
    log(`  seat designs: migrating a fresh local D1 (${CONFIG}) and seeding ${seed.length} events…`);
    await wrangler(["d1", "migrations", "apply", "DB", "-c", CONFIG, "--local", "--persist-to", stateDir], { quiet: true, env: { CLOUDFLARE_CF_FETCH_ENABLED: "false" } });
    const seedFile = join(stateDir, "seed.sql");
    await writeFile(seedFile, seed.join("\n"));
    await wrangler(["d1", "execute", "DB", "-c", CONFIG, "--local", "--persist-to", stateDir, "--file", seedFile], { quiet: true, env: { CLOUDFLARE_CF_FETCH_ENABLED: "false" } });
    worker = await startWorker(stateDir);
    const { base } = worker;
    // Warm both code paths (isolate, D1, the object class) before anything is timed.
    await fetch(`${base}/do/warm-b/init`, { method: "POST" });
    await burst(base, "A", ["warm-a"], 300);
    await burst(base, "B", ["warm-b"], 300);
    const ceilings = [await ceiling(base, quick ? 2 : 5)];

    const runs = [];
    for (const step of plan) {
      if (step.design === "B") for (const id of step.events) await fetch(`${base}/do/${id}/init`, { method: "POST" });
      log(`  ${DESIGNS[step.design].name}, ${step.variant}, run ${step.run}: ${buyers.toLocaleString("en-GB")} buyers for ${seats.toLocaleString("en-GB")} seats…`);
      const race = await burst(base, step.design, step.events, buyers);
      const check = await books(base, step.events);
      const run = { ...step, seats, buyers, ...race, ...check };
      log(`    ${Math.round(run.perMinute).toLocaleString("en-GB")} tickets/min, p50 ${run.p50} ms, p99 ${run.p99} ms, ${tallyText(run.answers)}, oversold ${run.oversold}`);
      runs.push(run);
    }
    ceilings.push(await ceiling(base, quick ? 2 : 5));
    // Runs alternate (A then B), so each run of A and the B after it share the machine's mood: a pair.
    const pairs = (variant) => {
      const mine = runs.filter((r) => r.variant === variant);
      const a = mine.filter((r) => r.design === "A");
      const b = mine.filter((r) => r.design === "B");
      return { pairs: a.length, aFaster: a.filter((r, k) => r.perMinute > b[k].perMinute).length };
    };
    const summary = [];
    for (const variant of variants)
      for (const design of ["A", "B"]) {
        const mine = runs.filter((r) => r.variant === variant.name && r.design === design);
        summary.push({
          variant: variant.name,
          design,
          runs: mine.length,
          ...pairs(variant.name),
          perMinute: median(mine.map((r) => r.perMinute)),
          perMinuteRange: [Math.min(...mine.map((r) => r.perMinute)), Math.max(...mine.map((r) => r.perMinute))],
          answersPerSecond: median(mine.map((r) => r.answersPerSecond)),
          p50: median(mine.map((r) => r.p50)),
          p99: median(mine.map((r) => r.p99)),
          saleD1: median(mine.map((r) => r.stepsP50.saleD1)),
          refusalD1: median(mine.map((r) => r.stepsP50.refusalD1)),
          object: median(mine.map((r) => r.stepsP50.object)),
          sold: mine.map((r) => r.sold),
          oversold: Math.max(...mine.map((r) => r.oversold)),
          unclean: mine.reduce((s, r) => s + (r.buyers - r.sold - (r.answers["409 sold_out"] ?? 0)), 0),
          consistent: mine.every((r) => r.d1Balanced && r.objectAgrees && r.tickets === r.sold),
        });
      }
    load.push(loadavg()[0]);
    return { seats, buyers, connections: CONNECTIONS, repeats, ceilings, cpus: availableParallelism(), load, runs, summary };
  } finally {
    await worker?.stop();
    await rm(stateDir, { recursive: true, force: true });
  }
}

const fmt = (n, digits = 0) => (Number.isFinite(n) ? n.toLocaleString("en-GB", { maximumFractionDigits: digits }) : "–");
const ms = (n) => (Number.isFinite(n) ? `${fmt(n)} ms` : "–");

/** The results as a markdown section for bench/RESULTS.md. */
export function seatDesignsMarkdown(results) {
  const { summary, runs } = results;
  const winner = (variant) => {
    const [a, b] = ["A", "B"].map((d) => summary.find((s) => s.variant === variant && s.design === d));
    const ratio = b.perMinute / a.perMinute;
    const paired = `A outsold the B run after it in ${a.aFaster} of ${a.pairs} pairs`;
    // A win counts only when every run of one design beat every run of the other.
    const clear = a.perMinuteRange[0] > b.perMinuteRange[1] || b.perMinuteRange[0] > a.perMinuteRange[1];
    return { a, b, ratio, clear, paired, best: ratio > 1 ? b : a };
  };
  const range = (s) => s.perMinuteRange.map((n) => fmt(n)).join("–");
  const verdict = (w, what) =>
    w.clear
      ? `${w.best.design === "B" ? "the Durable Object" : "D1"} won ${what} in every run (B at ${fmt(w.ratio * 100)}% of A's tickets a minute, medians; ${w.paired})`
      : `neither design won ${what} in every run: A's runs sold ${range(w.a)} tickets a minute, B's ${range(w.b)} (B's median ${fmt(w.ratio * 100)}% of A's; ${w.paired})`;
  const one = winner("1 event");
  const four = winner("4 events at once");
  const lines = [
    "## The next scale step: seat counters in D1 or in a Durable Object per event",
    "",
    `Measured with a stand-alone Worker over the app's real tables (its migrations; bench/seat-designs/worker.ts), not the app itself: each answer places a one-ticket pending order. ` +
      `A takes the seat the app's way, inside the order's one D1 batch (the app's own takeSeatsStatements); B asks a SeatCounter Durable Object per event (SQLite storage) first, then writes the order to D1. ` +
      `Each burst is ${fmt(results.buyers)} buyers for ${fmt(results.seats)} seats, autocannon with ${results.connections} connections, under local \`wrangler dev\` (miniflare: the Worker, D1 and the objects in one workerd process, ${results.cpus} CPUs); ` +
      `each design ran ${results.repeats} times, alternately, and the table gives the medians.`,
    "",
    "| Burst | Design | Tickets/min while seats lasted | Answers/s (all) | p50 (all) | p99 (all) | D1 batch p50: sale / refusal | Object call p50 | Sold per run | Oversold | Books agree |",
    "|---|---|---:|---:|---:|---:|---:|---:|---|---:|---|",
    ...summary.map(
      (s) =>
        `| ${s.variant} | ${DESIGNS[s.design].name} | ${fmt(s.perMinute)} | ${fmt(s.answersPerSecond)} | ${ms(s.p50)} | ${ms(s.p99)} | ${ms(s.saleD1)} / ${ms(s.refusalD1)} | ${ms(s.object)} | ${s.sold.map((n) => fmt(n)).join(", ")} | ${s.oversold} | ${s.consistent ? "yes" : "**no**"} |`,
    ),
    "",
    "The D1 batch and object call columns are the Worker's own Server-Timing for that step (median of each run's p50; – where a design has no such step): the time spent inside D1 or the object, queueing included, apart from the rest of the answer.",
    "",
    `For scale, the same Worker's bare route (no D1, no object) answered ${results.ceilings.map((c) => fmt(c.answersPerSecond)).join(" and ")} requests a second with ${results.connections} connections (before and after the bursts).`,
    "",
    "Each run (in the order they ran):",
    "",
    "| Burst | Design | Run | Tickets/min | Answers/s | p50 | p99 | D1 batch p50: sale / refusal | Object call p50 | Answers |",
    "|---|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ...runs.map((r) => `| ${r.variant} | ${r.design} | ${r.run} | ${fmt(r.perMinute)} | ${fmt(r.answersPerSecond)} | ${ms(r.p50)} | ${ms(r.p99)} | ${ms(r.stepsP50.saleD1)} / ${ms(r.stepsP50.refusalD1)} | ${ms(r.stepsP50.object)} | ${tallyText(r.answers)} |`),
    "",
    `Both designs still write every sale to D1 in one batch per order; what B takes off D1 is the refusals (a 409 from the object never reaches D1) and the check of the room. ` +
      `"Books agree": D1's event and tier counters equal its tickets, every 201 has its ticket, and for B the object's counter equals D1's tickets. ` +
      `On this machine (load average ${results.load.map((n) => fmt(n, 1)).join(" before, ")} after), ${verdict(one, "the single-event burst")}, and ${verdict(four, "the four-event burst")}.`,
  ];
  return lines;
}
