// Self-service speaks one language: the ticket page's change-or-cancel section, its notices and
// refusals, the order page's cancel form, the buyer's confirmation email and the organisers'
// settings hold no sentence of the other language's catalogue.
import { describe, expect, it } from "vitest";
import { composeEmail } from "@emails/compose";
import { en } from "@/i18n/en";
import { es } from "@/i18n/es";
import { getAs, signedInAs } from "./auth-helpers";
import { createEvent, days, db, fetchWorker, serviceDeps } from "./helpers";
import { readableText, sentencesIn, sentencesOf } from "./catalogue-text";
import { paidThroughEmulator } from "./stripe-fixtures";

const pick = (m: typeof en) => ({ public: m.public, layout: m.layout, selfService: m.selfService, mail: m.mail }) as any;
const english = sentencesOf(pick(en));
const spanish = sentencesOf(pick(es));
const origin = "http://example.test";

/** Neither language's page holds the other's sentences; returns both texts. */
function oneLanguage(label: string, inSpanish: string, inEnglish: string) {
  expect(sentencesIn(readableText(inSpanish), english), `${label} in Spanish`).toEqual([]);
  expect(sentencesIn(readableText(inEnglish), spanish), `${label} in English`).toEqual([]);
}

const page = async (path: string, lang: string, init?: RequestInit) => (await fetchWorker(`${path}${path.includes("?") ? "&" : "?"}lang=${lang}`, init)).text();
const post = (path: string, fields: Record<string, string>, lang: string) =>
  fetchWorker(`${path}?lang=${lang}`, { method: "POST", headers: { origin, "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(fields), redirect: "manual" });

describe("self-service in one language", () => {
  it("the ticket page's section, its notice and a refusal, and the order page's cancel form", async () => {
    const event = await createEvent({ refundPolicy: "full_until", refundUntil: new Date(Date.now() + days(7)), tiers: [{ name: "Standard", priceMinor: 1000 }] });
    const order = await paidThroughEmulator(event.slug, event.ticketTypes[0]!.id, 2);
    const [first] = await db.ticket.findMany({ where: { orderId: order.id }, orderBy: { createdAt: "asc" } });
    const ticketPath = `/tickets/${first!.token}`;
    const [tEs, tEn] = [await page(ticketPath, "es"), await page(ticketPath, "en")];
    expect(readableText(tEs)).toContain(es.selfService.panel.heading);
    oneLanguage("ticket page", tEs, tEn);
    oneLanguage("order page", await page(`/orders/${order.id}/complete`, "es"), await page(`/orders/${order.id}/complete`, "en"));
    // A form with a mistake, then a notice after a change.
    oneLanguage("name form with an error", await (await post(`${ticketPath}/name`, { name: "" }, "es")).text(), await (await post(`${ticketPath}/name`, { name: "" }, "en")).text());
    expect((await post(`${ticketPath}/name`, { name: "Ana Nueva" }, "es")).status).toBe(303);
    const [nEs, nEn] = [await page(`${ticketPath}?done=renamed`, "es"), await page(`${ticketPath}?done=renamed`, "en")];
    expect(readableText(nEs)).toContain(es.selfService.notices.renamed);
    oneLanguage("notice", nEs, nEn);
    // Closed for changes: the refusal.
    await db.event.update({ where: { id: event.id }, data: { changesCutoffHours: 24 * 365 } });
    const [rEs, rEn] = [await (await post(`${ticketPath}/name`, { name: "Tarde" }, "es")).text(), await (await post(`${ticketPath}/name`, { name: "Late" }, "en")).text()];
    expect(readableText(rEs)).toContain(es.selfService.refusals.changes_closed);
    oneLanguage("refusal", rEs, rEn);
  });

  it("the buyer's confirmation email speaks the order's language", async () => {
    const event = await createEvent({ tiers: [{ name: "Standard", priceMinor: 1000 }] });
    const order = await paidThroughEmulator(event.slug, event.ticketTypes[0]!.id, 1);
    await db.order.update({ where: { id: order.id }, data: { language: "es" } });
    const [ticket] = await db.ticket.findMany({ where: { orderId: order.id } });
    expect((await post(`/tickets/${ticket!.token}/cancel`, { confirm: "yes" }, "en")).status).toBe(303);
    const row = await db.outboxEmail.findFirstOrThrow({ where: { orderId: order.id, template: "self_service_change" } });
    const mail = (await composeEmail(serviceDeps(), row))!;
    expect(mail.subject).toBe(es.selfService.email.subject({ event: event.title }));
    expect(sentencesIn(readableText(mail.html), english)).toEqual([]);
    expect(mail.text).toContain(es.selfService.email.noRefund);
  });

  it("the organisers' settings in the event form", async () => {
    const me = await signedInAs("organiser");
    const event = await createEvent();
    const form = await (await getAs(me, `/admin/events/${event.id}/edit?lang=es`)).text();
    expect(readableText(form)).toContain(es.selfService.form.legend);
    expect(sentencesIn(readableText(form), sentencesOf({ selfService: en.selfService } as any))).toEqual([]);
  });
});
