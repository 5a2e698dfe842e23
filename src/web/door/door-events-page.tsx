import type { Event } from "@/generated/prisma/client";
import type { StaffIdentity } from "@/domain/staff/roles";
import { DoorLayout } from "@/web/door/door-layout";
import { eventInLanguage } from "@/domain/events/translations";
import { useLocale, useMessages } from "@/web/shared/i18n";
import { InLanguage } from "@/web/shared/in-language";

/** `/door`: the events this staff member may scan for, each opening its scanner (titles in the reader's language when the event has them). */
export function DoorEventsPage(props: { staff: StaffIdentity; csrfToken: string; events: Event[] }) {
  const m = useMessages();
  const t = m.door.events;
  const locale = useLocale();
  return (
    <DoorLayout title={t.title} staff={props.staff} csrfToken={props.csrfToken}>
      <h1>{t.heading}</h1>
      {props.events.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <>
          <p>{t.intro}</p>
          <ul class="door-events">
            {props.events.map((stored) => eventInLanguage(stored, locale)).map((event) => (
              <li>
                <a class="door-event-link" href={`/door/${event.slug}`}>
                  <span class="door-event-title">
                    <InLanguage lang={event.textLang.title}>{event.title}</InLanguage>
                  </span>
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
