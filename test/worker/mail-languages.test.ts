import { beforeEach, describe, expect, it } from "vitest";
import type { OutboxEmail } from "@/generated/prisma/client";
import { en } from "@/i18n/en";
import { es } from "@/i18n/es";
import { newId } from "@/lib/ids";
import { db, fetchWorker, serviceDeps } from "./helpers";
import { signedInAs } from "./auth-helpers";
import { bilingualEvent, type BilingualEvent } from "./bilingual-event";
import { readableText, sentencesIn, sentencesOf } from "./catalogue-text";

const origin = "http://example.test";
const englishMail = sentencesOf({ mail: en.mail, tickets: en.tickets, ics: en.ics } as any);


type Event = BilingualEvent;

async function orderThroughApi(event: Event, body: Record<string, unknown>, language = "es") {
  const res = await fetchWorker(`/api/v1/events/${event.slug}/orders`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", "accept-language": language },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

const buyer = { name: "Ada Buyer", email: "ada@example.org" };

async function rowsOf(orderId: string) {
  return db.outboxEmail.findMany({ where: { orderId }, orderBy: { template: "asc" } });
}

async function compose(row: OutboxEmail) {
  const email = await serviceDeps().composeEmail(row);
  expect(email).not.toBeNull();
  return email!;
}

/** A message's subject, body and text part, and the calendar file, as one text to search. */
const everything = (email: Awaited<ReturnType<typeof compose>>) =>
  [email.subject, readableText(email.html), email.text, ...email.attachments.filter((a) => typeof a.content === "string").map((a) => String(a.content))].join("\n");

beforeEach(async () => {
  await db.outboxEmail.deleteMany();
});

describe("an order remembers its buyer's language", () => {
  it("from the API's Accept-Language, and from the form's ?lang=", async () => {
    const event = await bilingualEvent();
    const api = await orderThroughApi(event, { buyer, tickets: [{ tier: event.ticketTypes[0]!.id, name: "Ada Buyer" }] });
    expect(api.status).toBe(201);
    expect((await db.order.findUniqueOrThrow({ where: { id: api.body.order.id } })).language).toBe("es");

    const res = await fetchWorker(`/events/${event.slug}/register?lang=es`, {
      method: "POST",
      headers: { origin, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ "buyer.name": "Bea Buyer", "buyer.email": "bea@example.org", "tickets.0.tier": event.ticketTypes[0]!.id, "tickets.0.name": "Bea Buyer" }),
      redirect: "manual",
    });
    expect(res.status).toBe(303);
    const orderId = /\/orders\/([^/]+)\//.exec(res.headers.get("location") ?? "")![1]!;
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).language).toBe("es");

    const english = await orderThroughApi(event, { buyer, tickets: [{ tier: event.ticketTypes[0]!.id, name: "Cy" }] }, "en-GB,en;q=0.9");
    expect((await db.order.findUniqueOrThrow({ where: { id: english.body.order.id } })).language).toBe("en");
  });

  it("takes an explicit language in the API body over the header, and refuses one we do not speak", async () => {
    const event = await bilingualEvent();
    const tier = event.ticketTypes[0]!.id;
    const chosen = await orderThroughApi(event, { buyer, language: "en", tickets: [{ tier, name: "Ada Buyer" }, { tier, name: "Bo", language: "es" }] }, "es");
    expect(chosen.status).toBe(201);
    expect((await db.order.findUniqueOrThrow({ where: { id: chosen.body.order.id } })).language).toBe("en");
    const tickets = await db.ticket.findMany({ where: { orderId: chosen.body.order.id }, orderBy: { createdAt: "asc" } });
    expect(tickets.map((t) => t.language).sort()).toEqual(["es", null].sort());

    const unknown = await orderThroughApi(event, { buyer, language: "xx", tickets: [{ tier, name: "Ada Buyer", language: "tlh" }] });
    expect(unknown.status).toBe(422);
    expect(Object.keys(unknown.body.error?.fields ?? unknown.body.fields ?? {})).toEqual(expect.arrayContaining(["language", "tickets.0.language"]));
  });
});

