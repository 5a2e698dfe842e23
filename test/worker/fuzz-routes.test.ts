import { inspectRoutes } from "hono/dev";
import { describe, expect, it } from "vitest";
import { createApp } from "@/app";
import { devTools } from "@/dev/tools";
import { newId } from "@/lib/ids";
import { signedInAs, type Caller } from "./auth-helpers";
import { db, fetchWorker } from "./helpers";
import { pendingOrder } from "./stripe-fixtures";

/**
 * Every route of the app, sent malformed, oversized, wrongly typed and odd-Unicode input by a
 * stranger, a signed-in owner and (on door routes) door staff of the event. No input may make
 * the Worker answer 5xx: bad input is the caller's mistake and gets a 4xx that says so.
 */

/** Every method and path the app answers (as test/worker/roles.test.ts derives them). */
function appRoutes(): Array<{ method: string; path: string }> {
  const seen = new Set<string>();
  return inspectRoutes(createApp(devTools))
    .filter((r) => !(r.method === "ALL" && r.isMiddleware))
    .filter((r) => !seen.has(`${r.method} ${r.path}`) && seen.add(`${r.method} ${r.path}`))
    .map((r) => ({ method: r.method, path: r.path }));
}

const accented60 = "é".repeat(30); // 60 bytes of UTF-8: past D1's 50-byte LIKE limit
const odd = ["\u0000", "\uD800", accented60, "x".repeat(5000), "👩‍👩‍👧\u202E", "%_\\", "1e309", "-1", "<script>"];

/** Path segments: percent-encoded as a browser or a script might send them. */
const oddSegments = ["%00", "%ED%A0%80", "%C3%A9".repeat(30), "a".repeat(300), "%25", "..%2F..", "%F0%9F%91%A9%E2%80%8D"];

const oddQueries = [
  `?q=${encodeURIComponent(accented60)}`,
  `?q=${encodeURIComponent(odd.filter((v) => v !== "\uD800").join("").slice(0, 400))}&checkedIn=yes&page=2`,
  `?q=${encodeURIComponent(accented60)}&page=-1&next=%2F%2Fevil.example&done=__proto__&lang=%00`,
  "?q=%ED%A0%80&page=99999999999999999999&status=%00&tier=%C3",
  "?q=%25%5F%5C&q=second&page=1e309&weeks=NaN&qty.x=-5&qty.constructor=1",
];

/** Field names the app's forms and JSON bodies read, each given odd values. */
const fieldNames = ["_csrf", "title", "slug", "email", "name", "buyerName", "buyerEmail", "tierId", "attendees", "source", "csv", "hash", "mode", "weeks", "amount", "cancel", "role", "events", "disabled", "confirm", "capacity", "date", "price", "quota", "timezone", "currency", "eligibility", "q", "page", "card_number", "expiry", "cvc", "switch", "tickets.0.name", "tickets.0.tier", "qty.x", "next", "file"];

function formOf(value: string, csrf: string): URLSearchParams {
  const form = new URLSearchParams();
  for (const name of fieldNames) form.append(name, name === "_csrf" ? csrf : value);
  return form;
}

const jsonBodies: Array<[string, string]> = [
  ["unterminated JSON", "{"],
  ["JSON null", "null"],
  ["JSON array", "[]"],
  ["JSON string", '"checkins"'],
  ["wrong types", JSON.stringify({ event: 5, code: [], ticketId: {}, nonce: null, device: true, buyer: "x", tickets: {} })],
  ["nested 2000 deep", "[".repeat(2000) + "]".repeat(2000)],
  ...odd.map((v): [string, string] => [
    `odd strings ${JSON.stringify(v.slice(0, 12))}`,
    JSON.stringify({ event: v, code: v, ticketId: v, nonce: v, device: v, q: v, buyer: { name: v, email: v }, tickets: [{ tier: v, name: v, email: v, membership: v, accessCode: v, declaration: v }] }),
  ]),
];

type Probe = { label: string; path: string; init: RequestInit };

function bodiesFor(caller: Caller | null): Array<{ label: string; headers: Record<string, string>; body: BodyInit }> {
  const csrf = caller?.csrf ?? "";
  const multipart = new FormData();
  multipart.append("file", new File([new Uint8Array([0, 0xff, 0xfe, 0x00, 0x0a])], "\u0000.csv", { type: "text/csv" }));
  multipart.append("_csrf", csrf);
  multipart.append("csv", "\uFEFFemail\n\u0000@x\n");
  return [
    ...jsonBodies.map(([label, body]) => ({ label, headers: { "content-type": "application/json" }, body })),
    ...odd.map((v) => ({ label: `form of ${JSON.stringify(v.slice(0, 12))}`, headers: { "content-type": "application/x-www-form-urlencoded" }, body: formOf(v, csrf).toString() })),
    { label: "multipart garbage", headers: { "content-type": "multipart/form-data; boundary=zz" }, body: "--yy\r\n\u0000\r\n" },
    { label: "multipart without boundary", headers: { "content-type": "multipart/form-data" }, body: "x" },
    { label: "multipart file of odd bytes", headers: {}, body: multipart },
    { label: "JSON sent as text/plain", headers: { "content-type": "text/plain" }, body: '{"event":"x"}' },
    { label: "invalid UTF-8 form", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new Uint8Array([0x65, 0x3d, 0xc3, 0x28, 0xff]) },
  ];
}

