// The door scanner's service worker, built to /door-sw.js (scope /door) by
// scripts/build-client.mjs. It keeps the scanner's shell (the pages under /door, the script,
// the styles, the manifest and icons) so the scanner opens with no connection. Always the
// network first, so a deploy reaches the door at once; the copy is for when there is none.
// The ticket list itself is kept by the page, in IndexedDB.

import type { ScannerCatalogue } from "@/i18n/areas/door-scanner";

declare const self: ServiceWorkerGlobalScope;
/** A hash of the scanner build, set by the build: a new build makes a new cache. */
declare const BUILD_ID: string;

const CACHE = `door-${BUILD_ID}`;
const SHELL = ["/door", "/door/scanner.js", "/styles.css", "/door/manifest.webmanifest", "/icons/door.svg", "/icons/door-192.png", "/icons/door-512.png", "/favicon.svg"];
/** On a weak connection, the cached copy is used after this long. */
const NETWORK_TIMEOUT_MS = 3500;

const cacheable = (url: URL) =>
  url.origin === self.location.origin && (url.pathname === "/door" || url.pathname.startsWith("/door/") || SHELL.includes(url.pathname));

/** Only complete, first-party answers are kept: never a redirect to sign in or an error page. */
async function keep(cache: Cache, key: string, response: Response): Promise<void> {
  if (response.ok && response.type === "basic" && !response.redirected) await cache.put(key, response);
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // One by one: a page the person may not open (signed out) must not stop the rest.
      await Promise.all(SHELL.map(async (path) => keep(cache, path, await fetch(path, { cache: "no-cache" })).catch(() => undefined)));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith("door-") && name !== CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== "GET" || !cacheable(url)) return;
  event.respondWith(networkFirst(request, url.pathname));
});

async function networkFirst(request: Request, key: string): Promise<Response> {
  const cache = await caches.open(CACHE);
  const network = fetch(request).then(async (response) => {
    await keep(cache, key, response.clone()).catch(() => undefined);
    return response;
  });
  network.catch(() => undefined); // Handled below; this stops an "unhandled rejection" when the cache answered.
  const slow = new Promise<"slow">((resolve) => setTimeout(() => resolve("slow"), NETWORK_TIMEOUT_MS));
  try {
    const first = await Promise.race([network, slow]);
    if (first !== "slow") return first;
    return (await cache.match(key)) ?? (await network);
  } catch {
    const cached = await cache.match(key);
    if (cached) return cached;
    return new Response(await offlineText(cache), {
      status: 503,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
}

/**
 * "Offline, and not opened here before", in the door user's language: the words embedded in
 * the door page kept at install (fetched with the language cookie); English without one.
 */
async function offlineText(cache: Cache): Promise<string> {
  const english = "You are offline and this page has not been opened on this phone before. Connect once, then try again.";
  try {
    const page = await (await cache.match("/door"))?.text();
    const json = page && /<script type="application\/json" id="door-words">([\s\S]*?)<\/script>/.exec(page)?.[1];
    return json ? (JSON.parse(json) as ScannerCatalogue).words.offlineNotOpened : english;
  } catch {
    return english;
  }
}
