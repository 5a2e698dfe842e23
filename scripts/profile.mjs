#!/usr/bin/env node
// npm run profile: where the Worker's own CPU goes on the hot paths.
//
// Starts the development entry under `wrangler dev --inspector-port` (workerd, a fresh local D1
// in a temporary folder), with the Stripe emulator Worker beside it, seeds the demo event, warms the
// isolate, then records V8 CPU profiles through the DevTools protocol over the inspector's
// WebSocket (Profiler.enable / setSamplingInterval / start / stop) while it drives a scenario:
//   place     N orders placed through the API (one open-tier ticket each)
//   pay       their N pay pages (the Checkout Session opened on the emulator)
//   paid      N payments on the emulator's form; the emulator's webhook marks each order paid
//             and the ticket email is sent after the webhook's response
// Stripe is the emulator as a Worker of its own (its own process and database), as in the
// bench, so the profile holds the app's CPU alone.
//   checkins  N check-ins by ticket id with the organiser's API token (of the tickets just sold)
//   pages     N event page and events API reads (the edge cache answers most of them)
// Each scenario uses what the ones before it made; run a later one alone and it has only the
// warm-up's three orders.
// Each scenario writes profile/<scenario>.cpuprofile (open it in Chromium's DevTools,
// Performance panel, or https://www.speedscope.app) and prints the top functions and packages
// by self time, the share of samples with Prisma on the stack, and the D1 round trips each
// request reported (X-D1-Round-Trips). Functions are named by their bundled module: wrangler's
// bundle is not minified, and esbuild marks each module with a `// path` comment.
//
// Usage: npm run profile [-- --n 50] [--scenario place,pay,paid,checkins,pages] [--out profile]
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import WebSocket from "ws";
import { appStripeVars, startStripeEmulator } from "./lib/stripe-emulator.mjs";
import { generateTicketKeys } from "./lib/ticket-keys.mjs";
import { root, stopChild, waitFor, wrangler, wranglerDev } from "./lib/wrangler.mjs";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
};
const n = Number(arg("n", 50));
const scenarios = arg("scenario", "place,pay,paid,checkins,pages").split(",");
const outDir = resolve(root, arg("out", "profile"));
const ORGANISER_TOKEN = "dev-organiser-token";

const freePort = () =>
  new Promise((ok, fail) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? ok(address.port) : fail(new Error("no free port"))));
    });
  });

// ---- the Worker ----
const stateDir = await mkdtemp(join(tmpdir(), "tickets-profile-"));
await wrangler(["d1", "migrations", "apply", "DB", "--local", "--persist-to", stateDir], { quiet: true });
const port = await freePort();
const inspectorPort = await freePort();
const base = `http://127.0.0.1:${port}`;
const { signingKey } = await generateTicketKeys("profile");
// Stripe is the emulator as a Worker of its own (as in the bench), so the profile is the app's alone.
const emulator = await startStripeEmulator({ port: await freePort(), appBase: base });
const child = wranglerDev(
  [
    ...["--port", String(port), "--ip", "127.0.0.1", "--inspector-port", String(inspectorPort), "--persist-to", stateDir, "--show-interactive-dev-session=false"],
    // Unminified, so each function is named and esbuild's `// module` comments say where it comes from.
    ...["--minify=false", "--var", `TICKET_SIGNING_KEY:${signingKey}`, ...appStripeVars(emulator.base)],
  ],
  { stdio: ["ignore", "ignore", "inherit"], env: { CLOUDFLARE_CF_FETCH_ENABLED: "false" } },
);
const stop = async () => {
  await stopChild(child);
  await emulator.stop();
  await rm(stateDir, { recursive: true, force: true });
};
process.on("SIGINT", () => void stop().then(() => process.exit(130)));

