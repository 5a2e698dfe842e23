import { describe, expect, it } from "vitest";
import type { OutboxEmail } from "@/generated/prisma/client";
import { en } from "@/i18n/en";
import { es } from "@/i18n/es";
import { createEvent, db, serviceDeps } from "./helpers";
import { getAs, postAs, signedInAs } from "./auth-helpers";
import { readableText } from "./catalogue-text";
import { orderWith } from "./correspondence-fixtures";

/**
 * An event with two tiers and:
 * - o1: buyer b1, a Member ticket whose attendee gave their own address (a1), checked in;
 * - o2: buyer b2 (in Spanish), a Non-member ticket;
 * - o3: unpaid, buyer b3 (never a recipient);
 * - o4: buyer b1 again (one email), a Member ticket not checked in.
 */
async function scene() {
  const event = await createEvent({ tiers: [{ name: "Member", priceMinor: 800 }, { name: "Non-member", priceMinor: 1300 }, { name: "Speaker", priceMinor: 0 }] });
  const [member, other, speaker] = event.ticketTypes;
  const tag = event.id.slice(4, 10);
  const b1 = `b1-${tag}@example.org`, a1 = `a1-${tag}@example.org`, b2 = `b2-${tag}@example.org`, b3 = `b3-${tag}@example.org`;
  const o1 = await orderWith(event.id, [{ tierId: member!.id, name: "Attendee One", priceMinor: 800, email: a1, checkedIn: true }], { buyerEmail: b1 });
  const o2 = await orderWith(event.id, [{ tierId: other!.id, name: "Attendee Two", priceMinor: 1300 }], { buyerEmail: b2, language: "es" });
  const o3 = await orderWith(event.id, [{ tierId: other!.id, name: "Attendee Three", priceMinor: 1300 }], { buyerEmail: b3, status: "pending" });
  const o4 = await orderWith(event.id, [{ tierId: member!.id, name: "Attendee Four", priceMinor: 800 }], { buyerEmail: b1.toUpperCase() });
  return { event, member: member!, other: other!, speaker: speaker!, b1, a1, b2, b3, o1, o2, o3, o4 };
}

const nonce = () => `n${crypto.randomUUID().replace(/-/g, "")}`;
const form = (audience: string, extra: Record<string, string> = {}) => ({ audience, subject: "Room change", body: "We are now in **Room 2**.", nonce: nonce(), ...extra });
/** The messages queued for an event's orders. */
async function outboxOf(eventId: string) {
  const orders = await db.order.findMany({ where: { eventId }, select: { id: true } });
  return db.outboxEmail.findMany({ where: { template: "attendee_message", orderId: { in: orders.map((o) => o.id) } } });
}
const addresses = (rows: OutboxEmail[]) => rows.map((r) => r.recipient.toLowerCase()).sort();

