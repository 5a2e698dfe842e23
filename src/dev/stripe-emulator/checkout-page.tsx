import { formatMoney } from "@/lib/format";
import type { CardField, CardForm } from "@/dev/stripe-emulator/card";
import type { CheckoutSession, SessionRecord } from "@/dev/stripe-emulator";
import { Layout } from "@/web/shared/layout";

/** Where the buyer goes after paying: the success URL with Stripe's placeholder filled in. */
export function successUrlFor(session: CheckoutSession): string {
  return session.success_url.replaceAll("{CHECKOUT_SESSION_ID}", session.id);
}

function TestModeBanner() {
  return (
    <p class="emu-banner" role="note">
      <strong>Offline test checkout.</strong> This page stands in for Stripe while the app runs without a Stripe account.
      No real money moves and no card details leave this computer.
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
          <span class="visually-hidden">Error: </span>
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

const labels: Record<CardField, string> = {
  email: "Email",
  card_number: "Card number",
  expiry: "Expiry date (MM / YY)",
  cvc: "Security code (CVC)",
  name: "Name on card",
};

function ErrorSummary(props: { errors: Partial<Record<CardField, string>> }) {
  return (
    <div class="emu-error-summary" role="alert" aria-labelledby="emu-error-summary-title" tabindex={-1}>
      <h2 id="emu-error-summary-title">The payment did not go through</h2>
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
  return (
    <section aria-labelledby="emu-order-title">
      <h2 id="emu-order-title">Your order</h2>
      <table class="emu-items">
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Quantity</th>
            <th scope="col">Amount</th>
          </tr>
        </thead>
        <tbody>
          {lineItems.map((item) => (
            <tr>
              <td>{item.description}</td>
              <td>{item.quantity}</td>
              <td>{formatMoney(item.amount_total, item.currency)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colspan={2}>
              Total
            </th>
            <td>{formatMoney(session.amount_total, session.currency)}</td>
          </tr>
        </tfoot>
      </table>
      {session.customer_email && (
        <p>
          Paying as <strong>{session.customer_email}</strong>
        </p>
      )}
    </section>
  );
}

/** `/dev/stripe/checkout/:id` for an open session: the order, the card form and a way back. */
export function EmulatorCheckoutPage(props: {
  record: SessionRecord;
  values?: Partial<CardForm>;
  errors?: Partial<Record<CardField, string>>;
}) {
  const { session } = props.record;
  const values = props.values ?? {};
  const errors = props.errors ?? {};
  const total = formatMoney(session.amount_total, session.currency);
  const field = (name: CardField) => ({ name, label: labels[name], value: values[name] ?? "", error: errors[name] });
  return (
    <Layout title={Object.keys(errors).length ? "Error: Offline test checkout" : "Offline test checkout"} noindex>
      <TestModeBanner />
      <h1>Pay {total}</h1>
      {Object.keys(errors).length > 0 && <ErrorSummary errors={errors} />}
      <OrderSummary record={props.record} />
      <form class="emu-pay" method="post" action={`/dev/stripe/checkout/${session.id}`} novalidate>
        <h2>Card details</h2>
        <p class="emu-hint" id="emu-test-cards">
          Test cards: 4242 4242 4242 4242 succeeds; 4000 0000 0000 0002 is declined. Use any future expiry date and any 3-digit
          CVC.
        </p>
        {!session.customer_email && (
          <Field {...field("email")} type="email" inputmode="email" autocomplete="email" maxlength={254} />
        )}
        <Field {...field("card_number")} hintId="emu-test-cards" autocomplete="cc-number" inputmode="numeric" size={23} maxlength={23} />
        <div class="emu-row">
          <Field {...field("expiry")} hint="For example 12 / 34" autocomplete="cc-exp" inputmode="numeric" size={7} maxlength={7} />
          <Field {...field("cvc")} hint="3 digits on the back" value="" autocomplete="cc-csc" inputmode="numeric" size={4} maxlength={4} />
        </div>
        <Field {...field("name")} autocomplete="cc-name" maxlength={200} />
        <button type="submit" class="emu-pay-button">
          Pay {total}
        </button>
      </form>
      {session.cancel_url && (
        <p>
          <a href={session.cancel_url}>Cancel and go back</a>
        </p>
      )}
    </Layout>
  );
}

/** A session that can no longer be paid: already paid, or expired. */
export function EmulatorSessionClosedPage(props: { session: CheckoutSession }) {
  const { session } = props;
  const total = formatMoney(session.amount_total, session.currency);
  const paid = session.status === "complete";
  return (
    <Layout title={paid ? "Already paid" : "Checkout expired"} noindex>
      <TestModeBanner />
      <h1>{paid ? "This checkout is already paid" : "This checkout has expired"}</h1>
      <p>
        {paid
          ? `The payment of ${total} went through. There is nothing more to pay here.`
          : `This checkout was not paid in time, so it has closed. No money was taken. Go back and start again to get a new checkout.`}
      </p>
      <p>
        {paid ? (
          <a href={successUrlFor(session)}>Continue to your order</a>
        ) : (
          <a href={session.cancel_url ?? "/"}>Go back and start again</a>
        )}
      </p>
    </Layout>
  );
}
