import { commonTimezones, type EventFormValues } from "@/domain/events/event-input";
import { Input, Select, TextArea } from "@/web/admin/events/fields";
import { CsrfField } from "@/web/admin/admin-layout";
import { EventTranslationFields, MainLanguageField } from "@/web/admin/events/translation-fields";

/** Field labels, also used by the error summary. */
export const eventLabels: Record<keyof EventFormValues, string> = {
  title: "Title",
  slug: "Web address",
  summary: "Summary",
  description: "Description",
  venueName: "Venue name",
  venueAddress: "Venue address",
  timezone: "Time zone",
  date: "Date",
  doorsOpen: "Doors open",
  startTime: "Starts",
  endTime: "Ends",
  capacity: "Capacity",
  maxPerOrder: "Most tickets per order",
  holdOrdersLimit: "Most unpaid orders per buyer",
  holdTicketsLimit: "Most unpaid tickets per buyer",
  ticketsPerMembership: "Member tickets per membership",
  salesStart: "Sales open",
  salesEnd: "Sales close",
  currency: "Currency",
  referencePrefix: "Order reference prefix",
  ticketEmailSubject: "Ticket email subject",
  agenda: "Programme",
};

const zoneOptions = (current: string): Array<[string, string]> => {
  const zones: string[] = [...commonTimezones];
  if (current && !zones.includes(current)) zones.unshift(current);
  return zones.map((z) => [z, z.replace(/_/g, " ")]);
};

/** The event's details, for creating and editing alike. Works without JavaScript. */
export function EventForm(props: { action: string; csrfToken: string; values: EventFormValues; errors: Record<string, string>; submitLabel: string; seatsTaken?: number }) {
  const { values: v, errors: e } = props;
  const field = (name: keyof EventFormValues) => ({ name, label: eventLabels[name], value: v[name], error: e[name] });
  return (
    <form method="post" action={props.action} novalidate class="admin-form">
      <CsrfField token={props.csrfToken} />
      <MainLanguageField values={v} errors={e} />
      <fieldset>
        <legend>About the event</legend>
        <Input {...field("title")} required maxlength={150} />
        <Input
          {...field("slug")}
          width="medium"
          spellcheck={false}
          hint="The end of the event's public address, /events/… : lower-case letters, digits and hyphens. Leave blank to make one from the title. Changing it after publishing breaks links already shared."
        />
        <Input {...field("summary")} maxlength={300} hint="One sentence for the list of events and link previews." />
        <TextArea
          {...field("description")}
          rows={10}
          hint="Markdown: # for a heading, **bold**, - for a list, [text](https://…) for a link. HTML is shown as text, not run."
        />
      </fieldset>
      <fieldset>
        <legend>Where</legend>
        <Input {...field("venueName")} required maxlength={150} />
        <Input {...field("venueAddress")} required maxlength={300} hint="On one line, with the postcode, e.g. 29–31 Tavistock Square, London WC1H 9QU." />
      </fieldset>
      <fieldset>
        <legend>When</legend>
        <p class="hint">Times are the local time at the venue, in the time zone below.</p>
        <Select {...field("timezone")} options={zoneOptions(v.timezone)} />
        <Input {...field("date")} type="date" width="medium" required hint="For example 2027-06-12." />
        <Input {...field("doorsOpen")} type="time" width="short" hint="When registration and coffee start, e.g. 10:30." />
        <Input {...field("startTime")} type="time" width="short" required hint="24-hour clock, e.g. 11:00." />
        <Input {...field("endTime")} type="time" width="short" required hint="Later the same day, e.g. 17:00." />
      </fieldset>
      <fieldset>
        <legend>Tickets and sales</legend>
        <Input
          {...field("capacity")}
          inputmode="numeric"
          width="short"
          hint={`Seats for the whole event, across every tier. Leave blank for no limit.${props.seatsTaken ? ` ${props.seatsTaken} seats are already sold or held, so it cannot go below that.` : ""}`}
        />
        <Input {...field("maxPerOrder")} inputmode="numeric" width="short" required hint="How many people one person may register at once (1 to 50)." />
        <Input
          {...field("holdOrdersLimit")}
          inputmode="numeric"
          width="short"
          hint="Orders waiting for payment hold their places. How many one buyer (one email address, or one internet connection) may have at once (1 to 50). Leave blank for 3."
        />
        <Input {...field("holdTicketsLimit")} inputmode="numeric" width="short" hint="How many places one buyer's unpaid orders may hold together (1 to 1,000). Leave blank for 20." />
        <Input
          {...field("ticketsPerMembership")}
          inputmode="numeric"
          width="short"
          hint="How many member-price tickets one membership number or member's email may buy for this event, across all orders (1 to 50). Leave blank for 1."
        />
        <Input
          {...field("salesStart")}
          type="datetime-local"
          width="medium"
          hint="Date and time, e.g. 2027-05-01 09:00. Leave blank to open sales as soon as the event is published."
        />
        <Input {...field("salesEnd")} type="datetime-local" width="medium" hint="Leave blank to close sales when the event starts." />
        <Input {...field("currency")} width="short" required maxlength={3} spellcheck={false} hint="Three-letter code: GBP for pounds, EUR for euros." />
        <Input
          {...field("referencePrefix")}
          width="short"
          maxlength={5}
          spellcheck={false}
          hint="2 to 5 capital letters at the start of order references, e.g. HRD for HRD-7KQ4M. Leave blank to use the title's initials."
        />
        <Input {...field("ticketEmailSubject")} maxlength={150} hint="Leave blank for “Your tickets for” and the title." />
      </fieldset>
      <fieldset>
        <legend>Programme</legend>
        <TextArea
          {...field("agenda")}
          rows={8}
          hint="One item per line: the time, the title, then (if you like) a spaced dash and a detail. For example: 11:00 Welcome — Chair of trustees. Times are on the event's date. Leave it empty for no programme."
        />
      </fieldset>
      <EventTranslationFields values={v} errors={e} />
      <button type="submit" class="button-primary">
        {props.submitLabel}
      </button>
    </form>
  );
}