describe("messages to attendees", () => {
  it("go to exactly the audience chosen: everyone, one tier, or those not checked in, one email per address", async () => {
    const organiser = await signedInAs("organiser");
    const s = await scene();
    const cases: Array<[string, string[]]> = [
      ["all", [s.b1, s.a1, s.b2]],
      [`tier:${s.member.id}`, [s.b1, s.a1]],
      [`tier:${s.other.id}`, [s.b2]],
      ["not_checked_in", [s.b1, s.b2]],
    ];
    for (const [audience, expected] of cases) {
      const before = new Set((await outboxOf(s.event.id)).map((r) => r.id));
      const res = await postAs(organiser, `/admin/events/${s.event.id}/messages`, form(audience));
      expect(res.status, audience).toBe(303);
      const sent = (await outboxOf(s.event.id)).filter((r) => !before.has(r.id));
      expect(addresses(sent), audience).toEqual([...expected].sort());
      expect(sent.map((r) => r.recipient.toLowerCase())).not.toContain(s.b3);
    }
    expect(await db.attendeeMessage.count({ where: { eventId: s.event.id } })).toBe(cases.length);
  });

  it("preview the message with its recipient count before anything is sent", async () => {
    const organiser = await signedInAs("organiser");
    const s = await scene();
    const res = await postAs(organiser, `/admin/events/${s.event.id}/messages/preview`, form("all"));
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(readableText(html)).toContain(en.correspondence.messages.recipientCount({ count: 3 }));
    expect(html).toContain("<strong>Room 2</strong>");
    expect(await outboxOf(s.event.id)).toEqual([]);
    expect(await db.attendeeMessage.count({ where: { eventId: s.event.id } })).toBe(0);
  });

  it("refuse an empty subject or body, or an audience with no one in it, and change nothing", async () => {
    const organiser = await signedInAs("organiser");
    const s = await scene();
    const attempts = [form("all", { subject: " ", body: "" }), form(`tier:${s.speaker.id}`), form("tier:tier_0000000000000000")];
    for (const fields of attempts) {
      for (const path of ["messages/preview", "messages"]) {
        const res = await postAs(organiser, `/admin/events/${s.event.id}/${path}`, fields);
        expect(res.status).toBe(422);
      }
    }
    const empty = readableText(await (await postAs(organiser, `/admin/events/${s.event.id}/messages`, attempts[0]!)).text());
    expect(empty).toContain(en.fields.required as string);
    const nobody = readableText(await (await postAs(organiser, `/admin/events/${s.event.id}/messages`, attempts[1]!)).text());
    expect(nobody).toContain(en.fields.no_recipients as string);
    expect(await outboxOf(s.event.id)).toEqual([]);
    expect(await db.attendeeMessage.count({ where: { eventId: s.event.id } })).toBe(0);
    expect(await db.auditEntry.count({ where: { action: "attendees_messaged", staffId: organiser.staff.id } })).toBe(0);
  });

  it("are sent once when the form is submitted twice (a double click)", async () => {
    const organiser = await signedInAs("organiser");
    const s = await scene();
    const fields = form("all");
    const [first, second] = await Promise.all([postAs(organiser, `/admin/events/${s.event.id}/messages`, fields), postAs(organiser, `/admin/events/${s.event.id}/messages`, fields)]);
    const third = await postAs(organiser, `/admin/events/${s.event.id}/messages`, fields);
    for (const res of [first, second, third]) expect(res.status).toBe(303);
    expect(third.headers.get("location")).toContain("done=repeated");
    expect(await db.attendeeMessage.count({ where: { eventId: s.event.id } })).toBe(1);
    expect(addresses(await outboxOf(s.event.id))).toEqual([s.b1, s.a1, s.b2].sort());
    expect(readableText(await (await getAs(organiser, third.headers.get("location")!)).text())).toContain(en.correspondence.messages.alreadySent({ count: 3 }));
  });

  it("reach each recipient in their order's language, the main language's version where none was written", async () => {
    const organiser = await signedInAs("organiser");
    const s = await scene();
    await postAs(organiser, `/admin/events/${s.event.id}/messages`, form("all", { "translations.es.subject": "Cambio de sala", "translations.es.body": "Ahora estamos en la **Sala 2**." }));
    const rows = await outboxOf(s.event.id);
    const deps = serviceDeps();
    const mail = async (address: string) => (await deps.composeEmail(rows.find((r) => r.recipient.toLowerCase() === address)!))!;
    const spanish = await mail(s.b2);
    expect(spanish.subject).toBe("Cambio de sala");
    expect(spanish.text).toContain("Ahora estamos en la **Sala 2**.");
    expect(spanish.html).toContain(es.correspondence.mail.footer({ event: s.event.title }));
    const english = await mail(s.b1);
    expect(english.subject).toBe("Room change");
    expect(english.html).toContain("<strong>Room 2</strong>");
    expect(english.html).toContain(en.correspondence.mail.footer({ event: s.event.title }));
    // Without a Spanish version, the Spanish buyer reads the main language's, in a Spanish email.
    await postAs(organiser, `/admin/events/${s.event.id}/messages`, form(`tier:${s.other.id}`, { subject: "Only English" }));
    const latest = (await outboxOf(s.event.id)).filter((r) => !rows.some((o) => o.id === r.id));
    const fallback = (await deps.composeEmail(latest[0]!))!;
    expect(fallback.subject).toBe("Only English");
    expect(fallback.html).toContain(es.correspondence.mail.footer({ event: s.event.title }));
  });

  it("are recorded in the audit log and in each order's history", async () => {
    const organiser = await signedInAs("organiser");
    const s = await scene();
    await postAs(organiser, `/admin/events/${s.event.id}/messages`, form("all", { subject: "Lunch is at one" }));
    const entries = await db.auditEntry.findMany({ where: { action: "attendees_messaged", staffId: organiser.staff.id } });
    expect(entries.map((e) => `${e.entity}:${e.entityId}`).sort()).toEqual([`event:${s.event.id}`, `order:${s.o1.id}`, `order:${s.o2.id}`, `order:${s.o4.id}`].sort());
    for (const order of [s.o1, s.o2]) {
      const page = readableText(await (await getAs(organiser, `/admin/orders/${order.id}`)).text());
      expect(page).toContain(en.audit.actions.attendees_messaged);
      expect(page).toContain("Lunch is at one");
    }
    const list = readableText(await (await getAs(organiser, `/admin/events/${s.event.id}/messages`)).text());
    expect(list).toContain("Lunch is at one");
  });

  it("go to every ticket holder when the event is cancelled, with the refund plan, in their language", async () => {
    const organiser = await signedInAs("organiser");
    const s = await scene();
    const res = await postAs(organiser, `/admin/events/${s.event.id}/cancel`, { confirm: "yes", refundPlan: "Every ticket will be refunded within 14 days." });
    expect(res.status).toBe(303);
    expect((await db.event.findUniqueOrThrow({ where: { id: s.event.id } })).status).toBe("cancelled");
    const rows = await outboxOf(s.event.id);
    expect(addresses(rows)).toEqual([s.b1, s.a1, s.b2].sort());
    const deps = serviceDeps();
    const spanish = (await deps.composeEmail(rows.find((r) => r.recipient === s.b2)!))!;
    expect(spanish.subject).toBe(es.correspondence.mail.cancelledSubject({ event: s.event.title }));
    expect(spanish.text).toContain("Every ticket will be refunded within 14 days.");
    const english = (await deps.composeEmail(rows.find((r) => r.recipient === s.b1 || r.recipient === s.b1.toUpperCase())!))!;
    expect(english.subject).toBe(en.correspondence.mail.cancelledSubject({ event: s.event.title }));
    expect(english.html).toContain(en.correspondence.mail.refundPlanHeading);
    expect(await db.auditEntry.count({ where: { action: "cancellation_sent", entity: "order", entityId: s.o2.id } })).toBe(1);
  });

  it("are not sent when the cancellation is refused", async () => {
    const organiser = await signedInAs("organiser");
    const s = await scene();
    await db.event.update({ where: { id: s.event.id }, data: { status: "archived" } });
    const res = await postAs(organiser, `/admin/events/${s.event.id}/cancel`, { confirm: "yes", refundPlan: "Refunds soon." });
    expect(res.status).toBe(409);
    expect(await outboxOf(s.event.id)).toEqual([]);
  });
});