// ---- the DevTools protocol ----
async function inspector() {
  const targets = await (await fetch(`http://127.0.0.1:${inspectorPort}/json`)).json();
  const target = targets.find((t) => t.webSocketDebuggerUrl) ?? targets[0];
  if (!target) throw new Error("the inspector lists no target");
  const ws = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((ok, fail) => (ws.once("open", ok), ws.once("error", fail)));
  let id = 0;
  const pending = new Map();
  ws.on("message", (data) => {
    const message = JSON.parse(String(data));
    if (message.id && pending.has(message.id)) {
      const { ok, fail } = pending.get(message.id);
      pending.delete(message.id);
      message.error ? fail(new Error(message.error.message)) : ok(message.result);
    }
  });
  const send = (method, params = {}) => new Promise((ok, fail) => (pending.set(++id, { ok, fail }), ws.send(JSON.stringify({ id, method, params }))));
  return { send, close: () => ws.close() };
}

// ---- the requests ----
const trips = [];
async function call(label, path, init = {}) {
  const res = await fetch(`${base}${path}`, { redirect: "manual", ...init });
  const header = res.headers.get("x-d1-round-trips");
  if (header !== null) trips.push({ label, trips: Number(header) });
  if (res.status >= 400) throw new Error(`${label}: HTTP ${res.status} ${await res.text()}`);
  return res;
}
const json = (body) => ({ method: "POST", headers: { "content-type": "application/json", accept: "application/json" }, body: JSON.stringify(body) });
const bearer = { authorization: `Bearer ${ORGANISER_TOKEN}`, accept: "application/json" };

let slug;
let tierId;
let answers = {}; // the demo asks every attendee a required question (issue #13)
const placed = [];
const checkouts = [];

// Each buyer from an address of its own: one client may hold only a few unpaid orders at once.
const fromBuyer = (i, init) => ({ ...init, headers: { ...init.headers, "cf-connecting-ip": `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` } });

async function place(i) {
  const body = await (await call("order", `/api/v1/events/${slug}/orders`, fromBuyer(placed.length + i * 7, json({ buyer: { name: `Profile ${i}`, email: `profile${i}@example.org` }, tickets: [{ tier: tierId, name: `Profile ${i}`, answers }] })))).json();
  placed.push(body);
}

async function openPay() {
  const order = placed.shift();
  if (!order) throw new Error("no placed order left to pay: run the place scenario first");
  const pay = await call("pay page", new URL(order.checkoutUrl).pathname);
  checkouts.push(pay.headers.get("location"));
}

async function payAndFulfil(i) {
  const checkout = checkouts.shift();
  if (!checkout) throw new Error("no open checkout left: run the pay scenario first");
  const form = new URLSearchParams({ card_number: "4242 4242 4242 4242", expiry: "12 / 34", cvc: "123", name: `Profile ${i}`, email: `profile${i}@example.org` });
  const res = await fetch(checkout, { method: "POST", body: form, redirect: "manual" });
  if (res.status !== 303) throw new Error(`emulator checkout: HTTP ${res.status} ${await res.text()}`);
}

let validTickets = [];
async function admit(i) {
  const ticket = validTickets[i];
  if (!ticket) throw new Error(`only ${validTickets.length} tickets to check in`);
  const body = await (await call("check-in", "/api/v1/checkins", { ...json({ event: slug, ticketId: ticket.id, nonce: `profile-${Date.now()}-${i}`, device: "profile" }), headers: { ...bearer, "content-type": "application/json" } })).json();
  if (body.result !== "admitted") throw new Error(`check-in: ${JSON.stringify(body)}`);
}

async function read(i) {
  await call("event page", `/events/${slug}${i % 2 ? "?lang=es" : ""}`);
  await call("events API", `/api/v1/events/${slug}`, { headers: { accept: "application/json" } });
}

