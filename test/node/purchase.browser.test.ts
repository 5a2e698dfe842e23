import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, hasBrowser, launchBrowser } from "./support/browser";
import { catalogueFor, emulatorWordsFor, type BrowserWords, type EmulatorWords } from "./support/catalogue";
import { startDevServer, type DevServer } from "./support/dev-server";

type Mail = { to: string; subject: string | null; text: string | null; status: string; template: string };

/** The demo tiers' names in each language (src/dev/demo-seed.ts). */
const demoTiers = {
  en: { member: "Member", nonMember: "Non-member", total: "£21" },
  es: { member: "Socio", nonMember: "No socio", total: "21 £" },
} as const;

// A person buys one Member and one Non-member ticket for the demo event, as on `npm start`:
// the event page, the registration form, the pay page (a redirect), the Stripe emulator's
// checkout page, the success page. Once in English and once in Spanish, chosen on the first
// page with ?lang= and followed through to the checkout page and the ticket email.
describe.skipIf(!hasBrowser).each(["en", "es"] as const)("buying tickets in Chromium, in %s", (lang) => {
  let server: DevServer;
  let browser: Browser;
  let m: BrowserWords;
  let card: EmulatorWords;
  const tiers = demoTiers[lang];

  beforeAll(async () => {
    [server, browser, m, card] = await Promise.all([startDevServer(), launchBrowser(), catalogueFor(lang), emulatorWordsFor(lang)]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Each membership buys one member ticket per event, so each purchase here uses its own. */
  async function fillRegistration(page: Page, buyerEmail: string, membership: string) {
    await page.goto(`${server.base}/events/${server.seed.event.slug}?lang=${lang}`);
    expect(await page.getAttribute("html", "lang")).toBe(m.locale);
    expect(await axeViolations(page), "event page").toEqual([]);
    await page.getByLabel(m.public.eventPage.quantityOf({ tier: tiers.member })).selectOption("1");
    await page.getByLabel(m.public.eventPage.quantityOf({ tier: tiers.nonMember })).selectOption("1");
    await page.getByRole("button", { name: m.public.eventPage.continue, exact: true }).click();
    expect(await page.getAttribute("html", "lang")).toBe(m.locale);
    await page.getByLabel(m.public.registration.yourName).fill("Amina Khan");
    await page.getByLabel(m.public.registration.yourEmail).fill(buyerEmail);
    await page.locator("#tickets-0-name").fill("Amina Khan");
    await page.getByLabel(m.public.registration.membership).fill(membership);
    await page.locator("#tickets-1-name").fill("Joseph Bloggs");
    // The demo's required dietary question: one plain answer, one "other" with its details.
    await page.locator('input[name^="tickets.0.answers."][value="vegan"]').check();
    await page.locator('input[name^="tickets.1.answers."][value="other"]').check();
    await page.locator('input[name^="tickets.1.answers."][name$=".details"]').fill("No nuts");
    expect(await axeViolations(page), "registration form").toEqual([]);
    await page.getByRole("button", { name: m.public.registration.continueToPayment }).click();
    await page.waitForURL(/\/dev\/stripe\/checkout\/cs_test_/);
  }

  async function payWith(page: Page, cardNumber: string, words: EmulatorWords = card) {
    expect(await page.getAttribute("html", "lang")).toBe(m.locale);
    await page.getByLabel(words.labels.card_number).fill(cardNumber);
    await page.getByLabel(words.labels.expiry).fill("12 / 34");
    await page.getByLabel(words.labels.cvc).fill("123");
    await page.getByLabel(words.labels.name).fill("Amina Khan");
    await page.getByRole("button", { name: new RegExp(`^${words.pay({ total: "" }).trim().split(" ")[0]}`) }).click();
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
    await fillRegistration(page, `amina+${lang}@example.org`, " m1001 ");
    // Intl puts a no-break space between amount and symbol in Spanish.
    expect((await page.textContent("body"))?.replace(/\s/g, " ")).toContain(tiers.total);
    expect(await axeViolations(page), "checkout page").toEqual([]);
    await payWith(page, "4242 4242 4242 4242");
    await page.waitForURL(/\/orders\/ord_[0-9a-z]{16}\/complete/);
    await expect.poll(async () => (await page.reload(), await page.textContent("h1")), { timeout: 15_000 }).toBe(m.public.order.paymentReceived);
    expect(await axeViolations(page), "order page").toEqual([]);
    const body = (await page.textContent("body")) ?? "";
    expect(body).toContain("Amina Khan");
    expect(body).toContain("Joseph Bloggs");
    expect(body).toMatch(/HRD-[2-9A-HJ-NP-Z]{5}/);
    expect(errors).toEqual([]);

    // The receipt, from the order page: accessible, and printed on one A4 page without the site's header.
    await page.getByRole("link", { name: m.correspondence.receipt.link }).click();
    await page.waitForURL(/\/orders\/ord_[0-9a-z]{16}\/receipt/);
    expect(await page.textContent("h1")).toBe(m.correspondence.receipt.heading);
    expect(await page.textContent("body")).toContain(m.correspondence.receipt.totalPaid);
    expect(await axeViolations(page), "receipt").toEqual([]);
    await page.emulateMedia({ media: "print" });
    expect(await page.evaluate(() => getComputedStyle(document.querySelector(".site-header")!).display)).toBe("none");
    const pdf = Buffer.from(await page.pdf({ format: "A4", preferCSSPageSize: true }));
    expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
    expect(pdf.toString("latin1").match(/\/Type\s*\/Page\b(?!s)/g)?.length, "pages in the receipt's PDF").toBe(1);

    await expect.poll(async () => (await mailTo(`amina+${lang}@example.org`)).map((mail) => mail.template), { timeout: 15_000 }).toContain("order_confirmation");
    const [mail] = await mailTo(`amina+${lang}@example.org`);
    expect(mail!.text).toContain("Joseph Bloggs");
    expect(mail!.text).toMatch(/\/orders\/ord_[0-9a-z]{16}\/receipt/);
    expect(mail!.subject).toContain(m.mail.ticketsSubject({ event: "\u0001" }).split("\u0001")[0]!.trim());
    await context.close();
  });

  it("says a declined card was declined, and lets the buyer go back with their choices kept", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await fillRegistration(page, `declined+${lang}@example.org`, " m1002 ");
    await payWith(page, "4000 0000 0000 0002");
    expect(await page.textContent("body")).toContain(card.problems.declined);
    expect(await axeViolations(page), "checkout page with an error").toEqual([]);
    await page.getByRole("link", { name: card.cancel }).click();
    await page.waitForURL(/\/register\?from=ord_/);
    expect(await page.textContent("body")).toContain(m.public.registration.paymentCancelled);
    expect(await page.getByLabel(m.public.registration.yourEmail).inputValue()).toBe(`declined+${lang}@example.org`);
    expect(await page.locator("#tickets-1-name").inputValue()).toBe("Joseph Bloggs");
    await context.close();
  });
});
