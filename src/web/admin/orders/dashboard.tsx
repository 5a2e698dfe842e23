import { formatAmount } from "@/lib/format";
import type { StaffIdentity } from "@/domain/staff/roles";
import type { eventDashboard } from "@/domain/orders/admin-queries";
import { AdminLayout, CsrfField } from "@/web/admin/admin-layout";
import { EventWhen } from "@/web/public/event-parts";

type Dashboard = Awaited<ReturnType<typeof eventDashboard>>;

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
      <table class="admin-table">
        <caption class="visually-hidden">Tickets sold, held and available per tier</caption>
        <thead>
          <tr>
            <th scope="col">Tier</th>
            <th scope="col">Sold</th>
            <th scope="col">Held (paying now)</th>
            <th scope="col">Quota</th>
            <th scope="col">Checked in</th>
          </tr>
        </thead>
        <tbody>
          {tiers.map(({ tier, checkedIn }) => (
            <tr>
              <th scope="row">{tier.name}</th>
              <td>{tier.soldCount}</td>
              <td>{tier.heldCount}</td>
              <td>{tier.quota ?? "none"}</td>
              <td>{checkedIn}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Event</th>
            <td>{event.soldCount}</td>
            <td>{event.heldCount}</td>
            <td>{event.capacity ?? "unlimited"}</td>
            <td>{checkIns.checkedIn}</td>
          </tr>
        </tfoot>
      </table>
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
      {failedMail.length === 0 ? (
        <p>No email has failed.</p>
      ) : (
        <table class="admin-table">
          <caption>Emails that could not be delivered</caption>
          <thead>
            <tr>
              <th scope="col">Order</th>
              <th scope="col">To</th>
              <th scope="col">Why</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {failedMail.map((m) => (
              <tr>
                <td>
                  <a href={`/admin/orders/${m.orderId}`}>{m.reference}</a>
                </td>
                <td>{m.recipient}</td>
                <td>{m.lastError ?? "unknown"}</td>
                <td>
                  <form method="post" action={`/admin/emails/${m.id}/retry`}>
                    <CsrfField token={props.csrfToken} />
                    <button type="submit" class="button-secondary">
                      Try again<span class="visually-hidden"> to send to {m.recipient}</span>
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminLayout>
  );
}
