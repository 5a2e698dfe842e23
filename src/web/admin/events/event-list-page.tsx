import type { Event } from "@/generated/prisma/client";
import { formatDate, formatTime, formatZone } from "@/lib/format";
import type { StaffIdentity } from "@/domain/staff/roles";
import { AdminLayout } from "@/web/admin/admin-layout";
import { DataTable, type Column } from "@/web/admin/data-table";
import { Notice } from "@/web/admin/events/fields";

const statusLabels: Record<string, string> = { draft: "Draft", published: "Published", cancelled: "Cancelled", archived: "Archived" };

/** A status in words (never colour alone); "Past" is added once an event has ended. */
export function EventStatus(props: { event: Event; now: Date }) {
  const { event } = props;
  const past = event.endsAt <= props.now && event.status !== "archived";
  return (
    <span class={`badge badge-status badge-${event.status}`}>
      {statusLabels[event.status] ?? event.status}
      {past ? " · past" : ""}
    </span>
  );
}

/** "12 sold, 3 held of 120" */
export function seatsText(event: Pick<Event, "soldCount" | "heldCount" | "capacity">): string {
  const of = event.capacity === null ? "no limit" : `of ${event.capacity}`;
  return `${event.soldCount} sold, ${event.heldCount} held, ${of}`;
}

/** The links of an event's row; hidden words name the event for screen readers. */
function EventLinks(props: { event: Event }) {
  const { event } = props;
  return (
    <ul class="admin-links">
      <li>
        <a href={`/admin/events/${event.id}/edit`}>
          Edit<span class="visually-hidden"> {event.title}</span>
        </a>
      </li>
      <li>
        <a href={`/admin/events/${event.id}/preview`}>
          Preview<span class="visually-hidden"> {event.title}</span>
        </a>
      </li>
      <li>
        <a href={`/admin/events/${event.id}`}>
          Dashboard<span class="visually-hidden"> for {event.title}</span>
        </a>
      </li>
      {event.status !== "draft" && (
        <li>
          <a href={`/events/${event.slug}`}>
            Public page<span class="visually-hidden"> of {event.title}</span>
          </a>
        </li>
      )}
    </ul>
  );
}

const eventColumns = (now: Date): Column<Event>[] => [
  {
    heading: "Event",
    rowHeader: true,
    cell: (event) => (
      <>
        <a href={`/admin/events/${event.id}/edit`}>{event.title}</a>
        <span class="admin-slug">/{event.slug}</span>
      </>
    ),
  },
  { heading: "Status", cell: (event) => <EventStatus event={event} now={now} /> },
  {
    heading: "Date",
    cell: (event) => (
      <time datetime={event.startsAt.toISOString()}>
        {formatDate(event.startsAt, event.timezone)}, {formatTime(event.startsAt, event.timezone)} {formatZone(event.startsAt, event.timezone)}
      </time>
    ),
  },
  { heading: "Seats", cell: seatsText },
  { heading: "Pages", cell: (event) => <EventLinks event={event} /> },
];

/** `/admin`: the organiser's home, every event in any status. */
export function AdminEventListPage(props: { staff: StaffIdentity; csrfToken: string; events: Event[]; now: Date; notice?: string | undefined }) {
  return (
    <AdminLayout title="Events" staff={props.staff} csrfToken={props.csrfToken} current="/admin">
      <h1>Events</h1>
      <Notice text={props.notice} />
      <p>
        <a class="button-primary" href="/admin/events/new">
          Create an event
        </a>
      </p>
      <DataTable
        caption="All events: upcoming first (soonest at the top), then past events"
        columns={eventColumns(props.now)}
        rows={props.events}
        empty="There are no events yet. Create one to start: it stays a draft, seen only here, until you publish it."
        stack
      />
    </AdminLayout>
  );
}
