// Attendee export at scale: time and workerd memory for a CSV (and XLSX) export of events with
// many attendees, against the real app under `wrangler dev` (workerd, local D1), loopback only.
//
//   import { benchExport } from "./export.mjs";
//   const results = await benchExport({ sizes: [10_000, 100_000] });
//
// The data is written straight into a fresh local D1 database with `wrangler d1 execute --file`
// (generated SQL, one statement per chunk of rows) before any server starts. Each export then
// runs on a freshly started server, warmed up on a small event, and two things are sampled
// every 50 ms while the download runs, against their idle values just before:
// - the resident set size of the workerd process running the Worker. Locally that process
//   also hosts the D1 simulator (SQLite and its cache), so this is an upper bound;
// - the V8 heap of the Worker's isolate, through the inspector wrangler dev serves: what
//   Cloudflare's 128 MB limit applies to.
import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import WebSocket from "ws";
import { generateTicketKeys } from "../scripts/lib/ticket-keys.mjs";
import { waitFor, wrangler, wranglerDev } from "../scripts/lib/wrangler.mjs";

const TICKETS_PER_ORDER = 2;
const CHUNK = 10_000; // rows per generated INSERT … SELECT statement
const MiB = 1024 * 1024;

const sha256Hex = (text) => createHash("sha256").update(text).digest("hex");
const sqlText = (s) => `'${String(s).replaceAll("'", "''")}'`;
const isoAt = (base, plusSql) => `strftime('%Y-%m-%dT%H:%M:%f+00:00', '${base}', ${plusSql})`;

/**
 * SQL for one event with `tickets` tickets in paid orders (two per order), plus one pending
 * order per 50 that the export must skip. Names carry commas, quotes and accents, some tickets
 * are checked in, some have eligibility answers, so the writers do their real work.
 */
