import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Counting D1 round trips per request, for the round-trip budgets (DESIGN: "Round trips are
 * the edge's currency"; test/worker/round-trips.test.ts). The development entry wraps each
 * request's `DB` binding; every `first`/`all`/`run`/`raw` of a prepared statement, every
 * `batch` and every `exec` is one round trip. Prisma's D1 adapter calls the same binding, so
 * its queries count too. The production entry never wraps anything.
 */
export const ROUND_TRIPS_HEADER = "X-D1-Round-Trips";

/**
 * Marks work that stands in for another service (the offline Stripe emulator keeps its state
 * in the app's D1): its queries are Stripe's round trips, not the app's, so they are not counted.
 */
const elsewhere = new AsyncLocalStorage<true>();

/** Runs `work` as another service's: D1 calls made inside it are not counted. */
export function notCounted<T>(work: () => T): T {
  return elsewhere.run(true, work);
}

type Counter = { count: number };

function countedStatement(inner: D1PreparedStatement, counter: Counter): D1PreparedStatement {
  const tick = () => {
    if (!elsewhere.getStore()) counter.count++;
  };
  const statement = {
    inner,
    bind: (...values: unknown[]) => countedStatement(inner.bind(...values), counter),
    first: (column?: string) => (tick(), column === undefined ? inner.first() : inner.first(column)),
    all: () => (tick(), inner.all()),
    run: () => (tick(), inner.run()),
    raw: (options?: { columnNames?: boolean }) => (tick(), options?.columnNames ? inner.raw({ columnNames: true }) : inner.raw()),
  };
  return statement as unknown as D1PreparedStatement;
}

const innerOf = (statement: D1PreparedStatement) => (statement as unknown as { inner?: D1PreparedStatement }).inner ?? statement;

/** A D1 binding that counts its round trips in `counter.count`. */
export function countingD1(db: D1Database): { db: D1Database; counter: Counter } {
  const counter: Counter = { count: 0 };
  const tick = () => {
    if (!elsewhere.getStore()) counter.count++;
  };
  const wrapped = {
    prepare: (query: string) => countedStatement(db.prepare(query), counter),
    batch: <T>(statements: D1PreparedStatement[]) => (tick(), db.batch<T>(statements.map(innerOf))),
    exec: (query: string) => (tick(), db.exec(query)),
    dump: () => db.dump(),
    withSession: (constraint?: string) => db.withSession(constraint),
  };
  return { db: wrapped as unknown as D1Database, counter };
}

/**
 * Wraps a Worker's fetch handler: each request gets its own counting `DB`, and the response
 * says how many round trips it took in the `X-D1-Round-Trips` header. The count is taken when
 * the handler returns its response, so work left running after it (mail sent through
 * waitUntil, webhooks the emulator delivers) never changes a request's number.
 */
export function countRoundTrips<E extends { DB: D1Database }, C>(fetch: (request: Request, env: E, ctx: C) => Response | Promise<Response>) {
  return async function countedFetch(request: Request, env: E, ctx: C): Promise<Response> {
    const { db, counter } = countingD1(env.DB);
    const response = await fetch(request, { ...env, DB: db }, ctx);
    const count = counter.count;
    // A WebSocket upgrade or an immutable response is passed on untouched.
    if (response.webSocket) return response;
    const counted = new Response(response.body, response);
    counted.headers.set(ROUND_TRIPS_HEADER, String(count));
    return counted;
  };
}
