import { priceOrder } from "@/domain/orders/pricing";
import type { Event, TicketType } from "@/generated/prisma/client";
import { formatMoney } from "@/lib/format";
import { EventWhen } from "@/web/public/event-parts";
import { eligibilityText } from "@/web/public/event-page";
import { ErrorSummary, TextField, fieldId } from "@/web/shared/form-parts";
import { Layout } from "@/web/shared/layout";
import { AttendeeLanguageField } from "@/web/public/attendee-language";

/** What the form holds: the buyer and one entry per ticket, as typed (strings). */
export type RegistrationValues = {
  buyer: { name: string; email: string };
  tickets: Array<{ tier: string; name: string; email: string; declaration: boolean; membership: string; accessCode: string; language?: string }>;
};

export type RegistrationPageProps = {
  event: Event;
  tiers: TicketType[];
  values: RegistrationValues;
  errors: Record<string, string>;
  /** Shown above the form: why it came back. */
  message?: string | undefined;
  /** Shown as a status note (e.g. "payment cancelled, your choices are kept"). */
  notice?: string | undefined;
  /** Turnstile's site key: shows its widget above the submit button. */
  turnstileSiteKey?: string | undefined;
  /** The tier to offer someone whose membership was not found. */
  alternative?: TicketType | undefined;
};

function TicketFieldset(props: RegistrationPageProps & { index: number }) {
  const { index, values, errors, event } = props;
  const ticket = values.tickets[index]!;
  const tier = props.tiers.find((t) => t.id === ticket.tier);
  const key = (field: string) => `tickets.${index}.${field}`;
  const membershipError = errors[key("membership")];
  return (
    <fieldset class="ticket-fieldset" id={fieldId(key("tier"))}>
      <legend>
        Ticket {index + 1}: {tier ? `${tier.name} (${formatMoney(tier.priceMinor, event.currency)})` : "unknown ticket type"}
      </legend>
      <input type="hidden" name={key("tier")} value={ticket.tier} />
      {errors[key("tier")] && <p class="error-message">{errors[key("tier")]}</p>}
      {tier && tier.eligibility !== "open" && <p class="hint">{eligibilityText(tier)}</p>}
      <TextField name={key("name")} label="Attendee's full name" value={ticket.name} error={errors[key("name")]} autocomplete={index === 0 ? "name" : "off"} required hint="As it should appear on the badge." />
      <TextField
        name={key("email")}
        label="Attendee's email"
        type="email"
        value={ticket.email}
        error={errors[key("email")]}
        autocomplete="off"
        hint="We send this person their own ticket too."
      />
      {index > 0 && <AttendeeLanguageField name={key("language")} value={ticket.language ?? ""} error={errors[key("language")]} />}
      {tier?.eligibility === "member_list" && (
        <TextField
          name={key("membership")}
          label="Membership number or email on the members list"
          value={ticket.membership}
          error={membershipError}
          required
          autocomplete="off"
        >
          {membershipError && props.alternative && (
            <button type="submit" name="switch" value={String(index)} class="button-secondary" formnovalidate>
              Switch this ticket to {props.alternative.name} ({formatMoney(props.alternative.priceMinor, event.currency)})
            </button>
          )}
        </TextField>
      )}
      {tier?.eligibility === "declaration" && (
        <div class={errors[key("declaration")] ? "field field-error" : "field"}>
          {errors[key("declaration")] && (
            <p class="error-message" id={`${fieldId(key("declaration"))}-error`}>
              <span class="visually-hidden">Error: </span>
              {errors[key("declaration")]}
            </p>
          )}
          <div class="checkbox">
            <input
              type="checkbox"
              id={fieldId(key("declaration"))}
              name={key("declaration")}
              value="yes"
              checked={ticket.declaration}
              aria-describedby={errors[key("declaration")] ? `${fieldId(key("declaration"))}-error` : undefined}
            />
            <label for={fieldId(key("declaration"))}>{tier.declarationText ?? "I qualify for this ticket"}</label>
          </div>
        </div>
      )}
      {tier?.eligibility === "access_code" && (
        <TextField name={key("accessCode")} label="Access code" value={ticket.accessCode} error={errors[key("accessCode")]} required autocomplete="off" />
      )}
    </fieldset>
  );
}

const labels = (values: RegistrationValues): Record<string, string> => {
  const out: Record<string, string> = { "buyer.name": "Your name", "buyer.email": "Your email", tickets: "Tickets" };
  values.tickets.forEach((_, i) => {
    for (const [field, label] of [["tier", "type"], ["name", "name"], ["email", "email"], ["membership", "membership"], ["declaration", "confirmation"], ["accessCode", "access code"]]) {
      out[`tickets.${i}.${field}`] = `Ticket ${i + 1} ${label}`;
    }
  });
  return out;
};

/** Step two of registering: who is buying and who is coming. Works without JavaScript. */
export function RegistrationPage(props: RegistrationPageProps) {
  const { event, values, errors } = props;
  const total = priceOrder(props.event.currency, values.tickets.flatMap((t) => props.tiers.find((tier) => tier.id === t.tier) ?? [])).totalMinor;
  const hasErrors = Boolean(props.message);
  return (
    <Layout title={`${hasErrors ? "Error: " : ""}Register for ${event.title}`} noindex>
      <p class="breadcrumb">
        <a href={`/events/${event.slug}`}>← {event.title}</a>
      </p>
      <h1>Register</h1>
      <p class="event-when">
        <EventWhen event={event} /> · {event.venueName}
      </p>
      {props.notice && (
        <p class="notice" role="status">
          {props.notice}
        </p>
      )}
      {props.message && <ErrorSummary message={props.message} errors={errors} labels={labels(values)} />}
      <form method="post" action={`/events/${event.slug}/register`} novalidate class="registration-form">
        <fieldset>
          <legend>Your details</legend>
          <p class="hint">We email the tickets and receipt to you.</p>
          <TextField name="buyer.name" label="Your name" value={values.buyer.name} error={errors["buyer.name"]} autocomplete="name" required />
          <TextField name="buyer.email" label="Your email" type="email" value={values.buyer.email} error={errors["buyer.email"]} autocomplete="email" required />
        </fieldset>
        <div id="tickets">
          {errors.tickets && <p class="error-message">{errors.tickets}</p>}
          {values.tickets.map((_, index) => (
            <TicketFieldset {...props} index={index} />
          ))}
        </div>
        <p class="total">
          Total: <strong>{formatMoney(total, event.currency)}</strong>
        </p>
        {props.turnstileSiteKey && (
          <>
            <div class="cf-turnstile" data-sitekey={props.turnstileSiteKey} />
            <script src="https://challenges.cloudflare.com/turnstile/v0/api.js" async defer />
          </>
        )}
        <button type="submit" class="button-primary">
          {total === 0 ? "Confirm registration" : "Continue to payment"}
        </button>
        {total > 0 && <p class="hint">Your places are held for 35 minutes while you pay with Stripe.</p>}
      </form>
    </Layout>
  );
}