export function eventSql({ id, slug, tickets }) {
  const orders = Math.ceil(tickets / TICKETS_PER_ORDER);
  const now = new Date().toISOString().replace("Z", "+00:00");
  const lines = [
    `INSERT INTO "Event" ("id", "slug", "title", "venueName", "venueAddress", "timezone", "startsAt", "endsAt", "status", "updatedAt")
     VALUES (${sqlText(id)}, ${sqlText(slug)}, 'Bench conference ${tickets}', 'Bench Hall', '1 Bench Street, London', 'Europe/London',
       '2027-06-05T10:00:00.000+00:00', '2027-06-05T17:00:00.000+00:00', 'published', '${now}');`,
    `INSERT INTO "TicketType" ("id", "eventId", "name", "priceMinor", "eligibility", "updatedAt") VALUES
       (${sqlText(`${id}_m`)}, ${sqlText(id)}, 'Member', 800, 'member_list', '${now}'),
       (${sqlText(`${id}_n`)}, ${sqlText(id)}, 'Non-member', 1300, 'open', '${now}');`,
  ];
  // Orders 1..orders are paid; every 50th order gets a pending twin inserted right after it.
  for (let start = 1; start <= orders; start += CHUNK) {
    const end = Math.min(orders, start + CHUNK - 1);
    lines.push(`WITH RECURSIVE n(i) AS (SELECT ${start} UNION ALL SELECT i + 1 FROM n WHERE i < ${end})
      INSERT INTO "Order" ("id", "eventId", "reference", "buyerName", "buyerEmail", "status", "totalMinor", "currency", "createdAt", "paidAt", "updatedAt")
      SELECT ${sqlText(id)} || '_o' || i, ${sqlText(id)}, ${sqlText(`${slug.toUpperCase()}-`)} || i,
        CASE WHEN i % 5 = 0 THEN 'Nuñez Pérez, María ' || i ELSE 'Buyer ' || i END, 'buyer' || i || '@example.org',
        'paid', 2100, 'GBP', ${isoAt("2027-01-01", "'+' || (i * 7) || ' minutes'")}, ${isoAt("2027-01-01", "'+' || (i * 7 + 2) || ' minutes'")}, '${now}'
      FROM n;`);
    lines.push(`WITH RECURSIVE n(i) AS (SELECT ${start} UNION ALL SELECT i + 1 FROM n WHERE i < ${end})
      INSERT INTO "Ticket" ("id", "orderId", "eventId", "ticketTypeId", "attendeeName", "attendeeEmail", "eligibilityAnswer", "pricePaidMinor", "status", "token", "checkedInAt", "createdAt", "updatedAt")
      SELECT ${sqlText(id)} || '_t' || i || '_' || k.k, ${sqlText(id)} || '_o' || i, ${sqlText(id)},
        CASE WHEN k.k = 0 THEN ${sqlText(`${id}_m`)} ELSE ${sqlText(`${id}_n`)} END,
        CASE WHEN i % 3 = 0 THEN 'O''Brien "Bob", Attendee ' || i || '-' || k.k ELSE 'Attendee ' || i || '-' || k.k END,
        'attendee' || i || '-' || k.k || '@example.org',
        CASE WHEN k.k = 0 THEN 'Member M' || (1000 + i) ELSE NULL END,
        CASE WHEN k.k = 0 THEN 800 ELSE 1300 END, 'valid', ${sqlText(id)} || '_tok' || i || '_' || k.k,
        CASE WHEN i % 4 = 0 THEN ${isoAt("2027-06-05T09:30:00", "'+' || (i % 120) || ' minutes'")} ELSE NULL END,
        ${isoAt("2027-01-01", "'+' || (i * 7) || ' minutes'")}, '${now}'
      FROM n, (SELECT 0 AS k UNION ALL SELECT 1) AS k
      WHERE i * ${TICKETS_PER_ORDER} - ${TICKETS_PER_ORDER} + k.k < ${tickets}
      ORDER BY i, k.k;`);
    // Pending orders (with tickets) that the export must leave out.
    lines.push(`WITH RECURSIVE n(i) AS (SELECT ${start} UNION ALL SELECT i + 1 FROM n WHERE i < ${end})
      INSERT INTO "Order" ("id", "eventId", "reference", "buyerName", "buyerEmail", "status", "totalMinor", "currency", "createdAt", "updatedAt")
      SELECT ${sqlText(id)} || '_p' || i, ${sqlText(id)}, ${sqlText(`${slug.toUpperCase()}-P`)} || i, 'Pending ' || i, 'p' || i || '@example.org',
        'pending', 800, 'GBP', ${isoAt("2027-01-01", "'+' || (i * 7) || ' minutes'")}, '${now}'
      FROM n WHERE i % 50 = 0;`);
    lines.push(`WITH RECURSIVE n(i) AS (SELECT ${start} UNION ALL SELECT i + 1 FROM n WHERE i < ${end})
      INSERT INTO "Ticket" ("id", "orderId", "eventId", "ticketTypeId", "attendeeName", "pricePaidMinor", "status", "token", "createdAt", "updatedAt")
      SELECT ${sqlText(id)} || '_pt' || i, ${sqlText(id)} || '_p' || i, ${sqlText(id)}, ${sqlText(`${id}_n`)}, 'Pending attendee ' || i, 800, 'pending',
        ${sqlText(id)} || '_ptok' || i, '${now}', '${now}'
      FROM n WHERE i % 50 = 0;`);
  }
  return lines.join("\n");
}

/** A staff member (organiser) with an API token and a session, for the export requests. */
function staffSql({ apiToken, sessionToken }) {
  const later = new Date(Date.now() + 86_400_000).toISOString().replace("Z", "+00:00");
  return [
    `INSERT INTO "Staff" ("id", "email", "name", "role") VALUES ('stf_bench', 'bench@example.org', 'Bench organiser', 'organiser');`,
    `INSERT INTO "ApiToken" ("id", "name", "tokenHash", "staffId") VALUES ('tok_bench', 'bench', '${sha256Hex(apiToken)}', 'stf_bench');`,
    `INSERT INTO "Session" ("id", "tokenHash", "staffId", "expiresAt") VALUES ('ses_bench', '${sha256Hex(sessionToken)}', 'stf_bench', '${later}');`,
  ].join("\n");
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no free port"))));
    });
  });
}

