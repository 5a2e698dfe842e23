import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, hasBrowser, launchBrowser } from "./support/browser";
import { catalogueFor, emulatorWordsFor, type BrowserWords, type EmulatorWords } from "./support/catalogue";
import { startDevServer, type DevServer } from "./support/dev-server";

type Mail = { id?: string; to: string; subject: string | null; text: string | null; status: string; template: string };
type DoorList = { event: { id: string }; tiers: Array<{ id: string; name: string; eligibility: string }>; tickets: Array<{ id: string; status: string }> };

// Issue #14 in Chromium, on the demo event as `npm start` serves it: a buyer pays the
// discounted price with STUDENT10 on the emulator's checkout page; then the event sells out,
// someone joins the waiting list from the event page, a cancellation becomes their offer in the
// dev mailbox, and they buy through its link. Every page passes axe.
describe.skipIf(!hasBrowser)("the waiting list and vouchers in Chromium", () => {
  let server: DevServer;
  let browser: Browser;
  let m: BrowserWords;
  let card: EmulatorWords;
  let auth: { authorization: string };
  let door: DoorList;

  beforeAll(async () => {
    [server, browser, m, card] = await Promise.all([startDevServer(), launchBrowser(), catalogueFor("en"), emulatorWordsFor("en")]);
    const { organiser } = (server.seed as unknown as { tokens: { organiser: string } }).tokens;
    auth = { authorization: `Bearer ${organiser}` };
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const doorList = async () => (await (await fetch(`${server.base}/api/v1/events/${server.seed.event.slug}/door-list`, { headers: { ...auth, accept: "application/json" } })).json()) as DoorList;

  async function mailTo(address: string): Promise<Mail[]> {
    const { messages } = (await (await fetch(`${server.base}/dev/mail.json`)).json()) as { messages: Mail[] };
    return messages.filter((mail) => mail.to === address);
  }

  /** The registration form's remaining fields (names are filled by the caller), then on to the emulator. */
  async function finishRegistration(page: Page) {
    // The demo's required dietary question, for each attendee on the form.
    const rows = await page.locator('input[name$=".name"][name^="tickets."]').count();
    for (let i = 0; i < rows; i++) await page.locator(`input[name^="tickets.${i}.answers."][value="vegan"]`).check();
    expect(await axeViolations(page), "registration form").toEqual([]);
    await page.getByRole("button", { name: m.public.registration.continueToPayment }).click();
    await page.waitForURL(/\/dev\/stripe\/checkout\/cs_test_/);
    expect(await axeViolations(page), "checkout page").toEqual([]);
  }

  async function pay(page: Page, name: string) {
    await page.getByLabel(card.labels.card_number).fill("4242 4242 4242 4242");
    await page.getByLabel(card.labels.expiry).fill("12 / 34");
    await page.getByLabel(card.labels.cvc).fill("123");
    await page.getByLabel(card.labels.name).fill(name);
    await page.getByRole("button", { name: new RegExp(`^${card.pay({ total: "" }).trim().split(" ")[0]}`) }).click();
    await page.waitForURL(/\/orders\/ord_[0-9a-z]{16}\/complete/);
    await expect.poll(async () => (await page.reload(), await page.textContent("h1")), { timeout: 15_000 }).toBe(m.public.order.paymentReceived);
    expect(await axeViolations(page), "order page").toEqual([]);
  }

  it("buys a Non-member ticket with STUDENT10 and pays the discounted price on the emulator", async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.base}/events/${server.seed.event.slug}?lang=en`);
    await page.getByLabel(m.waitlistPublic.eventPage.voucherLabel, { exact: true }).fill("student10");
    await page.getByRole("button", { name: m.waitlistPublic.eventPage.voucherButton }).click();
    await page.waitForURL(/voucher=/);
    expect(await page.textContent("body")).toContain(m.waitlistPublic.eventPage.voucherApplied({ code: "STUDENT10" }));
    // £13.00 less 10%.
    expect(await page.textContent("body")).toContain(m.waitlistPublic.eventPage.withVoucher({ price: "£11.70", code: "STUDENT10" }));
    expect(await axeViolations(page), "event page with a voucher").toEqual([]);
    await page.getByLabel(m.public.eventPage.quantityOf({ tier: "Non-member" })).selectOption("1");
    await page.getByRole("button", { name: m.public.eventPage.continue, exact: true }).click();
    // The code came along (its label also says it is optional), and the total includes it.
    expect(await page.locator("#voucher").inputValue()).toBe("STUDENT10");
    expect(await page.textContent(".total")).toContain("£11.70");
    await page.getByLabel(m.public.registration.yourName).fill("Sam Student");
    await page.getByLabel(m.public.registration.yourEmail).fill("sam.student@example.org");
    await page.locator("#tickets-0-name").fill("Sam Student");
    await finishRegistration(page);
    // The emulator's page shows what Stripe would charge: the discounted line.
    const checkout = ((await page.textContent("body")) ?? "").replace(/\s/g, " ");
    expect(checkout).toContain("£11.70");
    expect(checkout).toContain("STUDENT10");
    expect(checkout).not.toContain("£13.00");
    await pay(page, "Sam Student");
    expect(await page.textContent("body")).toContain("STUDENT10");
    await page.context().close();
  });

  it("joins the waiting list of the sold-out event, gets the freed seat's offer in the dev mailbox and buys through it", async () => {
    // The organisers fill the event's remaining places with door registrations (they may, whoever waits).
    door = await doorList();
    const nonMember = door.tiers.find((t) => t.name === "Non-member")!;
    for (;;) {
      const res = await fetch(`${server.base}/admin/events/${door.event.id}/registrations`, {
        method: "POST",
        headers: { ...auth, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ buyerName: "Door Desk", buyerEmail: `desk-${Date.now()}@example.org`, tierId: nonMember.id, attendees: "Guest\n".repeat(25).trim(), source: "door" }),
        redirect: "manual",
      });
      if (res.status !== 303) break;
    }
    // Fewer than 25 left: add them one by one until the event is full.
    for (;;) {
      const res = await fetch(`${server.base}/admin/events/${door.event.id}/registrations`, {
        method: "POST",
        headers: { ...auth, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ buyerName: "Door Desk", buyerEmail: `desk-${Date.now()}@example.org`, tierId: nonMember.id, attendees: "Guest", source: "door" }),
        redirect: "manual",
      });
      if (res.status !== 303) break;
    }

    const page = await (await browser.newContext()).newPage();
    // The public page may be served from the edge cache for a couple of seconds more.
    await expect
      .poll(async () => (await page.goto(`${server.base}/events/${server.seed.event.slug}?lang=en`), await page.textContent("body")), { timeout: 15_000 })
      .toContain(m.waitlistPublic.eventPage.soldOutWithList);
    expect(await axeViolations(page), "sold-out event page").toEqual([]);
    await page.locator(`a[href*="/waitlist?tier=${nonMember.id}"]`).click();
    await page.waitForURL(/\/waitlist\?tier=/);
    expect(await axeViolations(page), "join form").toEqual([]);
    await page.getByLabel(m.waitlistPublic.join.name).fill("Wanda Waiting");
    await page.getByLabel(m.waitlistPublic.join.email).fill("wanda@example.org");
    await page.getByLabel(m.waitlistPublic.join.places).selectOption("1");
    await page.getByRole("button", { name: m.waitlistPublic.join.submit }).click();
    expect(await page.textContent("h1")).toBe(m.waitlistPublic.join.doneTitle);
    expect(await axeViolations(page), "joined").toEqual([]);
    await expect.poll(async () => (await mailTo("wanda@example.org")).map((mail) => mail.template), { timeout: 15_000 }).toContain("waitlist_joined");

    // A door guest's ticket is cancelled: its seat becomes Wanda's offer, in the same write.
    door = await doorList();
    const guest = door.tickets.find((t) => t.status === "valid")!;
    const cancelled = await fetch(`${server.base}/admin/tickets/${guest.id}/cancel`, { method: "POST", headers: { ...auth, "content-type": "application/x-www-form-urlencoded" }, body: "", redirect: "manual" });
    expect(cancelled.status).toBe(303);
    await expect.poll(async () => (await mailTo("wanda@example.org")).map((mail) => mail.template), { timeout: 15_000 }).toContain("waitlist_offer");
    const offer = (await mailTo("wanda@example.org")).find((mail) => mail.template === "waitlist_offer")!;
    expect(offer.subject).toBe(m.waitlistMail.offer.subject({ event: server.seed.event.title }));

    // The offer as Wanda's mail client shows it, then its link.
    await page.goto(`${server.base}/dev/mail`);
    await page.getByRole("link", { name: "waitlist offer" }).first().click();
    await page.waitForURL(/\/dev\/mail\/eml_/);
    const id = /\/dev\/mail\/(eml_[0-9a-z]+)/.exec(page.url())![1]!;
    await page.goto(`${server.base}/dev/mail/${id}/html`);
    expect(await axeViolations(page), "offer email").toEqual([]);
    const link = /\/waitlist\/offers\/[A-Za-z0-9_-]+/.exec(offer.text ?? "")![0];
    await page.goto(`${server.base}${link}`);
    expect(await page.getByLabel(m.public.registration.yourEmail).inputValue()).toBe("wanda@example.org");
    expect(await page.locator("#tickets-0-name").inputValue()).toBe("Wanda Waiting");
    expect(await axeViolations(page), "offer page").toEqual([]);
    await finishRegistration(page);
    await pay(page, "Wanda Waiting");
    expect(await page.textContent("body")).toContain("Wanda Waiting");

    // The link is spent: it says so and holds nothing.
    await page.goto(`${server.base}${link}`);
    expect(await page.textContent("h1")).toBe(m.waitlistPublic.offer.unusableTitle);
    await page.context().close();
  });
});
