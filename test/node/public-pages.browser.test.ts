import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, hasBrowser, launchBrowser } from "./support/browser";
import { startDevServer, type DevServer } from "./support/dev-server";

// The public pages in a real browser against the app as `npm start` serves it.
describe.skipIf(!hasBrowser)("public pages in Chromium", () => {
  let server: DevServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDevServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const pages = () => [
    { name: "event list", path: "/" },
    { name: "demo event", path: `/events/${server.seed.event.slug}` },
    { name: "not found", path: "/events/no-such-event" },
    { name: "sign-in", path: "/admin/sign-in" },
    { name: "demo event with a wrong voucher code", path: `/events/${server.seed.event.slug}?voucher=NO-SUCH-CODE` },
    { name: "waiting list (nothing sold out)", path: `/events/${server.seed.event.slug}/waitlist` },
  ];
  /** The same pages in Spanish: another language's words change lengths and layout. */
  const spanish = () => [
    ...pages().map(({ name, path }) => ({ name: `${name} (es)`, path: `${path}?lang=es` })),
    { name: "registration form (es)", path: `/events/${server.seed.event.slug}/register?lang=es` },
  ];

  it("have no WCAG 2.1 AA violations that axe-core can find", async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    for (const { name, path } of [...pages(), ...spanish()]) {
      await page.goto(server.base + path);
      expect(await axeViolations(page), name).toEqual([]);
    }
    await context.close();
  });

  it("switch language on the same page, keeping the reader there, and remember the choice", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const path = `/events/${server.seed.event.slug}`;
    await page.goto(server.base + path);
    expect(await page.getAttribute("html", "lang")).toBe("en-GB");
    await page.getByRole("link", { name: "Español" }).click();
    await page.waitForURL((url) => url.pathname === path && url.searchParams.get("lang") === "es");
    expect(await page.getAttribute("html", "lang")).toBe("es");
    await page.goto(server.base + "/");
    expect(await page.getAttribute("html", "lang")).toBe("es");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Ir al contenido");
    await context.close();
  });

  it("run without CSP violations or script errors", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("console", (msg) => msg.type() === "error" && problems.push(msg.text()));
    page.on("pageerror", (err) => problems.push(err.message));
    for (const { path } of pages().slice(0, 2)) {
      const res = await page.goto(server.base + path);
      expect(res?.status()).toBe(200);
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it("fit a phone screen without sideways scrolling, and start keyboard users at a skip link", async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    for (const { name, path } of [...pages().slice(0, 2), ...spanish().slice(0, 2)]) {
      await page.goto(server.base + path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, name).toBeLessThanOrEqual(0);
    }
    await page.goto(`${server.base}${pages()[1]!.path}?lang=en`);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to content");
    await context.close();
  });

  it("print the event page without the site's header and footer", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.base}/events/${server.seed.event.slug}`);
    await page.emulateMedia({ media: "print" });
    const hidden = await page.evaluate(() =>
      [".site-header", ".site-footer"].map((s) => getComputedStyle(document.querySelector(s)!).display),
    );
    expect(hidden).toEqual(["none", "none"]);
    expect(await page.locator("h1").isVisible()).toBe(true);
    const pdf = await page.pdf({ format: "A4" });
    expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
    await context.close();
  });
});
