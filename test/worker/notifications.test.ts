import { beforeAll, describe, expect, it } from "vitest";
import { en } from "@/i18n/en";
import { es } from "@/i18n/es";
import { newId } from "@/lib/ids";
import { queueDailySummaries, queueSoldOutAlerts } from "@/domain/reminders/notifications";
import { requestSignInLink } from "@/domain/staff/sign-in";
import { createEvent, db, serviceDeps } from "./helpers";
import { readableText, sentencesIn, sentencesOf } from "./catalogue-text";

const hour = 3_600_000;
const year = new Date().getUTCFullYear() + 1;
/** A winter day next year, when London is on GMT (08:00 there is 08:00 UTC). */
const at = (day: number, h: number, m = 0) => new Date(Date.UTC(year, 0, day, h, m));

const organisers = ["owner@notify.test", "organiser@notify.test"];

beforeAll(async () => {
  await db.staff.createMany({
    data: [
      { id: newId("stf"), email: organisers[0]!, name: "Olu Owner", role: "owner" },
      { id: newId("stf"), email: organisers[1]!, name: "Ola Organiser", role: "organiser", language: "es" },
      { id: newId("stf"), email: "door@notify.test", role: "door" },
      { id: newId("stf"), email: "gone@notify.test", role: "organiser", disabledAt: new Date() },
    ],
  });
});

/** The notifications of `template` queued about one event. */
async function noticesOf(eventId: string, template: "sold_out" | "daily_summary") {
  const rows = await db.outboxEmail.findMany({ where: { template } });
  return rows.filter((r) => (JSON.parse(r.data) as { eventId: string }).eventId === eventId);
}

const compose = async (row: { id: string }, now: Date) => serviceDeps(() => now).composeEmail(await db.outboxEmail.findUniqueOrThrow({ where: { id: row.id } }));

describe("the sold-out alert", () => {
  it("goes once per sell-out to each owner and organiser, and again only after places came free and filled", async () => {
    const event = await createEvent({ capacity: 2, notifySoldOut: true, endsAt: at(40, 18), startsAt: at(40, 10) });
    const deps = serviceDeps(() => at(10, 12));
    await queueSoldOutAlerts(deps);
    expect(await noticesOf(event.id, "sold_out")).toHaveLength(0);

    await db.event.update({ where: { id: event.id }, data: { soldCount: 2 } });
    await Promise.all([queueSoldOutAlerts(deps), queueSoldOutAlerts(serviceDeps(() => at(10, 12, 1)))]);
    await queueSoldOutAlerts(serviceDeps(() => at(10, 13)));
    const first = await noticesOf(event.id, "sold_out");
    expect(first.map((r) => r.recipient).sort()).toEqual([...organisers].sort());

    // A refund frees a place: no alert; selling it again is a new sell-out.
    await db.event.update({ where: { id: event.id }, data: { soldCount: 1 } });
    await queueSoldOutAlerts(serviceDeps(() => at(10, 14)));
    expect(await noticesOf(event.id, "sold_out")).toHaveLength(2);
    await db.event.update({ where: { id: event.id }, data: { soldCount: 2 } });
    await queueSoldOutAlerts(serviceDeps(() => at(10, 15)));
    expect(await noticesOf(event.id, "sold_out")).toHaveLength(4);

    // Each in their own language (the organiser's is Spanish), else the event's main language.
    const byRecipient = (email: string) => first.find((r) => r.recipient === email)!;
    expect((await compose(byRecipient(organisers[0]!), at(10, 12)))!.subject).toBe(en.reminders.soldOut.subjectEvent({ event: event.title }));
    expect((await compose(byRecipient(organisers[1]!), at(10, 12)))!.subject).toBe(es.reminders.soldOut.subjectEvent({ event: event.title }));
  });

  it("names a tier that sold out its quota, in the event's main language; none when the event did not ask", async () => {
    const event = await createEvent({
      notifySoldOut: true,
      mainLanguage: "es",
      title: "Congreso anual",
      startsAt: at(40, 10),
      endsAt: at(40, 18),
      tiers: [{ name: "Socio", quota: 1, soldCount: 1 }, { name: "General" }],
    });
    const quiet = await createEvent({ capacity: 1, soldCount: 1, startsAt: at(40, 10), endsAt: at(40, 18) });
    await queueSoldOutAlerts(serviceDeps(() => at(10, 12)));
    expect(await noticesOf(quiet.id, "sold_out")).toHaveLength(0);
    const rows = await noticesOf(event.id, "sold_out");
    expect(rows).toHaveLength(2);
    const email = (await compose(rows.find((r) => r.recipient === organisers[0])!, at(10, 12)))!;
    expect(email.subject).toBe(es.reminders.soldOut.subjectTier({ event: "Congreso anual", tier: "Socio" }));
    const text = [email.subject, readableText(email.html), email.text].join("\n");
    expect(sentencesIn(text, sentencesOf({ reminders: en.reminders, mail: en.mail } as any))).toEqual([]);
  });
});

