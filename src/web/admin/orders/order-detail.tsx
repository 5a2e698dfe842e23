import type { OrderAnswers } from "@/domain/questions/order-answers";
import { AnswerList } from "@/web/shared/answers";
import type { StaffIdentity } from "@/domain/staff/roles";
import type { orderDetail } from "@/domain/orders/admin-queries";
import { AdminLayout, CsrfField, said } from "@/web/admin/admin-layout";
import { actionName, AuditFacts } from "@/web/admin/staff/audit-facts";
import { useMessages } from "@/web/shared/i18n";
import { EraseOrderForm, ErasedNote } from "@/web/admin/orders/erase-order";
import { ConfirmedActionForm } from "@/web/admin/confirmed-action";

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
  const m = useMessages().admin.order;
  return (
    <ConfirmedActionForm
      action={`/admin/orders/${props.orderId}/cancel`}
      csrfToken={props.csrfToken}
      boxId="confirm-cancel"
      words={{ legend: m.cancelPaidLegend, hint: m.cancelPaidHint, confirm: m.cancelPaidConfirm, button: m.cancelPaidButton }}
    />
  );
}

/** `/admin/orders/:id`: one order, its tickets, its history, and what can be done to it. */
export function OrderDetailPage(props: { detail: Detail; staff: StaffIdentity; csrfToken: string; message?: string | undefined; error?: string | undefined; answers?: OrderAnswers | undefined }) {
  const { order, history, emails } = props.detail;
  const { csrfToken } = props;
  const m = useMessages();
  const w = m.admin.order;
  const words = m.audit;
  const amount = (minor: number) => m.format.amount(minor, order.currency);
  // Times in the event's zone, each saying which zone ("14:05 BST").
  const when = (at: Date) => m.format.dateTime(at, order.event.timezone);
  const source = said(m.admin.orderSource, order.source);
  const refundable = order.stripePaymentIntentId && (order.status === "paid" || order.status === "partially_refunded") ? order.totalMinor - order.refundedMinor : 0;
  return (
    <AdminLayout title={w.title({ reference: order.reference })} staff={props.staff} csrfToken={csrfToken}>
      <p class="breadcrumb">
        <a href={`/admin/events/${order.eventId}/attendees`}>{w.back({ title: order.event.title })}</a>
      </p>
      <h1>
        {w.heading} <span class="reference">{order.reference}</span>
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
        <dt>{w.status}</dt>
        <dd>{said(m.admin.orderStatus, order.status)}</dd>
        <dt>{w.buyer}</dt>
        <dd>
          {order.erasedAt ? <ErasedNote erasedAt={order.erasedAt} timezone={order.event.timezone} /> : (
            <>
              {order.buyerName} ({order.buyerEmail})
            </>
          )}
        </dd>
        <dt>{w.total}</dt>
        <dd>{order.refundedMinor > 0 ? w.totalRefunded({ total: amount(order.totalMinor), refunded: amount(order.refundedMinor) }) : amount(order.totalMinor)}</dd>
        {order.discountMinor > 0 && (
          <>
            <dt>{m.waitlistMail.discounts.discountHeading}</dt>
            <dd>{order.voucherCode ? m.waitlistMail.discounts.voucherOff({ code: order.voucherCode, amount: amount(order.discountMinor) }) : amount(-order.discountMinor)}</dd>
          </>
        )}
        <dt>{w.source}</dt>
        <dd>{source}</dd>
        <dt>{w.ordered}</dt>
        <dd>{when(order.createdAt)}</dd>
        {order.paidAt && (
          <>
            <dt>{w.paid}</dt>
            <dd>{when(order.paidAt)}</dd>
          </>
        )}
      </dl>

      {props.answers && props.answers.order.length > 0 && (
        <>
          <h2>{m.questions.answers.orderHeading}</h2>
          <AnswerList answers={props.answers.order} lang={m.locale.slice(0, 2)} mainLang={order.event.mainLanguage} />
        </>
      )}
      <h2>{w.tickets}</h2>
      <ul class="admin-tickets" role="list">
        {order.tickets.map((t, i) => (
          <li>
            <p>
              <strong>{t.attendeeName || m.privacy.order.erasedName}</strong>: {t.ticketType.name}, {m.format.money(t.pricePaidMinor, order.currency)}, {said(m.admin.ticketStatus, t.status)}
              {t.checkedInAt && w.checkedInAt({ when: when(t.checkedInAt) })}
              {t.eligibilityAnswer && <span class="hint"> ({t.eligibilityAnswer})</span>}
            </p>
            <AnswerList answers={props.answers?.tickets.get(t.id) ?? []} lang={m.locale.slice(0, 2)} mainLang={order.event.mainLanguage} />
            <form method="post" action={`/admin/tickets/${t.id}/name`} class="inline-action">
              <CsrfField token={csrfToken} />
              <label for={`name-${i}`}>{w.correctName}</label>
              <input id={`name-${i}`} name="name" type="text" value={t.attendeeName} required maxlength={100} />
              <button type="submit" class="button-secondary">
                {w.saveName}
              </button>
            </form>
            {t.status === "valid" && <ActionForm action={`/admin/tickets/${t.id}/cancel`} csrfToken={csrfToken} label={w.cancelTicket({ name: t.attendeeName })} />}
          </li>
        ))}
      </ul>

      <h2>{w.actions}</h2>
      <div class="admin-actions-block">
        {order.tickets.some((t) => t.status === "valid") && <ActionForm action={`/admin/orders/${order.id}/resend`} csrfToken={csrfToken} label={w.resend} />}
        {refundable > 0 && (
          <form method="post" action={`/admin/orders/${order.id}/refund`} class="refund-form">
            <CsrfField token={csrfToken} />
            <fieldset>
              <legend>{w.refundLegend}</legend>
              <div class="field">
                <label for="amount">{w.amount({ currency: order.currency })}</label>
                <p class="hint" id="amount-hint">
                  {w.refundHint({ amount: amount(refundable) })}
                </p>
                <input id="amount" name="amount" type="text" inputmode="decimal" aria-describedby="amount-hint" />
              </div>
              {order.tickets.filter((t) => t.status === "valid").length > 1 && (
                <div class="field">
                  <p>{w.partial}</p>
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
                {w.refund}
              </button>
            </fieldset>
          </form>
        )}
        {order.status === "pending" && <ActionForm action={`/admin/orders/${order.id}/cancel`} csrfToken={csrfToken} label={w.cancelUnpaid} />}
        {(order.status === "paid" || order.status === "partially_refunded") && <CancelPaidForm orderId={order.id} csrfToken={csrfToken} />}
        <EraseOrderForm order={order} csrfToken={csrfToken} />
      </div>

      <h2>{w.history}</h2>
      <ol class="history">
        <li>{w.historyOrdered({ when: when(order.createdAt), source })}</li>
        {order.paidAt && <li>{w.historyPaid({ when: when(order.paidAt) })}</li>}
        {history.map((h) => (
          <li>
            {w.historyAction({ when: when(h.createdAt), action: actionName(h.action, words), who: h.staff?.email ?? words.system })}
            <AuditFacts detail={h.detail} words={words} timeZone={order.event.timezone} />
          </li>
        ))}
        {emails.map((mail) => (
          <li>
            {w.historyEmail({ when: when(mail.createdAt), template: said(w.emailTemplates, mail.template), recipient: mail.recipient, status: said(w.emailStatus, mail.status) })}
            {mail.lastError && ` (${mail.lastError})`}
          </li>
        ))}
      </ol>
    </AdminLayout>
  );
}
