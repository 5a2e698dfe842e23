import type { Event } from "@/generated/prisma/client";
import type { StaffIdentity } from "@/domain/staff/roles";
import { AdminLayout, WithHidden } from "@/web/admin/admin-layout";
import { DataTable, type Column } from "@/web/admin/data-table";
import { Notice } from "@/web/admin/events/fields";
import type { Messages } from "@/i18n";
import { useMessages } from "@/web/shared/i18n";

type Words = Messages["admin"];

/** A status in words (never colour alone); "Past" is added once an event has ended. */
export function EventStatus(props: { event: Event; now: Date }) {
  const { event } = props;
  const m = useMessages().admin;
  const past = event.endsAt <= props.now && event.status !== "archived";
  return (
    <span class={`badge badge-status badge-${event.status}`}>
      {m.eventStatus[event.status as keyof Words["eventStatus"]] ?? event.status}
      {past ? m.past : ""}
    </span>
  );
}

/** "12 sold, 3 held, of 120", in `m`'s language. */
export function seatsText(m: Words, event: Pick<Event, "soldCount" | "heldCount" | "capacity">): string {
  return m.seats({ sold: event.soldCount, held: event.heldCount, capacity: event.capacity });
}

/** The links of an event's row; hidden words name the event for screen readers. */
function EventLinks(props: { event: Event }) {
  const { event } = props;
  const m = useMessages().admin.eventList;
  const params = { title: event.title };
  return (
    <ul class="admin-links">
      <li>
        <a href={`/admin/events/${event.id}/edit`}>
          <WithHidden words={m.edit} params={params} />
        </a>
      </li>
      <li>
        <a href={`/admin/events/${event.id}/preview`}>
          <WithHidden words={m.preview} params={params} />
        </a>
      </li>
      <li>
        <a href={`/admin/events/${event.id}`}>
          <WithHidden words={m.dashboard} params={params} />
        </a>
      </li>
      {event.status !== "draft" && (
        <li>
          <a href={`/events/${event.slug}`}>
            <WithHidden words={m.publicPage} params={params} />
          </a>
        </li>
      )}
    </ul>
  );
}

const eventColumns = (m: Messages, now: Date): Column<Event>[] => [
  {
    heading: m.admin.eventList.columns.event,
    rowHeader: true,
    cell: (event) => (
      <>
        <a href={`/admin/events/${event.id}/edit`}>{event.title}</a>
        <span class="admin-slug">/{event.slug}</span>
      </>
    ),
  },
  { heading: m.admin.eventList.columns.status, cell: (event) => <EventStatus event={event} now={now} /> },
  {
    heading: m.admin.eventList.columns.date,
    cell: (event) => (
      <time datetime={event.startsAt.toISOString()}>
        {m.admin.eventList.when({
          date: m.format.date(event.startsAt, event.timezone),
          time: m.format.time(event.startsAt, event.timezone),
          zone: m.format.zone(event.startsAt, event.timezone),
        })}
      </time>
    ),
  },
  { heading: m.admin.eventList.columns.seats, cell: (event) => seatsText(m.admin, event) },
  { heading: m.admin.eventList.columns.pages, cell: (event) => <EventLinks event={event} /> },
];

/** `/admin`: the organiser's home, every event in any status. */
export function AdminEventListPage(props: { staff: StaffIdentity; csrfToken: string; events: Event[]; now: Date; notice?: string | undefined }) {
  const m = useMessages();
  const words = m.admin.eventList;
  return (
    <AdminLayout title={words.title} staff={props.staff} csrfToken={props.csrfToken} current="/admin">
      <h1>{words.title}</h1>
      <Notice text={props.notice} />
      <p>
        <a class="button-primary" href="/admin/events/new">
          {words.create}
        </a>
      </p>
      <DataTable
        caption={words.caption}
        columns={eventColumns(m, props.now)}
        rows={props.events}
        empty={words.empty}
        stack
      />
    </AdminLayout>
  );
}
