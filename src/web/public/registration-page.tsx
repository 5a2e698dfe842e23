import type { Voucher } from "@/generated/prisma/client";
import { priceOrder } from "@/domain/orders/pricing";
import type { LocalizedEvent, LocalizedTier } from "@/domain/events/translations";
import type { Messages } from "@/i18n";
import { HOLD_MINUTES } from "@/domain/orders/place-order";
import { EventWhen } from "@/web/public/event-parts";
import { Eligibility } from "@/web/public/event-page";
import { rich } from "@/web/public/rich";
import { ErrorSummary, TextField, fieldId } from "@/web/shared/form-parts";
import { useMessages } from "@/web/shared/i18n";
import { InLanguage } from "@/web/shared/in-language";
import { Layout } from "@/web/shared/layout";
import { AttendeeLanguageField } from "@/web/public/attendee-language";
import { askedFor, type LocalizedQuestion } from "@/domain/questions/model";
import { QuestionField, type AnswerValues } from "@/web/public/question-fields";

/** What the form holds: the buyer and one entry per ticket, as typed (strings). */
export type RegistrationValues = {
  buyer: { name: string; email: string };
  tickets: Array<{ tier: string; name: string; email: string; declaration: boolean; membership: string; accessCode: string; language?: string; answers?: AnswerValues }>;
  /** Answers to the per-order questions. */
  answers?: AnswerValues;
  /** A voucher code, as typed. */
  voucher?: string;
  /** A waiting-list offer's token: the form registers through that offer. */
  offer?: string;
};

/** The waiting-list offer a form registers through: its places and tier, until when (in the event's zone), and the only email that may use it. */
export type OfferNotice = { places: number; tier: string; until: string; email: string };

export type RegistrationPageProps = {
  /** The event and its tiers with their texts in the reader's language (`viewInLanguage`). */
  event: LocalizedEvent;
  tiers: LocalizedTier[];
  values: RegistrationValues;
  errors: Record<string, string>;
  /** Shown above the form: why it came back. */
  message?: string | undefined;
  /** Shown as a status note (e.g. "payment cancelled, your choices are kept"). */
  notice?: string | undefined;
  /** Turnstile's site key: shows its widget above the submit button. */
  turnstileSiteKey?: string | undefined;
  /** The tier to offer someone whose membership was not found. */
  alternative?: LocalizedTier | undefined;
  /** The questions still asked, in the reader's language. */
  questions?: LocalizedQuestion[];
  /** A valid voucher for the code in the form: the total shown includes it. */
  voucher?: Voucher | null | undefined;
  /** Registering through a waiting-list offer: says what it holds; the buyer's email is fixed. */
  offer?: OfferNotice | undefined;
};

