import type { Event, Order } from "@/generated/prisma/client";
import { changesCutoff, changesOpen, policyOf, refundable, refundFor } from "@/domain/self-service/policy";
import type { Refusal } from "@/domain/self-service/actions";
import type { Messages } from "@/i18n";
import type { SelfServiceNotice } from "@/i18n/areas/self-service";
import { ErrorSummary, fieldId, TextField } from "@/web/shared/form-parts";
import { useMessages, useRequest } from "@/web/shared/i18n";

/** What a self-service form answered, when the page is shown again after a POST (errors, a refusal). */
export type PanelState = { form: "name" | "transfer" | "cancel" | "answers"; errors?: Record<string, string>; values?: Record<string, string>; refused?: Refusal };

/** The notices a page may show after a change (`?done=`). */
export const panelNotices = ["renamed", "unchanged", "transferred", "cancelled", "answered"] as const satisfies readonly SelfServiceNotice[];

/** The event's refund policy in one sentence, dates and money in the event's zone and currency. */
export function policySentence(m: Messages, event: Pick<Event, "refundPolicy" | "refundUntil" | "refundFeeMinor" | "currency" | "timezone">): string {
  const policy = policyOf(event);
  if (policy === "full_until" && event.refundUntil) return m.selfService.policy.full_until({ until: m.format.dateTime(event.refundUntil, event.timezone) });
  if (policy === "minus_fee") return m.selfService.policy.minus_fee({ fee: m.format.money(event.refundFeeMinor, event.currency) });
  return m.selfService.policy.none;
}

/** What cancelling now refunds, said before the holder confirms. */
function RefundLine(props: { event: Event; order: Order; prices: number[] }) {
  const m = useMessages();
  const now = useRequest().var.deps.now();
  const amount = refundable(props.order, props.prices.reduce((sum, p) => sum + refundFor(props.event, p, now), 0));
  return (
    <>
      <p>{policySentence(m, props.event)}</p>
      <p class="notice" data-refund-minor={amount}>
        <strong>{amount > 0 ? m.selfService.panel.refundNow({ amount: m.format.money(amount, props.order.currency) }) : m.selfService.panel.noRefundNow}</strong>
      </p>
    </>
  );
}

/** The confirmation notice after a change (POST-redirect-GET: `?done=` names it; the amount refunded rides along). */
export function SelfServiceNotice(props: { currency: string }) {
  const c = useRequest();
  const m = useMessages();
  const done = c.req.query("done");
  if (!done || !(panelNotices as readonly string[]).includes(done)) return null;
  const refunded = Number(c.req.query("refunded") ?? "0");
  const words = m.selfService.notices;
  const text =
    done === "cancelled"
      ? Number.isInteger(refunded) && refunded > 0
        ? words.cancelledRefund({ amount: m.format.money(refunded, props.currency) })
        : words.cancelled
      : words[done as Exclude<SelfServiceNotice, "cancelled">];
  return (
    <p class="notice notice-done" role="status">
      {text}
    </p>
  );
}

/** A refusal (nothing changed), said where the holder acted. */
function Refused(props: { state?: PanelState | undefined; form: PanelState["form"] }) {
  const m = useMessages();
  if (!props.state?.refused || props.state.form !== props.form) return null;
  return (
    <div class="error-summary" role="alert">
      <p>{m.selfService.refusals[props.state.refused]}</p>
    </div>
  );
}

/** Errors of one form, at its top. */
function Errors(props: { state?: PanelState | undefined; form: PanelState["form"]; labels: Record<string, string> }) {
  const m = useMessages();
  if (!props.state?.errors || props.state.form !== props.form || !Object.keys(props.state.errors).length) return null;
  return <ErrorSummary message={m.selfService.panel.fixThese} errors={props.state.errors} labels={props.labels} />;
}

/**
 * The ticket page's "change or cancel" section, for a valid ticket whose link is the only key:
 * change the name, transfer, cancel, each a form of its own that works without JavaScript. After
 * the cut-off it says so and offers nothing. Only this ticket: never the others of its order.
 */