describe("the registration form's language for another attendee's ticket email", () => {
  it("is offered for attendees other than the buyer, in the reader's language, and stored on their ticket", async () => {
    const event = await bilingualEvent();
    const tier = event.ticketTypes[0]!.id;
    const html = await (await fetchWorker(`/events/${event.slug}/register?lang=es&qty.${tier}=2`)).text();
    expect(html).not.toContain('name="tickets.0.language"');
    expect(html).toContain('<select id="tickets-1-language" name="tickets.1.language"');
    expect(html).toContain(es.public.attendeeLanguage.label);
    expect(html).toContain(`<option value="en" lang="en-GB">English</option>`);

    const res = await fetchWorker(`/events/${event.slug}/register?lang=es`, {
      method: "POST",
      headers: { origin, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        "buyer.name": "Bea Buyer",
        "buyer.email": "bea@example.org",
        "tickets.0.tier": tier,
        "tickets.0.name": "Bea Buyer",
        "tickets.1.tier": tier,
        "tickets.1.name": "Bob Guest",
        "tickets.1.email": "bob@example.org",
        "tickets.1.language": "en",
      }),
      redirect: "manual",
    });
    expect(res.status).toBe(303);
    const orderId = /\/orders\/([^/]+)\//.exec(res.headers.get("location") ?? "")![1]!;
    const tickets = await db.ticket.findMany({ where: { orderId }, orderBy: { attendeeName: "asc" } });
    expect(tickets.map((t) => [t.attendeeName, t.language])).toEqual([["Bea Buyer", null], ["Bob Guest", "en"]]);
    const rows = await rowsOf(orderId);
    expect((await compose(rows.find((r) => r.template === "attendee_ticket")!)).html).toContain('<html lang="en-GB">');
  });
});

describe("emails speak their recipient's language", () => {
  it("sends a Spanish order's tickets in Spanish: the catalogue, the date, the organisers' Spanish texts", async () => {
    const event = await bilingualEvent();
    const placed = await orderThroughApi(event, { buyer, tickets: [{ tier: event.ticketTypes[0]!.id, name: "Ada Buyer" }] });
    const [row] = await rowsOf(placed.body.order.id);
    expect(row!.template).toBe("order_confirmation");
    const email = await compose(row!);
    expect(email.html).toContain('<html lang="es">');
    const date = es.format.date(event.startsAt, event.timezone);
    expect(date).toContain("de enero de");
    expect(email.text).toContain(date);
    expect(readableText(email.html)).toContain(date);
    expect(email.subject).toContain("Noche de lectura de invierno");
    expect(email.text).toContain("General");
    expect(email.text).toContain("Salón de pruebas");
    expect(everything(email)).not.toContain("Winter reading night");
    const ics = email.attachments.find((a) => a.filename === "event.ics")!.content as string;
    expect(ics).toContain("SUMMARY:Noche de lectura de invierno");
  });

  it("says none of the English mail sentences in a Spanish ticket email (once es.ts's mail sections are translated)", async () => {
    const event = await bilingualEvent();
    const placed = await orderThroughApi(event, { buyer, tickets: [{ tier: event.ticketTypes[0]!.id, name: "Ada Buyer" }] });
    const email = await compose((await rowsOf(placed.body.order.id))[0]!);
    expect(email.subject).toBe(es.mail.ticketsSubject({ event: "Noche de lectura de invierno" }));
    expect(sentencesIn(everything(email), englishMail)).toEqual([]);
  });

  it("sends an attendee who chose English their own ticket in English, inside a Spanish order", async () => {
    const event = await bilingualEvent();
    const tier = event.ticketTypes[0]!.id;
    const placed = await orderThroughApi(event, { buyer, tickets: [{ tier, name: "Ada Buyer" }, { tier, name: "Bob Guest", email: "bob@example.org", language: "en" }] });
    const rows = await rowsOf(placed.body.order.id);
    expect(rows.map((r) => r.template)).toEqual(["attendee_ticket", "order_confirmation"]);
    const [attendee, buyerEmail] = [await compose(rows[0]!), await compose(rows[1]!)];
    expect(attendee.html).toContain('<html lang="en-GB">');
    expect(attendee.text).toContain(en.format.date(event.startsAt, event.timezone));
    expect(attendee.subject).toBe(en.mail.ticketsSubject({ event: "Winter reading night" }));
    expect(attendee.text).toContain("Standard");
    expect(buyerEmail.html).toContain('<html lang="es">');
    expect(buyerEmail.text).toContain(es.format.date(event.startsAt, event.timezone));
  });

  it("sends a refund notice in the order's language, its amount in that language's format", async () => {
    const event = await bilingualEvent();
    const placed = await orderThroughApi(event, { buyer, tickets: [{ tier: event.ticketTypes[0]!.id, name: "Ada Buyer" }] });
    const orderId = placed.body.order.id as string;
    const row = await db.outboxEmail.create({
      data: { id: newId("eml"), recipient: buyer.email, template: "refund_issued", data: JSON.stringify({ orderId, amountMinor: 1250 }), status: "pending", attempts: 0, nextAttemptAt: new Date(), idempotencyKey: `test-refund-${orderId}`, orderId },
    });
    const email = await compose(row);
    expect(email.html).toContain('<html lang="es">');
    expect(email.subject).toBe(es.mail.refunded.subject({ event: "Noche de lectura de invierno" }));
    expect(email.text).toContain(es.mail.refunded.body({ amount: { minor: 1250, currency: event.currency }, reference: placed.body.order.reference }));

    await db.order.update({ where: { id: orderId }, data: { language: "en" } });
    const english = await compose(row);
    expect(english.html).toContain('<html lang="en-GB">');
    expect(english.subject).toBe(en.mail.refunded.subject({ event: "Winter reading night" }));
  });

  it("sends tickets again in the language of the order they are in: the buyer's, or an attendee's own", async () => {
    const event = await bilingualEvent();
    const tier = event.ticketTypes[0]!.id;
    await orderThroughApi(event, { buyer, tickets: [{ tier, name: "Ada Buyer" }, { tier, name: "Bob Guest", email: "bob@example.org", language: "en" }] });
    const again = (email: string) => ({ id: "eml_again", recipient: email, template: "tickets_again", data: JSON.stringify({ eventId: event.id, email }) }) as OutboxEmail;
    expect((await compose(again(buyer.email))).html).toContain('<html lang="es">');
    const bob = await compose(again("bob@example.org"));
    expect(bob.html).toContain('<html lang="en-GB">');
    expect(bob.subject).toBe(en.mail.ticketsSubject({ event: "Winter reading night" }));
  });

  it("sends a sign-in link in the language it was asked in", async () => {
    const row = (language?: string) =>
      ({ id: "eml_x", recipient: "staff@example.org", template: "sign_in_link", data: JSON.stringify({ url: `${origin}/admin/sign-in/x`, name: "Sam", minutes: 15, ...(language ? { language } : {}) }) }) as OutboxEmail;
    expect((await compose(row("es"))).html).toContain('<html lang="es">');
    expect((await compose(row())).html).toContain('<html lang="en-GB">');

    const { staff } = await signedInAs("organiser");
    const asked = await fetchWorker("/admin/sign-in?lang=es", {
      method: "POST",
      headers: { origin, "content-type": "application/x-www-form-urlencoded", "cf-connecting-ip": "192.0.2.77" },
      body: new URLSearchParams({ email: staff.email }),
    });
    expect(asked.status).toBe(200);
    const queued = await db.outboxEmail.findFirstOrThrow({ where: { recipient: staff.email, template: "sign_in_link" } });
    expect(JSON.parse(queued.data)).toMatchObject({ language: "es" });
    expect((await compose(queued)).html).toContain('<html lang="es">');
  });
});