const repeat = (step) => async (count, offset) => {
  for (let i = 0; i < count; i++) await step(offset + i);
};
// Each scenario needs the ones before it (orders to pay, paid tickets to check in).
const drives = {
  place: repeat(place),
  pay: repeat(openPay),
  // The emulator Worker posts each webhook to the app; give the last ones time to land.
  paid: async (count, offset) => (await repeat(payAndFulfil)(count, offset), await new Promise((r) => setTimeout(r, 1500))),
  checkins: async (count, offset) => {
    if (!validTickets.length) {
      const list = await (await call("door list", `/api/v1/events/${slug}/door-list`, { headers: bearer })).json();
      validTickets = list.tickets.filter((t) => t.status === "valid" && !t.checkedInAt);
    }
    await repeat(admit)(count, offset);
  },
  pages: repeat(read),
};

// ---- the summary ----
/** Module path of each line of a bundled script, from esbuild's `// path` markers. */
function moduleLines(source) {
  const marks = [];
  source.split("\n").forEach((line, i) => {
    const m = /^\/\/ ((?:node_modules|src|emails|\.\.?\/)[^\s]*\.(?:m?[jt]sx?|json|wasm))$/.exec(line);
    if (m) marks.push([i, m[1]]);
  });
  return (line) => {
    let lo = 0;
    let hi = marks.length - 1;
    let found = null;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (marks[mid][0] <= line) (found = marks[mid][1]), (lo = mid + 1);
      else hi = mid - 1;
    }
    return found;
  };
}

function packageOf(module, url, functionName) {
  if (url.startsWith("wasm://")) return "prisma (query compiler, wasm)";
  if (!url && functionName.startsWith("(")) return functionName;
  if (!module) return url ? "(runtime)" : "(native)";
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(module);
  if (nm) return nm[1];
  if (module.startsWith("src/dev/")) return "src/dev (emulator, mailbox, counter)";
  if (module.startsWith("src/generated/")) return "prisma (generated client)";
  const parts = module.split("/");
  return parts.slice(0, Math.min(3, parts.length - 1)).join("/") || module;
}

async function summarise(name, profile, sources) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
  const lines = new Map();
  const info = (node) => {
    const { url, functionName, lineNumber, scriptId } = node.callFrame;
    if (!lines.has(scriptId)) lines.set(scriptId, sources.has(scriptId) ? moduleLines(sources.get(scriptId)) : () => null);
    const module = lines.get(scriptId)(lineNumber);
    return { module, pkg: packageOf(module, url, functionName), fn: `${functionName || "(anonymous)"} ${module ?? url.split("/").pop() ?? ""}:${lineNumber + 1}` };
  };
  const cache = new Map();
  const infoOf = (id) => (cache.has(id) ? cache.get(id) : (cache.set(id, info(byId.get(id))), cache.get(id)));
  const self = new Map();
  const pkgSelf = new Map();
  let total = 0;
  let idle = 0;
  let prismaOnStack = 0;
  const callers = new Map();
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000;
    const node = byId.get(id);
    if (node.callFrame.functionName === "(idle)") return void (idle += dt);
    total += dt;
    const me = infoOf(id);
    self.set(me.fn, (self.get(me.fn) ?? 0) + dt);
    pkgSelf.set(me.pkg, (pkgSelf.get(me.pkg) ?? 0) + dt);
    // Prisma on the stack, and which of our functions called it (the nearest src/ frame above it).
    let inPrisma = false;
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const frame = infoOf(at);
      if (/prisma/.test(frame.pkg)) inPrisma = true;
      else if (inPrisma && frame.module?.startsWith("src/")) {
        callers.set(frame.fn, (callers.get(frame.fn) ?? 0) + dt);
        break;
      }
    }
    if (inPrisma) prismaOnStack += dt;
  });
  const top = (map, k) => [...map].sort((a, b) => b[1] - a[1]).slice(0, k);
  const pct = (ms) => `${((100 * ms) / total).toFixed(1)}%`;
  const requests = trips.filter((t) => t.scenario === name);
  const perLabel = new Map();
  for (const t of requests) perLabel.set(t.label, [...(perLabel.get(t.label) ?? []), t.trips]);
  const out = [
    `## ${name}: ${n} iterations, ${total.toFixed(0)} ms of Worker CPU sampled (${idle.toFixed(0)} ms idle)`,
    "",
    `Prisma on the stack: ${pct(prismaOnStack)} (${prismaOnStack.toFixed(0)} ms)`,
    "",
    "D1 round trips per request (X-D1-Round-Trips): " +
      ([...perLabel].map(([label, list]) => `${label} ${(list.reduce((a, b) => a + b, 0) / list.length).toFixed(2)}`).join(", ") ||
        "none seen here (the webhooks came from the emulator Worker, which got their answers; test/worker/round-trips.test.ts counts them)"),
    "",
    "| package or area | self ms | share |",
    "| --- | ---: | ---: |",
    ...top(pkgSelf, 12).map(([k, v]) => `| ${k} | ${v.toFixed(1)} | ${pct(v)} |`),
    "",
    "| Prisma called from (our nearest function; only synchronous calls: its async continuations have no caller on the stack) | ms | share |",
    "| --- | ---: | ---: |",
    ...top(callers, 10).map(([k, v]) => `| ${k} | ${v.toFixed(1)} | ${pct(v)} |`),
    "",
    "| function (module, line in the bundle) | self ms | share |",
    "| --- | ---: | ---: |",
    ...top(self, 15).map(([k, v]) => `| ${k.replace(/\|/g, "\\|")} | ${v.toFixed(1)} | ${pct(v)} |`),
    "",
  ];
  return out.join("\n");
}

