import type { Event } from "@/generated/prisma/client";
import { formatDate, formatTime } from "@/lib/format";
import type { StaffIdentity } from "@/domain/staff/roles";
import { DoorLayout } from "@/web/door/door-layout";

/** `/door`: the events this staff member may scan for, each opening its scanner. */
export function DoorEventsPage(props: { staff: StaffIdentity; csrfToken: string; events: Event[] }) {
  return (
    <DoorLayout title="Choose an event" staff={props.staff} csrfToken={props.csrfToken}>
      <h1>Door check-in</h1>
      {props.events.length === 0 ? (
        <p>You are not on the door team for any event yet. Ask an organiser to add you, then reload this page.</p>
      ) : (
        <>
          <p>Choose the event you are checking people in for. The scanner keeps working if the Wi-Fi drops.</p>
          <ul class="door-events">
            {props.events.map((event) => (
              <li>
                <a class="door-event-link" href={`/door/${event.slug}`}>
                  <span class="door-event-title">{event.title}</span>
                  <span class="door-event-when">
                    {formatDate(event.startsAt, event.timezone)}, doors {formatTime(event.doorsOpenAt ?? event.startsAt, event.timezone)}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      <p class="door-signed-in">
        Signed in as {props.staff.name} ({props.staff.email}).
      </p>
    </DoorLayout>
  );
}
