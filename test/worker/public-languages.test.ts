// Attendees' pages speak one language: the Spanish pages hold none of the English
// catalogue's public sentences, and the English pages none of the Spanish ones. Organisers'
// texts come in the reader's language where written, marked with their own language where not.
import { describe, expect, it } from "vitest";
import { zonedTimeToUtc } from "@/lib/zoned-time";
import { placeOrder } from "@/domain/orders/place-order";
import { fulfilOrder } from "@/domain/orders/settle";
import { en } from "@/i18n/en";
import { es } from "@/i18n/es";
import { createEvent, db, fetchWorker, serviceDeps } from "./helpers";
import { readableText, sentencesIn, sentencesOf } from "./catalogue-text";

const english = sentencesOf({ public: en.public, layout: en.layout } as any);
const spanish = sentencesOf({ public: es.public, layout: es.layout } as any);
const origin = "http://example.test";

const withLang = (path: string, lang: string) => `${path}${path.includes("?") ? "&" : "?"}lang=${lang}`;

async function html(path: string, init?: RequestInit) {
  const res = await fetchWorker(path, init);
  return { status: res.status, html: await res.text() };
}

/** The page in Spanish holds no English public sentence, and in English no Spanish one. */
async function speaksOneLanguage(path: string, init?: () => RequestInit) {
  const inSpanish = await html(withLang(path, "es"), init?.());
  expect(/<html lang="([^"]+)"/.exec(inSpanish.html)?.[1], path).toBe("es");
  expect(sentencesIn(readableText(inSpanish.html), english), `${path} in Spanish`).toEqual([]);
  const inEnglish = await html(withLang(path, "en"), init?.());
  expect(sentencesIn(readableText(inEnglish.html), spanish), `${path} in English`).toEqual([]);
  return { es: inSpanish, en: inEnglish };
}

async function eventWithOrder() {
  const event = await createEvent({
    startsAt: zonedTimeToUtc("2027-01-02T10:00", "Europe/London"),
    endsAt: zonedTimeToUtc("2027-01-02T17:00", "Europe/London"),
    doorsOpenAt: zonedTimeToUtc("2027-01-02T09:30", "Europe/London"),
    summary: "A day of talks about open data.",
    capacity: 100,
    tiers: [{ name: "Standard", priceMinor: 1250 }, { name: "Concession", priceMinor: 800, eligibility: "declaration", declarationText: "I am a student" }],
  });
  await db.agendaItem.create({ data: { id: `agd_${event.id.slice(4)}`, eventId: event.id, startsAt: event.startsAt, title: "Welcome", sortOrder: 0 } });
  const deps = serviceDeps();
  const order = await placeOrder(deps, event.slug, { buyer: { name: "Ana Compradora", email: "ana@example.org" }, tickets: [{ tier: event.ticketTypes[0]!.id, name: "Ana" }] });
  await fulfilOrder(deps, order.id, { paymentIntentId: `pi_test_${order.id.slice(4)}` });
  const ticket = await db.ticket.findFirstOrThrow({ where: { orderId: order.id } });
  return { event, order, ticket };
}

