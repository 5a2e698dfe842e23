import { formatAmount, formatDateTime, formatMoney } from "@/lib/format";
import type { StaffIdentity } from "@/domain/staff/roles";
import type { orderDetail } from "@/domain/orders/admin-queries";
import type { Messages } from "@/i18n";
import { AdminLayout, CsrfField } from "@/web/admin/admin-layout";
import { actionName, AuditFacts } from "@/web/admin/staff/audit-facts";

type Detail = Awaited<ReturnType<typeof orderDetail>>;

function ActionForm(props: { action: string; csrfToken: string; label: string }) {
  return (
    <form method="post" action={props.action} class="inline-action">
      <CsrfField token={props.csrfToken} />
      <button type="submit" class="button-secondary">
        {props.label}
      </button>
    </form>
  );
}

/** Cancelling a paid order keeps the money, so it needs its box ticked; the buyer is emailed. */
function CancelPaidForm(props: { orderId: string; csrfToken: string }) {
  return (
    <form method="post" action={`/admin/orders/${props.orderId}/cancel`} class="inline-action">
      <CsrfField token={props.csrfToken} />
      <fieldset>
        <legend>Cancel every ticket without a refund</legend>
        <p class="hint">The buyer is emailed that their tickets are cancelled and that nothing has been refunded. To give money back, refund instead.</p>
        <div class="checkbox">
          <input type="checkbox" id="confirm-cancel" name="confirm" value="yes" required />
          <label for="confirm-cancel">I mean to cancel every ticket on this order and keep the payment</label>
        </div>
        <button type="submit" class="button-secondary">
          Cancel every ticket (no refund)
        </button>
      </fieldset>
    </form>
  );
}

/** `/admin/orders/:id`: one order, its tickets, its history, and what can be done to it. */
export function OrderDetailPage(props: { detail: Detail; words: Messages["audit"]; staff: StaffIdentity; csrfToken: string; message?: string | undefined; error?: string | undefined }) {
  const { order, history, emails } = props.detail;
  const { csrfToken } = props;
  // Times in the event's zone, each saying which zone ("14:05 BST").
  const when = (at: Date) => formatDateTime(at, order.event.timezone);
  const refundable = order.stripePaymentIntentId && (order.status === "paid" || order.status === "partially_refunded") ? order.totalMinor - order.refundedMinor : 0;
  return (
    <AdminLayout title={`Order ${order.reference}`} staff={props.staff} csrfToken={csrfToken}>
      <p class="breadcrumb">
        <a href={`/admin/events/${order.eventId}/attendees`}>← Attendees of {order.event.title}</a>
      </p>
      <h1>
        Order <span class="reference">{order.reference}</span>
      </h1>
      {props.message && (
        <p class="notice" role="status">
          {props.message}
        </p>
      )}
      {props.error && (
        <p class="error-summary" role="alert">
          {props.error}
        </p>
      )}
      <dl class="facts">
        <dt>Status</dt>
        <dd>{order.status.replace(/_/g, " ")}</dd>
        <dt>Buyer</dt>
        <dd>
          {order.buyerName} ({order.buyerEmail})
        </dd>
        <dt>Total</dt>
        <dd>
          {formatAmount(order.totalMinor, order.currency)}
          {order.refundedMinor > 0 && `, of which ${formatAmount(order.refundedMinor, order.currency)} refunded`}
        </dd>
        <dt>Source</dt>
        <dd>{order.source}</dd>
        <dt>Ordered</dt>
        <dd>{when(order.createdAt)}</dd>
        {order.paidAt && (
          <>
            <dt>Paid</dt>
            <dd>{when(order.paidAt)}</dd>
          </>
        )}
      </dl>

      <h2>Tickets</h2>
      <ul class="admin-tickets" role="list">
        {order.tickets.map((t, i) => (
          <li>
            <p>
              <strong>{t.attendeeName}</strong>: {t.ticketType.name}, {formatMoney(t.pricePaidMinor, order.currency)}, {t.status}
              {t.checkedInAt && `, checked in ${when(t.checkedInAt)}`}
              {t.eligibilityAnswer && <span class="hint"> ({t.eligibilityAnswer})</span>}
            </p>
            <form method="post" action={`/admin/tickets/${t.id}/name`} class="inline-action">
              <CsrfField token={csrfToken} />
              <label for={`name-${i}`}>Correct the name</label>
              <input id={`name-${i}`} name="name" type="text" value={t.attendeeName} required maxlength={100} />
              <button type="submit" class="button-secondary">
                Save name
              </button>
            </form>
            {t.status === "valid" && <ActionForm action={`/admin/tickets/${t.id}/cancel`} csrfToken={csrfToken} label={`Cancel ${t.attendeeName}'s ticket (no refund)`} />}
          </li>
        ))}
      </ul>

      <h2>Actions</h2>
      <div class="admin-actions-block">
        {order.tickets.some((t) => t.status === "valid") && <ActionForm action={`/admin/orders/${order.id}/resend`} csrfToken={csrfToken} label="Email the tickets to the buyer again" />}
        {refundable > 0 && (
          <form method="post" action={`/admin/orders/${order.id}/refund`} class="refund-form">
            <CsrfField token={csrfToken} />
            <fieldset>
              <legend>Refund through Stripe</legend>
              <div class="field">
                <label for="amount">Amount ({order.currency})</label>
                <p class="hint" id="amount-hint">
                  Leave blank to refund everything left ({formatAmount(refundable, order.currency)}): that cancels every ticket and frees the seats.
                </p>
                <input id="amount" name="amount" type="text" inputmode="decimal" aria-describedby="amount-hint" />
              </div>
              {order.tickets.filter((t) => t.status === "valid").length > 1 && (
                <div class="field">
                  <p>For a partial refund, also cancel these tickets:</p>
                  {order.tickets
                    .filter((t) => t.status === "valid")
                    .map((t) => (
                      <div class="checkbox">
                        <input type="checkbox" id={`cancel-${t.id}`} name="cancel" value={t.id} />
                        <label for={`cancel-${t.id}`}>{t.attendeeName}</label>
                      </div>
                    ))}
                </div>
              )}
              <button type="submit" class="button-primary">
                Refund
              </button>
            </fieldset>
          </form>
        )}
        {order.status === "pending" && <ActionForm action={`/admin/orders/${order.id}/cancel`} csrfToken={csrfToken} label="Cancel this unpaid order and free its seats" />}
        {(order.status === "paid" || order.status === "partially_refunded") && <CancelPaidForm orderId={order.id} csrfToken={csrfToken} />}
      </div>

      <h2>History</h2>
      <ol class="history">
        <li>
          {when(order.createdAt)}: ordered ({order.source})
        </li>
        {order.paidAt && <li>{when(order.paidAt)}: paid</li>}
        {history.map((h) => (
          <li>
            {when(h.createdAt)}: {actionName(h.action, props.words)} by {h.staff?.email ?? props.words.system}
            <AuditFacts detail={h.detail} words={props.words} timeZone={order.event.timezone} />
          </li>
        ))}
        {emails.map((m) => (
          <li>
            {when(m.createdAt)}: email “{m.template.replace(/_/g, " ")}” to {m.recipient}: {m.status}
            {m.lastError && ` (${m.lastError})`}
          </li>
        ))}
      </ol>
    </AdminLayout>
  );
}
