import { env } from "cloudflare:workers";
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import worker from "@/dev/entry";
import { ROUND_TRIPS_HEADER } from "@/dev/round-trips";
import { en } from "@/i18n/en";
import { createEvent, orderBody } from "./helpers";

// Public pages from the Workers Cache API (src/web/shared/edge-cache.ts). The tests' own
// setting turns the cache off (PUBLIC_CACHE_SECONDS = 0); these requests pass their own.

/** The bindings of one isolate with a cache time to live: the runtime passes the same object to each of its requests. */
const isolate = (ttlSeconds: number) => ({ ...env, PUBLIC_CACHE_SECONDS: String(ttlSeconds) }) as typeof env;

/**
 * Calls the development entry and waits for its after-response work (the cache write): with a
 * time to live, each call is a fresh isolate (fresh bindings, nothing in memory); with
 * bindings from `isolate`, the calls share that isolate's memory.
 */
async function call(path: string, ttl: number | typeof env, init?: RequestInit): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(`http://example.test${path}`, init), typeof ttl === "number" ? isolate(ttl) : ttl, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

const trips = (res: Response) => Number(res.headers.get(ROUND_TRIPS_HEADER));
const cacheKey = (path: string, language: string) => new Request(`http://example.test/__edge-cache${path}?lang=${language}`);
const placeOne = (slug: string, tierId: string, ttl: number) =>
  call(`/api/v1/events/${slug}/orders`, ttl, { method: "POST", headers: { "content-type": "application/json", accept: "application/json" }, body: JSON.stringify(orderBody(tierId, 1)) });
const soldOut = (html: string) => html.includes(en.public.badges.soldOut);

