import { describe, expect, it } from "vitest";
import { composeEmail } from "@emails/compose";
import { cancelTicket } from "@/domain/orders/admin-actions";
import { findEntry } from "@/domain/waitlist/repo";
import { joinWaitlist, leaveWaitlist } from "@/domain/waitlist/waitlist";
import { sendDueEmails } from "@/domain/mail/sender";
import { messagesFor } from "@/i18n";
import { env } from "cloudflare:workers";
import { createEvent, db, serviceDeps } from "./helpers";
import { paidThroughEmulator } from "./stripe-fixtures";

const origin = "http://example.test";
const zone = "America/New_York";

/** A sold-out event (capacity 2, both sold) in New York, written in English with a Spanish version, and its paid order. */
async function soldOut() {
  const event = await createEvent({
    capacity: 2,
    timezone: zone,
    title: "Winter reading night",
    translations: JSON.stringify({ es: { title: "Noche de lectura de invierno" } }),
    tiers: [{ name: "Standard", priceMinor: 1000, translations: JSON.stringify({ es: { name: "General" } }) }],
  });
  const tier = event.ticketTypes[0]!;
  const order = await paidThroughEmulator(event.slug, tier.id, 2);
  const tickets = await db.ticket.findMany({ where: { orderId: order.id }, orderBy: { createdAt: "asc" } });
  return { event, tier, tickets };
}

/** The email an outbox row of `template` to `email` composes to now (null: dropped). */
async function composed(template: string, email: string) {
  const row = await db.outboxEmail.findFirstOrThrow({ where: { template, recipient: email }, orderBy: { createdAt: "desc" } });
  return { row, mail: await composeEmail(serviceDeps(), row) };
}

describe("the waiting list's confirmation email", () => {
  it("says what they wait for, their place in the queue, how offers work, and links to leave, in English", async () => {
    const { event, tier } = await soldOut();
    const deps = serviceDeps();
    await joinWaitlist(deps, event.slug, { tier: tier.id, name: "Grace Hopper", email: "grace@example.org", places: 2 }, "en");
    const { entry } = await joinWaitlist(deps, event.slug, { tier: tier.id, name: "Alan Turing", email: "alan@example.org", places: 1 }, "en");
    const { mail } = await composed("waitlist_joined", "alan@example.org");
    expect(mail!.to).toBe("alan@example.org");
    expect(mail!.subject).toBe("You are on the waiting list for Winter reading night");
    expect(mail!.text).toContain("Hello Alan Turing,");
    expect(mail!.text).toContain("You are waiting for 1 place at Winter reading night, as Standard.");
    expect(mail!.text).toContain("You are number 2 in the queue for these tickets.");
    expect(mail!.text).toContain("When places come free we email you an offer, held for you for 48 hours.");
    const leave = `${origin}/waitlist/leave/${entry.leaveToken}`;
    expect(mail!.text).toContain(`Leave the waiting list: ${leave}`);
    expect(mail!.html).toContain(`href="${leave}"`);
    expect(mail!.html).toContain('lang="en-GB"');
    const first = await composed("waitlist_joined", "grace@example.org");
    expect(first.mail!.text).toContain("You are waiting for 2 places at Winter reading night, as Standard.");
    expect(first.mail!.text).toContain("You are first in the queue for these tickets.");
  });

  it("speaks the language the person joined in, with the organisers' Spanish texts", async () => {
    const { event, tier } = await soldOut();
    const { entry } = await joinWaitlist(serviceDeps(), event.slug, { tier: tier.id, name: "Ana", email: "ana@example.org", places: 2 }, "es");
    const { mail } = await composed("waitlist_joined", "ana@example.org");
    expect(mail!.subject).toBe("Estás en la lista de espera de Noche de lectura de invierno");
    expect(mail!.text).toContain("Esperas 2 lugares en Noche de lectura de invierno, como General.");
    expect(mail!.text).toContain("Eres la primera persona en la fila para estas entradas.");
    expect(mail!.text).toContain(`Salir de la lista de espera: ${origin}/waitlist/leave/${entry.leaveToken}`);
    expect(mail!.html).toContain('lang="es"');
  });
});

