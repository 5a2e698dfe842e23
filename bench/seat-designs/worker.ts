// Issue #16's experiment: where should the seat counters live when a sell-out burst hits?
// A stand-alone Worker over the app's real tables (its migrations), racing two designs that
// each place a one-ticket order (a pending order holding its seat, as a paid tier's checkout
// does):
//
//   A  POST /d1/:event  the app today: one D1 batch holding the order's INSERTs and the app's own
//      conditional seat UPDATEs (takeSeatsStatements, imported, not copied: published event,
//      nobody waiting, room under capacity and quota). No room fails the whole batch → 409.
//   B  POST /do/:event  the event's SeatCounter Durable Object takes the seat (one SQLite
//      statement inside the object, which runs one request at a time); no room → 409 without
//      touching D1. Then one D1 batch writes the order and ticket and bumps D1's counters
//      unconditionally, so D1 stays the system of record and its books still balance. If that
//      batch fails, the seat goes back to the object.
//
// Bench helpers (not timed): POST /do/:event/init loads an object's counter from D1, GET
// /check/:event reads back the event's counters and tickets from D1 and the object's counter.
import { DurableObject } from "cloudflare:workers";
import { CAPACITY_EXCEEDED, takeSeatsStatements } from "../../src/domain/orders/seats";
import { newId } from "../../src/lib/ids";
import { sqlTime } from "../../src/lib/sql-time";
import { normaliseEmail, searchText } from "../../src/lib/text";
import { randomToken } from "../../src/lib/tokens";

interface Bindings {
  DB: D1Database;
  SEATS: DurableObjectNamespace<SeatCounter>;
}

type Counter = { capacity: number | null; taken: number };

/** One event's seats: its capacity and the seats taken, in the object's own SQLite storage. */
export class SeatCounter extends DurableObject<Bindings> {
  private readonly sql: SqlStorage;

  constructor(ctx: DurableObjectState, env: Bindings) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    // One row per object: the object is the event (idFromName(eventId)).
    this.sql.exec(`CREATE TABLE IF NOT EXISTS seats (one INTEGER PRIMARY KEY CHECK (one = 1), capacity INTEGER, taken INTEGER NOT NULL)`);
  }

  /** Starts the counter from D1's books (capacity, sold + held). */
  init(counter: Counter): void {
    this.sql.exec(`INSERT OR REPLACE INTO seats (one, capacity, taken) VALUES (1, ?, ?)`, counter.capacity, counter.taken);
  }

  /**
   * Takes `n` seats if they fit; the places left after it, or null when they do not fit. One
   * statement (check and add together), in an object that runs one call at a time: no window
   * between reading the room and taking it.
   */
  take(n: number): number | null {
    const [row] = this.sql
      .exec<{ left: number | null }>(`UPDATE seats SET taken = taken + ? WHERE capacity IS NULL OR taken + ? <= capacity RETURNING capacity - taken AS left`, n, n)
      .toArray();
    if (row === undefined && this.state() === null) throw new Error("SeatCounter used before init");
    return row === undefined ? null : (row.left ?? Number.POSITIVE_INFINITY);
  }

  /** Gives back `n` seats (the D1 write that should have recorded them failed). */
  giveBack(n: number): void {
    this.sql.exec(`UPDATE seats SET taken = taken - ?`, n);
  }

  state(): Counter | null {
    return this.sql.exec<Counter>(`SELECT capacity, taken FROM seats`).toArray()[0] ?? null;
  }
}

type Buyer = { name: string; email: string };

// Every event the bench seeds has one tier, `<event>_tier` (no read needed to find it, in either design).
const tierOf = (eventId: string) => `${eventId}_tier`;
const PRICE_MINOR = 2500;
const HOLD_MINUTES = 15;

/** The order and ticket INSERTs, with the app's columns (src/domain/orders/repo.ts placeOrderStatements). */
function orderInserts(d1: D1Database, eventId: string, buyer: Buyer, now: Date) {
  const at = sqlTime(now);
  const orderId = newId("ord");
  const reference = randomToken(8);
  const email = normaliseEmail(buyer.email);
  const order = d1
    .prepare(
      `INSERT INTO "Order" ("id", "eventId", "reference", "buyerName", "buyerEmail", "status", "source", "totalMinor",
        "refundedMinor", "currency", "holdExpiresAt", "clientKey", "createdAt", "paidAt", "updatedAt", "searchText", "language", "voucherId", "discountMinor")
       VALUES (?1, ?2, ?3, ?4, ?5, 'pending', 'online', ?6, 0, 'GBP', ?7, NULL, ?8, NULL, ?8, ?9, 'en', NULL, 0)`,
    )
    .bind(orderId, eventId, reference, buyer.name, email, PRICE_MINOR, sqlTime(new Date(now.getTime() + HOLD_MINUTES * 60_000)), at, searchText(reference, buyer.name, email));
  const ticket = d1
    .prepare(
      `INSERT INTO "Ticket" ("id", "orderId", "eventId", "ticketTypeId", "attendeeName", "attendeeEmail",
        "eligibilityAnswer", "pricePaidMinor", "status", "token", "createdAt", "updatedAt", "searchText", "language", "voucherId", "discountMinor")
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, NULL, ?7, 'pending', ?8, ?9, ?9, ?10, NULL, NULL, 0)`,
    )
    .bind(newId("tkt"), orderId, eventId, tierOf(eventId), buyer.name, email, PRICE_MINOR, randomToken(32), at, searchText(buyer.name, email));
  return { order, ticket };
}