/**
 * The workerd process that runs the Worker and its local D1, under `rootPid`. wrangler dev
 * starts two: a small proxy bound to the public port, and the runtime itself (bound to a
 * random port, with the inspector); the proxy is the one whose command line names `port`.
 */
async function findWorkerd(rootPid, port, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const processes = new Map();
    for (const entry of await readdir("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      const stat = await readFile(`/proc/${entry}/stat`, "utf8").catch(() => "");
      // pid (comm) state ppid …; comm may hold spaces, so match up to the last ")".
      const m = /^(\d+) \((.*)\) \S+ (\d+)/s.exec(stat);
      if (m) processes.set(Number(m[1]), { comm: m[2], ppid: Number(m[3]) });
    }
    const descendants = [rootPid];
    for (let i = 0; i < descendants.length; i++) {
      for (const [pid, p] of processes) if (p.ppid === descendants[i]) descendants.push(pid);
    }
    for (const pid of descendants) {
      if (processes.get(pid)?.comm !== "workerd") continue;
      const cmdline = (await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "")).split("\0");
      if (cmdline.length > 1 && !cmdline.some((arg) => arg.endsWith(`127.0.0.1:${port}`))) return pid;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("could not find the workerd process running the Worker (is /proc readable?)");
}

/** Resident set size of `pid` in bytes. */
async function rss(pid) {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

/** The V8 heap of the Worker's isolate, through the inspector (Chrome DevTools Protocol). */
async function inspectHeap(inspectorPort, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  let ws;
  for (;;) {
    ws = new WebSocket(`ws://127.0.0.1:${inspectorPort}/ws`);
    const opened = await new Promise((resolve) => {
      ws.once("open", () => resolve(true));
      ws.once("error", () => resolve(false));
    });
    if (opened) break;
    if (Date.now() > deadline) throw new Error(`the inspector on port ${inspectorPort} did not answer`);
    await new Promise((r) => setTimeout(r, 250));
  }
  let lastId = 0;
  const pending = new Map();
  ws.on("message", (data) => {
    const message = JSON.parse(String(data));
    pending.get(message.id)?.(message);
    pending.delete(message.id);
  });
  // Every call has a deadline: an inspector that stops answering must not hang the bench.
  const call = (method) =>
    new Promise((resolve, reject) => {
      const id = ++lastId;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`${method}: no answer from the inspector`));
      }, 5_000);
      pending.set(id, (m) => {
        clearTimeout(timer);
        if (m.error) reject(new Error(`${method}: ${m.error.message}`));
        else resolve(m.result);
      });
      ws.send(JSON.stringify({ id, method }));
    });
  return {
    used: async () => (await call("Runtime.getHeapUsage")).usedSize,
    close: () => ws.close(),
  };
}

/** Samples RSS and heap every `everyMs` until stopped; returns their peaks. */
function sampleMemory(pid, heap, everyMs = 50) {
  const peak = { rss: 0, heap: 0 };
  const take = async () => {
    const [r, h] = await Promise.all([rss(pid).catch(() => 0), heap.used().catch(() => NaN)]);
    peak.rss = Math.max(peak.rss, r);
    peak.heap = Number.isNaN(h) ? peak.heap : Math.max(peak.heap, h);
  };
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      await take();
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return async () => {
    stopped = true;
    await loop;
    await take();
    return peak;
  };
}

/**
 * Downloads `url`, counting bytes and line feeds without keeping the body. With `bytesPerSecond`
 * it reads no faster than that, like a slow connection, so the server must hold back.
 */
