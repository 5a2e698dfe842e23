import { describe, expect, it } from "vitest";
import { en } from "@/i18n/en";
import { es } from "@/i18n/es";
import { newId } from "@/lib/ids";
import { qrPng } from "@/domain/tickets/qr";
import { SAMPLE_TICKET_CODE, sampleShortCode } from "@/domain/reminders/preview";
import { createEvent, db, serviceDeps } from "./helpers";
import { getAs, postAs, signedInAs } from "./auth-helpers";
import { nonce, scan } from "./door-helpers";
import { readableText, sentencesIn, sentencesOf } from "./catalogue-text";

const hour = 3_600_000;

/** An event with a Spanish version, a declaration tier, and one real paid ticket holder. */
async function eventWithHolder() {
  const startsAt = new Date(Date.now() + 30 * 24 * hour);
  const event = await createEvent({
    startsAt,
    doorsOpenAt: new Date(startsAt.getTime() - hour / 2),
    timezone: "Europe/London",
    title: "Preview conference",
    translations: JSON.stringify({ es: { title: "Congreso de vista previa" } }),
    reminderHours: 48,
    tiers: [{ name: "Concession", eligibility: "declaration", declarationText: "I am a student", translations: JSON.stringify({ es: { name: "Tarifa reducida" } }) }],
  });
  const orderId = newId("ord");
  const token = newId("tok");
  await db.order.create({
    data: {
      id: orderId,
      eventId: event.id,
      reference: `PRV-${orderId.slice(-5).toUpperCase()}`,
      buyerName: "Real Buyer Person",
      buyerEmail: `real-buyer-${orderId}@example.org`,
      status: "paid",
      totalMinor: 0,
      currency: "GBP",
      paidAt: new Date(),
      tickets: { create: [{ id: newId("tkt"), eventId: event.id, ticketTypeId: event.ticketTypes[0]!.id, attendeeName: "Real Attendee Person", pricePaidMinor: 0, status: "valid", token }] },
    },
  });
  return { event, token, orderId };
}

const previews = (eventId: string) => db.outboxEmail.findMany({ where: { template: "reminder_preview", data: { contains: eventId } } });
const audits = (eventId: string) => db.auditEntry.findMany({ where: { action: "reminder_preview_sent", entityId: eventId } });