/** A paid order of `n` valid tickets, paid at `paidAt`. */
async function paidOrder(event: Awaited<ReturnType<typeof createEvent>>, n: number, paidAt: Date, totalMinor: number) {
  const id = newId("ord");
  await db.order.create({
    data: {
      id,
      eventId: event.id,
      reference: `SUM-${id.slice(-6).toUpperCase()}`,
      buyerName: "Ada",
      buyerEmail: "ada@example.org",
      status: "paid",
      totalMinor,
      currency: "GBP",
      paidAt,
      tickets: {
        create: Array.from({ length: n }, () => ({ id: newId("tkt"), eventId: event.id, ticketTypeId: event.ticketTypes[0]!.id, attendeeName: "Ada", pricePaidMinor: totalMinor / n, status: "valid", token: newId("tok") })),
      },
    },
  });
}

describe("the daily sales summary", () => {
  it("goes once a day at 08:00 in the organisation's zone, with the tickets sold since the day before", async () => {
    const event = await createEvent({ capacity: 100, soldCount: 5, heldCount: 1, notifyDailySummary: true, startsAt: at(40, 10), endsAt: at(40, 18) });
    await paidOrder(event, 2, at(11, 7), 2000); // before yesterday's summary
    await paidOrder(event, 3, at(11, 9), 3000); // since it

    await queueDailySummaries(serviceDeps(() => at(12, 7, 59)));
    expect(await noticesOf(event.id, "daily_summary")).toHaveLength(0);
    await Promise.all([queueDailySummaries(serviceDeps(() => at(12, 8))), queueDailySummaries(serviceDeps(() => at(12, 8, 1)))]);
    await queueDailySummaries(serviceDeps(() => at(12, 17)));
    const today = await noticesOf(event.id, "daily_summary");
    expect(today.map((r) => r.recipient).sort()).toEqual([...organisers].sort());

    const email = (await compose(today.find((r) => r.recipient === organisers[0])!, at(12, 8)))!;
    expect(email.text).toContain(en.reminders.summary.sold({ sold: 5, capacity: 100 }));
    expect(email.text).toContain(en.reminders.summary.since({ count: 3 }));
    expect(email.text).toContain(en.reminders.summary.revenue({ amount: en.format.money(5000, "GBP") }));

    await queueDailySummaries(serviceDeps(() => at(13, 8, 30)));
    expect(await noticesOf(event.id, "daily_summary")).toHaveLength(4);
  });

  it("speaks the event's main language, and only it", async () => {
    const event = await createEvent({ mainLanguage: "es", title: "Congreso anual", capacity: 50, notifyDailySummary: true, startsAt: at(40, 10), endsAt: at(40, 18) });
    await queueDailySummaries(serviceDeps(() => at(20, 9)));
    const row = (await noticesOf(event.id, "daily_summary")).find((r) => r.recipient === organisers[0]);
    const email = (await compose(row!, at(20, 9)))!;
    expect(email.subject).toBe(es.reminders.summary.subject({ event: "Congreso anual", date: es.format.date(at(20, 8), "Europe/London") }));
    const text = [email.subject, readableText(email.html), email.text].join("\n");
    expect(text).toContain(es.reminders.summary.sold({ sold: 0, capacity: 50 }));
    expect(sentencesIn(text, sentencesOf({ reminders: en.reminders, mail: en.mail } as any))).toEqual([]);
  });

  it("is not sent for events that did not ask for it, or after the event", async () => {
    const quiet = await createEvent({ startsAt: at(40, 10), endsAt: at(40, 18) });
    const over = await createEvent({ notifyDailySummary: true, startsAt: at(5, 10), endsAt: at(5, 18) });
    await queueDailySummaries(serviceDeps(() => at(12, 9)));
    expect(await noticesOf(quiet.id, "daily_summary")).toHaveLength(0);
    expect(await noticesOf(over.id, "daily_summary")).toHaveLength(0);
  });
});

describe("a staff member's language", () => {
  it("is the one they last asked for a sign-in link in", async () => {
    await requestSignInLink(serviceDeps(), organisers[0]!, "notify-test", "es");
    expect((await db.staff.findUniqueOrThrow({ where: { email: organisers[0]! } })).language).toBe("es");
    await requestSignInLink(serviceDeps(), organisers[0]!, "notify-test", "en");
    expect((await db.staff.findUniqueOrThrow({ where: { email: organisers[0]! } })).language).toBe("en");
  });
});
