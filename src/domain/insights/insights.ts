// The dashboard's pictures as numbers: tickets and money per day in the event's timezone
// (each day with its running total), and arrivals per ten minutes around the start.
import type { ServiceDeps } from "@/domain/deps";
import { findInsightRows } from "@/domain/insights/repo";
import { localDate } from "@/lib/zoned-time";

export type SalesDay = { day: string; at: Date; tickets: number; ticketsToDate: number; revenueMinor: number; revenueToDate: number };
export type ArrivalSlot = { minutesFromStart: number; at: Date; count: number };
export type Insights = { days: SalesDay[]; arrivals: ArrivalSlot[]; totals: { tickets: number; revenueMinor: number; arrived: number } };

const SLOT_MS = 10 * 60_000;

/** Sales per local day and arrivals per ten minutes, for an event (`startsAt`, `timezone`). */
export async function eventInsights(deps: Pick<ServiceDeps, "d1">, event: { id: string; startsAt: Date; timezone: string }): Promise<Insights> {
  const { sales, arrivals } = await findInsightRows(deps.d1, event.id);
  const days: SalesDay[] = [];
  let tickets = 0;
  let revenue = 0;
  for (const row of sales) {
    const at = new Date(row.at);
    const day = localDate(at, event.timezone);
    tickets += Number(row.tickets);
    revenue += Number(row.totalMinor);
    let last = days[days.length - 1];
    if (!last || last.day !== day) days.push((last = { day, at, tickets: 0, ticketsToDate: 0, revenueMinor: 0, revenueToDate: 0 }));
    last.tickets += Number(row.tickets);
    last.revenueMinor += Number(row.totalMinor);
    last.ticketsToDate = tickets;
    last.revenueToDate = revenue;
  }
  const slots = new Map<number, number>();
  for (const row of arrivals) {
    const slot = Math.floor((new Date(row.at).getTime() - event.startsAt.getTime()) / SLOT_MS);
    slots.set(slot, (slots.get(slot) ?? 0) + 1);
  }
  const keys = [...slots.keys()];
  const slotList: ArrivalSlot[] = [];
  if (keys.length) {
    // Every slot from the first arrival to the last (empty ones too), and the start's slot.
    const first = Math.min(...keys, 0);
    const last = Math.max(...keys, 0);
    for (let s = first; s <= last && slotList.length < 144; s++) {
      slotList.push({ minutesFromStart: s * 10, at: new Date(event.startsAt.getTime() + s * SLOT_MS), count: slots.get(s) ?? 0 });
    }
  }
  return { days, arrivals: slotList, totals: { tickets, revenueMinor: revenue, arrived: arrivals.length } };
}
