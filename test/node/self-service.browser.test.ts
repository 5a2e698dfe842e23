import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orderAnswers, ticketAnswers, type ApiQuestion } from "./support/answers";
import { axeViolations, hasBrowser, launchBrowser } from "./support/browser";
import { catalogueFor, emulatorWordsFor, type BrowserWords, type EmulatorWords } from "./support/catalogue";
import { startDevServer, type DevServer } from "./support/dev-server";

/** The self-service words this test looks for (src/i18n/areas/self-service.ts). */
type SelfServiceWords = BrowserWords & {
  selfService: {
    panel: { heading: string; nameLabel: string; nameSubmit: string; confirmCancel: string; cancelSubmit: string };
    notices: { renamed: string; cancelledRefund: (p: { amount: string }) => string };
  };
  public: BrowserWords["public"] & { ticket: { states: { cancelled: { heading: string } } } };
};

// An attendee of the demo event (full refund until 7 days before; changes until 24 hours
// before) opens their ticket from the order page, corrects their name and cancels the ticket,
// as on `npm start`: with no JavaScript needed, each step confirmed on the page, axe on each.
describe.skipIf(!hasBrowser)("changing and cancelling a ticket in Chromium", () => {
  let server: DevServer;
  let browser: Browser;
  let m: SelfServiceWords;
  let card: EmulatorWords;

  beforeAll(async () => {
    [server, browser, m, card] = await Promise.all([startDevServer(), launchBrowser(), catalogueFor("en") as Promise<SelfServiceWords>, emulatorWordsFor("en")]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("changes the name on a ticket and cancels it, refunded under the event's policy", async () => {
    const json = (await (await fetch(`${server.base}/api/v1/events/${server.seed.event.slug}`, { headers: { accept: "application/json" } })).json()) as Record<string, unknown>;
    const event = (json.event ?? json) as { tiers: Array<{ id: string; name: string }>; questions: ApiQuestion[] };
    const tier = event.tiers.find((t) => t.name === "Non-member")!;
    const created = await fetch(`${server.base}/api/v1/events/${server.seed.event.slug}/orders`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        buyer: { name: "Amina Khan", email: "amina+self@example.org" },
        tickets: [{ tier: tier.id, name: "Amina Kahn", answers: ticketAnswers(event.questions, tier.id) }],
        answers: orderAnswers(event.questions),
      }),
    });
    expect(created.ok).toBe(true);
    const { checkoutUrl } = (await created.json()) as { checkoutUrl: string };
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (err) => errors.push(err.message));
    await page.goto(`${server.base}${new URL(checkoutUrl).pathname}`);
    await page.waitForURL(/\/dev\/stripe\/checkout\/cs_test_/);
    await page.getByLabel(card.labels.card_number).fill("4242 4242 4242 4242");
    await page.getByLabel(card.labels.expiry).fill("12 / 34");
    await page.getByLabel(card.labels.cvc).fill("123");
    await page.getByLabel(card.labels.name).fill("Amina Khan");
    await page.getByRole("button", { name: new RegExp(`^${card.pay({ total: "" }).trim().split(" ")[0]}`) }).click();
    await page.waitForURL(/\/orders\/ord_[0-9a-z]{16}\/complete/);
    await expect.poll(async () => (await page.reload(), await page.textContent("h1")), { timeout: 15_000 }).toBe(m.public.order.paymentReceived);

    // The ticket page, through the order page's link.
    await page.locator(`a[href^="/tickets/"]`).first().click();
    await page.waitForURL(/\/tickets\/[A-Za-z0-9_-]{43}$/);
    expect(await page.textContent("#manage-heading")).toBe(m.selfService.panel.heading);
    expect(await axeViolations(page), "ticket page with its change-or-cancel section").toEqual([]);

    await page.getByLabel(m.selfService.panel.nameLabel).fill("Amina Khan");
    await page.getByRole("button", { name: m.selfService.panel.nameSubmit }).click();
    await page.waitForURL(/done=renamed/);
    expect(await page.textContent(".notice-done")).toBe(m.selfService.notices.renamed);
    expect(await page.textContent(".ticket-lead strong")).toBe("Amina Khan");
    expect(await axeViolations(page), "ticket page after a change").toEqual([]);

    await page.getByLabel(m.selfService.panel.confirmCancel).check();
    await page.getByRole("button", { name: m.selfService.panel.cancelSubmit }).click();
    await page.waitForURL(/done=cancelled/);
    expect(await page.textContent(".notice-done")).toBe(m.selfService.notices.cancelledRefund({ amount: "£13" }));
    // Its order's one ticket refunded in full: the order is refunded, and the ticket says so.
    expect(await page.getAttribute(".ticket", "data-ticket-status")).toBe("refunded");
    expect(await page.locator(".ticket-qr").count()).toBe(0);
    expect(await axeViolations(page), "ticket page after cancelling").toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