async function download(url, headers, { timeoutMs, bytesPerSecond = Infinity }) {
  const res = await fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs) });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status} ${await res.text()}`);
  const started = performance.now();
  let bytes = 0;
  let lineFeeds = 0;
  for await (const chunk of res.body) {
    bytes += chunk.length;
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lineFeeds++;
    const ahead = (bytes / bytesPerSecond) * 1000 - (performance.now() - started);
    if (ahead > 0) await new Promise((r) => setTimeout(r, ahead));
  }
  return { bytes, lineFeeds };
}

/** `wrangler dev` on free loopback ports over the prepared state, its runtime's pid and heap. */
async function startServerOnce(stateDir, signingKey) {
  const port = await freePort();
  let inspectorPort = await freePort();
  while (inspectorPort === port) inspectorPort = await freePort();
  const child = wranglerDev(
    [
      ...["--port", String(port), "--ip", "127.0.0.1", "--inspector-port", String(inspectorPort), "--persist-to", stateDir],
      ...["--show-interactive-dev-session=false", "--var", `TICKET_SIGNING_KEY:${signingKey}`],
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  // Keep the end of the server's output, to show if something goes wrong.
  let output = "";
  const keep = (d) => (output = (output + d).slice(-4000));
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const exited = new Promise((resolve) => child.once("exit", resolve));
  // Should this process end abruptly (its time limit), the server must not outlive it.
  const stopOnExit = () => child.kill("SIGTERM");
  process.once("exit", stopOnExit);
  const stop = async () => {
    process.off("exit", stopOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    const base = `http://127.0.0.1:${port}`;
    // A server that gives up (a port taken meanwhile) ends the wait at once.
    await Promise.race([
      waitFor(`${base}/healthz`, 90_000),
      exited.then((code) => Promise.reject(Object.assign(new Error(`wrangler dev exited (${code})`), { exited: true }))),
    ]);
    const workerd = await findWorkerd(child.pid, port);
    // Without the inspector the bench still measures RSS; the heap columns then read n/a.
    const heap = await inspectHeap(inspectorPort).catch(() => ({ used: async () => NaN, close() {} }));
    const stopAll = async () => {
      heap.close();
      await stop();
    };
    return { base, workerd, heap, stop: stopAll, output: () => output };
  } catch (err) {
    await stop();
    throw Object.assign(new Error(`${err.message}\n--- wrangler dev said:\n${output}`), { retry: err.exited && /already in use/i.test(output) });
  }
}

/** startServerOnce, tried again with other ports if one was taken between choosing and binding it. */
async function startServer(stateDir, signingKey) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startServerOnce(stateDir, signingKey);
    } catch (err) {
      if (!err.retry || attempt === 3) throw err;
    }
  }
}

const mb = (bytes) => (Number.isFinite(bytes) && bytes > 0 ? (bytes / MiB).toFixed(1) : "n/a");