describe("the offer email", () => {
  it("offers the freed places with the offer link and the deadline in the event's zone, and a link to let them go", async () => {
    const { event, tier, tickets } = await soldOut();
    const deps = serviceDeps();
    await joinWaitlist(deps, event.slug, { tier: tier.id, name: "Grace Hopper", email: "grace@example.org", places: 1 }, "en");
    await cancelTicket(deps, { staffId: null }, tickets[0]!.id);
    const { row, mail } = await composed("waitlist_offer", "grace@example.org");
    const entry = (await findEntry(env.DB, JSON.parse(row.data).entryId))!;
    expect(entry.status).toBe("offered");
    expect(mail!.subject).toBe("Places are free for you at Winter reading night");
    expect(mail!.text).toContain("1 place has come free at Winter reading night, as Standard, and it is held for you.");
    const deadline = messagesFor("en").format.dateTime(entry.offerExpiresAt!, zone);
    expect(deadline).not.toBe(messagesFor("en").format.dateTime(entry.offerExpiresAt!, "Europe/London"));
    expect(mail!.text).toContain(`Register by ${deadline} to take them.`);
    const offer = `${origin}/waitlist/offers/${entry.offerToken}`;
    expect(mail!.text).toContain(`Register now: ${offer}`);
    expect(mail!.html).toContain(`href="${offer}"`);
    expect(mail!.text).toContain(`Leave the waiting list: ${origin}/waitlist/leave/${entry.leaveToken}`);
  });

  it("in Spanish, with the deadline written the Spanish way", async () => {
    const { event, tier, tickets } = await soldOut();
    const deps = serviceDeps();
    await joinWaitlist(deps, event.slug, { tier: tier.id, name: "Ana", email: "ana@example.org", places: 1 }, "es");
    await cancelTicket(deps, { staffId: null }, tickets[0]!.id);
    const { row, mail } = await composed("waitlist_offer", "ana@example.org");
    const entry = (await findEntry(env.DB, JSON.parse(row.data).entryId))!;
    expect(mail!.subject).toBe("Hay lugares libres para ti en Noche de lectura de invierno");
    expect(mail!.text).toContain(`Tienes hasta el ${messagesFor("es").format.dateTime(entry.offerExpiresAt!, zone)} para inscribirte y tomarlos.`);
    expect(mail!.text).toContain(`Inscribirme ahora: ${origin}/waitlist/offers/${entry.offerToken}`);
  });

  it("is dropped once the offer is no longer open, and so is a confirmation once the person left", async () => {
    const { event, tier, tickets } = await soldOut();
    const deps = serviceDeps();
    const { entry } = await joinWaitlist(deps, event.slug, { tier: tier.id, name: "Gone Away", email: "gone@example.org", places: 1 }, "en");
    await cancelTicket(deps, { staffId: null }, tickets[0]!.id);
    expect((await composed("waitlist_offer", "gone@example.org")).mail).not.toBeNull();
    await leaveWaitlist(deps, entry.leaveToken);
    expect((await findEntry(env.DB, entry.id))!.status).toBe("left");
    const { row, mail } = await composed("waitlist_offer", "gone@example.org");
    expect(mail).toBeNull();
    expect((await composed("waitlist_joined", "gone@example.org")).mail).toBeNull();
    // The outbox marks it skipped rather than sending it.
    const sent: string[] = [];
    await sendDueEmails(deps, { kind: "dev_mailbox", send: async (email) => (sent.push(email.to), { ok: true, providerId: "test" }) }, { limit: 100 });
    expect(sent).not.toContain("gone@example.org");
    expect((await db.outboxEmail.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("skipped");
  });
});
