import type { Event } from "@/generated/prisma/client";
import { formatDate, formatTime, formatZone } from "@/lib/format";
import type { SaleState } from "@/domain/events/availability";

/** <time> for an event's date and start, shown in the event's zone. */
export function EventWhen(props: { event: Event }) {
  const { event } = props;
  const tz = event.timezone;
  return (
    <time datetime={event.startsAt.toISOString()}>
      {formatDate(event.startsAt, tz)}, {formatTime(event.startsAt, tz)}–{formatTime(event.endsAt, tz)}{" "}
      {formatZone(event.startsAt, tz)}
    </time>
  );
}

/** A time of day as a fact in a <dl>: its label, then the <time> in the event's zone. */
export function TimeFact(props: { label: string; at: Date; timeZone: string }) {
  return (
    <>
      <dt>{props.label}</dt>
      <dd>
        <time datetime={props.at.toISOString()}>{formatTime(props.at, props.timeZone)}</time>
      </dd>
    </>
  );
}

const stateLabels: Record<SaleState, string> = {
  on_sale: "On sale",
  sold_out: "Sold out",
  not_yet_on_sale: "Not on sale yet",
  sales_closed: "Sales closed",
  event_cancelled: "Cancelled",
  event_over: "Event over",
};

/**
 * Words for a tier's state, with what the tier itself can still sell (`quotaLeft`, null when
 * only the event's places limit it: those are said once, by PlacesLeft).
 */
export function availabilityText(state: SaleState, available: number | null): string {
  if (state !== "on_sale") return stateLabels[state];
  if (available === null) return "Available";
  if (available <= 10) return `Only ${available} left`;
  return `${available} available`;
}

/** The event's places left, said once above its tiers (nothing when it has no capacity). */
export function PlacesLeft(props: { view: { placesLeft: number | null; onSale: boolean } }) {
  const left = props.view.placesLeft;
  if (left === null || !props.view.onSale) return null;
  return <p class="places-left">{left === 1 ? "Only 1 place left for this event." : left <= 10 ? `Only ${left} places left for this event.` : `${left} places left for this event.`}</p>;
}

/** A short badge with words (never colour alone). */
export function Badge(props: { kind: "sold-out" | "cancelled" | "past" | "info"; children: string }) {
  return <span class={`badge badge-${props.kind}`}>{props.children}</span>;
}
