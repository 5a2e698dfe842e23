import type { NoReceipt, Receipt, ReceiptLine } from "@/domain/correspondence/receipt";
import { eventInLanguage, tierInLanguage } from "@/domain/events/translations";
import { useLocale, useMessages } from "@/web/shared/i18n";
import { InLanguage } from "@/web/shared/in-language";
import { Layout } from "@/web/shared/layout";

/** "20", "5.5": a VAT rate in basis points as the reader writes a percentage. */
const rateText = (basisPoints: number, locale: string) => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(basisPoints / 100);

function Line(props: { line: ReceiptLine; currency: string; mainLanguage: string }) {
  const { line } = props;
  const m = useMessages();
  const w = m.correspondence.receipt;
  const locale = useLocale();
  const amount = m.format.amount(line.amountMinor, props.currency);
  if (line.kind === "ticket") {
    const tier = tierInLanguage(line.tier, locale, props.mainLanguage);
    return (
      <tr>
        <th scope="row">
          <InLanguage lang={tier.textLang.name}>{tier.name}</InLanguage>
          {line.cancelled && ` ${w.ticketCancelled}`}
        </th>
        <td>{line.attendee}</td>
        <td class="amount">{amount}</td>
      </tr>
    );
  }
  return (
    <tr class={`receipt-${line.kind}`}>
      <th scope="row" colspan={2}>
        {line.kind === "refund" ? w.refund : line.voucherCode ? m.waitlistMail.discounts.voucher({ code: line.voucherCode }) : line.label ? w.discountNamed({ label: line.label }) : w.discount}
      </th>
      <td class="amount">{amount}</td>
    </tr>
  );
}

function Issued(props: { receipt: Receipt }) {
  const { receipt } = props;
  const { order, organisation, vat } = receipt;
  const m = useMessages();
  const w = m.correspondence.receipt;
  const locale = useLocale();
  const event = eventInLanguage(order.event, locale);
  const money = (minor: number) => m.format.amount(minor, order.currency);
  return (
    <article class="receipt">
      <header class="receipt-issuer">
        <h1>{w.heading}</h1>
        <p class="no-print">{w.printHint}</p>
        {organisation?.name && <p class="receipt-org">{organisation.name}</p>}
        {organisation?.address && <p class="receipt-address">{organisation.address}</p>}
        {organisation?.charityNumber && <p>{w.charityNumber({ number: organisation.charityNumber })}</p>}
        {organisation?.companyNumber && <p>{w.companyNumber({ number: organisation.companyNumber })}</p>}
        {vat.kind === "included" && vat.number && <p>{w.vatNumber({ number: vat.number })}</p>}
      </header>
      <dl class="facts">
        <dt>{w.reference}</dt>
        <dd>
          <strong class="reference">{order.reference}</strong>
        </dd>
        <dt>{w.date}</dt>
        <dd>{m.format.date(receipt.date, order.event.timezone)}</dd>
        <dt>{w.billedTo}</dt>
        <dd>{order.buyerName}</dd>
        <dt>{w.event}</dt>
        <dd>
          <InLanguage lang={event.textLang.title}>{event.title}</InLanguage>
        </dd>
      </dl>
      <table class="receipt-lines">
        <caption>{w.linesCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{w.item}</th>
            <th scope="col">{w.attendee}</th>
            <th scope="col" class="amount">
              {w.amount}
            </th>
          </tr>
        </thead>
        <tbody>
          {receipt.lines.map((line) => (
            <Line line={line} currency={order.currency} mainLanguage={order.event.mainLanguage} />
          ))}
        </tbody>
        <tfoot>
          {receipt.subtotalMinor !== receipt.paidMinor && (
            <tr>
              <th scope="row" colspan={2}>
                {w.subtotal}
              </th>
              <td class="amount">{money(receipt.subtotalMinor)}</td>
            </tr>
          )}
          <tr>
            <th scope="row" colspan={2}>
              {w.totalPaid}
            </th>
            <td class="amount" data-total="paid">
              {money(receipt.paidMinor)}
            </td>
          </tr>
          {receipt.refundedMinor > 0 && (
            <>
              <tr>
                <th scope="row" colspan={2}>
                  {w.refunded}
                </th>
                <td class="amount">{money(-receipt.refundedMinor)}</td>
              </tr>
              <tr>
                <th scope="row" colspan={2}>
                  {w.net}
                </th>
                <td class="amount" data-total="net">
                  {money(receipt.netMinor)}
                </td>
              </tr>
            </>
          )}
          {vat.kind === "included" && (
            <>
              <tr>
                <th scope="row" colspan={2}>
                  {w.netOfVat}
                </th>
                <td class="amount">{money(vat.netMinor)}</td>
              </tr>
              <tr>
                <th scope="row" colspan={2}>
                  {w.vatLine({ rate: rateText(vat.rateBasisPoints, m.locale) })}
                </th>
                <td class="amount" data-total="vat">
                  {money(vat.vatMinor)}
                </td>
              </tr>
            </>
          )}
        </tfoot>
      </table>
      {vat.kind === "none" && <p class="receipt-vat">{w.noVat}</p>}
      <p class="no-print">
        <a href={`/orders/${order.id}/complete`}>{w.backToOrder}</a>
      </p>
    </article>
  );
}

/** `/orders/:id/receipt`: the order's receipt, printable on A4; or why there is none. */
export function ReceiptPage(props: { receipt: Receipt | NoReceipt }) {
  const { receipt } = props;
  const w = useMessages().correspondence.receipt;
  const said = receipt.state === "unpaid" ? w.unpaid : receipt.state === "erased" ? w.erased : null;
  return (
    <Layout title={w.title({ reference: receipt.order.reference })} noindex>
      {said ? (
        <>
          <h1>{said.heading}</h1>
          <p class="lead">{said.body}</p>
          <p>
            <a href={`/orders/${receipt.order.id}/complete`}>{w.backToOrder}</a>
          </p>
        </>
      ) : (
        <Issued receipt={receipt as Receipt} />
      )}
    </Layout>
  );
}
