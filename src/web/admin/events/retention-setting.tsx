import type { Event } from "@/generated/prisma/client";
import { DEFAULT_RETENTION_DAYS, erasureDate } from "@/domain/privacy/retention";
import { CsrfField } from "@/web/admin/admin-layout";
import { Input } from "@/web/admin/events/fields";
import { useMessages } from "@/web/shared/i18n";

/**
 * How long an event keeps its attendees' personal data after it ends: its own small form on
 * the event's edit page (posted to /admin/events/:id/retention), or, once erased, when that was.
 */
export function RetentionSetting(props: { event: Pick<Event, "id" | "endsAt" | "timezone" | "retentionDays" | "personalDataErasedAt">; csrfToken: string; value?: string; error?: string }) {
  const m = useMessages();
  const w = m.privacy.retention;
  const { event } = props;
  if (event.personalDataErasedAt) {
    return (
      <section aria-labelledby="retention-heading">
        <h2 id="retention-heading">{w.legend}</h2>
        <p>{w.erased({ date: m.format.date(event.personalDataErasedAt, event.timezone) })}</p>
      </section>
    );
  }
  return (
    <form method="post" action={`/admin/events/${event.id}/retention`} novalidate class="admin-form" id="retention">
      <CsrfField token={props.csrfToken} />
      <fieldset>
        <legend>{w.legend}</legend>
        <Input
          name="retentionDays"
          label={w.label}
          value={props.value ?? String(event.retentionDays)}
          error={props.error}
          inputmode="numeric"
          width="short"
          required
          hint={
            <>
              {w.hint({ days: DEFAULT_RETENTION_DAYS })} {w.due({ date: m.format.date(erasureDate(event), event.timezone) })}
            </>
          }
        />
        <button type="submit" class="button-secondary">
          {w.save}
        </button>
      </fieldset>
    </form>
  );
}
