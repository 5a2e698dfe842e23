import { formatsFor } from "@/lib/format";
import type { CardField, CardForm } from "@/dev/stripe-emulator/card";
import type { CheckoutSession, SessionRecord } from "@/dev/stripe-emulator";
import { emulatorWords, type CardProblem, type EmulatorWords } from "@/dev/stripe-emulator/words";
import { Layout } from "@/web/shared/layout";

// Every word comes from ./words, in the session's `locale` (as Stripe Checkout speaks it);
// the route sets the reader's language to it, so the shell's `<html lang>` agrees.

/** The session's words, and its money in the same language. */
function speaking(session: CheckoutSession) {
  const words = emulatorWords(session.locale);
  const format = formatsFor(words.locale, { free: "", currencyDisplay: "narrowSymbol" });
  return { words, money: (minor: number, currency: string) => format.money(minor, currency.toUpperCase()) };
}

/** Where the buyer goes after paying: the success URL with Stripe's placeholder filled in. */
export function successUrlFor(session: CheckoutSession): string {
  return session.success_url.replaceAll("{CHECKOUT_SESSION_ID}", session.id);
}

function TestModeBanner(props: { words: EmulatorWords }) {
  return (
    <p class="emu-banner" role="note">
      <strong>{props.words.banner.title}</strong> {props.words.banner.body}
    </p>
  );
}

type FieldProps = {
  name: CardField;
  label: string;
  value: string;
  error: string | undefined;
  hint?: string;
  hintId?: string;
  autocomplete: string;
  inputmode?: "numeric" | "email" | "text";
  type?: "text" | "email";
  size?: number;
  maxlength: number;
  placeholder?: string;
  errorPrefix: string;
};

/** One labelled input; its hint and error are read out with it (aria-describedby). */
function Field(props: FieldProps) {
  const id = `emu-${props.name}`;
  const hintId = props.hintId ?? (props.hint ? `${id}-hint` : undefined);
  const errorId = props.error ? `${id}-error` : undefined;
  return (
    <div class={props.error ? "emu-field emu-field-invalid" : "emu-field"}>
      <label for={id}>{props.label}</label>
      {props.hint && (
        <p class="emu-hint" id={hintId}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p class="emu-error" id={errorId}>
          <span class="visually-hidden">{props.errorPrefix}</span>
          {props.error}
        </p>
      )}
      <input
        id={id}
        name={props.name}
        type={props.type ?? "text"}
        value={props.value}
        autocomplete={props.autocomplete}
        inputmode={props.inputmode}
        size={props.size}
        maxlength={props.maxlength}
        placeholder={props.placeholder}
        required
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
      />
    </div>
  );
}

function ErrorSummary(props: { errors: Partial<Record<CardField, string>>; words: EmulatorWords }) {
  return (
    <div class="emu-error-summary" role="alert" aria-labelledby="emu-error-summary-title" tabindex={-1}>
      <h2 id="emu-error-summary-title">{props.words.errorSummary}</h2>
      <ul>
        {Object.entries(props.errors).map(([name, message]) => (
          <li>
            <a href={`#emu-${name}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function OrderSummary(props: { record: SessionRecord }) {
  const { session, lineItems } = props.record;
  const { words, money } = speaking(session);
  return (
    <section aria-labelledby="emu-order-title">
      <h2 id="emu-order-title">{words.yourOrder}</h2>
      <table class="emu-items">
        <thead>
          <tr>
            <th scope="col">{words.item}</th>
            <th scope="col">{words.quantity}</th>
            <th scope="col">{words.amount}</th>
          </tr>
        </thead>
        <tbody>
          {lineItems.map((item) => (
            <tr>
              <td>{item.description}</td>
              <td>{item.quantity}</td>
              <td>{money(item.amount_total, item.currency)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colspan={2}>
              {words.total}
            </th>
            <td>{money(session.amount_total, session.currency)}</td>
          </tr>
        </tfoot>
      </table>
      {session.customer_email && (
        <p>{words.payingAs({ email: session.customer_email })}</p>
      )}
    </section>
  );
}

/** `/dev/stripe/checkout/:id` for an open session: the order, the card form and a way back. */
export function EmulatorCheckoutPage(props: {
  record: SessionRecord;
  values?: Partial<CardForm>;
  errors?: Partial<Record<CardField, CardProblem>>;
}) {
  const { session } = props.record;
  const { words, money } = speaking(session);
  const values = props.values ?? {};
  const errors = Object.fromEntries(Object.entries(props.errors ?? {}).map(([name, problem]) => [name, words.problems[problem]])) as Partial<Record<CardField, string>>;
  const total = money(session.amount_total, session.currency);
  const field = (name: CardField) => ({ name, label: words.labels[name], value: values[name] ?? "", error: errors[name], errorPrefix: words.errorPrefix });
  return (
    <Layout title={Object.keys(errors).length ? words.errorTitle({ title: words.title }) : words.title} noindex>
      <TestModeBanner words={words} />
      <h1>{words.pay({ total })}</h1>
      {Object.keys(errors).length > 0 && <ErrorSummary errors={errors} words={words} />}
      <OrderSummary record={props.record} />
      <form class="emu-pay" method="post" action={`/dev/stripe/checkout/${session.id}`} novalidate>
        <h2>{words.cardDetails}</h2>
        <p class="emu-hint" id="emu-test-cards">
          {words.testCards}
        </p>
        {!session.customer_email && (
          <Field {...field("email")} type="email" inputmode="email" autocomplete="email" maxlength={254} />
        )}
        <Field {...field("card_number")} hintId="emu-test-cards" autocomplete="cc-number" inputmode="numeric" size={23} maxlength={23} />
        <div class="emu-row">
          <Field {...field("expiry")} hint={words.expiryHint} autocomplete="cc-exp" inputmode="numeric" size={7} maxlength={7} />
          <Field {...field("cvc")} hint={words.cvcHint} value="" autocomplete="cc-csc" inputmode="numeric" size={4} maxlength={4} />
        </div>
        <Field {...field("name")} autocomplete="cc-name" maxlength={200} />
        <button type="submit" class="emu-pay-button">
          {words.pay({ total })}
        </button>
      </form>
      {session.cancel_url && (
        <p>
          <a href={session.cancel_url}>{words.cancel}</a>
        </p>
      )}
    </Layout>
  );
}

/** A session that can no longer be paid: already paid, or expired. */
export function EmulatorSessionClosedPage(props: { session: CheckoutSession }) {
  const { session } = props;
  const { words, money } = speaking(session);
  const { closed } = words;
  const total = money(session.amount_total, session.currency);
  const paid = session.status === "complete";
  return (
    <Layout title={paid ? closed.paidTitle : closed.expiredTitle} noindex>
      <TestModeBanner words={words} />
      <h1>{paid ? closed.paidHeading : closed.expiredHeading}</h1>
      <p>{paid ? closed.paidBody({ total }) : closed.expiredBody}</p>
      <p>{paid ? <a href={successUrlFor(session)}>{closed.continue}</a> : <a href={session.cancel_url ?? "/"}>{closed.startAgain}</a>}</p>
    </Layout>
  );
}
