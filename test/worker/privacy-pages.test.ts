// The privacy page in both languages, and the organisers' pages about personal data: an
// event's retention setting and a person's erasure request on the order page.
import { describe, expect, it } from "vitest";
import { en } from "@/i18n/en";
import { es } from "@/i18n/es";
import { newId } from "@/lib/ids";
import { createEvent, db, fetchWorker } from "./helpers";
import { getAs, postAs, signedInAs } from "./auth-helpers";
import { readableText, sentencesIn, sentencesOf } from "./catalogue-text";

const english = sentencesOf({ privacy: en.privacy, layout: en.layout } as any);
const spanish = sentencesOf({ privacy: es.privacy, layout: es.layout } as any);

async function paidOrder(eventId: string, tierId: string) {
  const orderId = newId("ord");
  await db.order.create({
    data: { id: orderId, eventId, reference: `PRV-${orderId.slice(4, 9).toUpperCase()}`, buyerName: "Grace Hopper", buyerEmail: "grace@example.org", status: "paid", totalMinor: 1000, currency: "GBP", paidAt: new Date() },
  });
  await db.ticket.create({ data: { id: newId("tkt"), orderId, eventId, ticketTypeId: tierId, attendeeName: "Grace Hopper", attendeeEmail: "grace@example.org", pricePaidMinor: 1000, status: "valid", token: newId("tok") } });
  return orderId;
}

describe("the privacy page", () => {
  it("says what is kept, why, for how long and whom to ask, in one language at a time", async () => {
    const inEnglish = readableText(await (await fetchWorker("/privacy?lang=en")).text());
    const inSpanish = readableText(await (await fetchWorker("/privacy?lang=es")).text());
    expect(inEnglish).toContain(en.privacy.page.howLong({ days: 90 }));
    expect(inEnglish).toContain(en.privacy.page.what[0]!);
    expect(inSpanish).toContain(es.privacy.page.howLong({ days: 90 }));
    expect(inSpanish).toContain(es.privacy.page.rights);
    expect(sentencesIn(inSpanish, english)).toEqual([]);
    expect(sentencesIn(inEnglish, spanish)).toEqual([]);
  });

  it("is linked from every page's footer and under the registration form", async () => {
    const event = await createEvent({});
    const home = await (await fetchWorker("/?lang=es")).text();
    expect(home).toContain(`href="/privacy"`);
    const form = await (await fetchWorker(`/events/${event.slug}/register?qty.${event.ticketTypes[0]!.id}=1&lang=en`)).text();
    expect(form).toContain(en.privacy.page.formLink);
  });
});

describe("personal data on the organiser pages", () => {
  it("erases one order only once its box is ticked, and the order page then says when", async () => {
    const organiser = await signedInAs("organiser");
    const event = await createEvent({});
    const orderId = await paidOrder(event.id, event.ticketTypes[0]!.id);
    const page = await (await getAs(organiser, `/admin/orders/${orderId}?lang=en`)).text();
    expect(page).toContain(`/admin/orders/${orderId}/erase`);

    const unconfirmed = await postAs(organiser, `/admin/orders/${orderId}/erase?lang=en`);
    expect(unconfirmed.status).toBe(422);
    expect(readableText(await unconfirmed.text())).toContain(en.privacy.order.confirmError);
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).buyerName).toBe("Grace Hopper");

    const done = await postAs(organiser, `/admin/orders/${orderId}/erase`, { confirm: "yes" });
    expect(done.status).toBe(303);
    const order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
    expect(order).toMatchObject({ buyerName: "", buyerEmail: "" });
    const after = readableText(await (await getAs(organiser, `/admin/orders/${orderId}?lang=es`)).text());
    expect(after).toContain("Datos personales borrados el");
    expect(after).not.toContain("Grace Hopper");
  });

  it("saves an event's retention period, and sends back a wrong one with the reason", async () => {
    const organiser = await signedInAs("organiser");
    const event = await createEvent({});
    const edit = await (await getAs(organiser, `/admin/events/${event.id}/edit?lang=en`)).text();
    expect(edit).toContain(`name="retentionDays"`);

    const wrong = await postAs(organiser, `/admin/events/${event.id}/retention?lang=en`, { retentionDays: "soon" });
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain("Enter a whole number of days");
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).retentionDays).toBe(90);

    const saved = await postAs(organiser, `/admin/events/${event.id}/retention`, { retentionDays: "30" });
    expect(saved.status).toBe(303);
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).retentionDays).toBe(30);
    const audit = await db.auditEntry.findFirst({ where: { entityId: event.id, action: "retention_set" } });
    expect(JSON.parse(audit!.detail)).toEqual({ from: 90, to: 30 });
  });

  it("does not let door staff erase or change retention", async () => {
    const door = await signedInAs("door");
    const event = await createEvent({});
    const orderId = await paidOrder(event.id, event.ticketTypes[0]!.id);
    expect((await postAs(door, `/admin/orders/${orderId}/erase`, { confirm: "yes" })).status).toBe(403);
    expect((await postAs(door, `/admin/events/${event.id}/retention`, { retentionDays: "1" })).status).toBe(403);
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).buyerName).toBe("Grace Hopper");
  });
});
