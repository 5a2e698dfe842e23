import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { newId } from "@/lib/ids";
import { eraseEventPersonalData, eraseOrderPersonalData, runRetention } from "@/domain/privacy/retention";
import { DomainError } from "@/domain/errors";
import { createEvent, db, days, serviceDeps } from "./helpers";

type Row = Record<string, unknown>;
const tables = ["Event", "Order", "Ticket", "CheckIn", "OutboxEmail", "AuditEntry"] as const;

/** Every row of every table an erasure may touch, by table and id. */
async function snapshot(): Promise<Record<string, Map<string, Row>>> {
  const out: Record<string, Map<string, Row>> = {};
  for (const table of tables) {
    const { results } = await env.DB.prepare(`SELECT * FROM "${table}"`).all<Row>();
    out[table] = new Map(results.map((r) => [String(r.id), r]));
  }
  return out;
}

/** The columns that differ, as "Table.column" per row id. */
function changes(before: Record<string, Map<string, Row>>, after: Record<string, Map<string, Row>>) {
  const found: Record<string, string[]> = {};
  for (const table of tables) {
    for (const [id, row] of after[table]!) {
      const old = before[table]!.get(id);
      const cols = old ? Object.keys(row).filter((k) => row[k] !== old[k]) : ["(new row)"];
      if (cols.length) found[`${table} ${id}`] = cols.map((c) => `${table}.${c}`).sort();
    }
  }
  return found;
}

/** A paid order of two tickets, checked in, with its emails and audit trail. */
async function paidOrder(event: Awaited<ReturnType<typeof createEvent>>, who: string) {
  const orderId = newId("ord");
  const tierId = event.ticketTypes[0]!.id;
  await db.order.create({
    data: {
      id: orderId, eventId: event.id, reference: `TST-${orderId.slice(4, 9).toUpperCase()}`, buyerName: `${who} Buyer`, buyerEmail: `${who}@example.org`,
      status: "paid", totalMinor: 2000, currency: "GBP", clientKey: "hash", paidAt: new Date(), searchText: `x\n${who} buyer\n${who}@example.org`,
    },
  });
  const ticketIds = [newId("tkt"), newId("tkt")];
  for (const [i, id] of ticketIds.entries()) {
    await db.ticket.create({
      data: {
        id, orderId, eventId: event.id, ticketTypeId: tierId, attendeeName: `${who} Attendee ${i}`, attendeeEmail: `${who}.${i}@example.org`,
        eligibilityAnswer: "I am a student", pricePaidMinor: 1000, status: "valid", token: newId("tok"), checkedInAt: new Date(), checkedInDevice: "Front door phone",
        searchText: `${who} attendee`,
      },
    });
    await db.checkIn.create({ data: { id: newId("chk"), eventId: event.id, ticketId: id, device: "Front door phone", result: "admitted", nonce: newId("non") } });
  }
  await db.outboxEmail.create({
    data: { id: newId("eml"), recipient: `${who}@example.org`, template: "order_confirmation", data: JSON.stringify({ orderId }), status: "sent", idempotencyKey: newId("idem"), orderId },
  });
  await db.outboxEmail.create({
    data: { id: newId("eml"), recipient: `${who}.1@example.org`, template: "tickets_again", data: JSON.stringify({ eventId: event.id, email: `${who}.1@example.org` }), status: "sent", idempotencyKey: newId("idem") },
  });
  await db.auditEntry.create({ data: { id: newId("aud"), action: "attendee_renamed", entity: "order", entityId: orderId, detail: JSON.stringify({ ticketId: ticketIds[0], from: "Old", to: `${who} Attendee 0` }) } });
  return { orderId, ticketIds };
}

const DAY = days(1);

/** An event that ended `ago` days before `base`, with retention `retentionDays`. */
async function endedEvent(base: number, ago: number, retentionDays = 90) {
  const endsAt = new Date(base - ago * DAY);
  return createEvent({ startsAt: new Date(endsAt.getTime() - 6 * 3600_000), endsAt, retentionDays });
}

const reminders = (eventId: string) => db.outboxEmail.findMany({ where: { template: "retention_reminder", data: { contains: eventId } } });

