import type { Event } from "@/generated/prisma/client";
import type { SaleState } from "@/domain/events/availability";
import type { Messages } from "@/i18n";
import { useMessages } from "@/web/shared/i18n";

/** <time> for an event's date and start, shown in the event's zone. */
export function EventWhen(props: { event: Pick<Event, "startsAt" | "endsAt" | "timezone"> }) {
  const { event } = props;
  const { format, public: words } = useMessages();
  const tz = event.timezone;
  return (
    <time datetime={event.startsAt.toISOString()}>
      {words.when({
        date: format.date(event.startsAt, tz),
        start: format.time(event.startsAt, tz),
        end: format.time(event.endsAt, tz),
        zone: format.zone(event.startsAt, tz),
      })}
    </time>
  );
}

/** A time of day as a fact in a <dl>: its label, then the <time> in the event's zone. */
export function TimeFact(props: { label: string; at: Date; timeZone: string }) {
  const { format } = useMessages();
  return (
    <>
      <dt>{props.label}</dt>
      <dd>
        <time datetime={props.at.toISOString()}>{format.time(props.at, props.timeZone)}</time>
      </dd>
    </>
  );
}

/**
 * Words for a tier's state, with what the tier itself can still sell (`quotaLeft`, null when
 * only the event's places limit it: those are said once, by PlacesLeft).
 */
export function availabilityText(m: Messages, state: SaleState, available: number | null): string {
  const words = m.public.availability;
  if (state !== "on_sale") return words[state];
  if (available === null) return words.available;
  if (available <= 10) return words.onlyLeft({ count: available });
  return words.left({ count: available });
}

/** The event's places left, said once above its tiers (nothing when it has no capacity). */
export function PlacesLeft(props: { view: { placesLeft: number | null; onSale: boolean } }) {
  const m = useMessages();
  const left = props.view.placesLeft;
  if (left === null || !props.view.onSale) return null;
  return <p class="places-left">{m.public.placesLeft({ count: left })}</p>;
}

/** A short badge with words (never colour alone). */
export function Badge(props: { kind: "sold-out" | "cancelled" | "past" | "info"; children: string }) {
  return <span class={`badge badge-${props.kind}`}>{props.children}</span>;
}
