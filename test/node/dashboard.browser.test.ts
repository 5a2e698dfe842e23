import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, hasBrowser, launchBrowser } from "./support/browser";
import { startDevServer, type DevServer } from "./support/dev-server";

type DoorList = { event: { id: string }; tiers: Array<{ id: string; eligibility: string }> };

// The event dashboard's pictures in Chromium: drawn without JavaScript, each an image with a
// name and a description, their numbers in a table, and the page passing axe in both languages.
describe.skipIf(!hasBrowser)("the dashboard's pictures in Chromium", () => {
  let server: DevServer;
  let browser: Browser;
  let page: Page;
  let eventId: string;

  beforeAll(async () => {
    server = await startDevServer();
    const { organiser } = (server.seed as unknown as { tokens: { organiser: string } }).tokens;
    const auth = { authorization: `Bearer ${organiser}` };
    const list = (await (await fetch(`${server.base}/api/v1/events/${server.seed.event.slug}/door-list`, { headers: { ...auth, accept: "application/json" } })).json()) as DoorList;
    eventId = list.event.id;
    const tier = list.tiers.find((t) => t.eligibility === "open") ?? list.tiers[0]!;
    const res = await fetch(`${server.base}/admin/events/${eventId}/registrations`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ buyerName: "Chart Test", buyerEmail: `chart-${Date.now()}@example.org`, tierId: tier.id, attendees: "Ana\nBea\nCarlos", source: "door" }),
      redirect: "manual",
    });
    if (res.status !== 303) throw new Error(`registering failed: HTTP ${res.status}`);
    browser = await launchBrowser();
    // The pictures are in the served HTML (test/worker/insights.test.ts); JavaScript stays on for axe.
    const context = await browser.newContext({ extraHTTPHeaders: auth });
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const lang of ["en", "es"]) {
    it(`draws the pictures with text alternatives that pass axe (${lang})`, async () => {
      await page.goto(`${server.base}/admin/events/${eventId}?lang=${lang}`);
      // Four pictures; the arrivals one says there is nothing to draw until someone is checked in.
      await expect.poll(() => page.locator("figure.chart").count()).toBe(4);
      const images = page.locator('figure.chart svg[role="img"]');
      expect(await images.count()).toBe(3);
      for (const image of await images.all()) {
        expect(await image.isVisible()).toBe(true);
        const labelled = (await image.getAttribute("aria-labelledby"))!.split(" ");
        for (const id of labelled) expect((await page.locator(`#${id}`).textContent())?.trim()).not.toBe("");
      }
      // The sold picture's last "to date" equals the sales table's event total.
      const tableSold = (await page.locator("table tfoot td.num").first().textContent({ timeout: 5_000 }))!.trim();
      const pictureSold = (await page.locator("#chart-sold-caption ~ details tbody tr:last-child td:last-child").textContent({ timeout: 5_000 }))!.trim();
      expect(pictureSold).toBe(tableSold);
      expect(await axeViolations(page), `dashboard (${lang})`).toEqual([]);
    });
  }
});
