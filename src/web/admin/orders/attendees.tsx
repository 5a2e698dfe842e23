import type { Event, TicketType } from "@/generated/prisma/client";
import type { StaffIdentity } from "@/domain/staff/roles";
import type { AttendeeFilter, searchAttendees } from "@/domain/orders/admin-queries";
import { formatDateTime } from "@/lib/format";
import { AdminLayout } from "@/web/admin/admin-layout";
import { DataTable, type Column } from "@/web/admin/data-table";

type Result = Awaited<ReturnType<typeof searchAttendees>>;
const statuses = ["pending", "paid", "partially_refunded", "refunded", "cancelled"];

function query(filter: AttendeeFilter, page: number) {
  const params = new URLSearchParams();
  if (filter.q) params.set("q", filter.q);
  if (filter.tierId) params.set("tier", filter.tierId);
  if (filter.status) params.set("status", filter.status);
  if (filter.checkedIn) params.set("checkedIn", filter.checkedIn);
  params.set("page", String(page));
  return `?${params}`;
}

/** The table's columns; check-in times in the event's zone, named ("14:05 BST"). */
const attendeeColumns = (timeZone: string): Column<Result["rows"][number]>[] => [
  {
    heading: "Attendee",
    rowHeader: true,
    cell: (t) => (
      <>
        {t.attendeeName}
        {t.attendeeEmail && <span class="hint"> {t.attendeeEmail}</span>}
      </>
    ),
  },
  { heading: "Ticket", cell: (t) => `${t.ticketType.name} (${t.status})` },
  {
    heading: "Order",
    cell: (t) => (
      <>
        <a href={`/admin/orders/${t.orderId}`}>{t.order.reference}</a> ({t.order.status.replace(/_/g, " ")})
      </>
    ),
  },
  {
    heading: "Buyer",
    cell: (t) => (
      <>
        {t.order.buyerName} <span class="hint">{t.order.buyerEmail}</span>
      </>
    ),
  },
  { heading: "Checked in", cell: (t) => (t.checkedInAt ? formatDateTime(t.checkedInAt, timeZone) : "No") },
];

/** `/admin/events/:id/attendees`: search and filter everyone registered. */
export function AttendeesPage(props: { event: Event & { ticketTypes: TicketType[] }; filter: AttendeeFilter; result: Result; staff: StaffIdentity; csrfToken: string }) {
  const { event, filter, result } = props;
  return (
    <AdminLayout title={`Attendees: ${event.title}`} staff={props.staff} csrfToken={props.csrfToken}>
      <p class="breadcrumb">
        <a href={`/admin/events/${event.id}`}>← {event.title}</a>
      </p>
      <h1>Orders and attendees</h1>
      <form method="get" class="filters" role="search" aria-label="Find attendees">
        <div class="field">
          <label for="q">Name, email or order reference</label>
          <input id="q" name="q" type="search" value={filter.q ?? ""} />
        </div>
        <div class="field">
          <label for="tier">Ticket type</label>
          <select id="tier" name="tier">
            <option value="">All</option>
            {event.ticketTypes.map((t) => (
              <option value={t.id} selected={filter.tierId === t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="status">Order status</label>
          <select id="status" name="status">
            <option value="">All but expired</option>
            {statuses.map((s) => (
              <option value={s} selected={filter.status === s}>
                {s.replace(/_/g, " ")}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="checkedIn">Checked in</label>
          <select id="checkedIn" name="checkedIn">
            <option value="">Either</option>
            <option value="yes" selected={filter.checkedIn === "yes"}>
              Yes
            </option>
            <option value="no" selected={filter.checkedIn === "no"}>
              No
            </option>
          </select>
        </div>
        <button type="submit" class="button-primary">
          Search
        </button>
      </form>
      <p role="status">
        {result.total} attendee{result.total === 1 ? "" : "s"} found.
      </p>
      {result.rows.length > 0 && <DataTable caption="Attendees matching the search" captionHidden columns={attendeeColumns(event.timezone)} rows={result.rows} />}
      {result.pages > 1 && (
        <nav aria-label="Pages" class="pager">
          {filter.page > 1 && <a href={query(filter, filter.page - 1)}>← Previous</a>}
          <span>
            Page {filter.page} of {result.pages}
          </span>
          {filter.page < result.pages && <a href={query(filter, filter.page + 1)}>Next →</a>}
        </nav>
      )}
    </AdminLayout>
  );
}
