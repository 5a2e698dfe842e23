// Receipts, the settings page, the messages page and the message emails speak one language:
// the Spanish versions carry none of English's sentences (and the reverse).
import { describe, expect, it } from "vitest";
import type { Messages } from "@/i18n";
import { en } from "@/i18n/en";
import { es } from "@/i18n/es";
import { getAs, postAs, signedInAs } from "./auth-helpers";
import { readableText, sentencesIn, sentencesOf } from "./catalogue-text";
import { createEvent, db, fetchWorker, serviceDeps } from "./helpers";
import { orderWith } from "./correspondence-fixtures";

const english = sentencesOf(en);
// The organiser pages carry a link to themselves in the other language, said in it: leave the layout out there.
const pageSentences = (m: Messages) => sentencesOf({ correspondence: m.correspondence, admin: m.admin, fields: m.fields, pages: m.pages } as unknown as Messages);
const [englishPages, spanishPages] = [pageSentences(en), pageSentences(es)];
const heard = (html: string) => `${readableText(html)} ${[...html.matchAll(/(?:aria-label|title)="([^"]*)"/g)].map((a) => a[1]).join(" ")}`;

async function setUp() {
  const owner = await signedInAs("owner");
  await postAs(owner, "/admin/settings", { name: "Forum", address: "1 Street", charityNumber: "123", companyNumber: "456", vatStatus: "registered", vatNumber: "GB1", vatRate: "20" });
  const event = await createEvent({ tiers: [{ name: "Member", priceMinor: 800 }] });
  const es1 = await orderWith(event.id, [{ tierId: event.ticketTypes[0]!.id, name: "Ana", priceMinor: 800 }], { language: "es", status: "partially_refunded", refundedMinor: 200 });
  const en1 = await orderWith(event.id, [{ tierId: event.ticketTypes[0]!.id, name: "Ada", priceMinor: 800 }], { language: "en" });
  return { owner, event, es1, en1 };
}

describe("receipts and messages in one language", () => {
  it("organiser pages (settings, messages with a preview and a refusal) speak only the chosen language", async () => {
    const { owner, event } = await setUp();
    for (const [lang, other] of [["es", englishPages], ["en", spanishPages]] as const) {
      const pages = [
        await getAs(owner, `/admin/settings?lang=${lang}`),
        await getAs(owner, `/admin/settings?done=saved&lang=${lang}`),
        await getAs(owner, `/admin/events/${event.id}/messages?lang=${lang}`),
        await postAs(owner, `/admin/events/${event.id}/messages/preview?lang=${lang}`, { audience: "all", subject: "S", body: "B", nonce: "n1234567890abcdef" }),
        await postAs(owner, `/admin/events/${event.id}/messages/preview?lang=${lang}`, { audience: "all", subject: "", body: "", nonce: "n1234567890abcdef" }),
        await postAs(owner, `/admin/settings?lang=${lang}`, { name: "", vatStatus: "registered", vatRate: "x" }),
      ];
      for (const res of pages) {
        const html = await res.text();
        expect(html).toContain(`<html lang="${lang === "es" ? "es" : "en-GB"}"`);
        expect(sentencesIn(heard(html), other), `${lang} ${res.url}`).toEqual([]);
      }
    }
  });

  it("the receipt and the message emails speak the order's language", async () => {
    const { owner, event, es1 } = await setUp();
    const receipt = readableText(await (await fetchWorker(`/orders/${es1.id}/receipt`)).text());
    expect(sentencesIn(receipt, english)).toEqual([]);
    const res = await postAs(owner, `/admin/events/${event.id}/cancel`, { confirm: "yes", refundPlan: "" });
    expect(res.status).toBe(303);
    const rows = await db.outboxEmail.findMany({ where: { template: "attendee_message", orderId: es1.id } });
    expect(rows.length).toBe(1);
    const mail = (await serviceDeps().composeEmail(rows[0]!))!;
    expect(mail.text).toContain(es.correspondence.mail.noRefundPlan);
    expect(sentencesIn(`${mail.subject} ${readableText(mail.html)} ${mail.text}`, english)).toEqual([]);
  });
});