describe("an organiser's preview of the reminder", () => {
  it("queues one reminder to the staff member, marked as a preview, with a sample ticket and nothing of a real holder's", async () => {
    const { event, token, orderId } = await eventWithHolder();
    const organiser = await signedInAs("organiser");
    const edit = await (await getAs(organiser, `/admin/events/${event.id}/edit`)).text();
    expect(edit).toContain(`action="/admin/events/${event.id}/reminder-preview"`);
    expect(edit).toContain(en.reminders.preview.button);

    const res = await postAs(organiser, `/admin/events/${event.id}/reminder-preview`);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/admin/events/${event.id}/edit?done=reminder-preview`);
    const after = await (await getAs(organiser, res.headers.get("location")!)).text();
    expect(after).toContain(en.reminders.preview.sent({ email: organiser.staff.email }));

    const rows = await previews(event.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.recipient).toBe(organiser.staff.email);
    expect(rows[0]!.orderId).toBeNull();
    const email = (await serviceDeps().composeEmail(rows[0]!))!;
    expect(email.to).toBe(organiser.staff.email);
    expect(email.subject).toBe(en.reminders.preview.subject({ subject: en.reminders.email.subject({ event: "Preview conference" }) }));
    expect(email.html).toContain(`<title>${email.subject}</title>`);
    const text = [email.subject, email.html, email.text].join("\n");
    // The real reminder's parts: times in the event's zone, the venue with its map, the proof to bring.
    expect(email.text).toContain(en.reminders.preview.note({ hours: 48 }));
    expect(email.text).toMatch(/\d{1,2}:\d{2}/);
    expect(email.text).toContain("Test Hall, 1 Test Street, London");
    expect(email.text).toContain("openstreetmap.org/search?query=Test%20Hall");
    expect(email.text).toContain(en.tickets.proofNote.declaration);
    expect(email.text).toContain(en.reminders.preview.sampleName);
    expect(email.text).toContain(sampleShortCode(event.referencePrefix));
    // Nothing of the real holder: no name, address, order, token or signed code.
    for (const secret of ["Real Attendee Person", "Real Buyer Person", `real-buyer-${orderId}`, orderId, token]) expect(text).not.toContain(secret);
    const pngs = email.attachments.filter((a) => a.contentType === "image/png");
    expect(pngs).toHaveLength(1);
    expect(email.html).toContain(`cid:${pngs[0]!.contentId}`);
    expect(Buffer.from(pngs[0]!.content as Uint8Array).equals(Buffer.from(await qrPng(SAMPLE_TICKET_CODE)))).toBe(true);
  });

  it("has a sample QR and typed code that the door refuses", async () => {
    const { event } = await eventWithHolder();
    const door = await signedInAs("door", { events: [event.id] });
    for (const code of [SAMPLE_TICKET_CODE, sampleShortCode(event.referencePrefix)]) {
      const res = await scan(door, { event: event.slug, code, nonce: nonce(), device: "preview check" });
      const body = res.status === 200 ? ((await res.json()) as { result: string }) : { result: `http ${res.status}` };
      expect(body.result, code).not.toBe("admitted");
    }
    expect(await db.checkIn.count({ where: { result: "admitted", ticket: { eventId: event.id } } })).toBe(0);
  });

  it("speaks the language the staff member reads the page in", async () => {
    const { event } = await eventWithHolder();
    const organiser = await signedInAs("organiser");
    const res = await postAs(organiser, `/admin/events/${event.id}/reminder-preview?lang=es`);
    expect(res.status).toBe(303);
    const notice = await (await getAs(organiser, `${res.headers.get("location")}&lang=es`)).text();
    expect(notice).toContain(es.reminders.preview.sent({ email: organiser.staff.email }));
    const [row] = await previews(event.id);
    const email = (await serviceDeps().composeEmail(row!))!;
    expect(email.subject).toBe(es.reminders.preview.subject({ subject: es.reminders.email.subject({ event: "Congreso de vista previa" }) }));
    const text = [email.subject, readableText(email.html), email.text].join("\n");
    expect(text).toContain("Tarifa reducida");
    expect(text).toContain(es.reminders.preview.sampleName);
    expect(sentencesIn(text, sentencesOf({ reminders: en.reminders, mail: en.mail, tickets: en.tickets } as any))).toEqual([]);
  });

  it("sends once when pressed twice quickly, and is audited once", async () => {
    const { event } = await eventWithHolder();
    const organiser = await signedInAs("owner");
    const presses = await Promise.all([1, 2].map(() => postAs(organiser, `/admin/events/${event.id}/reminder-preview`)));
    expect(presses.map((r) => r.status)).toEqual([303, 303]);
    expect((await postAs(organiser, `/admin/events/${event.id}/reminder-preview`)).status).toBe(303);
    expect(await previews(event.id)).toHaveLength(1);
    const entries = await audits(event.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.staffId).toBe(organiser.staff.id);
    expect(entries[0]!.entity).toBe("event");
    expect(JSON.parse(entries[0]!.detail)).toMatchObject({ email: organiser.staff.email });
    // Another organiser's press is their own preview.
    const other = await signedInAs("organiser");
    expect((await postAs(other, `/admin/events/${event.id}/reminder-preview`)).status).toBe(303);
    expect((await previews(event.id)).map((r) => r.recipient).sort()).toEqual([organiser.staff.email, other.staff.email].sort());
  });

  it("is refused to door staff and to a form without its CSRF token, sending nothing", async () => {
    const { event } = await eventWithHolder();
    const door = await signedInAs("door", { events: [event.id] });
    expect((await postAs(door, `/admin/events/${event.id}/reminder-preview`)).status).toBe(403);
    const organiser = await signedInAs("organiser");
    expect((await postAs(organiser, `/admin/events/${event.id}/reminder-preview`, { _csrf: "wrong" })).status).toBe(403);
    expect(await previews(event.id)).toHaveLength(0);
    expect(await audits(event.id)).toHaveLength(0);
  });
});
