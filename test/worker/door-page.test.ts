import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { getAs, signedInAs } from "./auth-helpers";
import { createEvent, fetchWorker } from "./helpers";

/** Static files, as the Worker's assets binding serves them (in production they come before the Worker). */
const asset = (path: string) => env.ASSETS.fetch(new Request(`http://example.test${path}`));
const built = "Build the scanner first: node scripts/build-client.mjs (npm run bundle and wrangler dev run it).";

async function twoEvents() {
  const mine = await createEvent({ title: "Door team event", tiers: [{ name: "Member", eligibility: "member_list" }, { name: "Non-member" }] });
  const other = await createEvent({ title: "Someone else's event" });
  return { mine, other };
}

describe("door pages: who may open them", () => {
  it("sends anonymous visitors to sign in, and back to the scanner afterwards", async () => {
    const { mine } = await twoEvents();
    for (const path of ["/door", `/door/${mine.slug}`]) {
      const res = await fetchWorker(path, { redirect: "manual" });
      expect(res.status, path).toBe(303);
      expect(res.headers.get("location"), path).toBe(`/admin/sign-in?next=${encodeURIComponent(path)}`);
    }
  });

  it("shows door staff only the events they are on the door team for", async () => {
    const { mine, other } = await twoEvents();
    const door = await signedInAs("door", { events: [mine.id] });
    const list = await getAs(door, "/door");
    expect(list.status).toBe(200);
    const html = await list.text();
    expect(html).toContain(`href="/door/${mine.slug}"`);
    expect(html).toContain("Door team event");
    expect(html).not.toContain(other.slug);
    expect((await getAs(door, `/door/${mine.slug}`)).status).toBe(200);
    const refused = await getAs(door, `/door/${other.slug}`);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("You are not on the door team for that event");
  });

  it("tells door staff with no events to ask an organiser", async () => {
    await twoEvents();
    const door = await signedInAs("door");
    expect(await (await getAs(door, "/door")).text()).toContain("Ask an organiser to add you");
  });

  it("lets organisers and owners scan any current event, with a way back to their pages", async () => {
    const { mine, other } = await twoEvents();
    for (const role of ["organiser", "owner"] as const) {
      const staff = await signedInAs(role);
      const list = await (await getAs(staff, "/door")).text();
      expect(list, role).toContain(`href="/door/${mine.slug}"`);
      expect(list, role).toContain(`href="/door/${other.slug}"`);
      const scanner = await getAs(staff, `/door/${other.slug}`);
      expect(scanner.status, role).toBe(200);
      expect(await scanner.text(), role).toContain('href="/admin"');
    }
  });

  it("answers 404 for an event that does not exist", async () => {
    const organiser = await signedInAs("organiser");
    expect((await getAs(organiser, "/door/no-such-event")).status).toBe(404);
  });
});

describe("the scanner page", () => {
  it("carries the session's CSRF token, the event, its tiers, the script and the manifest", async () => {
    const { mine } = await twoEvents();
    const door = await signedInAs("door", { events: [mine.id] });
    const res = await getAs(door, `/door/${mine.slug}`);
    expect(res.headers.get("cache-control")).toBe("private, no-cache");
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).toContain(`<meta name="csrf-token" content="${door.csrf}"/>`);
    expect(html).toContain(`data-event="${mine.slug}"`);
    expect(html).toContain('<script type="module" src="/door/scanner.js"></script>');
    expect(html).toContain('<link rel="manifest" href="/door/manifest.webmanifest?lang=en"/>');
    for (const tier of mine.ticketTypes) expect(html).toContain(`data-tier="${tier.id}"`);
    expect(html).toMatch(/id="door-verdict"[^>]*role="alert"|role="alert"[^>]*id="door-verdict"/);
  });

  it("shows door staff no link to the organiser pages", async () => {
    const { mine } = await twoEvents();
    const door = await signedInAs("door", { events: [mine.id] });
    for (const path of ["/door", `/door/${mine.slug}`]) {
      const html = await (await getAs(door, path)).text();
      expect(html, path).not.toMatch(/<a [^>]*href="\/admin/);
    }
  });

  it("gives the script a CSRF token the check-in API accepts, and the API refuses a request without it", async () => {
    const { mine } = await twoEvents();
    const door = await signedInAs("door", { events: [mine.id] });
    const html = await (await getAs(door, `/door/${mine.slug}`)).text();
    const token = /<meta name="csrf-token" content="([^"]+)"/.exec(html)![1]!;
    const scan = (headers: Record<string, string>) =>
      fetchWorker("/api/v1/checkins", {
        method: "POST",
        headers: { ...door.headers, "content-type": "application/json", accept: "application/json", ...headers },
        body: JSON.stringify({ event: mine.slug, code: "T1:NOT-A-CODE", nonce: `page-${crypto.randomUUID()}`, device: "test" }),
      });
    const ok = await scan({ "x-csrf-token": token });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ result: "invalid", reason: "malformed" });
    expect((await scan({})).status).toBe(403);
  });
});

describe("the installable app's static files", () => {
  it("serves the web app manifest: name, start URL, standalone, theme colour, icons that exist", async () => {
    const res = await fetchWorker("/door/manifest.webmanifest?lang=en");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/manifest\+json/);
    const manifest = (await res.json()) as { name: string; start_url: string; scope: string; display: string; theme_color: string; icons: Array<{ src: string; sizes: string; type: string }> };
    expect(manifest).toMatchObject({ start_url: "/door", scope: "/door", display: "standalone", theme_color: "#0b5394" });
    expect(manifest.name).toMatch(/Door/);
    expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
    for (const icon of manifest.icons) {
      const file = await asset(icon.src);
      expect(file.status, icon.src).toBe(200);
      expect(file.headers.get("content-type"), icon.src).toContain(icon.type);
      await file.arrayBuffer();
    }
  });

  it("serves the service worker from the root (so its scope can be /door), revalidated on every update check", async () => {
    const res = await asset("/door-sw.js");
    expect(res.status, built).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^(application|text)\/javascript/);
    expect(res.headers.get("cache-control")).toMatch(/max-age=0|no-cache/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    const source = await res.text();
    expect(source).toContain("/door/scanner.js");
    expect(source).toMatch(/door-[0-9a-f]{12}/);
  });

  it("serves the scanner script it caches", async () => {
    const res = await asset("/door/scanner.js");
    expect(res.status, built).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^(application|text)\/javascript/);
    expect(await res.text()).toContain("/door-sw.js");
  });
});
