// The dashboard's pictures read the same numbers as its table: tickets sold, money taken and
// arrivals, per day in the event's timezone and per ten minutes around the start.
import { describe, expect, it } from "vitest";
import { zonedTimeToUtc } from "@/lib/zoned-time";
import { placeOrder } from "@/domain/orders/place-order";
import { fulfilOrder } from "@/domain/orders/settle";
import { eventDashboard } from "@/domain/orders/admin-queries";
import { eventInsights } from "@/domain/insights/insights";
import { en } from "@/i18n/en";
import { es } from "@/i18n/es";
import { createEvent, db, serviceDeps } from "./helpers";
import { getAs, signedInAs } from "./auth-helpers";
import { readableText } from "./catalogue-text";

const zone = "Europe/London";

async function soldEvent() {
  const event = await createEvent({
    timezone: zone,
    startsAt: zonedTimeToUtc("2027-07-10T11:00", zone),
    endsAt: zonedTimeToUtc("2027-07-10T17:00", zone),
    capacity: 50,
    tiers: [{ name: "Member", priceMinor: 800 }, { name: "Non-member", priceMinor: 1300 }],
  });
  const [member, open] = event.ticketTypes;
  const sell = async (at: string, tier: string, n: number) => {
    const deps = serviceDeps(() => zonedTimeToUtc(at, zone));
    const tickets = Array.from({ length: n }, (_, i) => ({ tier, name: `Guest ${i}` }));
    const order = await placeOrder(deps, event.slug, { buyer: { name: "Buyer", email: `b${Math.random().toString(36).slice(2, 8)}@example.org` }, tickets });
    await fulfilOrder(deps, order.id, { paymentIntentId: `pi_test_${order.id.slice(4)}` });
    return order;
  };
  await sell("2027-06-01T09:00", member!.id, 2);
  await sell("2027-06-01T18:00", open!.id, 1);
  // 00:30 in London on 3 June is still 2 June in UTC: it counts on the 3rd.
  const late = await sell("2027-06-03T00:30", open!.id, 3);
  const tickets = await db.ticket.findMany({ where: { orderId: late.id } });
  await db.ticket.update({ where: { id: tickets[0]!.id }, data: { checkedInAt: zonedTimeToUtc("2027-07-10T10:35", zone) } });
  await db.ticket.update({ where: { id: tickets[1]!.id }, data: { checkedInAt: zonedTimeToUtc("2027-07-10T11:05", zone) } });
  return event;
}

describe("the dashboard's pictures", () => {
  it("count per day in the event's timezone, and end where the table's totals are", async () => {
    const event = await soldEvent();
    const deps = serviceDeps();
    const table = await eventDashboard(deps, event.id);
    const pictures = await eventInsights(deps, table.event);
    expect(pictures.days.map((d) => [d.day, d.tickets, d.ticketsToDate])).toEqual([
      ["2027-06-01", 3, 3],
      ["2027-06-03", 3, 6],
    ]);
    expect(pictures.totals.tickets).toBe(table.event.soldCount);
    expect(pictures.days.at(-1)!.ticketsToDate).toBe(table.event.soldCount);
    expect(pictures.totals.revenueMinor).toBe(table.revenue.grossMinor);
    expect(pictures.days.at(-1)!.revenueToDate).toBe(table.revenue.grossMinor);
    expect(pictures.totals.arrived).toBe(table.checkIns.checkedIn);
    // Arrivals: one in the slot 30 minutes before the start, one just after it, the empty ones between.
    expect(pictures.arrivals.map((s) => [s.minutesFromStart, s.count])).toEqual([[-30, 1], [-20, 0], [-10, 0], [0, 1]]);
  });

  it("are drawn on the dashboard with a text alternative and their numbers, in the reader's language", async () => {
    const event = await soldEvent();
    const organiser = await signedInAs("organiser");
    const html = await (await getAs(organiser, `/admin/events/${event.id}?lang=es`)).text();
    expect(html.match(/<svg role="img" aria-labelledby="chart-[a-z]+-title chart-[a-z]+-desc"/g)).toHaveLength(4);
    const text = readableText(html);
    expect(text).toContain(es.insights.sold.summary({ sold: 6, capacity: 50, days: 2 }));
    expect(text).toContain(es.insights.tiers.title);
    expect(text).toContain(es.insights.arrivals.summary({ arrived: 2, expected: 6, start: `${es.format.time(event.startsAt, zone)} ${es.format.zone(event.startsAt, zone)}` }));
    expect(text).not.toContain(en.insights.showNumbers);
    expect(html).toContain(">Capacidad 50<");
  });
});