// ---- the run ----
try {
  await waitFor(`${base}/__bare`, 90_000);
  const seed = await (await fetch(`${base}/dev/seed`, { method: "POST" })).json();
  slug = seed.event.slug;
  const event = (await (await call("warm-up", `/api/v1/events/${slug}`, { headers: { accept: "application/json" } })).json()).event;
  tierId = event.tiers.find((t) => t.eligibility === "open").id;
  // Required attendee questions get their first choice (or a word), as a buyer would answer them.
  for (const q of event.questions.filter((q) => q.required && q.per === "attendee")) answers[q.id] = q.options[0]?.id ?? "Profile";
  // Enough places for every order: the demo event holds 120.
  await mkdir(outDir, { recursive: true });
  // Warm the isolate (module load, Prisma's wasm compile, first queries): not what we profile.
  for (const drive of Object.values(drives)) await drive(3, 0);
  trips.length = 0;
  validTickets = [];
  const devtools = await inspector();
  const sources = new Map();
  await devtools.send("Profiler.enable");
  await devtools.send("Profiler.setSamplingInterval", { interval: 100 });
  const report = [`# npm run profile (${new Date().toISOString()}, N = ${n})`, ""];
  for (const scenario of scenarios) {
    if (!drives[scenario]) throw new Error(`unknown scenario ${scenario} (${Object.keys(drives).join(", ")})`);
    const before = trips.length;
    await devtools.send("Profiler.start");
    await drives[scenario](n, 0);
    const { profile } = await devtools.send("Profiler.stop");
    for (const t of trips.slice(before)) t.scenario = scenario;
    const file = join(outDir, `${scenario}.cpuprofile`);
    await writeFile(file, JSON.stringify(profile));
    for (const node of profile.nodes) {
      const { scriptId } = node.callFrame;
      if (scriptId && scriptId !== "0" && !sources.has(scriptId)) {
        sources.set(scriptId, null);
        try {
          if (!sources.debuggerOn) (await devtools.send("Debugger.enable"), (sources.debuggerOn = true));
          sources.set(scriptId, (await devtools.send("Debugger.getScriptSource", { scriptId })).scriptSource);
        } catch {
          sources.delete(scriptId);
        }
      }
    }
    report.push(await summarise(scenario, profile, new Map([...sources].filter(([, v]) => typeof v === "string"))), `Profile: ${file}`, "");
  }
  devtools.close();
  const text = report.join("\n");
  await writeFile(join(outDir, "summary.md"), text);
  console.log(text);
} finally {
  await stop();
}
