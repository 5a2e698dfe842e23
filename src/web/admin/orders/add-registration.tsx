import type { Event, TicketType } from "@/generated/prisma/client";
import type { StaffIdentity } from "@/domain/staff/roles";
import { AdminLayout, CsrfField } from "@/web/admin/admin-layout";
import { ErrorSummary, TextField } from "@/web/shared/form-parts";
import { useMessages } from "@/web/shared/i18n";

export type AddRegistrationValues = { buyerName: string; buyerEmail: string; tierId: string; attendees: string; source: string };

/** `/admin/events/:id/registrations/new`: complimentary places and pay-at-the-door. */
export function AddRegistrationPage(props: {
  event: Event & { ticketTypes: TicketType[] };
  values: AddRegistrationValues;
  errors: Record<string, string>;
  message?: string | undefined;
  staff: StaffIdentity;
  csrfToken: string;
}) {
  const { event, values, errors } = props;
  const m = useMessages();
  const words = m.admin.addRegistration;
  return (
    <AdminLayout title={words.title({ title: event.title })} staff={props.staff} csrfToken={props.csrfToken}>
      <p class="breadcrumb">
        <a href={`/admin/events/${event.id}`}>← {event.title}</a>
      </p>
      <h1>{words.heading}</h1>
      <p>{words.intro}</p>
      {props.message && (
        <ErrorSummary
          message={props.message}
          errors={errors}
          labels={{ buyerName: words.contactName, buyerEmail: words.contactEmail, tierId: words.ticketType, attendees: words.attendees }}
        />
      )}
      <form method="post" action={`/admin/events/${event.id}/registrations`}>
        <CsrfField token={props.csrfToken} />
        <TextField name="buyerName" label={words.contactName} value={values.buyerName} error={errors.buyerName} required />
        <TextField name="buyerEmail" label={words.contactEmailLabel} type="email" value={values.buyerEmail} error={errors.buyerEmail} required />
        <div class={errors.tierId ? "field field-error" : "field"}>
          <label for="tierId">{words.ticketType}</label>
          {errors.tierId && <p class="error-message">{errors.tierId}</p>}
          <select id="tierId" name="tierId">
            {event.ticketTypes.map((t) => (
              <option value={t.id} selected={values.tierId === t.id}>
                {t.name} ({m.format.money(t.priceMinor, event.currency)})
              </option>
            ))}
          </select>
        </div>
        <fieldset>
          <legend>{words.payment}</legend>
          <div class="checkbox">
            <input type="radio" id="source-comp" name="source" value="complimentary" checked={values.source !== "door"} />
            <label for="source-comp">{words.complimentary}</label>
          </div>
          <div class="checkbox">
            <input type="radio" id="source-door" name="source" value="door" checked={values.source === "door"} />
            <label for="source-door">{words.door}</label>
          </div>
        </fieldset>
        <div class={errors.attendees ? "field field-error" : "field"}>
          <label for="attendees">{words.attendeesLabel}</label>
          {errors.attendees && (
            <p class="error-message" id="attendees-error">
              {errors.attendees}
            </p>
          )}
          <textarea id="attendees" name="attendees" rows={5} required aria-describedby={errors.attendees ? "attendees-error" : undefined}>
            {values.attendees}
          </textarea>
        </div>
        <button type="submit" class="button-primary">
          {words.submit}
        </button>
      </form>
    </AdminLayout>
  );
}