describe("payment opens in the buyer's language", () => {
  it("opens Stripe Checkout with locale es, and the offline checkout page speaks Spanish", async () => {
    const event = await bilingualEvent(1000);
    const placed = await orderThroughApi(event, { buyer, tickets: [{ tier: event.ticketTypes[0]!.id, name: "Ada Buyer" }] });
    expect(placed.status).toBe(201);
    const pay = await fetchWorker(new URL(placed.body.checkoutUrl).pathname, { redirect: "manual" });
    expect(pay.status).toBe(303);
    const checkout = new URL(pay.headers.get("location")!);
    const order = await db.order.findUniqueOrThrow({ where: { id: placed.body.order.id } });
    const session = await serviceDeps().stripe.checkout.sessions.retrieve(order.stripeSessionId!);
    expect(session.locale).toBe("es");
    expect(session.metadata).toMatchObject({ orderId: order.id });

    const html = await (await fetchWorker(checkout.pathname)).text();
    expect(html).toContain('<html lang="es">');
    expect(html).toContain("Pago de prueba sin conexión");
    expect(html).toContain("Noche de lectura de invierno: General");
    expect(html).not.toContain("Offline test checkout");
    expect(html).not.toContain("Card number");

    const refused = await fetchWorker(checkout.pathname, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ card_number: "4000 0000 0000 0002", expiry: "12 / 40", cvc: "123", name: "Ada Buyer" }),
    });
    expect(refused.status).toBe(402);
    expect(await refused.text()).toContain("Tu tarjeta fue rechazada.");
  });
});
