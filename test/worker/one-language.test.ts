// Issue #11's proof, across every area at once: a page or email in one language says none of
// the other language's catalogue sentences, from ANY section (the area tests check their own
// sections; this one catches, say, an English core sentence on a Spanish door page).
import { beforeEach, describe, expect, it } from "vitest";
import type { OutboxEmail } from "@/generated/prisma/client";
import { en } from "@/i18n/en";
import { es } from "@/i18n/es";
import type { Messages } from "@/i18n";
import { newId } from "@/lib/ids";
import { getAs, signedInAs } from "./auth-helpers";
import { bilingualEvent, type BilingualEvent } from "./bilingual-event";
import { readableText, sentencesIn, sentencesOf } from "./catalogue-text";
import { db, fetchWorker, serviceDeps } from "./helpers";

const catalogues = { en, es } as const;
type Lang = keyof typeof catalogues;
const other = (lang: Lang): Lang => (lang === "en" ? "es" : "en");
const sentences = { en: sentencesOf(en), es: sentencesOf(es) };

/** The other language's sentences found in `text`: none, for a page that speaks one language. */
const foreignIn = (text: string, lang: Lang) => sentencesIn(text, sentences[other(lang)]);

type Event = BilingualEvent;

/** A paid order placed in `lang` through the API, with one ticket. */
async function paidOrder(event: Event, lang: Lang) {
  const res = await fetchWorker(`/api/v1/events/${event.slug}/orders`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", "accept-language": lang },
    body: JSON.stringify({ buyer: { name: "Ada Buyer", email: `ada-${lang}@example.org` }, tickets: [{ tier: event.ticketTypes[0]!.id, name: "Ada Buyer" }] }),
  });
  expect(res.status).toBe(201);
  const { order } = (await res.json()) as { order: { id: string } };
  await db.order.update({ where: { id: order.id }, data: { status: "paid", paidAt: new Date(), holdExpiresAt: null } });
  await db.ticket.updateMany({ where: { orderId: order.id }, data: { status: "valid" } });
  return db.order.findUniqueOrThrow({ where: { id: order.id }, include: { tickets: true } });
}

async function page(path: string, lang: Lang, init: RequestInit = {}) {
  const sep = path.includes("?") ? "&" : "?";
  const res = await fetchWorker(`${path}${sep}lang=${lang}`, init);
  expect(res.status, path).toBeLessThan(500);
  const html = await res.text();
  expect(/<html lang="([^"]+)"/.exec(html)?.[1], path).toBe(catalogues[lang].locale);
  return readableText(html);
}

beforeEach(async () => {
  await db.outboxEmail.deleteMany();
});

