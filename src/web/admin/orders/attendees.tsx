import type { Event, TicketType } from "@/generated/prisma/client";
import type { StaffIdentity } from "@/domain/staff/roles";
import type { AttendeeFilter, searchAttendees } from "@/domain/orders/admin-queries";
import { AdminLayout, said } from "@/web/admin/admin-layout";
import { DataTable, type Column } from "@/web/admin/data-table";
import type { Messages } from "@/i18n";
import { useMessages } from "@/web/shared/i18n";
import type { Question } from "@/generated/prisma/client";
import { AnswerFilter } from "@/web/admin/orders/answer-filter";

type Result = Awaited<ReturnType<typeof searchAttendees>>;
const statuses = ["pending", "paid", "partially_refunded", "refunded", "cancelled"] as const;

function query(filter: AttendeeFilter, page: number) {
  const params = new URLSearchParams();
  if (filter.q) params.set("q", filter.q);
  if (filter.tierId) params.set("tier", filter.tierId);
  if (filter.status) params.set("status", filter.status);
  if (filter.checkedIn) params.set("checkedIn", filter.checkedIn);
  if (filter.answer) params.set("answer", `${filter.answer.questionId}:${filter.answer.value}`);
  params.set("page", String(page));
  return `?${params}`;
}

/** The table's columns; check-in times in the event's zone, named ("14:05 BST"). */
const attendeeColumns = (m: Messages, timeZone: string): Column<Result["rows"][number]>[] => [
  {
    heading: m.admin.attendees.columns.attendee,
    rowHeader: true,
    cell: (t) => (
      <>
        {t.attendeeName}
        {t.attendeeEmail && <span class="hint"> {t.attendeeEmail}</span>}
      </>
    ),
  },
  { heading: m.admin.attendees.columns.ticket, cell: (t) => `${t.ticketType.name} (${said(m.admin.ticketStatus, t.status)})` },
  {
    heading: m.admin.attendees.columns.order,
    cell: (t) => (
      <>
        <a href={`/admin/orders/${t.orderId}`}>{t.order.reference}</a> ({said(m.admin.orderStatus, t.order.status)})
      </>
    ),
  },
  {
    heading: m.admin.attendees.columns.buyer,
    cell: (t) => (
      <>
        {t.order.buyerName} <span class="hint">{t.order.buyerEmail}</span>
      </>
    ),
  },
  { heading: m.admin.attendees.columns.checkedIn, cell: (t) => (t.checkedInAt ? m.format.dateTime(t.checkedInAt, timeZone) : m.admin.attendees.no) },
];

/** `/admin/events/:id/attendees`: search and filter everyone registered. */
export function AttendeesPage(props: { event: Event & { ticketTypes: TicketType[] }; filter: AttendeeFilter; result: Result; staff: StaffIdentity; csrfToken: string; questions?: Question[] | undefined }) {
  const { event, filter, result } = props;
  const m = useMessages();
  const words = m.admin.attendees;
  return (
    <AdminLayout title={words.title({ title: event.title })} staff={props.staff} csrfToken={props.csrfToken}>
      <p class="breadcrumb">
        <a href={`/admin/events/${event.id}`}>← {event.title}</a>
      </p>
      <h1>{words.heading}</h1>
      <form method="get" class="filters" role="search" aria-label={words.search}>
        <div class="field">
          <label for="q">{words.query}</label>
          <input id="q" name="q" type="search" value={filter.q ?? ""} />
        </div>
        <div class="field">
          <label for="tier">{words.tier}</label>
          <select id="tier" name="tier">
            <option value="">{words.all}</option>
            {event.ticketTypes.map((t) => (
              <option value={t.id} selected={filter.tierId === t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="status">{words.status}</label>
          <select id="status" name="status">
            <option value="">{words.allButExpired}</option>
            {statuses.map((s) => (
              <option value={s} selected={filter.status === s}>
                {m.admin.orderStatus[s]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="checkedIn">{words.checkedIn}</label>
          <select id="checkedIn" name="checkedIn">
            <option value="">{words.either}</option>
            <option value="yes" selected={filter.checkedIn === "yes"}>
              {words.yes}
            </option>
            <option value="no" selected={filter.checkedIn === "no"}>
              {words.no}
            </option>
          </select>
        </div>
        <AnswerFilter questions={props.questions ?? []} filter={filter} />
        <button type="submit" class="button-primary">
          {words.submit}
        </button>
      </form>
      <p role="status">
        {words.found({ count: result.total })}
      </p>
      {result.rows.length > 0 && <DataTable caption={words.caption} captionHidden columns={attendeeColumns(m, event.timezone)} rows={result.rows} />}
      {result.pages > 1 && (
        <nav aria-label={words.pages} class="pager">
          {filter.page > 1 && <a href={query(filter, filter.page - 1)}>{words.previous}</a>}
          <span>{words.page({ page: filter.page, pages: result.pages })}</span>
          {filter.page < result.pages && <a href={query(filter, filter.page + 1)}>{words.next}</a>}
        </nav>
      )}
    </AdminLayout>
  );
}
