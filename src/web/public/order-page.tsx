import type { Event, Order, Ticket, TicketType } from "@/generated/prisma/client";
import { formatMoney } from "@/lib/format";
import { EventWhen } from "@/web/public/event-parts";
import { Layout } from "@/web/shared/layout";

type FullOrder = Order & { event: Event; tickets: Array<Ticket & { ticketType: TicketType }> };

function Heading(props: { order: FullOrder }) {
  const { order } = props;
  switch (order.status) {
    case "paid":
    case "partially_refunded":
      return (
        <>
          <h1>{order.totalMinor === 0 ? "You’re registered" : "Payment received"}</h1>
          <p class="lead">
            Your tickets are on their way to <strong>{order.buyerEmail}</strong>. Each ticket has a QR code to show at the door.
          </p>
        </>
      );
    case "pending":
      return (
        <>
          <h1>Waiting for your payment to be confirmed</h1>
          <p class="lead">This usually takes a few seconds; this page checks again by itself. We email your tickets as soon as it is confirmed.</p>
        </>
      );
    case "refunded":
      // Never confirmed: the payment came after the hold ended and was refunded automatically.
      if (!order.paidAt) {
        return (
          <>
            <h1>Your late payment was refunded</h1>
            <p class="lead">
              Your payment arrived after your places were released, so {formatMoney(order.refundedMinor, order.currency)} has been refunded to your card in full. Please
              register again if places are left.
            </p>
          </>
        );
      }
      return (
        <>
          <h1>This order was refunded</h1>
          <p class="lead">The organisers refunded {formatMoney(order.refundedMinor, order.currency)} to your card, and the tickets on this order are cancelled.</p>
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
  const refunded = order.refundedMinor > 0;
  return (
    <>
      <h1>The organisers cancelled this order</h1>
      <p class="lead">
        You paid {formatMoney(order.totalMinor, order.currency)}, and the organisers have cancelled the tickets on this order.{" "}
        {refunded ? `They refunded ${formatMoney(order.refundedMinor, order.currency)} of it.` : "Nothing has been refunded yet."}
      </p>
      <p>If you have questions about this, or expected a refund, contact the organisers: reply to any email we sent you about this order.</p>
    </>
  );
}

function NotCompleted() {
  return (
    <>
      <h1>This registration was not completed</h1>
      <p class="lead">Nothing has been charged and the places have been released.</p>
    </>
  );
}

/** What a buyer sees after paying (or cancelling): the order's state, in words, with its tickets. */
export function OrderPage(props: { order: FullOrder }) {
  const { order } = props;
  const { event } = order;
  return (
    <Layout title={`Order ${order.reference}`} noindex refreshSeconds={order.status === "pending" ? 5 : undefined}>
      <Heading order={order} />
      <dl class="facts">
        <dt>Order reference</dt>
        <dd>
          <strong class="reference">{order.reference}</strong>
        </dd>
        <dt>Event</dt>
        <dd>
          <a href={`/events/${event.slug}`}>{event.title}</a>
        </dd>
        <dt>When</dt>
        <dd>
          <EventWhen event={event} />
        </dd>
        <dt>Where</dt>
        <dd>
          {event.venueName}, {event.venueAddress}
        </dd>
        <dt>Total</dt>
        <dd>{formatMoney(order.totalMinor, order.currency)}</dd>
      </dl>
      <h2>Tickets</h2>
      <ul class="order-tickets">
        {order.tickets.map((t) => (
          <li>
            <strong>{t.attendeeName}</strong>: {t.ticketType.name}
            {t.status === "cancelled" && " (cancelled)"}
            {t.status === "valid" && (
              <>
                {" · "}
                <a href={`/tickets/${t.token}`}>Open ticket<span class="visually-hidden"> for {t.attendeeName}</span></a>
              </>
            )}
          </li>
        ))}
      </ul>
      {(order.status === "cancelled" || order.status === "expired") && !order.paidAt && (
        <p>
          <a class="button-primary" href={`/events/${event.slug}/register?from=${order.id}`}>
            Register again with the same details
          </a>
        </p>
      )}
    </Layout>
  );
}
