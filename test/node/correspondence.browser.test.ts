import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, hasBrowser, launchBrowser } from "./support/browser";
import { startDevServer, type DevServer } from "./support/dev-server";

// The owner's organisation settings and the messages page, in a real browser against the app as
// `npm start` serves it: axe finds nothing on the forms, their refusals or the preview.
describe.skipIf(!hasBrowser)("receipt settings and messages to attendees in Chromium", () => {
  let server: DevServer;
  let browser: Browser;
  let page: Page;

  const mail = async () => ((await (await fetch(`${server.base}/dev/mail.json`)).json()) as { messages: Array<{ to: string; text: string | null }> }).messages;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDevServer(), launchBrowser()]);
    page = await (await browser.newContext({ bypassCSP: true })).newPage();
    // Signed in as the seeded owner with the emailed one-time link.
    await page.goto(`${server.base}/admin/settings`);
    await page.getByLabel("Your email address").fill("organiser@example.org");
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await page.getByRole("heading", { name: "Check your email" }).waitFor();
    let link = "";
    // beforeAll cannot use expect.poll.
    for (let tries = 0; !link && tries < 60; tries++) {
      const message = (await mail()).find((m) => m.to === "organiser@example.org" && /\/admin\/sign-in\/[A-Za-z0-9_-]{40,64}/.test(m.text ?? ""));
      link = /\/admin\/sign-in\/[A-Za-z0-9_-]{40,64}/.exec(message?.text ?? "")?.[0] ?? "";
      if (!link) await new Promise((r) => setTimeout(r, 250));
    }
    if (!link) throw new Error("no sign-in email");
    await page.goto(`${server.base}${link}`);
    await page.getByRole("button", { name: "Sign in now" }).click();
    await page.waitForLoadState();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("the settings form, its refusal and its saved notice pass axe", async () => {
    await page.goto(`${server.base}/admin/settings`);
    expect(await axeViolations(page), "settings").toEqual([]);
    await page.getByLabel("Organisation name").fill("");
    await page.getByLabel("Registered for VAT: prices include VAT").check();
    await page.getByRole("button", { name: "Save settings" }).click();
    expect(await page.locator(".error-summary").count()).toBe(1);
    expect(await axeViolations(page), "settings refused").toEqual([]);
    await page.getByLabel("Organisation name").fill("Human Rights Forum");
    await page.getByLabel("VAT number").fill("GB123456789");
    await page.getByRole("button", { name: "Save settings" }).click();
    await page.waitForURL(/done=saved/);
    expect(await axeViolations(page), "settings saved").toEqual([]);
  });

  it("the messages page, its refusal and its preview pass axe", async () => {
    await page.goto(`${server.base}/admin`);
    const edit = await page.locator(`a[href^="/admin/events/"][href$="/edit"]`).first().getAttribute("href");
    await page.goto(`${server.base}${edit!.replace(/\/edit$/, "/messages")}`);
    expect(await axeViolations(page), "messages").toEqual([]);
    await page.getByRole("button", { name: "Preview" }).click();
    expect(await page.locator(".error-summary").count()).toBe(1);
    expect(await axeViolations(page), "messages refused").toEqual([]);
    await page.locator("#subject").fill("Room change");
    await page.locator("#body").fill("We are now in **Room 2**.");
    await page.getByRole("button", { name: "Preview" }).click();
    // The demo event may have no tickets sold yet: either a preview or the "no one" refusal, both accessible.
    expect(await page.locator(".message-preview, .error-summary").count()).toBe(1);
    expect(await axeViolations(page), "messages previewed").toEqual([]);
  });
});