describe("public pages at the edge", () => {
  it("serves the event page, the event list and the events API from caches.default: no round trip while fresh", async () => {
    const event = await createEvent();
    for (const path of [`/events/${event.slug}`, `/api/v1/events/${event.slug}`, "/api/v1/events", "/"]) {
      const first = await call(path, 10);
      expect(first.status, path).toBe(200);
      expect(trips(first), path).toBe(1);
      for (let i = 0; i < 5; i++) {
        const again = await call(path, 10);
        expect(again.status, path).toBe(200);
        expect(trips(again), path).toBe(0);
        expect(await again.text(), path).toBe(await (await call(path, 10)).text());
      }
    }
  });

  it("keeps them in the isolate's memory in front of the Cache API: a fresh isolate reads the Cache API entry", async () => {
    const event = await createEvent();
    const path = `/events/${event.slug}`;
    const busy = isolate(10);
    expect(trips(await call(path, busy))).toBe(1);
    expect(await caches.default.delete(cacheKey(path, "main"))).toBe(true);
    // The same isolate answers from its memory, without the Cache API's entry.
    const remembered = await call(path, busy);
    expect(trips(remembered)).toBe(0);
    expect(await remembered.text()).toContain(event.title);
    // Another isolate has nothing in memory: it reads D1 once and stores the entry again…
    expect(trips(await call(path, 10))).toBe(1);
    // …which the next fresh isolate reads from the Cache API.
    expect(trips(await call(path, 10))).toBe(0);
  });

  it("keeps no copy in memory past the time to live", async () => {
    const event = await createEvent();
    const path = `/api/v1/events/${event.slug}`;
    const busy = isolate(1);
    expect(trips(await call(path, busy))).toBe(1);
    const started = Date.now();
    const again = await call(path, busy);
    if (trips(again) === 0) expect(Date.now() - started).toBeLessThan(1000);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(trips(await call(path, busy))).toBe(1);
  });

  it("keeps one entry per language, and none of them carries a cookie", async () => {
    const event = await createEvent();
    const path = `/events/${event.slug}`;
    const spanish = await call(`${path}?lang=es`, 10);
    expect(spanish.headers.get("set-cookie")).toContain("lang=es");
    const english = await call(`${path}?lang=en`, 10);
    expect(trips(english)).toBe(1);
    expect(await english.text()).not.toBe(await (await call(`${path}?lang=es`, 10)).text());
    expect(trips(await call(path, 10, { headers: { cookie: "lang=es" } }))).toBe(0);
    for (const language of ["es", "en"]) {
      const stored = await caches.default.match(cacheKey(path, language));
      expect(stored, language).toBeDefined();
      expect(stored!.headers.get("set-cookie"), language).toBeNull();
    }
    const plain = await call(path, 10);
    expect(plain.headers.get("set-cookie")).toBeNull();
    expect(plain.headers.get("content-type")).toContain("text/html");
  });

  it("says sold out on the next request after an order takes the last place, in every language and in the API", async () => {
    const event = await createEvent({ capacity: 2 });
    const tier = event.ticketTypes[0]!;
    const pages = [`/events/${event.slug}`, `/events/${event.slug}?lang=es`, `/api/v1/events/${event.slug}`, "/api/v1/events"];
    for (const path of pages) await call(path, 10);
    expect(soldOut(await (await call(pages[0]!, 10)).text())).toBe(false);
    // One place taken of two: the cached pages may still say 2 left (within the time to live).
    expect((await placeOne(event.slug, tier.id, 10)).status).toBe(201);
    expect(trips(await call(pages[0]!, 10))).toBe(0);
    // The last place: purged here at once.
    expect((await placeOne(event.slug, tier.id, 10)).status).toBe(201);
    const page = await call(pages[0]!, 10);
    expect(trips(page)).toBe(1);
    expect(soldOut(await page.text())).toBe(true);
    expect(trips(await call(pages[1]!, 10))).toBe(1);
    const api = (await (await call(pages[2]!, 10)).json()) as { event: { available: number | null } };
    expect(api.event.available).toBe(0);
    const list = (await (await call(pages[3]!, 10)).json()) as { events: Array<{ slug: string; available: number | null }> };
    expect(list.events.find((e) => e.slug === event.slug)?.available).toBe(0);
  });

  it("drops the isolate's own copies when an order takes the last place", async () => {
    const event = await createEvent({ capacity: 1 });
    const busy = isolate(10);
    const path = `/events/${event.slug}`;
    expect(trips(await call(path, busy))).toBe(1);
    expect(trips(await call(path, busy))).toBe(0);
    expect((await call(`/api/v1/events/${event.slug}/orders`, busy, { method: "POST", headers: { "content-type": "application/json", accept: "application/json" }, body: JSON.stringify(orderBody(event.ticketTypes[0]!.id, 1)) })).status).toBe(201);
    const page = await call(path, busy);
    expect(trips(page)).toBe(1);
    expect(soldOut(await page.text())).toBe(true);
  });

  it("shows a freed place within the time to live", async () => {
    const ttl = 1;
    const event = await createEvent({ capacity: 1 });
    const placed = await placeOne(event.slug, event.ticketTypes[0]!.id, ttl);
    const { order } = (await placed.json()) as { order: { id: string } };
    const path = `/events/${event.slug}`;
    expect(soldOut(await (await call(path, ttl)).text())).toBe(true);
    expect((await call(`/orders/${order.id}/cancel`, ttl, { redirect: "manual" })).status).toBe(303);
    const started = Date.now();
    // Still the cached sold-out page, at most the time to live old.
    const stale = await call(path, ttl);
    if (trips(stale) === 0) expect(Date.now() - started).toBeLessThan(ttl * 1000);
    await new Promise((resolve) => setTimeout(resolve, ttl * 1000 + 100));
    const fresh = await call(path, ttl);
    expect(trips(fresh)).toBe(1);
    expect(soldOut(await fresh.text())).toBe(false);
  });

  it("caches nothing when the time to live is 0", async () => {
    const event = await createEvent();
    const path = `/events/${event.slug}`;
    expect(trips(await call(path, 0))).toBe(1);
    expect(trips(await call(path, 0))).toBe(1);
  });
});