export function SelfServicePanel(props: {
  token: string;
  attendeeName: string;
  valid: boolean;
  checkedIn: boolean;
  event: Event;
  order: Order;
  pricePaidMinor: number;
  /** How many of the organisers' questions this ticket's holder answers (0: no link to them). */
  questionCount: number;
  state?: PanelState | undefined;
}) {
  const m = useMessages();
  const now = useRequest().var.deps.now();
  const w = m.selfService.panel;
  const { state } = props;
  if (!props.valid || props.checkedIn) {
    // A refusal still needs saying where the holder acted (e.g. the ticket was cancelled meanwhile).
    return state?.refused ? (
      <section id="manage" class="self-service no-print">
        <Refused state={state} form={state.form} />
      </section>
    ) : null;
  }
  const at = m.format.dateTime(changesCutoff(props.event), props.event.timezone);
  const base = `/tickets/${props.token}`;
  const errors = state?.errors ?? {};
  const values = state?.values ?? {};
  if (!changesOpen(props.event, now)) {
    return (
      <section id="manage" class="self-service no-print" aria-labelledby="manage-heading">
        <h2 id="manage-heading">{w.heading}</h2>
        <Refused state={state} form={state?.form ?? "name"} />
        <p>{w.closed({ at })}</p>
      </section>
    );
  }
  return (
    <section id="manage" class="self-service no-print" aria-labelledby="manage-heading">
      <h2 id="manage-heading">{w.heading}</h2>
      <p>{w.openUntil({ at })}</p>
      {props.questionCount > 0 && (
        <p>
          <a href={`${base}/answers`}>{w.answersLink}</a>
        </p>
      )}
      <form method="post" action={`${base}/name`} novalidate>
        <h3>{w.nameHeading}</h3>
        <Refused state={state} form="name" />
        <Errors state={state} form="name" labels={{ name: w.nameLabel }} />
        <TextField name="name" label={w.nameLabel} value={state?.form === "name" ? values.name : props.attendeeName} error={state?.form === "name" ? errors.name : undefined} autocomplete="name" required />
        <button type="submit">{w.nameSubmit}</button>
      </form>
      <form method="post" action={`${base}/transfer`} novalidate>
        <h3>{w.transferHeading}</h3>
        <p>{w.transferIntro}</p>
        <Refused state={state} form="transfer" />
        <Errors state={state} form="transfer" labels={{ transferName: w.transferName, transferEmail: w.transferEmail }} />
        <TextField name="transferName" label={w.transferName} value={values.transferName} error={state?.form === "transfer" ? errors.transferName : undefined} autocomplete="off" required />
        <TextField name="transferEmail" label={w.transferEmail} type="email" value={values.transferEmail} error={state?.form === "transfer" ? errors.transferEmail : undefined} autocomplete="off" required />
        <button type="submit">{w.transferSubmit}</button>
      </form>
      <form method="post" action={`${base}/cancel`} novalidate>
        <h3>{w.cancelHeading}</h3>
        <Refused state={state} form="cancel" />
        <Errors state={state} form="cancel" labels={{}} />
        <RefundLine event={props.event} order={props.order} prices={[props.pricePaidMinor]} />
        <ConfirmBox label={w.confirmCancel} error={state?.form === "cancel" ? errors.confirm : undefined} />
        <button type="submit" class="button-danger">
          {w.cancelSubmit}
        </button>
      </form>
    </section>
  );
}

/** The "I understand" box every cancellation needs ticked. */
function ConfirmBox(props: { label: string; error?: string | undefined }) {
  const id = fieldId("confirm");
  return (
    <div class={props.error ? "checkbox field-error" : "checkbox"}>
      {props.error && (
        <p class="error-message" id={`${id}-error`}>
          {props.error}
        </p>
      )}
      <input type="checkbox" id={id} name="confirm" value="yes" aria-describedby={props.error ? `${id}-error` : undefined} />
      <label for={id}>{props.label}</label>
    </div>
  );
}

/**
 * The order page's "cancel every ticket" form (through the order's unguessable link), with what
 * it would refund. Only while some ticket is valid and changes are open.
 */
export function CancelOrderPanel(props: { order: Order & { event: Event; tickets: Array<{ status: string; checkedInAt: Date | null; pricePaidMinor: number }> }; state?: PanelState | undefined }) {
  const m = useMessages();
  const now = useRequest().var.deps.now();
  const w = m.selfService.panel;
  const { order } = props;
  const live = order.tickets.filter((t) => t.status === "valid" && !t.checkedInAt);
  if (!live.length || (order.status !== "paid" && order.status !== "partially_refunded") || order.event.status === "cancelled" || !changesOpen(order.event, now)) return null;
  const errors = props.state?.errors ?? {};
  return (
    <section id="manage" class="self-service no-print" aria-labelledby="manage-heading">
      <h2 id="manage-heading">{w.cancelOrderHeading}</h2>
      <p>{w.orderOpenUntil({ at: m.format.dateTime(changesCutoff(order.event), order.event.timezone) })}</p>
      <form method="post" action={`/orders/${order.id}/cancel-tickets`} novalidate>
        <Refused state={props.state} form="cancel" />
        <RefundLine event={order.event} order={order} prices={live.map((t) => t.pricePaidMinor)} />
        <ConfirmBox label={w.confirmCancelOrder} error={errors.confirm} />
        <button type="submit" class="button-danger">
          {w.cancelOrderSubmit}
        </button>
      </form>
    </section>
  );
}