function printTable(results, log) {
  const rows = [
    ["export", "rows", "seconds", "MB", "MB/s", "rows/s", "RSS idle", "RSS peak", "RSS growth", "heap idle", "heap peak"],
    ...results.map((r) => [
      r.label,
      r.rows.toLocaleString("en-GB"),
      r.seconds.toFixed(2),
      mb(r.bytes),
      (r.bytes / MiB / r.seconds).toFixed(1),
      Math.round(r.rows / r.seconds).toLocaleString("en-GB"),
      mb(r.idle.rss),
      mb(r.peak.rss),
      mb(r.peak.rss - r.idle.rss),
      mb(r.idle.heap),
      mb(r.peak.heap),
    ]),
  ];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  log("(MB = 2^20 bytes; RSS of the workerd process, which also runs the local D1; heap = the Worker isolate's V8 heap in use)");
  for (const [i, row] of rows.entries()) {
    log(row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  "));
    if (i === 0) log(widths.map((w) => "-".repeat(w)).join("  "));
  }
}

/**
 * Measures attendee exports of events with each of `sizes` tickets: CSV over the API with a
 * bearer token and, unless `xlsx` is false, XLSX from the organiser pages with a session; then,
 * unless `slowClient` is false, the largest CSV again read at 4 MB/s. Each export runs on a
 * freshly started server, warmed up on a small event, so every baseline is the same idle state.
 * Returns one result per export and prints a table with `log`.
 */
export async function benchExport({ sizes = [10_000, 100_000], xlsx = true, slowClient = true, log = console.log, timeoutMs = 240_000 } = {}) {
  const stateDir = await mkdtemp(join(tmpdir(), "tickets-bench-"));
  try {
    log(`Export bench: preparing a local D1 database in ${stateDir}…`);
    await wrangler(["d1", "migrations", "apply", "DB", "--local", "--persist-to", stateDir], { quiet: true });
    const apiToken = `tok_${randomBytes(18).toString("base64url")}`;
    const sessionToken = randomBytes(24).toString("base64url");
    const events = sizes.map((tickets, i) => ({ id: `evt_bench${i}`, slug: `bench-${i}-${tickets}`, tickets }));
    const warmUp = { id: "evt_benchwarm", slug: "bench-warm-up", tickets: 200 };
    const sqlFile = join(stateDir, "bench-data.sql");
    await writeFile(sqlFile, [staffSql({ apiToken, sessionToken }), ...[warmUp, ...events].map(eventSql)].join("\n"));
    const started = Date.now();
    await wrangler(["d1", "execute", "DB", "--local", "--persist-to", stateDir, "--file", sqlFile, "--yes"], { quiet: true });
    log(`Inserted ${sizes.map((n) => n.toLocaleString("en-GB")).join(" + ")} tickets in ${((Date.now() - started) / 1000).toFixed(1)} s.`);

    const { signingKey } = await generateTicketKeys("bench");
    const auth = { authorization: `Bearer ${apiToken}` };
    const session = { cookie: `session=${sessionToken}` };
    const csv = (e) => ({ path: `/api/v1/events/${e.slug}/attendees.csv`, headers: auth });
    const runs = events.flatMap((e) => [
      { label: "csv", event: e, ...csv(e) },
      ...(xlsx ? [{ label: "xlsx", event: e, path: `/admin/events/${e.id}/attendees.xlsx`, headers: session }] : []),
    ]);
    const largest = events.reduce((a, b) => (b.tickets > a.tickets ? b : a));
    if (slowClient) runs.push({ label: "csv, client at 4 MB/s", event: largest, ...csv(largest), bytesPerSecond: 4 * MiB });

    const results = [];
    for (const run of runs) {
      const server = await startServer(stateDir, signingKey);
      try {
        // Warm up (Prisma's WebAssembly, both export paths) on a small event, then settle.
        await download(`${server.base}${csv(warmUp).path}`, auth, { timeoutMs });
        await download(`${server.base}/admin/events/${warmUp.id}/attendees.xlsx`, session, { timeoutMs });
        await new Promise((r) => setTimeout(r, 1000));
        const idle = { rss: await rss(server.workerd), heap: await server.heap.used().catch(() => NaN) };
        const stop = sampleMemory(server.workerd, server.heap);
        const t0 = performance.now();
        const { bytes, lineFeeds } = await download(`${server.base}${run.path}`, run.headers, { timeoutMs, bytesPerSecond: run.bytesPerSecond }).catch(async (err) => {
          await stop();
          throw new Error(`${run.label} of ${run.event.slug}: ${err.message}\n--- wrangler dev said:\n${server.output()}`);
        });
        const seconds = (performance.now() - t0) / 1000;
        const peak = await stop();
        if (run.label.startsWith("csv") && lineFeeds - 1 !== run.event.tickets) {
          throw new Error(`the CSV of ${run.event.slug} has ${lineFeeds - 1} rows, expected ${run.event.tickets}`);
        }
        results.push({ label: run.label, rows: run.event.tickets, seconds, bytes, idle, peak });
        log(`  ${run.label}, ${run.event.tickets.toLocaleString("en-GB")} rows: ${seconds.toFixed(2)} s, peak RSS ${mb(peak.rss)} MB`);
      } finally {
        await server.stop();
      }
    }
    log("");
    printTable(results, log);
    return results;
  } finally {
    await rm(stateDir, { recursive: true, force: true });
  }
}