describe("attendees' pages in one language", () => {
  it("the event list and an event's page, on sale, sold out and cancelled", async () => {
    const { event } = await eventWithOrder();
    await speaksOneLanguage("/");
    const { es: page } = await speaksOneLanguage(`/events/${event.slug}`);
    expect(readableText(page.html)).toContain("Entradas");
    const soldOut = await createEvent({ tiers: [{ quota: 1, soldCount: 1 }] });
    expect(readableText((await speaksOneLanguage(`/events/${soldOut.slug}`)).es.html)).toContain(es.public.eventPage.soldOut);
    const cancelled = await createEvent({ status: "cancelled" });
    expect(readableText((await speaksOneLanguage(`/events/${cancelled.slug}`)).es.html)).toContain(es.public.eventPage.cancelled);
  });

  it("the registration form, with its errors shown", async () => {
    const { event } = await eventWithOrder();
    const tier = event.ticketTypes[1]!;
    await speaksOneLanguage(`/events/${event.slug}/register?qty.${tier.id}=2`);
    const form = () => ({
      method: "POST",
      headers: { origin, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ "buyer.name": "", "buyer.email": "nope", "tickets.0.tier": tier.id, "tickets.0.name": "" }),
    });
    const { es: page } = await speaksOneLanguage(`/events/${event.slug}/register`, form);
    expect(page.status).toBe(422);
    expect(readableText(page.html)).toContain(es.public.registration.yourDetails);
    expect(readableText(page.html)).toContain("Nombre de la entrada 1");
  });

  it("the order page, the pay page's error, the ticket page, a notice and the 404 page", async () => {
    const { event, order, ticket } = await eventWithOrder();
    await speaksOneLanguage(`/orders/${order.id}/complete`);
    await speaksOneLanguage(`/orders/ord_0000000000000000/pay`);
    await speaksOneLanguage(`/tickets/${ticket.token}`);
    const again = () => ({
      method: "POST",
      headers: { origin, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: "nobody@example.org" }),
    });
    const { es: notice } = await speaksOneLanguage(`/events/${event.slug}/tickets-again`, again);
    expect(readableText(notice.html)).toContain(es.public.ticketsAgain.title);
    const { es: missing } = await speaksOneLanguage("/no/such/page");
    expect(missing.status).toBe(404);
  });
});

describe("an event's page in Spanish", () => {
  it("gives dates and money in Spanish, the organisers' Spanish title, and marks an untranslated summary as English", async () => {
    const { event } = await eventWithOrder();
    await db.event.update({ where: { id: event.id }, data: { translations: JSON.stringify({ es: { title: "Jornada de datos abiertos" } }) } });
    const { html: page } = await html(`/events/${event.slug}?lang=es`);
    expect(page).toContain("sábado, 2 de enero de 2027");
    expect(page).toMatch(/>12,50\s£</);
    expect(page).toContain('Cantidad de entradas <span lang="en">Standard</span>');
    expect(page).toContain("Jornada de datos abiertos");
    expect(page).not.toContain(event.title);
    expect(page).toContain('<span lang="en">A day of talks about open data.</span>');
    expect(readableText(page)).toContain("Quedan 99 lugares para este evento.");
    // In English the main-language title is shown, unmarked.
    const { html: english } = await html(`/events/${event.slug}?lang=en`);
    expect(english).toContain(event.title);
    expect(english).toMatch(/Saturday,? 2 January 2027/);
    expect(english).not.toContain('lang="en">A day');
  });

  it("keeps an event's main language on its registration form for a reader who named none", async () => {
    const { event } = await eventWithOrder();
    await db.event.update({ where: { id: event.id }, data: { mainLanguage: "es" } });
    const tier = event.ticketTypes[0]!;
    const form = await html(`/events/${event.slug}/register?qty.${tier.id}=1`);
    expect(form.html).toContain('<html lang="es"');
    expect(readableText(form.html)).toContain(es.public.registration.continueToPayment);
  });

  it("shows an order and a ticket in the order's language to a reader who named none", async () => {
    const { order, ticket } = await eventWithOrder();
    await db.order.update({ where: { id: order.id }, data: { language: "es" } });
    const orderPage = await html(`/orders/${order.id}/complete`);
    expect(orderPage.html).toContain('<html lang="es"');
    expect(orderPage.html).toContain(es.public.order.reference);
    const ticketPage = await html(`/tickets/${ticket.token}`);
    expect(ticketPage.html).toContain('<html lang="es"');
    await db.ticket.update({ where: { id: ticket.id }, data: { language: "en" } });
    expect((await html(`/tickets/${ticket.token}`)).html).toContain('<html lang="en-GB"');
    // A reader who chose English gets English.
    expect((await html(`/orders/${order.id}/complete`, { headers: { "accept-language": "en" } })).html).toContain(en.public.order.reference);
  });
});