describe.each(["es", "en"] as const)("everything in %s says nothing from the other language's catalogue", (lang) => {
  it("the public pages, the order and ticket pages, the checkout on the emulator", async () => {
    const event = await bilingualEvent(1250);
    const order = await paidOrder(event, lang);
    const ticket = order.tickets[0]!;
    const paths = ["/", `/events/${event.slug}`, `/events/${event.slug}/register`, `/orders/${order.id}/complete`, `/tickets/${ticket.token}`, "/no-such-page", "/admin/sign-in"];
    for (const path of paths) expect(foreignIn(await page(path, lang), lang), path).toEqual([]);

    // The pay page of a fresh order opens the emulator's checkout, in the order's language.
    const res = await fetchWorker(`/api/v1/events/${event.slug}/orders`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", "accept-language": lang },
      body: JSON.stringify({ buyer: { name: "Bo Buyer", email: `bo-${lang}@example.org` }, tickets: [{ tier: event.ticketTypes[0]!.id, name: "Bo Buyer" }] }),
    });
    const { checkoutUrl } = (await res.json()) as { checkoutUrl: string };
    const pay = await fetchWorker(new URL(checkoutUrl).pathname, { redirect: "manual" });
    const checkout = new URL(pay.headers.get("location")!).pathname;
    const html = await (await fetchWorker(checkout)).text();
    expect(html).toContain(`<html lang="${lang}`);
    expect(foreignIn(readableText(html), lang), checkout).toEqual([]);
  });

  it("the door's pages, the scanner's words and the organiser pages", async () => {
    const event = await bilingualEvent(1250);
    const order = await paidOrder(event, lang);
    const door = await signedInAs("door", { events: [event.id] });
    const organiser = await signedInAs("owner");
    for (const path of ["/door", `/door/events/${event.id}`]) {
      const html = await (await getAs(door, `${path}?lang=${lang}`)).text();
      expect(foreignIn(readableText(html), lang), path).toEqual([]);
      const words = /<script type="application\/json" id="door-words">([\s\S]*?)<\/script>/.exec(html)?.[1];
      if (words) expect(foreignIn(words, lang), `${path} scanner words`).toEqual([]);
    }
    const adminPaths = [
      "/admin",
      "/admin/events/new",
      `/admin/events/${event.id}`,
      `/admin/events/${event.id}/edit`,
      `/admin/events/${event.id}/preview`,
      `/admin/events/${event.id}/tiers/new`,
      `/admin/tiers/${event.ticketTypes[0]!.id}/edit`,
      `/admin/events/${event.id}/registrations/new`,
      `/admin/orders/${order.id}`,
      "/admin/staff",
      "/admin/tokens",
      "/admin/audit",
      "/admin/members",
    ];
    for (const path of adminPaths) {
      const res = await getAs(organiser, `${path}?lang=${lang}`);
      expect(res.status, path).toBe(200);
      expect(foreignIn(readableText(await res.text()), lang), path).toEqual([]);
    }
  });

  it("every kind of email: subject, HTML, text part and calendar file", async () => {
    const event = await bilingualEvent(1250);
    const order = await paidOrder(event, lang);
    const ticket = order.tickets[0]!;
    // Two people on the waiting list who joined in this language: one waiting, one offered places.
    const entry = (n: number, fields: Record<string, unknown>) =>
      db.waitlistEntry.create({ data: { id: newId("wle"), eventId: event.id, ticketTypeId: event.ticketTypes[0]!.id, position: n, name: `Waiting ${n}`, email: `waiting-${n}-${lang}@example.org`, places: 1, language: lang, leaveToken: newId("lv"), ...fields } });
    const waiting = await entry(1, {});
    const offered = await entry(2, { status: "offered", offerToken: newId("of"), offeredAt: new Date(), offerExpiresAt: new Date(Date.now() + 48 * 3_600_000) });
    const data: Record<string, Record<string, unknown>> = {
      waitlist_joined: { entryId: waiting.id },
      waitlist_offer: { entryId: offered.id },
      order_confirmation: { orderId: order.id },
      attendee_ticket: { orderId: order.id, ticketId: ticket.id },
      tickets_again: { eventId: event.id, email: order.buyerEmail },
      late_payment_refunded: { orderId: order.id, amountMinor: 1250 },
      refund_issued: { orderId: order.id, amountMinor: 500 },
      payment_failed: { orderId: order.id },
      order_cancelled: { orderId: order.id },
      sign_in_link: { url: "http://example.test/admin/sign-in/abc", minutes: 15, language: lang },
    };
    for (const [template, fields] of Object.entries(data)) {
      const row: OutboxEmail = {
        id: newId("eml"),
        recipient: order.buyerEmail,
        template,
        data: JSON.stringify(fields),
        status: "pending",
        attempts: 0,
        nextAttemptAt: new Date(),
        providerId: null,
        lastError: null,
        idempotencyKey: newId("idem"),
        orderId: template === "sign_in_link" ? null : order.id,
        createdAt: new Date(),
        sentAt: null,
      };
      const email = await serviceDeps().composeEmail(row);
      expect(email, template).not.toBeNull();
      const text = [email!.subject, readableText(email!.html), email!.text, ...email!.attachments.filter((a) => typeof a.content === "string").map((a) => String(a.content))]
        .join("\n")
        // The calendar file's PRODID names the software for machines, the same in every language.
        .replace(/^PRODID:.*$/gm, "");
      expect(foreignIn(text, lang), template).toEqual([]);
      expect(email!.html, template).toContain(`lang="${(catalogues[lang] as Messages).locale}"`);
    }
  });
});

describe("a ticket's calendar file", () => {
  it("names the event in the ticket's language, where the organisers wrote one", async () => {
    const event = await bilingualEvent(1250);
    const order = await paidOrder(event, "es");
    const ics = await (await fetchWorker(`/tickets/${order.tickets[0]!.token}/calendar.ics`)).text();
    expect(ics).toContain("SUMMARY:Noche de lectura de invierno");
    expect(ics).toContain("Salón de pruebas");
    const english = await (await fetchWorker(`/tickets/${order.tickets[0]!.token}/calendar.ics?lang=en`)).text();
    expect(english).toContain("SUMMARY:Winter reading night");
  });
});
