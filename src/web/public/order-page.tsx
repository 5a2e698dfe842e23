import type { OrderAnswers } from "@/domain/questions/order-answers";
import { AnswerList } from "@/web/shared/answers";
import type { Event, Order, Ticket, TicketType } from "@/generated/prisma/client";
import { eventInLanguage, tierInLanguage } from "@/domain/events/translations";
import { EventWhen } from "@/web/public/event-parts";
import { wasPaid } from "@/domain/correspondence/receipt";
import { rich } from "@/web/public/rich";
import { useLocale, useMessages } from "@/web/shared/i18n";
import { InLanguage } from "@/web/shared/in-language";
import { Layout } from "@/web/shared/layout";
import { CancelOrderPanel, SelfServiceNotice, type PanelState } from "@/web/public/self-service-panel";

type FullOrder = Order & { event: Event; tickets: Array<Ticket & { ticketType: TicketType }>; voucherCode?: string | null };

function Heading(props: { order: FullOrder }) {
  const { order } = props;
  const m = useMessages();
  const words = m.public.order;
  const amount = (minor: number) => m.format.amount(minor, order.currency);
  switch (order.status) {
    case "paid":
    case "partially_refunded":
      return (
        <>
          <h1>{order.totalMinor === 0 ? words.registered : words.paymentReceived}</h1>
          <p class="lead">{rich(words.onTheirWay, { email: <strong>{order.buyerEmail}</strong> })}</p>
        </>
      );
    case "pending":
      return (
        <>
          <h1>{words.pending.heading}</h1>
          <p class="lead">{words.pending.body}</p>
        </>
      );
    case "refunded":
      // Never confirmed: the payment came after the hold ended and was refunded automatically.
      if (!order.paidAt) {
        return (
          <>
            <h1>{words.lateRefund.heading}</h1>
            <p class="lead">{words.lateRefund.body({ amount: amount(order.refundedMinor) })}</p>
          </>
        );
      }
      return (
        <>
          <h1>{words.refunded.heading}</h1>
          <p class="lead">{words.refunded.body({ amount: amount(order.refundedMinor) })}</p>
        </>
      );
    case "cancelled":
      if (order.paidAt) return <CancelledAfterPayment order={order} />;
      return <NotCompleted />;
    default:
      return <NotCompleted />;
  }
}

/** Paid, then cancelled by the organisers: the money has not come back on its own. */
function CancelledAfterPayment(props: { order: FullOrder }) {
  const { order } = props;
  const m = useMessages();
  const words = m.public.order.cancelledByOrganisers;
  const refunded = order.refundedMinor > 0 ? m.format.amount(order.refundedMinor, order.currency) : null;
  return (
    <>
      <h1>{words.heading}</h1>
      <p class="lead">{words.body({ paid: m.format.amount(order.totalMinor, order.currency), refunded })}</p>
      <p>{words.contact}</p>
    </>
  );
}

function NotCompleted() {
  const words = useMessages().public.order.notCompleted;
  return (
    <>
      <h1>{words.heading}</h1>
      <p class="lead">{words.body}</p>
    </>
  );
}

/** What a buyer sees after paying (or cancelling): the order's state, in words, with its tickets. */
export function OrderPage(props: { order: FullOrder; selfService?: PanelState | undefined; answers?: OrderAnswers | undefined }) {
  const { order } = props;
  const m = useMessages();
  const words = m.public.order;
  const locale = useLocale();
  const event = eventInLanguage(order.event, locale);
  return (
    <Layout title={words.title({ reference: order.reference })} noindex refreshSeconds={order.status === "pending" ? 5 : undefined}>
      <Heading order={order} />
      <SelfServiceNotice currency={order.currency} />
      <dl class="facts">
        <dt>{words.reference}</dt>
        <dd>
          <strong class="reference">{order.reference}</strong>
        </dd>
        <dt>{words.event}</dt>
        <dd>
          <a href={`/events/${event.slug}`}>
            <InLanguage lang={event.textLang.title}>{event.title}</InLanguage>
          </a>
        </dd>
        <dt>{words.when}</dt>
        <dd>
          <EventWhen event={event} />
        </dd>
        <dt>{words.where}</dt>
        <dd>
          <InLanguage lang={event.textLang.venueName}>{event.venueName}</InLanguage>,{" "}
          <InLanguage lang={event.textLang.venueAddress}>{event.venueAddress}</InLanguage>
        </dd>
        {order.discountMinor > 0 && (
          <>
            <dt>{m.waitlistMail.discounts.discountHeading}</dt>
            <dd>
              {order.voucherCode
                ? m.waitlistMail.discounts.voucherOff({ code: order.voucherCode, amount: m.format.amount(order.discountMinor, order.currency) })
                : m.format.amount(-order.discountMinor, order.currency)}
            </dd>
          </>
        )}
        <dt>{words.total}</dt>
        <dd>{m.format.money(order.totalMinor, order.currency)}</dd>
      </dl>
      <h2>{words.tickets}</h2>
      <ul class="order-tickets">
        {order.tickets.map((t) => {
          const tier = tierInLanguage(t.ticketType, locale, event.mainLanguage);
          return (
            <li>
              {rich(words.ticketLine, { name: <strong>{t.attendeeName}</strong>, tier: <InLanguage lang={tier.textLang.name}>{tier.name}</InLanguage> })}
              {(t.status === "cancelled" || t.status === "transferred") && ` ${words.ticketCancelled}`}
              {t.status === "valid" && (
                <>
                  {" · "}
                  <a href={`/tickets/${t.token}`}>
                    {words.openTicket}
                    <span class="visually-hidden"> {words.openTicketFor({ name: t.attendeeName })}</span>
                  </a>
                </>
              )}
              <AnswerList answers={props.answers?.tickets.get(t.id) ?? []} lang={locale} mainLang={event.mainLanguage} />
            </li>
          );
        })}
      </ul>
      {props.answers && props.answers.order.length > 0 && (
        <>
          <h2>{m.questions.answers.orderHeading}</h2>
          <AnswerList answers={props.answers.order} lang={locale} mainLang={event.mainLanguage} />
        </>
      )}
      {/* Self-service: cancel every ticket (each ticket's own changes are on its page); "change answers" joins here with questions. */}
      <CancelOrderPanel order={order} state={props.selfService} />
      {wasPaid(order) && (
        <p>
          <a href={`/orders/${order.id}/receipt`}>{m.correspondence.receipt.link}</a>
        </p>
      )}
      {(order.status === "cancelled" || order.status === "expired") && !order.paidAt && (
        <p>
          <a class="button-primary" href={`/events/${event.slug}/register?from=${order.id}`}>
            {words.registerAgain}
          </a>
        </p>
      )}
    </Layout>
  );
}
