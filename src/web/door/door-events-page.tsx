import type { Event } from "@/generated/prisma/client";
import type { StaffIdentity } from "@/domain/staff/roles";
import { DoorLayout } from "@/web/door/door-layout";
import { useMessages } from "@/web/shared/i18n";

/** `/door`: the events this staff member may scan for, each opening its scanner. */
export function DoorEventsPage(props: { staff: StaffIdentity; csrfToken: string; events: Event[] }) {
  const m = useMessages();
  const t = m.door.events;
  return (
    <DoorLayout title={t.title} staff={props.staff} csrfToken={props.csrfToken}>
      <h1>{t.heading}</h1>
      {props.events.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <>
          <p>{t.intro}</p>
          <ul class="door-events">
            {props.events.map((event) => (
              <li>
                <a class="door-event-link" href={`/door/${event.slug}`}>
                  <span class="door-event-title">{event.title}</span>
                  <span class="door-event-when">
                    {t.when({ date: m.format.date(event.startsAt, event.timezone), time: m.format.time(event.doorsOpenAt ?? event.startsAt, event.timezone) })}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      <p class="door-signed-in">{t.signedInAs({ name: props.staff.name, email: props.staff.email })}</p>
    </DoorLayout>
  );
}