type Fixtures = Record<string, string>;

/** A real value for each kind of path parameter, chosen by the segment before it. */
function realSegment(path: string, param: string, f: Fixtures): string {
  const before = path.slice(0, path.indexOf(param)).split("/").filter(Boolean).at(-1) ?? "";
  const byPlace: Record<string, string> = {
    events: param === ":slug" ? f.slug! : f.eventId!,
    orders: f.orderId!,
    tickets: param === ":token" ? f.ticketToken! : f.ticketId!,
    tiers: f.tierId!,
    staff: f.staffId!,
    tokens: f.tokenId!,
    members: f.memberId!,
    emails: f.emailId!,
    mail: f.emailId!,
    checkout: f.sessionId!,
    "sign-in": "no-such-sign-in-token-000000000000",
    attachments: "0",
  };
  return byPlace[before] ?? (param === ":slug" ? f.slug! : "0");
}

/** The path with every parameter real, then with each odd segment in place of each parameter in turn. */
function pathsFor(path: string, f: Fixtures): string[] {
  const params = path.match(/:\w+/g) ?? [];
  const real = (p: string) => params.reduce((acc, name) => acc.replace(name, realSegment(p, name, f)), p);
  const paths = [real(path)];
  for (const param of params) {
    for (const segment of oddSegments) paths.push(real(path.replace(param, segment)));
  }
  return paths;
}

function probesFor(method: string, path: string, f: Fixtures, caller: Caller | null): Probe[] {
  const headers: Record<string, string> = { ...(caller?.headers ?? {}), origin: "http://example.test" };
  if (caller) headers["x-csrf-token"] = caller.csrf;
  const probes: Probe[] = [];
  const paths = pathsFor(path, f);
  const first = paths[0]!;
  for (const p of paths) probes.push({ label: "as is", path: p, init: { method, headers, redirect: "manual" } });
  if (method === "GET") {
    const queries = oddQueries;
    for (const q of queries) probes.push({ label: `query ${q}`, path: first + q, init: { method, headers, redirect: "manual" } });
    probes.push({ label: "query on JSON", path: first + (queries.at(-1) ?? ""), init: { method, headers: { ...headers, accept: "application/json" }, redirect: "manual" } });
  } else {
    for (const b of bodiesFor(caller)) {
      probes.push({ label: b.label, path: first, init: { method, headers: { ...headers, ...b.headers }, body: b.body, redirect: "manual" } });
    }
  }
  return probes;
}

async function fixtures(): Promise<Fixtures> {
  const { event, tier, order, sessionId } = await pendingOrder(1);
  await db.order.update({ where: { id: order.id }, data: { status: "paid", paidAt: new Date() } });
  await db.ticket.updateMany({ where: { orderId: order.id }, data: { status: "valid" } });
  const ticket = await db.ticket.findFirstOrThrow({ where: { orderId: order.id } });
  const other = await signedInAs("organiser");
  const token = await db.apiToken.findFirstOrThrow({ where: { staffId: other.staff.id } });
  const email = await db.outboxEmail.create({ data: { id: newId("eml"), recipient: "x@example.org", template: "order_confirmation", data: JSON.stringify({ orderId: order.id }), status: "failed", idempotencyKey: `fuzz-${order.id}`, orderId: order.id } });
  const member = await db.member.create({ data: { id: newId("mem"), email: `fuzz-${order.id}@example.org` } });
  return { eventId: event.id, slug: event.slug, tierId: tier.id, orderId: order.id, sessionId, ticketId: ticket.id, ticketToken: ticket.token, staffId: other.staff.id, tokenId: token.id, emailId: email.id, memberId: member.id };
}

const isDoorRoute = (path: string) => /^\/door|checkins|door-/.test(path);

/** Sends the probes a few at a time and returns a line for each 5xx. */
async function serverErrors(probes: Probe[], who: string): Promise<string[]> {
  const failures: string[] = [];
  for (let i = 0; i < probes.length; i += 8) {
    await Promise.all(
      probes.slice(i, i + 8).map(async (probe) => {
        const res = await fetchWorker(probe.path, probe.init);
        await res.arrayBuffer();
        if (res.status >= 500) failures.push(`${res.status} ${who} ${probe.init.method} ${probe.path.slice(0, 160)} (${probe.label.slice(0, 100)})`);
      }),
    );
  }
  return failures;
}

describe("no input makes any route answer 5xx", () => {
  const routes = appRoutes();

  it("walks at least every route the role table knows", () => {
    expect(routes.length).toBeGreaterThan(60);
  });

  for (const who of ["anonymous", "owner", "door"] as const) {
    it(`as ${who}`, async () => {
      const f = await fixtures();
      const caller = who === "anonymous" ? null : await signedInAs(who, { events: [f.eventId!] });
      const failures: string[] = [];
      for (const route of routes) {
        if (who === "door" && !isDoorRoute(route.path)) continue;
        failures.push(...(await serverErrors(probesFor(route.method, route.path, f, caller), who)));
      }
      expect(failures, "inputs answered with a 5xx").toEqual([]);
    }, 120_000);
  }
});
