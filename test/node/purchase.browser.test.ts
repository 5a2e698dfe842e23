import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, hasBrowser, launchBrowser } from "./support/browser";
import { startDevServer, type DevServer } from "./support/dev-server";

type Mail = { to: string; subject: string | null; text: string | null; status: string; template: string };

// A person buys one Member and one Non-member ticket for the demo event, as on `npm start`:
// the event page, the registration form, the pay page (a redirect), the Stripe emulator's checkout page, the success page.
describe.skipIf(!hasBrowser)("buying tickets in Chromium", () => {
  let server: DevServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDevServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Each membership buys one member ticket per event, so each purchase here uses its own. */
  async function fillRegistration(page: Page, buyerEmail: string, membership: string) {
    await page.goto(`${server.base}/events/${server.seed.event.slug}`);
    await page.getByLabel("Number of Member tickets").selectOption("1");
    await page.getByLabel("Number of Non-member tickets").selectOption("1");
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByLabel("Your name").fill("Amina Khan");
    await page.getByLabel("Your email").fill(buyerEmail);
    await page.locator("#tickets-0-name").fill("Amina Khan");
    await page.getByLabel("Membership number or email on the members list").fill(membership);
    await page.locator("#tickets-1-name").fill("Joseph Bloggs");
    expect(await axeViolations(page), "registration form").toEqual([]);
    await page.getByRole("button", { name: "Continue to payment" }).click();
    await page.waitForURL(/\/dev\/stripe\/checkout\/cs_test_/);
  }

  async function payWith(page: Page, card: string) {
    await page.getByLabel("Card number").fill(card);
    await page.getByLabel("Expiry date (MM / YY)").fill("12 / 34");
    await page.getByLabel("Security code (CVC)").fill("123");
    await page.getByLabel("Name on card").fill("Amina Khan");
    await page.getByRole("button", { name: /^Pay/ }).click();
  }

  async function mailTo(address: string): Promise<Mail[]> {
    const res = await fetch(`${server.base}/dev/mail.json`);
    const { messages } = (await res.json()) as { messages: Mail[] };
    return messages.filter((m) => m.to === address);
  }

  it("pays on the emulator's checkout page and gets the order confirmed and the tickets emailed", async () => {
    const context = await browser.newContext({ bypassCSP: false });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (err) => errors.push(err.message));
    await fillRegistration(page, "amina+tickets@example.org", " m1001 ");
    expect(await page.textContent("body")).toContain("£21");
    await payWith(page, "4242 4242 4242 4242");
    await page.waitForURL(/\/orders\/ord_[0-9a-z]{16}\/complete/);
    await expect.poll(async () => (await page.reload(), await page.textContent("h1")), { timeout: 15_000 }).toBe("Payment received");
    const body = (await page.textContent("body")) ?? "";
    expect(body).toContain("Amina Khan");
    expect(body).toContain("Joseph Bloggs");
    expect(body).toMatch(/HRD-[2-9A-HJ-NP-Z]{5}/);
    expect(errors).toEqual([]);

    await expect.poll(async () => (await mailTo("amina+tickets@example.org")).map((m) => m.template), { timeout: 15_000 }).toContain("order_confirmation");
    const [mail] = await mailTo("amina+tickets@example.org");
    expect(mail!.text).toContain("Joseph Bloggs");
    await context.close();
  });

  it("says a declined card was declined, and lets the buyer go back with their choices kept", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await fillRegistration(page, "declined@example.org", " m1002 ");
    await payWith(page, "4000 0000 0000 0002");
    expect(await page.textContent("body")).toContain("Your card was declined");
    expect(await axeViolations(page), "checkout page with an error").toEqual([]);
    await page.getByRole("link", { name: /Cancel and go back/ }).click();
    await page.waitForURL(/\/register\?from=ord_/);
    expect(await page.textContent("body")).toContain("Payment cancelled");
    expect(await page.getByLabel("Your email").inputValue()).toBe("declined@example.org");
    expect(await page.locator("#tickets-1-name").inputValue()).toBe("Joseph Bloggs");
    await context.close();
  });
});