const json = (status: number, body: unknown, timing?: Timing) =>
  Response.json(body, { status, headers: timing ? { "server-timing": Object.entries(timing).map(([k, ms]) => `${k};dur=${ms}`).join(", ") } : {} });
const soldOut = (timing: Timing) => json(409, { error: { code: "sold_out" } }, timing);

// Where an answer's time went: the D1 batch and the object's call, in ms (Server-Timing), so the
// bench can tell the cost of each step apart from the queueing around it. A Worker's clock only
// moves across I/O, which is exactly what these measure.
type Timing = { d1?: number; do?: number };
async function timed<T>(timing: Timing, step: keyof Timing, work: () => Promise<T>): Promise<T> {
  const start = Date.now();
  try {
    return await work();
  } finally {
    timing[step] = Date.now() - start;
  }
}

/** Design A: the seat is taken by the same D1 batch that records the order, or the batch fails. */
async function placeInD1(env: Bindings, eventId: string, buyer: Buyer): Promise<Response> {
  const now = new Date();
  const { order, ticket } = orderInserts(env.DB, eventId, buyer, now);
  const take = takeSeatsStatements(env.DB, { eventId, tierIds: [tierOf(eventId)], as: "held", requirePublished: true, waitlist: "respect" }, now);
  const timing: Timing = {};
  try {
    // The app's order: the order, the seat takes, then the tickets.
    await timed(timing, "d1", () => env.DB.batch([order, ...take, ticket]));
    return json(201, { ok: true }, timing);
  } catch (err) {
    if (CAPACITY_EXCEEDED.test(String(err))) return soldOut(timing);
    throw err;
  }
}

/** Design B: the event's object takes the seat; D1 then records the order and the seat taken. */
async function placeWithObject(env: Bindings, eventId: string, buyer: Buyer): Promise<Response> {
  const seats = env.SEATS.get(env.SEATS.idFromName(eventId));
  const timing: Timing = {};
  if ((await timed(timing, "do", () => seats.take(1))) === null) return soldOut(timing);
  const now = new Date();
  const at = sqlTime(now);
  const { order, ticket } = orderInserts(env.DB, eventId, buyer, now);
  try {
    // Unconditional: the object already decided; D1's counters follow so its books balance.
    await timed(timing, "d1", () => env.DB.batch([
      order,
      env.DB.prepare(`UPDATE "Event" SET "heldCount" = "heldCount" + 1, "updatedAt" = ?2 WHERE "id" = ?1`).bind(eventId, at),
      env.DB.prepare(`UPDATE "TicketType" SET "heldCount" = "heldCount" + 1, "updatedAt" = ?2 WHERE "id" = ?1`).bind(tierOf(eventId), at),
      ticket,
    ]));
    return json(201, { ok: true }, timing);
  } catch (err) {
    await seats.giveBack(1);
    throw err;
  }
}

/** D1's books for an event, and the object's counter when it has one (for the oversell check). */
async function check(env: Bindings, eventId: string): Promise<Response> {
  const [event, tier, tickets, orders] = await env.DB.batch<Record<string, number | null>>([
    env.DB.prepare(`SELECT "capacity", "soldCount" + "heldCount" AS "taken" FROM "Event" WHERE "id" = ?1`).bind(eventId),
    env.DB.prepare(`SELECT "soldCount" + "heldCount" AS "taken" FROM "TicketType" WHERE "id" = ?1`).bind(tierOf(eventId)),
    env.DB.prepare(`SELECT COUNT(*) AS "n" FROM "Ticket" WHERE "eventId" = ?1`).bind(eventId),
    env.DB.prepare(`SELECT COUNT(*) AS "n" FROM "Order" WHERE "eventId" = ?1`).bind(eventId),
  ]);
  const object = await env.SEATS.get(env.SEATS.idFromName(eventId)).state();
  return json(200, {
    capacity: event!.results[0]?.capacity ?? null,
    eventTaken: event!.results[0]?.taken ?? null,
    tierTaken: tier!.results[0]?.taken ?? null,
    tickets: tickets!.results[0]?.n ?? 0,
    orders: orders!.results[0]?.n ?? 0,
    objectTaken: object?.taken ?? null,
  });
}

async function init(env: Bindings, eventId: string): Promise<Response> {
  const row = await env.DB.prepare(`SELECT "capacity", "soldCount" + "heldCount" AS "taken" FROM "Event" WHERE "id" = ?1`).bind(eventId).first<Counter>();
  if (!row) return json(404, { error: { code: "no_event" } });
  await env.SEATS.get(env.SEATS.idFromName(eventId)).init(row);
  return json(200, row);
}

export default {
  async fetch(request: Request, env: Bindings): Promise<Response> {
    const { pathname } = new URL(request.url);
    const [, first, eventId, extra] = pathname.split("/");
    try {
      if (pathname === "/__bare") return new Response("ok");
      if (request.method === "GET" && first === "check" && eventId) return await check(env, eventId);
      if (request.method === "POST" && first === "do" && eventId && extra === "init") return await init(env, eventId);
      if (request.method === "POST" && eventId && !extra && (first === "d1" || first === "do")) {
        const { buyer } = await request.json<{ buyer: Buyer }>();
        return await (first === "d1" ? placeInD1 : placeWithObject)(env, eventId, buyer);
      }
      return json(404, { error: { code: "not_found" } });
    } catch (err) {
      return json(500, { error: { code: "failed", message: String(err) } });
    }
  },
} satisfies ExportedHandler<Bindings>;
