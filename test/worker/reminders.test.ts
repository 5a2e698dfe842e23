import { beforeEach, describe, expect, it } from "vitest";
import { en } from "@/i18n/en";
import { es } from "@/i18n/es";
import { newId } from "@/lib/ids";
import { queueDueReminders } from "@/domain/reminders/reminders";
import { createEvent, db, serviceDeps } from "./helpers";
import { readableText, sentencesIn, sentencesOf } from "./catalogue-text";

const hour = 3_600_000;

/** The last Sunday of March next year: the day the clocks go forward in Europe/London. */
function clocksChangeSunday(): Date {
  const year = new Date().getUTCFullYear() + 1;
  const day = new Date(Date.UTC(year, 2, 31));
  while (day.getUTCDay() !== 0) day.setUTCDate(day.getUTCDate() - 1);
  return day;
}

/** An event at 11:00 BST (10:00 UTC) on that Sunday; two days before, at 11:00 on the Friday, London was still on GMT. */
async function sundayEvent(fields: Record<string, unknown> = {}) {
  const sunday = clocksChangeSunday();
  const startsAt = new Date(sunday.getTime() + 10 * hour);
  return createEvent({
    startsAt,
    doorsOpenAt: new Date(startsAt.getTime() - hour / 2),
    timezone: "Europe/London",
    title: "Spring conference",
    translations: JSON.stringify({ es: { title: "Congreso de primavera" } }),
    tiers: [{ name: "Concession", eligibility: "declaration", declarationText: "I am a student", translations: JSON.stringify({ es: { name: "Tarifa reducida" } }) }],
    ...fields,
  });
}

type Event = Awaited<ReturnType<typeof sundayEvent>>;

/** A paid order with `names.length` valid tickets, paid a week before the event. */
async function paidOrder(event: Event, names: string[], extra: { language?: string; attendeeEmail?: string; orderStatus?: string; ticketStatus?: string } = {}) {
  const id = newId("ord");
  return db.order.create({
    data: {
      id,
      eventId: event.id,
      reference: `REM-${id.slice(-6).toUpperCase()}`,
      buyerName: "Ada Buyer",
      buyerEmail: `buyer-${id}@example.org`,
      status: extra.orderStatus ?? "paid",
      totalMinor: 0,
      currency: "GBP",
      language: extra.language ?? "en",
      paidAt: new Date(event.startsAt.getTime() - 7 * 24 * hour),
      tickets: {
        create: names.map((name, i) => ({
          id: newId("tkt"),
          eventId: event.id,
          ticketTypeId: event.ticketTypes[0]!.id,
          attendeeName: name,
          attendeeEmail: i === 1 ? (extra.attendeeEmail ?? null) : null,
          pricePaidMinor: 0,
          status: extra.ticketStatus ?? "valid",
          token: newId("tok"),
        })),
      },
    },
  });
}

/** The reminders queued for one event's orders. */
async function reminders(eventId: string) {
  const orders = (await db.order.findMany({ where: { eventId }, select: { id: true } })).map((o) => o.id);
  return db.outboxEmail.findMany({ where: { template: "event_reminder", orderId: { in: orders } } });
}

/** Runs the chore at `at`. */
const runAt = (at: Date) => queueDueReminders(serviceDeps(() => at));

beforeEach(async () => {
  await db.outboxEmail.deleteMany();
});

