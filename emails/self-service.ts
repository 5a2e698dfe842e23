// The buyer's confirmation of a change made through a ticket or order link (self-service):
// a notice in the order's language, composed in emails/compose.ts from the outbox row's data.
import type { Messages } from "@/i18n/messages";

/** What the outbox row carries (domain/self-service/actions). */
export type SelfServiceData = { change?: string; from?: string; to?: string; ticketIds?: string[]; amountMinor?: number };

/** The notice's subject, heading and paragraphs for one change, or null for a row it does not know. */
export function selfServiceNotice(m: Messages, eventTitle: string, currency: string, data: SelfServiceData) {
  const words = m.selfService.email;
  const base = { subject: words.subject({ event: eventTitle }), heading: words.heading };
  const from = data.from ?? "";
  const to = data.to ?? "";
  switch (data.change) {
    case "renamed":
      return { ...base, paragraphs: [words.renamed({ from, to })] };
    case "transferred":
      return { ...base, paragraphs: [words.transferred({ from, to })] };
    case "answered":
      return { ...base, paragraphs: [words.answered({ name: to })] };
    case "cancelled": {
      const amount = data.amountMinor ?? 0;
      return {
        ...base,
        paragraphs: [words.cancelled({ count: data.ticketIds?.length ?? 1 }), amount > 0 ? words.refunded({ amount: m.format.money(amount, currency) }) : words.noRefund],
      };
    }
    default:
      return null;
  }
}
