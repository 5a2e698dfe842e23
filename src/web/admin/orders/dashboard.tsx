import type { ChoiceTally } from "@/domain/questions/catering";
import { CateringCounts } from "@/web/admin/orders/catering";
import type { StaffIdentity } from "@/domain/staff/roles";
import type { eventDashboard } from "@/domain/orders/admin-queries";
import { AdminLayout, CsrfField, said, WithHidden } from "@/web/admin/admin-layout";
import { DataTable, type Column } from "@/web/admin/data-table";
import { defaultLocale, type Messages } from "@/i18n";
import { useLocale, useMessages } from "@/web/shared/i18n";
import type { Insights } from "@/domain/insights/insights";
import { EventCharts } from "@/web/admin/orders/charts/event-charts";
import { WaitlistLink } from "@/web/admin/waitlist/waitlist-link";

type Dashboard = Awaited<ReturnType<typeof eventDashboard>>;

type Words = Messages["admin"]["dashboard"];

const salesColumns = (w: Words): Column<Dashboard["tiers"][number]>[] => [
  { heading: w.columns.tier, rowHeader: true, cell: ({ tier }) => tier.name },
  { heading: w.columns.sold, numeric: true, cell: ({ tier }) => tier.soldCount },
  { heading: w.columns.held, numeric: true, cell: ({ tier }) => tier.heldCount },
  { heading: w.columns.quota, numeric: true, cell: ({ tier }) => tier.quota ?? w.none },
  { heading: w.columns.checkedIn, numeric: true, cell: ({ checkedIn }) => checkedIn },
];

const failedMailColumns = (w: Words, csrfToken: string): Column<Dashboard["failedMail"][number]>[] => [
  { heading: w.failedColumns.order, cell: (m) => <a href={`/admin/orders/${m.orderId}`}>{m.reference}</a> },
  { heading: w.failedColumns.to, cell: (m) => m.recipient },
  { heading: w.failedColumns.why, cell: (m) => m.lastError ?? w.unknown },
  {
    heading: w.failedColumns.action,
    cell: (m) => (
      <form method="post" action={`/admin/emails/${m.id}/retry`}>
        <CsrfField token={csrfToken} />
        <button type="submit" class="button-secondary">
          <WithHidden words={w.retry} params={{ recipient: m.recipient }} />
        </button>
      </form>
    ),
  },
];

/**
 * The attendee list downloads. Their columns carry fixed English names that other tools rely
 * on; a reader of another language is also offered them headed in their own (`headers=translated`).
 */
function Downloads(props: { eventId: string; words: Words }) {
  const w = props.words;
  const base = `/admin/events/${props.eventId}/attendees`;
  const translated = useLocale() !== defaultLocale;
  return (
    <>
      <li>
        <a href={`${base}.csv`}>{w.downloadCsv}</a>
      </li>
      <li>
        <a href={`${base}.xlsx`}>{w.downloadXlsx}</a>
      </li>
      {translated && (
        <li>
          {w.downloadTranslated}{" "}
          <a href={`${base}.csv?headers=translated`}>{w.downloadCsvTranslated}</a>,{" "}
          <a href={`${base}.xlsx?headers=translated`}>{w.downloadXlsxTranslated}</a>
        </li>
      )}
    </>
  );
}

/** `/admin/events/:id`: how an event is selling, who has arrived, and what needs attention. */
export function DashboardPage(props: { data: Dashboard; staff: StaffIdentity; csrfToken: string; insights?: Insights | undefined; tallies?: ChoiceTally[] | undefined; waiting?: number }) {
  const { event, tiers, revenue, checkIns, failedMail, pendingOrders } = props.data;
  const m = useMessages();
  const w = m.admin.dashboard;
  const money = (n: number) => m.format.amount(n, event.currency);
  return (
    <AdminLayout title={w.title({ title: event.title })} staff={props.staff} csrfToken={props.csrfToken}>
      <p class="breadcrumb">
        <a href="/admin">{m.admin.allEvents}</a>
      </p>
      <h1>{event.title}</h1>
      <p>
        <time datetime={event.startsAt.toISOString()}>
          {w.when({
            date: m.format.date(event.startsAt, event.timezone),
            start: m.format.time(event.startsAt, event.timezone),
            end: m.format.time(event.endsAt, event.timezone),
            zone: m.format.zone(event.startsAt, event.timezone),
          })}
        </time>{" "}
        · {w.status} <strong>{said(m.admin.eventStatus, event.status).toLocaleLowerCase(m.locale)}</strong>
      </p>
      <ul class="admin-actions" role="list">
        <li>
          <a href={`/admin/events/${event.id}/attendees`}>{w.attendees}</a>
        </li>
        <li>
          <a href={`/admin/events/${event.id}/registrations/new`}>{w.addRegistration}</a>
        </li>
        <Downloads eventId={event.id} words={w} />
        <li>
          <a href={`/admin/events/${event.id}/edit`}>{w.edit}</a>
        </li>
      </ul>

      <h2>{w.sales}</h2>
      <DataTable
        caption={w.salesCaption}
        captionHidden
        columns={salesColumns(w)}
        rows={tiers}
        foot={
          <tr>
            <th scope="row">{w.event}</th>
            <td class="num">{event.soldCount}</td>
            <td class="num">{event.heldCount}</td>
            <td class="num">{event.capacity ?? w.unlimited}</td>
            <td class="num">{checkIns.checkedIn}</td>
          </tr>
        }
      />
      <p>{w.paying({ count: pendingOrders })}</p>
      {props.waiting !== undefined && <WaitlistLink eventId={event.id} waiting={props.waiting} />}

      <h2>{w.money}</h2>
      <dl class="facts">
        <dt>{w.gross}</dt>
        <dd>{money(revenue.grossMinor)}</dd>
        <dt>{w.refunded}</dt>
        <dd>{money(revenue.refundedMinor)}</dd>
        <dt>{w.net}</dt>
        <dd>{money(revenue.grossMinor - revenue.refundedMinor)}</dd>
        <dt>{w.orders}</dt>
        <dd>{revenue.orders}</dd>
      </dl>

      <h2>{w.checkIn}</h2>
      <p>{w.checkedIn({ checkedIn: checkIns.checkedIn, expected: checkIns.expected })}</p>

      <CateringCounts tallies={props.tallies ?? []} />
      {props.insights && <EventCharts event={event} tiers={tiers} insights={props.insights} expected={checkIns.expected} />}

      <h2>{w.attention}</h2>
      <DataTable caption={w.failedCaption} columns={failedMailColumns(w, props.csrfToken)} rows={failedMail} empty={w.failedEmpty} />
    </AdminLayout>
  );
}
