import type { AdminEvent } from "@/domain/events/admin-events";
import type { EventFormValues } from "@/domain/events/event-input";
import type { StaffIdentity } from "@/domain/staff/roles";
import { AdminLayout } from "@/web/admin/admin-layout";
import { EventForm, eventLabels } from "@/web/admin/events/event-form";
import { RetentionSetting } from "@/web/admin/events/retention-setting";
import { ReminderPreview } from "@/web/admin/events/reminder-preview";
import { EventStatus, seatsText } from "@/web/admin/events/event-list-page";
import { StatusActions, TierTable } from "@/web/admin/events/event-manage";
import { Notice } from "@/web/admin/events/fields";
import { ErrorSummary } from "@/web/shared/form-parts";
import { versionLabels } from "@/web/admin/events/translation-fields";
import { useMessages } from "@/web/shared/i18n";
import type { Messages } from "@/i18n";

type Common = {
  staff: StaffIdentity;
  csrfToken: string;
  values: EventFormValues;
  errors: Record<string, string>;
  /** Why the form came back; shown with the list of fields to correct. */
  message?: string | undefined;
};

/** What the error summary calls each field: the form's, and the status actions' two. */
const labels = (m: Messages["admin"]): Record<string, string> => ({ ...eventLabels(m), confirm: m.eventPage.confirmLabel, weeks: m.eventPage.weeksLabel });

/** `/admin/events/new` */
export function NewEventPage(props: Common) {
  const m = useMessages().admin;
  const words = m.eventPage;
  return (
    <AdminLayout title={props.message ? m.errorTitle({ title: words.create }) : words.create} staff={props.staff} csrfToken={props.csrfToken} current="/admin">
      <p class="breadcrumb">
        <a href="/admin">{m.allEvents}</a>
      </p>
      <h1>{words.create}</h1>
      <p>{words.createIntro}</p>
      {props.message && <ErrorSummary message={props.message} errors={props.errors} labels={{ ...labels(m), ...versionLabels() }} />}
      <EventForm action="/admin/events/new" csrfToken={props.csrfToken} values={props.values} errors={props.errors} submitLabel={words.createSubmit} />
    </AdminLayout>
  );
}

/** `/admin/events/:id/edit`: the details form, the tiers, and the status actions. */
export function EditEventPage(props: Common & { event: AdminEvent; deletableTiers: Set<string>; notice?: string | undefined; now: Date; weeks?: string; waiting?: number }) {
  const { event } = props;
  const m = useMessages().admin;
  const words = m.eventPage;
  const title = words.editTitle({ title: event.title });
  return (
    <AdminLayout title={props.message ? m.errorTitle({ title }) : title} staff={props.staff} csrfToken={props.csrfToken} current="/admin">
      <p class="breadcrumb">
        <a href="/admin">{m.allEvents}</a>
      </p>
      <h1>{event.title}</h1>
      <p class="admin-event-meta">
        <EventStatus event={event} now={props.now} /> {seatsText(m, event)}
      </p>
      <ul class="admin-links">
        <li>
          <a href={`/admin/events/${event.id}/preview`}>{words.previewLink}</a>
        </li>
        <li>
          <a href={`/admin/events/${event.id}`}>{words.dashboardLink}</a>
        </li>
        {event.status !== "draft" && (
          <li>
            <a href={`/events/${event.slug}`}>{words.publicPage}</a>
          </li>
        )}
      </ul>
      <Notice text={props.notice} />
      {props.message && <ErrorSummary message={props.message} errors={props.errors} labels={{ ...labels(m), ...versionLabels() }} />}
      <h2>{words.details}</h2>
      <EventForm
        action={`/admin/events/${event.id}/edit`}
        csrfToken={props.csrfToken}
        values={props.values}
        errors={props.errors}
        submitLabel={words.save}
        seatsTaken={event.soldCount + event.heldCount}
      />
      <ReminderPreview eventId={event.id} csrfToken={props.csrfToken} />
      <RetentionSetting event={event} csrfToken={props.csrfToken} />
      <TierTable event={event} deletable={props.deletableTiers} csrfToken={props.csrfToken} waiting={props.waiting} />
      <StatusActions event={event} csrfToken={props.csrfToken} errors={props.errors} weeks={props.weeks ?? "52"} />
    </AdminLayout>
  );
}
