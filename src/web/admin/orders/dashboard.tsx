import { formatAmount } from "@/lib/format";
import type { StaffIdentity } from "@/domain/staff/roles";
import type { eventDashboard } from "@/domain/orders/admin-queries";
import { AdminLayout, CsrfField } from "@/web/admin/admin-layout";
import { DataTable, type Column } from "@/web/admin/data-table";
import { EventWhen } from "@/web/public/event-parts";

type Dashboard = Awaited<ReturnType<typeof eventDashboard>>;

const salesColumns: Column<Dashboard["tiers"][number]>[] = [
  { heading: "Tier", rowHeader: true, cell: ({ tier }) => tier.name },
  { heading: "Sold", numeric: true, cell: ({ tier }) => tier.soldCount },
  { heading: "Held (paying now)", numeric: true, cell: ({ tier }) => tier.heldCount },
  { heading: "Quota", numeric: true, cell: ({ tier }) => tier.quota ?? "none" },
  { heading: "Checked in", numeric: true, cell: ({ checkedIn }) => checkedIn },
];

const failedMailColumns = (csrfToken: string): Column<Dashboard["failedMail"][number]>[] => [
  { heading: "Order", cell: (m) => <a href={`/admin/orders/${m.orderId}`}>{m.reference}</a> },
  { heading: "To", cell: (m) => m.recipient },
  { heading: "Why", cell: (m) => m.lastError ?? "unknown" },
  {
    heading: "Action",
    cell: (m) => (
      <form method="post" action={`/admin/emails/${m.id}/retry`}>
        <CsrfField token={csrfToken} />
        <button type="submit" class="button-secondary">
          Try again<span class="visually-hidden"> to send to {m.recipient}</span>
        </button>
      </form>
    ),
  },
];

/** `/admin/events/:id`: how an event is selling, who has arrived, and what needs attention. */
export function DashboardPage(props: { data: Dashboard; staff: StaffIdentity; csrfToken: string }) {
  const { event, tiers, revenue, checkIns, failedMail, pendingOrders } = props.data;
  const money = (n: number) => formatAmount(n, event.currency);
  return (
    <AdminLayout title={`Dashboard: ${event.title}`} staff={props.staff} csrfToken={props.csrfToken}>
      <p class="breadcrumb">
        <a href="/admin">← All events</a>
      </p>
      <h1>{event.title}</h1>
      <p>
        <EventWhen event={event} /> · status <strong>{event.status}</strong>
      </p>
      <ul class="admin-actions" role="list">
        <li>
          <a href={`/admin/events/${event.id}/attendees`}>Orders and attendees</a>
        </li>
        <li>
          <a href={`/admin/events/${event.id}/registrations/new`}>Add a complimentary or pay-at-the-door registration</a>
        </li>
        <li>
          <a href={`/admin/events/${event.id}/attendees.csv`}>Download attendees (CSV)</a>
        </li>
        <li>
          <a href={`/admin/events/${event.id}/attendees.xlsx`}>Download attendees (Excel)</a>
        </li>
        <li>
          <a href={`/admin/events/${event.id}/edit`}>Edit event and tiers</a>
        </li>
      </ul>

      <h2>Sales</h2>
      <DataTable
        caption="Tickets sold, held and available per tier"
        captionHidden
        columns={salesColumns}
        rows={tiers}
        foot={
          <tr>
            <th scope="row">Event</th>
            <td class="num">{event.soldCount}</td>
            <td class="num">{event.heldCount}</td>
            <td class="num">{event.capacity ?? "unlimited"}</td>
            <td class="num">{checkIns.checkedIn}</td>
          </tr>
        }
      />
      <p>
        {pendingOrders} order{pendingOrders === 1 ? " is" : "s are"} being paid for right now.
      </p>

      <h2>Money</h2>
      <dl class="facts">
        <dt>Gross</dt>
        <dd>{money(revenue.grossMinor)}</dd>
        <dt>Refunded</dt>
        <dd>{money(revenue.refundedMinor)}</dd>
        <dt>Net</dt>
        <dd>{money(revenue.grossMinor - revenue.refundedMinor)}</dd>
        <dt>Orders</dt>
        <dd>{revenue.orders}</dd>
      </dl>

      <h2>Check-in</h2>
      <p>
        {checkIns.checkedIn} of {checkIns.expected} checked in.
      </p>

      <h2>Needs attention</h2>
      <DataTable caption="Emails that could not be delivered" columns={failedMailColumns(props.csrfToken)} rows={failedMail} empty="No email has failed." />
    </AdminLayout>
  );
}
