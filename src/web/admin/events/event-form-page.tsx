import type { AdminEvent } from "@/domain/events/admin-events";
import type { EventFormValues } from "@/domain/events/event-input";
import type { StaffIdentity } from "@/domain/staff/roles";
import { AdminLayout } from "@/web/admin/admin-layout";
import { EventForm, eventLabels } from "@/web/admin/events/event-form";
import { EventStatus, seatsText } from "@/web/admin/events/event-list-page";
import { StatusActions, TierTable } from "@/web/admin/events/event-manage";
import { Notice } from "@/web/admin/events/fields";
import { ErrorSummary } from "@/web/shared/form-parts";
import { versionLabels } from "@/web/admin/events/translation-fields";

type Common = {
  staff: StaffIdentity;
  csrfToken: string;
  values: EventFormValues;
  errors: Record<string, string>;
  /** Why the form came back; shown with the list of fields to correct. */
  message?: string | undefined;
};

const labels: Record<string, string> = { ...eventLabels, confirm: "Cancel", weeks: "Duplicate" };

/** `/admin/events/new` */
export function NewEventPage(props: Common) {
  return (
    <AdminLayout title={`${props.message ? "Error: " : ""}Create an event`} staff={props.staff} csrfToken={props.csrfToken} current="/admin">
      <p class="breadcrumb">
        <a href="/admin">← All events</a>
      </p>
      <h1>Create an event</h1>
      <p>The event is saved as a draft, seen only on these pages. Add ticket tiers next, preview it, then publish.</p>
      {props.message && <ErrorSummary message={props.message} errors={props.errors} labels={{ ...labels, ...versionLabels() }} />}
      <EventForm action="/admin/events/new" csrfToken={props.csrfToken} values={props.values} errors={props.errors} submitLabel="Create the event as a draft" />
    </AdminLayout>
  );
}

/** `/admin/events/:id/edit`: the details form, the tiers, and the status actions. */
export function EditEventPage(props: Common & { event: AdminEvent; deletableTiers: Set<string>; notice?: string | undefined; now: Date; weeks?: string }) {
  const { event } = props;
  return (
    <AdminLayout title={`${props.message ? "Error: " : ""}Edit ${event.title}`} staff={props.staff} csrfToken={props.csrfToken} current="/admin">
      <p class="breadcrumb">
        <a href="/admin">← All events</a>
      </p>
      <h1>{event.title}</h1>
      <p class="admin-event-meta">
        <EventStatus event={event} now={props.now} /> {seatsText(event)}
      </p>
      <ul class="admin-links">
        <li>
          <a href={`/admin/events/${event.id}/preview`}>Preview the public page</a>
        </li>
        <li>
          <a href={`/admin/events/${event.id}`}>Dashboard: sales and orders</a>
        </li>
        {event.status !== "draft" && (
          <li>
            <a href={`/events/${event.slug}`}>Public page</a>
          </li>
        )}
      </ul>
      <Notice text={props.notice} />
      {props.message && <ErrorSummary message={props.message} errors={props.errors} labels={{ ...labels, ...versionLabels() }} />}
      <h2>Details</h2>
      <EventForm
        action={`/admin/events/${event.id}/edit`}
        csrfToken={props.csrfToken}
        values={props.values}
        errors={props.errors}
        submitLabel="Save the details"
        seatsTaken={event.soldCount + event.heldCount}
      />
      <TierTable event={event} deletable={props.deletableTiers} csrfToken={props.csrfToken} />
      <StatusActions event={event} csrfToken={props.csrfToken} errors={props.errors} weeks={props.weeks ?? "52"} />
    </AdminLayout>
  );
}
