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

/** The counter of the request being served: D1 calls made in its async context count there. */
const current = new AsyncLocalStorage<Counter>();

/** One more round trip for `counter` (or the current request's), unless made for another service. */
function tick(counter: Counter | undefined) {
  if (!elsewhere.getStore()) (counter ?? current.getStore() ?? { count: 0 }).count++;
}

function countedStatement(inner: D1PreparedStatement, counter: Counter | undefined): D1PreparedStatement {
  const statement = {
    inner,
    bind: (...values: unknown[]) => countedStatement(inner.bind(...values), counter),
    first: (column?: string) => (tick(counter), column === undefined ? inner.first() : inner.first(column)),
    all: () => (tick(counter), inner.all()),
    run: () => (tick(counter), inner.run()),
    raw: (options?: { columnNames?: boolean }) => (tick(counter), options?.columnNames ? inner.raw({ columnNames: true }) : inner.raw()),
  };
  return statement as unknown as D1PreparedStatement;
}

const innerOf = (statement: D1PreparedStatement) => (statement as unknown as { inner?: D1PreparedStatement }).inner ?? statement;

/** A D1 binding whose round trips count in `counter`, or (none given) in the current request's. */
function counting(db: D1Database, counter: Counter | undefined): D1Database {
  const wrapped = {
    prepare: (query: string) => countedStatement(db.prepare(query), counter),
    batch: <T>(statements: D1PreparedStatement[]) => (tick(counter), db.batch<T>(statements.map(innerOf))),
    exec: (query: string) => (tick(counter), db.exec(query)),
    dump: () => db.dump(),
    withSession: (constraint?: string) => db.withSession(constraint),
  };
  return wrapped as unknown as D1Database;
}

/** A D1 binding that counts its round trips in `counter.count`. */
export function countingD1(db: D1Database): { db: D1Database; counter: Counter } {
  const counter: Counter = { count: 0 };
  return { db: counting(db, counter), counter };
}

/**
 * The bindings with a counting `DB`, made once per bindings object (not per request), so what
 * the app caches per bindings object (its parsed configuration) stays cached under the counter
 * as it does in production: the bench measures the app, not the counter.
 */
const countedEnvs = new WeakMap<object, object>();
function countedEnv<E extends { DB: D1Database }>(env: E): E {
  let counted = countedEnvs.get(env) as E | undefined;
  if (!counted) countedEnvs.set(env, (counted = { ...env, DB: counting(env.DB, undefined) }));
  return counted;
}

/**
 * Wraps a Worker's fetch handler: each request's D1 calls count in a counter of its own (its
 * async context), and the response says how many round trips it took in the
 * `X-D1-Round-Trips` header. The count is taken when the handler returns its response, so work
 * left running after it (mail sent through waitUntil, webhooks the emulator delivers) never
 * changes a request's number.
 */
export function countRoundTrips<E extends { DB: D1Database }, C>(fetch: (request: Request, env: E, ctx: C) => Response | Promise<Response>) {
  return async function countedFetch(request: Request, env: E, ctx: C): Promise<Response> {
    const counter: Counter = { count: 0 };
    const response = await current.run(counter, () => fetch(request, countedEnv(env), ctx));
    const count = String(counter.count);
    // A WebSocket upgrade is passed on untouched; an immutable response (a fetch's) is copied.
    if (response.webSocket) return response;
    try {
      response.headers.set(ROUND_TRIPS_HEADER, count);
      return response;
    } catch {
      const counted = new Response(response.body, response);
      counted.headers.set(ROUND_TRIPS_HEADER, count);
      return counted;
    }
  };
}
