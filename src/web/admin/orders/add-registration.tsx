import type { Event, TicketType } from "@/generated/prisma/client";
import { formatMoney } from "@/lib/format";
import type { StaffIdentity } from "@/domain/staff/roles";
import { AdminLayout, CsrfField } from "@/web/admin/admin-layout";
import { ErrorSummary, TextField } from "@/web/shared/form-parts";

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
  return (
    <AdminLayout title={`Add a registration: ${event.title}`} staff={props.staff} csrfToken={props.csrfToken}>
      <p class="breadcrumb">
        <a href={`/admin/events/${event.id}`}>← {event.title}</a>
      </p>
      <h1>Add a registration</h1>
      <p>For guests, speakers and people paying at the door. They take seats like any order and get their tickets by email.</p>
      {props.message && <ErrorSummary message={props.message} errors={errors} labels={{ buyerName: "Contact name", buyerEmail: "Contact email", tierId: "Ticket type", attendees: "Attendees" }} />}
      <form method="post" action={`/admin/events/${event.id}/registrations`}>
        <CsrfField token={props.csrfToken} />
        <TextField name="buyerName" label="Contact name" value={values.buyerName} error={errors.buyerName} required />
        <TextField name="buyerEmail" label="Contact email (tickets go here)" type="email" value={values.buyerEmail} error={errors.buyerEmail} required />
        <div class={errors.tierId ? "field field-error" : "field"}>
          <label for="tierId">Ticket type</label>
          {errors.tierId && <p class="error-message">{errors.tierId}</p>}
          <select id="tierId" name="tierId">
            {event.ticketTypes.map((t) => (
              <option value={t.id} selected={values.tierId === t.id}>
                {t.name} ({formatMoney(t.priceMinor, event.currency)})
              </option>
            ))}
          </select>
        </div>
        <fieldset>
          <legend>Payment</legend>
          <div class="checkbox">
            <input type="radio" id="source-comp" name="source" value="complimentary" checked={values.source !== "door"} />
            <label for="source-comp">Complimentary (free)</label>
          </div>
          <div class="checkbox">
            <input type="radio" id="source-door" name="source" value="door" checked={values.source === "door"} />
            <label for="source-door">Pays at the door (the ticket type's price)</label>
          </div>
        </fieldset>
        <div class={errors.attendees ? "field field-error" : "field"}>
          <label for="attendees">Attendees, one name per line</label>
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
          Add registration
        </button>
      </form>
    </AdminLayout>
  );
}
