import { messageEmail } from "@emails/message";
import type { Event, Order, OutboxEmail } from "@/generated/prisma/client";
import type { ServiceDeps } from "@/domain/deps";
import type { OutgoingEmail } from "@/domain/mail/message";
import { findMessage } from "@/domain/correspondence/repo";
import { messageIn } from "@/domain/correspondence/messages";
import { eventInLanguage } from "@/domain/events/translations";
import { localeFrom, messagesFor } from "@/i18n";
import { renderMarkdown } from "@/lib/markdown";

/**
 * An organisers' message (or cancellation notice) to one ticket holder, in the language the
 * outbox row names (theirs), with the organisers' version in that language where they wrote
 * one. Null when the message is gone.
 */
export async function composeAttendeeMessage(deps: ServiceDeps, row: OutboxEmail, data: { messageId?: string; language?: string; name?: string }, order: Order & { event: Event }): Promise<OutgoingEmail | null> {
  const message = data.messageId ? await findMessage(deps.d1, data.messageId) : null;
  if (!message) return null;
  const lang = localeFrom(data.language ?? order.language) ?? "en";
  const m = messagesFor(lang);
  const event = eventInLanguage(order.event, lang);
  const w = m.correspondence.mail;
  const base = { words: m.mail, lang: m.locale, recipientName: data.name || order.buyerName, footer: w.footer({ event: event.title }) };
  if (message.kind === "cancellation") {
    const plan = message.body.trim();
    return {
      to: row.recipient,
      attachments: [],
      ...messageEmail({
        ...base,
        textLang: plan && lang !== order.event.mainLanguage ? order.event.mainLanguage : null,
        subject: w.cancelledSubject({ event: event.title }),
        heading: w.cancelledHeading,
        paragraphs: [w.cancelledBody({ event: event.title, date: m.format.date(order.event.startsAt, order.event.timezone) }), ...(plan ? [] : [w.noRefundPlan])],
        text: plan ? { heading: w.refundPlanHeading, markdown: plan, html: renderMarkdown(plan) } : null,
      }),
    };
  }
  const version = messageIn(message, lang, order.event.mainLanguage);
  return {
    to: row.recipient,
    attachments: [],
    ...messageEmail({
      ...base,
      textLang: version.lang !== lang ? version.lang : null,
      subject: version.subject,
      heading: version.subject,
      paragraphs: [],
      text: { heading: null, markdown: version.body, html: renderMarkdown(version.body) },
    }),
  };
}
