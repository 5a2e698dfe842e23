import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, hasBrowser, launchBrowser } from "./support/browser";
import { catalogueFor } from "./support/catalogue";
import { startDevServer, type DevServer } from "./support/dev-server";

// The owner's organisation settings and the messages page, in a real browser against the app as
// `npm start` serves it: axe finds nothing on the forms, their refusals or the preview. Then the
// organiser emails themselves a preview of the demo event's reminder (the real one goes weeks
// later) and reads it in the dev mailbox.
describe.skipIf(!hasBrowser)("receipt settings and messages to attendees in Chromium", () => {
  let server: DevServer;
  let browser: Browser;
  let page: Page;

  const mail = async () =>
    ((await (await fetch(`${server.base}/dev/mail.json`)).json()) as { messages: Array<{ id: string; to: string; template: string; subject: string | null; text: string | null }> }).messages;

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

  it("the reminder preview: the button's notice, then the email in the dev mailbox with the times, the venue and a QR image, passing axe", async () => {
    const m = await catalogueFor("en");
    const { organiser } = (server.seed as unknown as { tokens: { organiser: string } }).tokens;
    const list = await fetch(`${server.base}/api/v1/events/${server.seed.event.slug}/door-list`, { headers: { authorization: `Bearer ${organiser}`, accept: "application/json" } });
    const eventId = ((await list.json()) as { event: { id: string } }).event.id;
    await page.goto(`${server.base}/admin/events/${eventId}/edit?lang=en`);
    await page.getByRole("button", { name: m.reminders.preview.button }).click();
    await page.waitForURL(/done=reminder-preview/);
    expect((await page.locator(".notice-done").textContent())?.trim()).toBe(m.reminders.preview.sent({ email: "organiser@example.org" }));
    expect(await axeViolations(page), "edit page with the preview's notice").toEqual([]);

    // In the mailbox: one preview, subject marked, opened from the list as a person would.
    const subject = m.reminders.preview.subject({ subject: m.reminders.email.subject({ event: server.seed.event.title }) });
    await expect.poll(async () => (await mail()).filter((x) => x.template === "reminder_preview" && x.to === "organiser@example.org").map((x) => x.subject), { timeout: 15_000 }).toEqual([subject]);
    await page.goto(`${server.base}/dev/mail`);
    await page.getByRole("link", { name: "reminder preview" }).click();
    await page.waitForURL(/\/dev\/mail\/eml_/);
    expect(await page.textContent("h1")).toBe(subject);
    const id = /\/dev\/mail\/(eml_[0-9a-z]+)/.exec(page.url())![1]!;

    // The email as the recipient's mail client shows it: the demo's doors (10:30) and start (11:00), the venue, the sample's QR.
    const frame = page.frameLocator("iframe.mail-preview");
    const shown = (await frame.locator("body").textContent()) ?? "";
    expect(shown).toContain(m.reminders.preview.sampleName);
    await page.goto(`${server.base}/dev/mail/${id}/html`);
    const fact = async (label: string) => (await page.locator("td", { hasText: new RegExp(`^${label}$`) }).locator("xpath=following-sibling::td").textContent())?.trim() ?? "";
    expect(await fact(m.mail.tickets.facts.doors)).toMatch(/^10:30/);
    expect(await fact(m.mail.tickets.facts.starts)).toMatch(/^11:00/);
    expect(await fact(m.mail.tickets.facts.venue)).toContain("UCL Global Governance Institute");
    const qr = page.getByRole("img", { name: m.mail.tickets.qrAlt({ name: m.reminders.preview.sampleName }) });
    expect(await qr.getAttribute("src")).toMatch(/^data:image\/png;base64,/);
    expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(await axeViolations(page), "the reminder preview email").toEqual([]);
  });
});