function TicketFieldset(props: RegistrationPageProps & { index: number }) {
  const { index, values, errors, event } = props;
  const m = useMessages();
  const words = m.public.registration;
  const ticket = values.tickets[index]!;
  const tier = props.tiers.find((t) => t.id === ticket.tier);
  const key = (field: string) => `tickets.${index}.${field}`;
  const membershipError = errors[key("membership")];
  return (
    <fieldset class="ticket-fieldset" id={fieldId(key("tier"))}>
      <legend>
        {tier
          ? rich(words.ticketLegend, {
              index: index + 1,
              tier: <InLanguage lang={tier.textLang.name}>{tier.name}</InLanguage>,
              price: m.format.money(tier.priceMinor, event.currency),
            })
          : words.unknownTicket({ index: index + 1 })}
      </legend>
      <input type="hidden" name={key("tier")} value={ticket.tier} />
      {errors[key("tier")] && <p class="error-message">{errors[key("tier")]}</p>}
      {tier && tier.eligibility !== "open" && <p class="hint">
          <Eligibility tier={tier} />
        </p>}
      <TextField name={key("name")} label={words.attendeeName} value={ticket.name} error={errors[key("name")]} autocomplete={index === 0 ? "name" : "off"} required hint={words.attendeeNameHint} />
      <TextField
        name={key("email")}
        label={words.attendeeEmail}
        type="email"
        value={ticket.email}
        error={errors[key("email")]}
        autocomplete="off"
        hint={words.attendeeEmailHint}
      />
      {index > 0 && <AttendeeLanguageField name={key("language")} value={ticket.language ?? ""} error={errors[key("language")]} />}
      {tier?.eligibility === "member_list" && (
        <TextField
          name={key("membership")}
          label={words.membership}
          value={ticket.membership}
          error={membershipError}
          required
          autocomplete="off"
        >
          {membershipError && props.alternative && (
            <button type="submit" name="switch" value={String(index)} class="button-secondary" formnovalidate>
              {rich(words.switchTo, {
                tier: <InLanguage lang={props.alternative.textLang.name}>{props.alternative.name}</InLanguage>,
                price: m.format.money(props.alternative.priceMinor, event.currency),
              })}
            </button>
          )}
        </TextField>
      )}
      {tier?.eligibility === "declaration" && (
        <div class={errors[key("declaration")] ? "field field-error" : "field"}>
          {errors[key("declaration")] && (
            <p class="error-message" id={`${fieldId(key("declaration"))}-error`}>
              <span class="visually-hidden">{m.public.form.errorPrefix} </span>
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
            <label for={fieldId(key("declaration"))}>
              {tier.declarationText ? <InLanguage lang={tier.textLang.declarationText}>{tier.declarationText}</InLanguage> : words.declarationDefault}
            </label>
          </div>
        </div>
      )}
      {tier?.eligibility === "access_code" && (
        <TextField name={key("accessCode")} label={words.accessCode} value={ticket.accessCode} error={errors[key("accessCode")]} required autocomplete="off" />
      )}
      {(props.questions ?? [])
        .filter((q) => q.per === "attendee" && askedFor(q, ticket.tier))
        .map((q) => (
          <QuestionField question={q} prefix={key("answers")} values={ticket.answers ?? {}} errors={errors} />
        ))}
    </fieldset>
  );
}

const ticketFields = ["tier", "name", "email", "membership", "declaration", "accessCode"] as const;

const labels = (m: Messages, values: RegistrationValues, questions: LocalizedQuestion[]): Record<string, string> => {
  const words = m.public.registration;
  const out: Record<string, string> = { "buyer.name": words.yourName, "buyer.email": words.yourEmail, tickets: words.errorLabels.tickets, voucher: m.waitlistPublic.voucher.label };
  values.tickets.forEach((_, i) => {
    for (const field of ticketFields) out[`tickets.${i}.${field}`] = words.errorLabels.field({ index: i + 1, field });
    for (const q of questions) {
      out[`tickets.${i}.answers.${q.id}`] = m.questions.registration.errorLabel({ index: i + 1, label: q.label });
      out[`tickets.${i}.answers.${q.id}.details`] = m.questions.registration.errorLabel({ index: i + 1, label: q.label });
    }
  });
  for (const q of questions) out[`answers.${q.id}`] = out[`answers.${q.id}.details`] = q.label;
  return out;
};

/** The questions asked once per registration (of the tiers chosen), in their own fieldset. */
function OrderQuestions(props: RegistrationPageProps) {
  const m = useMessages();
  const tiers = props.values.tickets.map((t) => t.tier);
  const asked = (props.questions ?? []).filter((q) => q.per === "order" && tiers.some((tier) => askedFor(q, tier)));
  if (!asked.length) return null;
  return (
    <fieldset>
      <legend>{m.questions.registration.orderLegend}</legend>
      {asked.map((q) => (
        <QuestionField question={q} prefix="answers" values={props.values.answers ?? {}} errors={props.errors} />
      ))}
    </fieldset>
  );
}

/** Step two of registering: who is buying and who is coming. Works without JavaScript. */
export function RegistrationPage(props: RegistrationPageProps) {
  const { event, values, errors } = props;
  const m = useMessages();
  const words = m.public.registration;
  const chosen = values.tickets.flatMap((t) => props.tiers.find((tier) => tier.id === t.tier) ?? []);
  const total = priceOrder(props.event.currency, chosen, "standard", props.voucher ?? null).totalMinor;
  const offerWords = m.waitlistPublic.offer;
  const hasErrors = Boolean(props.message);
  return (
    <Layout title={(hasErrors ? words.errorTitle : words.title)({ event: event.title })} noindex>
      <p class="breadcrumb">
        <a href={`/events/${event.slug}`}>
          ← <InLanguage lang={event.textLang.title}>{event.title}</InLanguage>
        </a>
      </p>
      <h1>{words.heading}</h1>
      <p class="event-when">
        <EventWhen event={event} /> · <InLanguage lang={event.textLang.venueName}>{event.venueName}</InLanguage>
      </p>
      {props.offer && (
        <p class="notice" role="status">
          {offerWords.holds(props.offer)}
        </p>
      )}
      {props.notice && (
        <p class="notice" role="status">
          {props.notice}
        </p>
      )}
      {props.message && <ErrorSummary message={props.message} errors={errors} labels={labels(m, values, props.questions ?? [])} />}
      <form method="post" action={`/events/${event.slug}/register`} novalidate class="registration-form">
        <fieldset>
          <legend>{words.yourDetails}</legend>
          <p class="hint">{words.detailsHint}</p>
          <TextField name="buyer.name" label={words.yourName} value={values.buyer.name} error={errors["buyer.name"]} autocomplete="name" required />
          <TextField
            name="buyer.email"
            label={words.yourEmail}
            type="email"
            value={values.buyer.email}
            error={errors["buyer.email"]}
            autocomplete="email"
            required
            readonly={Boolean(props.offer)}
            {...(props.offer ? { hint: offerWords.emailFixed } : {})}
          />
        </fieldset>
        {values.offer && <input type="hidden" name="offer" value={values.offer} />}
        <div id="tickets">
          {errors.tickets && <p class="error-message">{errors.tickets}</p>}
          {values.tickets.map((_, index) => (
            <TicketFieldset {...props} index={index} />
          ))}
        </div>
        <OrderQuestions {...props} />
        <TextField name="voucher" label={m.waitlistPublic.voucher.label} hint={m.waitlistPublic.voucher.hint} value={values.voucher ?? ""} error={errors.voucher} autocomplete="off" />
        <p class="total">
          {words.total} <strong>{m.format.money(total, event.currency)}</strong>
        </p>
        {props.turnstileSiteKey && (
          <>
            <div class="cf-turnstile" data-sitekey={props.turnstileSiteKey} />
            <script src="https://challenges.cloudflare.com/turnstile/v0/api.js" async defer />
          </>
        )}
        <button type="submit" class="button-primary">
          {total === 0 ? words.confirm : words.continueToPayment}
        </button>
        {total > 0 && <p class="hint">{words.holdHint({ minutes: HOLD_MINUTES })}</p>}
        <p class="hint">
          <a href="/privacy">{m.privacy.page.formLink}</a>
        </p>
      </form>
    </Layout>
  );
}
