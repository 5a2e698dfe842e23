import { commonTimezones, type EventFormValues } from "@/domain/events/event-input";
import { Input, Select, TextArea } from "@/web/admin/events/fields";
import { CsrfField } from "@/web/admin/admin-layout";
import { EventTranslationFields, MainLanguageField } from "@/web/admin/events/translation-fields";
import type { Messages } from "@/i18n";
import type { EventFieldKey } from "@/i18n/areas/admin";
import { useMessages } from "@/web/shared/i18n";
import { ReminderFields } from "@/web/admin/events/reminder-fields";
import { RefundFields } from "@/web/admin/events/refund-fields";

/** Field labels in the reader's language, also used by the error summary. */
export const eventLabels = (m: Messages["admin"]): Record<EventFieldKey, string> => m.eventForm.labels;

const zoneOptions = (current: string): Array<[string, string]> => {
  const zones: string[] = [...commonTimezones];
  if (current && !zones.includes(current)) zones.unshift(current);
  return zones.map((z) => [z, z.replace(/_/g, " ")]);
};

/** The event's details, for creating and editing alike. Works without JavaScript. */
export function EventForm(props: { action: string; csrfToken: string; values: EventFormValues; errors: Record<string, string>; submitLabel: string; seatsTaken?: number }) {
  const { values: v, errors: e } = props;
  const m = useMessages().admin.eventForm;
  const hints = m.hints;
  const field = (name: EventFieldKey) => ({ name, label: m.labels[name], value: v[name], error: e[name] });
  return (
    <form method="post" action={props.action} novalidate class="admin-form">
      <CsrfField token={props.csrfToken} />
      <MainLanguageField values={v} errors={e} />
      <fieldset>
        <legend>{m.legends.about}</legend>
        <Input {...field("title")} required maxlength={150} />
        <Input
          {...field("slug")}
          width="medium"
          spellcheck={false}
          hint={hints.slug}
        />
        <Input {...field("summary")} maxlength={300} hint={hints.summary} />
        <TextArea
          {...field("description")}
          rows={10}
          hint={hints.description}
        />
      </fieldset>
      <fieldset>
        <legend>{m.legends.where}</legend>
        <Input {...field("venueName")} required maxlength={150} />
        <Input {...field("venueAddress")} required maxlength={300} hint={hints.venueAddress} />
      </fieldset>
      <fieldset>
        <legend>{m.legends.when}</legend>
        <p class="hint">{hints.when}</p>
        <Select {...field("timezone")} options={zoneOptions(v.timezone)} />
        <Input {...field("date")} type="date" width="medium" required hint={hints.date} />
        <Input {...field("doorsOpen")} type="time" width="short" hint={hints.doorsOpen} />
        <Input {...field("startTime")} type="time" width="short" required hint={hints.startTime} />
        <Input {...field("endTime")} type="time" width="short" required hint={hints.endTime} />
      </fieldset>
      <fieldset>
        <legend>{m.legends.sales}</legend>
        <Input
          {...field("capacity")}
          inputmode="numeric"
          width="short"
          hint={hints.capacity({ taken: props.seatsTaken ?? 0 })}
        />
        <Input {...field("maxPerOrder")} inputmode="numeric" width="short" required hint={hints.maxPerOrder} />
        <Input
          {...field("holdOrdersLimit")}
          inputmode="numeric"
          width="short"
          hint={hints.holdOrdersLimit}
        />
        <Input {...field("holdTicketsLimit")} inputmode="numeric" width="short" hint={hints.holdTicketsLimit} />
        <Input
          {...field("ticketsPerMembership")}
          inputmode="numeric"
          width="short"
          hint={hints.ticketsPerMembership}
        />
        <Input
          {...field("salesStart")}
          type="datetime-local"
          width="medium"
          hint={hints.salesStart}
        />
        <Input {...field("salesEnd")} type="datetime-local" width="medium" hint={hints.salesEnd} />
        <Input {...field("currency")} width="short" required maxlength={3} spellcheck={false} hint={hints.currency} />
        <Input
          {...field("referencePrefix")}
          width="short"
          maxlength={5}
          spellcheck={false}
          hint={hints.referencePrefix}
        />
        <Input {...field("ticketEmailSubject")} maxlength={150} hint={hints.ticketEmailSubject} />
      </fieldset>
      <RefundFields values={v} errors={e} />
      <fieldset>
        <legend>{m.legends.programme}</legend>
        <TextArea
          {...field("agenda")}
          rows={8}
          hint={hints.agenda}
        />
      </fieldset>
      <ReminderFields values={v} errors={e} />
      <EventTranslationFields values={v} errors={e} />
      <button type="submit" class="button-primary">
        {props.submitLabel}
      </button>
    </form>
  );
}
