import { CsrfField } from "@/web/admin/admin-layout";
import { useMessages } from "@/web/shared/i18n";

/**
 * Beside the reminder settings on the event's edit page: a button that emails the signed-in
 * staff member a preview of the reminder (POST /admin/events/:id/reminder-preview), its own form
 * because forms cannot nest.
 */
export function ReminderPreview(props: { eventId: string; csrfToken: string }) {
  const m = useMessages().reminders.preview;
  return (
    <form method="post" action={`/admin/events/${props.eventId}/reminder-preview`} class="admin-form" id="reminder-preview">
      <CsrfField token={props.csrfToken} />
      <h2>{m.heading}</h2>
      <p>{m.body}</p>
      <button type="submit" class="button-secondary">
        {m.button}
      </button>
    </form>
  );
}