describe("personal data retention", () => {
  it("reminds the organisers once, a week before the erasure, with a link to the attendee list", async () => {
    const base = Date.now();
    const organiser = await db.staff.create({ data: { id: newId("stf"), email: `org-${newId("x").slice(2, 10)}@example.org`, role: "organiser" } });
    const event = await endedEvent(base, 80);
    await runRetention(serviceDeps(() => new Date(base)));
    expect(await reminders(event.id)).toHaveLength(0);

    const weekBefore = () => new Date(base + 3 * DAY);
    await runRetention(serviceDeps(weekBefore));
    await runRetention(serviceDeps(weekBefore));
    const sent = await reminders(event.id);
    expect(sent.filter((e) => e.recipient === organiser.email)).toHaveLength(1);
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).retentionRemindedAt).not.toBeNull();

    const { composeEmail } = await import("@emails/compose");
    const mail = await composeEmail(serviceDeps(weekBefore), sent[0]!);
    expect(mail?.html).toContain(`/admin/events/${event.id}/attendees.csv`);
    expect(mail?.subject).toContain(event.title);
  });

  it("erases exactly the personal fields, audits it once, and a second run changes nothing", async () => {
    const base = Date.now();
    const event = await endedEvent(base, 100);
    const other = await endedEvent(base, 10);
    const { orderId } = await paidOrder(event, "ada");
    const kept = await paidOrder(other, "bob");

    const remindAt = new Date(base);
    await runRetention(serviceDeps(() => remindAt));
    // Due already, but the organisers get their week first.
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).erasedAt).toBeNull();

    const before = await snapshot();
    const eraseAt = new Date(base + 7 * DAY);
    await runRetention(serviceDeps(() => eraseAt));
    const after = await snapshot();
    const changed = changes(before, after);

    const order = after.Order!.get(orderId)!;
    const audits = [...after.AuditEntry!.values()].filter((a) => a.entityId === event.id && a.action === "event_personal_data_erased");
    expect(audits).toHaveLength(1);
    expect(JSON.parse(String(audits[0]!.detail))).toEqual({ count: 1 });
    const expected: Record<string, string[]> = {
      [`Event ${event.id}`]: ["Event.personalDataErasedAt"],
      [`Order ${orderId}`]: ["Order.buyerEmail", "Order.buyerName", "Order.clientKey", "Order.erasedAt", "Order.searchText"],
      [`AuditEntry ${audits[0]!.id}`]: ["AuditEntry.(new row)"],
    };
    for (const t of before.Ticket!.values()) if (t.orderId === orderId) expected[`Ticket ${t.id}`] = ["Ticket.attendeeEmail", "Ticket.attendeeName", "Ticket.checkedInDevice", "Ticket.eligibilityAnswer", "Ticket.searchText"];
    for (const c of before.CheckIn!.values()) if (c.eventId === event.id) expected[`CheckIn ${c.id}`] = ["CheckIn.device"];
    for (const e of before.OutboxEmail!.values()) {
      if (e.orderId === orderId) expected[`OutboxEmail ${e.id}`] = ["OutboxEmail.recipient"];
      if (e.template === "tickets_again" && String(e.data).includes(event.id)) expected[`OutboxEmail ${e.id}`] = ["OutboxEmail.data", "OutboxEmail.recipient"];
    }
    for (const a of before.AuditEntry!.values()) if (a.entityId === orderId) expected[`AuditEntry ${a.id}`] = ["AuditEntry.detail"];
    // Other events' reminders may have been queued by the same run: only this test's rows are compared.
    const mine = Object.fromEntries(Object.entries(changed).filter(([k]) => !k.startsWith("OutboxEmail") || expected[k] || String(after.OutboxEmail!.get(k.split(" ")[1]!)?.template) !== "retention_reminder"));
    const unrelated = Object.keys(mine).filter((k) => !expected[k]);
    expect(unrelated).toEqual([]);
    for (const [k, cols] of Object.entries(expected)) expect(mine[k], k).toEqual(cols);

    expect(order).toMatchObject({ buyerName: "", buyerEmail: "", clientKey: null, status: "paid", totalMinor: 2000, searchText: String(order.reference).toLowerCase() });
    for (const t of after.Ticket!.values()) if (t.orderId === orderId) expect(t).toMatchObject({ attendeeName: "", attendeeEmail: null, eligibilityAnswer: null, checkedInDevice: null, searchText: "", status: "valid", pricePaidMinor: 1000 });
    // The other event (not due) keeps everything.
    expect(after.Order!.get(kept.orderId)).toEqual(before.Order!.get(kept.orderId));

    const again = await snapshot();
    await runRetention(serviceDeps(() => new Date(base + 8 * DAY)));
    await eraseEventPersonalData(serviceDeps(() => new Date(base + 8 * DAY)), null, event.id);
    const third = await snapshot();
    const second = changes(again, third);
    expect(Object.keys(second).filter((k) => k.includes(event.id) || k.includes(orderId))).toEqual([]);
    expect(Object.keys(second).filter((k) => k.startsWith("Order ") || k.startsWith("Ticket ") || k.startsWith("CheckIn "))).toEqual([]);
  });

  it("deletes the answers to the organisers' questions with the rest, and only the erased event's", async () => {
    const base = Date.now();
    const event = await endedEvent(base, 100);
    const other = await endedEvent(base, 10);
    const erased = await paidOrder(event, "cy");
    const kept = await paidOrder(other, "di");
    for (const orderId of [erased.orderId, kept.orderId]) {
      await db.answer.create({ data: { id: newId("ans"), questionId: newId("qst"), orderId, ticketId: null, value: "Needs step-free access" } });
    }
    await runRetention(serviceDeps(() => new Date(base)));
    await runRetention(serviceDeps(() => new Date(base + 7 * DAY)));
    expect(await db.answer.count({ where: { orderId: erased.orderId } })).toBe(0);
    expect(await db.answer.count({ where: { orderId: kept.orderId } })).toBe(1);
  });

  it("erases the names and addresses on the waiting list with the rest, and only the erased event's", async () => {
    const base = Date.now();
    const event = await endedEvent(base, 100);
    const other = await endedEvent(base, 10);
    const entry = (e: typeof event, who: string) =>
      db.waitlistEntry.create({
        data: { id: newId("wle"), eventId: e.id, ticketTypeId: e.ticketTypes[0]!.id, position: 1, name: who, email: `${who}@example.org`, places: 2, status: "expired", leaveToken: newId("tok") },
      });
    const erased = await entry(event, "ed");
    const kept = await entry(other, "fay");
    await db.outboxEmail.create({ data: { id: newId("eml"), recipient: "ed@example.org", template: "waitlist_joined", data: JSON.stringify({ entryId: erased.id }), idempotencyKey: newId("idem") } });
    await runRetention(serviceDeps(() => new Date(base)));
    await runRetention(serviceDeps(() => new Date(base + 7 * DAY)));
    expect(await db.waitlistEntry.findUniqueOrThrow({ where: { id: erased.id } })).toMatchObject({ name: "", email: erased.id, places: 2, status: "expired" });
    expect(await db.waitlistEntry.findUniqueOrThrow({ where: { id: kept.id } })).toMatchObject({ name: "fay", email: "fay@example.org" });
    expect(await db.outboxEmail.count({ where: { recipient: "ed@example.org" } })).toBe(0);
  });

  it("refuses to erase an event that has not ended", async () => {
    const event = await createEvent({});
    const { orderId } = await paidOrder(event, "cy");
    const refused = await eraseEventPersonalData(serviceDeps(), null, event.id).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ code: "conflict", params: { reason: "event_not_ended" } });
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).buyerName).toBe("cy Buyer");
  });

  it("erases one order at a person's request, leaving the rest of the event alone", async () => {
    const event = await createEvent({});
    const staff = await db.staff.create({ data: { id: newId("stf"), email: `o-${newId("x").slice(2, 10)}@example.org`, role: "organiser" } });
    const one = await paidOrder(event, "dee");
    const two = await paidOrder(event, "eve");
    const before = await snapshot();
    expect(await eraseOrderPersonalData(serviceDeps(), staff.id, one.orderId)).toBe(true);
    expect(await eraseOrderPersonalData(serviceDeps(), staff.id, one.orderId)).toBe(false);
    const after = await snapshot();
    const changed = changes(before, after);
    expect(Object.keys(changed).filter((k) => k.includes(two.orderId) || two.ticketIds.some((t) => k.includes(t)))).toEqual([]);
    expect(after.Order!.get(two.orderId)).toEqual(before.Order!.get(two.orderId));
    expect(after.Order!.get(one.orderId)).toMatchObject({ buyerName: "", buyerEmail: "" });
    expect(after.Event!.get(event.id)).toEqual(before.Event!.get(event.id));
    const audit = [...after.AuditEntry!.values()].filter((a) => a.entityId === one.orderId && a.action === "order_personal_data_erased");
    expect(audit).toHaveLength(1);
    expect(audit[0]!.staffId).toBe(staff.id);
  });

  it("refuses to erase an order still waiting for payment", async () => {
    const event = await createEvent({});
    const { orderId } = await paidOrder(event, "fay");
    await db.order.update({ where: { id: orderId }, data: { status: "pending" } });
    const refused = await eraseOrderPersonalData(serviceDeps(), newId("stf"), orderId).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "conflict", params: { reason: "order_pending" } });
  });
});