describe("reminders before the day", () => {
  it("go at 11:00 on the Friday for an 11:00 Sunday start across the clock change, once per holder however often the cron runs", async () => {
    const event = await sundayEvent();
    const order = await paidOrder(event, ["Ada Buyer", "Bo Friend"], { attendeeEmail: "bo@example.org" });
    // Friday 11:00 GMT is 11:00 UTC: 47 real hours before the start, two days on the wall clock.
    const friday = new Date(event.startsAt.getTime() - 47 * hour);
    await runAt(new Date(friday.getTime() - 30 * 60_000));
    expect(await reminders(event.id)).toHaveLength(0);
    await runAt(friday);
    const rows = await reminders(event.id);
    expect(rows.map((r) => r.recipient).sort()).toEqual(["bo@example.org", order.buyerEmail].sort());
    // Again, twice at once, and late: nothing more.
    await Promise.all([runAt(friday), runAt(new Date(friday.getTime() + 60_000))]);
    await runAt(new Date(friday.getTime() + 20 * hour));
    expect(await reminders(event.id)).toHaveLength(2);
  });

  it("says the times in the event's zone, the venue with a map link, and the proof to bring, with the QR codes again", async () => {
    const event = await sundayEvent();
    await paidOrder(event, ["Ada Buyer", "Cy Guest"]);
    const friday = new Date(event.startsAt.getTime() - 47 * hour);
    await runAt(friday);
    const [row] = await reminders(event.id);
    const email = await serviceDeps(() => friday).composeEmail(row!);
    expect(email).not.toBeNull();
    expect(email!.subject).toBe(en.reminders.email.subject({ event: "Spring conference" }));
    expect(email!.text).toContain("10:30"); // doors, in BST
    expect(email!.text).toContain("11:00 BST");
    expect(email!.text).toContain("openstreetmap.org/search?query=Test%20Hall");
    expect(email!.text).toContain(en.tickets.proofNote.declaration);
    expect(email!.attachments.filter((a) => a.contentType === "image/png")).toHaveLength(2);
    // After the start, the same row says nothing.
    expect(await serviceDeps(() => new Date(event.startsAt.getTime() + 60_000)).composeEmail(row!)).toBeNull();
  });

  it("speaks the order's language, with the organisers' Spanish texts, and no English sentence", async () => {
    const event = await sundayEvent();
    await paidOrder(event, ["Ana Compradora"], { language: "es" });
    const friday = new Date(event.startsAt.getTime() - 47 * hour);
    await runAt(friday);
    const [row] = await reminders(event.id);
    const email = (await serviceDeps(() => friday).composeEmail(row!))!;
    expect(email.subject).toBe(es.reminders.email.subject({ event: "Congreso de primavera" }));
    const text = [email.subject, readableText(email.html), email.text].join("\n");
    expect(text).toContain("Tarifa reducida");
    expect(text).toContain(es.tickets.proofNote.declaration);
    expect(sentencesIn(text, sentencesOf({ reminders: en.reminders, mail: en.mail, tickets: en.tickets } as any))).toEqual([]);
  });

  it("never go for cancelled or refunded tickets, cancelled events, an event with reminders off, or after the start", async () => {
    const event = await sundayEvent();
    await paidOrder(event, ["Cancelled"], { ticketStatus: "cancelled" });
    await paidOrder(event, ["Refunded"], { orderStatus: "refunded", ticketStatus: "cancelled" });
    await paidOrder(event, ["Unpaid"], { orderStatus: "pending", ticketStatus: "pending" });
    const friday = new Date(event.startsAt.getTime() - 47 * hour);
    await runAt(friday);
    expect(await reminders(event.id)).toHaveLength(0);

    const cancelled = await sundayEvent({ status: "cancelled" });
    await paidOrder(cancelled, ["Someone"]);
    const off = await sundayEvent({ reminderHours: null });
    await paidOrder(off, ["Someone"]);
    await runAt(friday);
    expect(await reminders(cancelled.id)).toHaveLength(0);
    expect(await reminders(off.id)).toHaveLength(0);

    const started = await sundayEvent();
    await paidOrder(started, ["Too late"]);
    await runAt(new Date(started.startsAt.getTime() + 60_000));
    expect(await reminders(started.id)).toHaveLength(0);
  });

  it("leave out a ticket cancelled after its reminder was queued", async () => {
    const event = await sundayEvent();
    const order = await paidOrder(event, ["Ada Buyer"]);
    const friday = new Date(event.startsAt.getTime() - 47 * hour);
    await runAt(friday);
    await db.ticket.updateMany({ where: { orderId: order.id }, data: { status: "cancelled" } });
    const [row] = await reminders(event.id);
    expect(await serviceDeps(() => friday).composeEmail(row!)).toBeNull();
  });

  it("follow a shorter setting in hours", async () => {
    const event = await sundayEvent({ reminderHours: 6 });
    await paidOrder(event, ["Ada Buyer"]);
    await runAt(new Date(event.startsAt.getTime() - 7 * hour));
    expect(await reminders(event.id)).toHaveLength(0);
    await runAt(new Date(event.startsAt.getTime() - 6 * hour));
    expect(await reminders(event.id)).toHaveLength(1);
  });
});
