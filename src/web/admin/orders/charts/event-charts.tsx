import type { Insights } from "@/domain/insights/insights";
import { BarChart } from "@/web/admin/orders/charts/bar-chart";
import { useMessages } from "@/web/shared/i18n";

type ChartEvent = { id: string; startsAt: Date; timezone: string; currency: string; capacity: number | null; soldCount: number };
type TierSold = { tier: { name: string; soldCount: number } };

/** "9 Jan": a local calendar day ("2027-01-09") in the reader's language, for an axis. */
const shortDay = (locale: string, day: string) => new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" }).format(new Date(`${day}T12:00:00Z`));

/**
 * The dashboard's pictures: tickets sold to date against capacity, money taken to date, the
 * split between tiers, and arrivals per ten minutes around the start. Each reads the same
 * numbers as the dashboard's table, in the event's timezone and the reader's language.
 */
export function EventCharts(props: { event: ChartEvent; tiers: TierSold[]; insights: Insights; expected: number }) {
  const m = useMessages();
  const w = m.insights;
  const { event, insights } = props;
  const tz = event.timezone;
  const num = (n: number) => m.format.number(n);
  const money = (n: number) => m.format.amount(n, event.currency);
  const days = insights.days;
  const startSlot = insights.arrivals.findIndex((s) => s.minutesFromStart === 0);
  const common = { showNumbers: w.showNumbers, empty: w.empty };
  return (
    <section aria-labelledby="charts-heading" class="charts">
      <h2 id="charts-heading">{w.heading}</h2>
      <BarChart
        {...common}
        id="chart-sold"
        title={w.sold.title}
        summary={
          event.capacity === null
            ? w.sold.summaryUnlimited({ sold: insights.totals.tickets, days: days.length })
            : w.sold.summary({ sold: insights.totals.tickets, capacity: event.capacity, days: days.length })
        }
        bars={days.map((d) => ({ label: shortDay(m.locale, d.day), value: d.ticketsToDate }))}
        format={num}
        reference={event.capacity === null ? undefined : { value: event.capacity, label: w.sold.capacityLine({ capacity: event.capacity }) }}
        table={{ headings: [w.sold.day, w.sold.thatDay, w.sold.toDate], rows: days.map((d) => [m.format.date(d.at, tz), num(d.tickets), num(d.ticketsToDate)]) }}
      />
      <BarChart
        {...common}
        id="chart-revenue"
        title={w.revenue.title}
        summary={w.revenue.summary({ amount: money(insights.totals.revenueMinor), days: days.length })}
        bars={days.map((d) => ({ label: shortDay(m.locale, d.day), value: d.revenueToDate }))}
        format={money}
        table={{ headings: [w.revenue.day, w.revenue.thatDay, w.revenue.toDate], rows: days.map((d) => [m.format.date(d.at, tz), money(d.revenueMinor), money(d.revenueToDate)]) }}
      />
      <BarChart
        {...common}
        id="chart-tiers"
        title={w.tiers.title}
        summary={w.tiers.summary({ tiers: props.tiers.length, sold: props.tiers.reduce((n, t) => n + t.tier.soldCount, 0) })}
        bars={props.tiers.map((t) => ({ label: t.tier.name, value: t.tier.soldCount }))}
        format={num}
        table={{ headings: [w.tiers.tier, w.tiers.sold], rows: props.tiers.map((t) => [t.tier.name, num(t.tier.soldCount)]) }}
      />
      <BarChart
        {...common}
        id="chart-arrivals"
        title={w.arrivals.title}
        summary={w.arrivals.summary({ arrived: insights.totals.arrived, expected: props.expected, start: `${m.format.time(event.startsAt, tz)} ${m.format.zone(event.startsAt, tz)}` })}
        bars={insights.arrivals.map((s) => ({ label: m.format.time(s.at, tz), value: s.count }))}
        format={num}
        marker={startSlot >= 0 ? { index: startSlot, label: w.arrivals.startLine } : undefined}
        table={{ headings: [w.arrivals.time, w.arrivals.arrived], rows: insights.arrivals.map((s) => [m.format.time(s.at, tz), num(s.count)]) }}
      />
    </section>
  );
}
