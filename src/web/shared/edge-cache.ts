import type { Context } from "hono";
import type { AppEnv } from "@/env";
import { locales } from "@/i18n";

/**
 * Public, read-mostly answers (event pages, the event list, the events API) kept in the Workers
 * Cache API (`caches.default`), so a crowd refreshing an event page costs D1 nothing.
 *
 * Why a short time to live, and purging only as a help. Cache API entries live in one data
 * centre: `cache.delete` reaches only the one running it, so a purge on a write can never
 * promise that readers elsewhere see the change. Versioning the key (a per-event counter
 * folded into it) would be exact everywhere, but the version has to be read on every request,
 * and the only place it lives is D1: one round trip per page view, the very cost this cache is
 * for. So every entry lives at most `PUBLIC_CACHE_SECONDS` (2 by default; 0 = no cache) in
 * every data centre, checked against the time it was stored (not left to the cache's own
 * expiry alone), and that is the promise: what a page says about availability, tiers and
 * texts is never older than that, anywhere. On top of it, the data centre where an order takes
 * an event's or a tier's last place purges that event's pages (purgeEventPages) at once, so
 * there the sold-out state shows on the very next request. A sold-out page never oversells:
 * seats are taken by the database at order time, whatever a page said.
 *
 * In front of the Cache API, each isolate keeps the answers it served in memory (`inMemory`),
 * with the same deadline, counted from when the answer was made (not when this isolate got it):
 * a busy isolate answers a repeat without even the cache's lookup, and the promise above holds
 * unchanged. A purge drops this isolate's copies with the data centre's; other isolates keep
 * theirs until the time to live, as other data centres do.
 *
 * Cost: one D1 read per entry per data centre per time to live, however big the crowd.
 * Entries hold only the body and its type, never Set-Cookie nor anything of one reader; the
 * key names the language (a reader who named none gets the "main" entry, see the routes).
 * Private pages (privatePage) never come here.
 */
export type Cached = { body: string; type: string };

const STORED_AT = "x-stored-at";

/** At most this many answers per isolate (oldest dropped first): a few event pages in two languages each. */
const MEMORY_ENTRIES = 256;
/** An answer as this isolate keeps it: its bytes, encoded once (a Response copies a buffer it is given, so one serves every repeat). */
type Kept = { bytes: ArrayBuffer; type: string; storedAt: number };

/**
 * This isolate's copies, per bindings object (the runtime passes one per isolate; a test that
 * passes fresh bindings meets a fresh memory, as a new isolate would).
 */
const memories = new WeakMap<object, Map<string, Kept>>();
function inMemory(c: Context<AppEnv>): Map<string, Kept> {
  let memory = memories.get(c.env);
  if (!memory) memories.set(c.env, (memory = new Map()));
  return memory;
}

function remember(memory: Map<string, Kept>, key: string, kept: Kept) {
  memory.delete(key);
  memory.set(key, kept);
  if (memory.size > MEMORY_ENTRIES) memory.delete(memory.keys().next().value!);
}

const answer = (c: Context<AppEnv>, kept: Kept) => c.body(kept.bytes, 200, { "Content-Type": kept.type });

/** The synthetic URL an answer is kept under: the public path and the language it speaks. */
function keyFor(origin: string, path: string, language: string): Request {
  return new Request(`${origin}/__edge-cache${path}?lang=${encodeURIComponent(language)}`);
}

/** The Cache API, where the runtime has one (not in every test or tool). */
function edgeCache(): Cache | undefined {
  return typeof caches === "undefined" ? undefined : (caches as unknown as { default?: Cache }).default;
}

/**
 * Answers `path` in `language` from the edge cache while it is younger than the time to live,
 * or makes it (`make`), answers it, and stores it after the response (waitUntil).
 */
export async function publicCached(c: Context<AppEnv>, path: string, language: string, make: () => Promise<Cached>): Promise<Response> {
  const ttl = c.var.config.publicCacheSeconds;
  const cache = ttl > 0 ? edgeCache() : undefined;
  const key = keyFor(c.var.deps.origin, path, language);
  const fresh = (storedAt: number) => Date.now() - storedAt < ttl * 1000;
  if (cache) {
    const memory = inMemory(c);
    const mine = memory.get(key.url);
    if (mine && fresh(mine.storedAt)) return answer(c, mine);
    const hit = await cache.match(key);
    const storedAt = Number(hit?.headers.get(STORED_AT));
    if (hit && fresh(storedAt)) {
      const kept = { bytes: await hit.arrayBuffer(), type: hit.headers.get("content-type") ?? "text/plain", storedAt };
      remember(memory, key.url, kept);
      return answer(c, kept);
    }
    if (hit) await hit.body?.cancel();
  }
  const made = await make();
  if (!cache) return c.body(made.body, 200, { "Content-Type": made.type });
  const kept = { bytes: new TextEncoder().encode(made.body).slice().buffer, type: made.type, storedAt: Date.now() };
  remember(inMemory(c), key.url, kept);
  const stored = new Response(kept.bytes, { headers: { "Content-Type": made.type, "Cache-Control": `public, max-age=${ttl}`, [STORED_AT]: String(kept.storedAt) } });
  c.var.waitUntil(cache.put(key, stored).catch((err) => console.error(JSON.stringify({ level: "error", event: "edge_cache_put_failed", path, error: String(err) }))));
  return answer(c, kept);
}

/** The cached paths that show an event: its page, its API answer, and the two lists. */
function eventPaths(slug: string): string[] {
  return [`/events/${slug}`, `/api/v1/events/${slug}`, "/", "/api/v1/events"];
}

/**
 * Drops an event's cached pages in every language from this data centre's cache and this
 * isolate's memory (only these: see above). Called when an order takes the event's or a tier's last place, and awaited
 * before that order's response, so the buyer's next page already says sold out; it is rare,
 * so the common order pays nothing for it. A failure is logged: the time to live still holds.
 */
export async function purgeEventPages(c: Context<AppEnv>, slug: string): Promise<void> {
  const cache = edgeCache();
  if (!cache || c.var.config.publicCacheSeconds <= 0) return;
  const keys = eventPaths(slug).flatMap((path) => [...locales, "main"].map((language) => keyFor(c.var.deps.origin, path, language)));
  const memory = inMemory(c);
  for (const key of keys) memory.delete(key.url);
  await Promise.all(keys.map((key) => cache.delete(key))).catch((err) => console.error(JSON.stringify({ level: "error", event: "edge_cache_purge_failed", slug, error: String(err) })));
}
