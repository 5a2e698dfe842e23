import { speaking } from "@emails/compose";
import { noticeEmail } from "@emails/notice";
import type { OutboxEmail } from "@/generated/prisma/client";
import type { ServiceDeps } from "@/domain/deps";
import type { OutgoingEmail } from "@/domain/mail/message";
import { findEventWithTiers } from "@/domain/events/repo";
import { eventInLanguage, tierInLanguage } from "@/domain/events/translations";
import { findEntry, placeInQueue } from "@/domain/waitlist/repo";

/**
 * The waiting list's emails to the person waiting (`waitlist_joined`, `waitlist_offer`), in the
 * language they joined in (WaitlistEntry.language), with the organisers' texts in that language
 * where they wrote one, from the entry as it is when the mail goes out. Both carry the personal
 * link to leave the list. Null (the outbox marks the row skipped) when the entry is gone, or
 * the email no longer fits it: a confirmation once the person left or was taken off, an offer
 * once it is no longer open (used, expired, declined or withdrawn).
 */
export async function composeWaitlistEmail(deps: ServiceDeps, row: OutboxEmail): Promise<OutgoingEmail | null> {
  const { entryId } = JSON.parse(row.data) as { entryId?: string };
  const entry = entryId ? await findEntry(deps.d1, entryId) : null;
  if (!entry) return null;
  const offer = row.template === "waitlist_offer";
  if (offer ? entry.status !== "offered" || !entry.offerToken || !entry.offerExpiresAt : entry.status !== "waiting" && entry.status !== "offered") return null;
  const event = await findEventWithTiers(deps.d1, entry.eventId);
  const tier = event?.ticketTypes.find((t) => t.id === entry.ticketTypeId);
  if (!event || !tier) return null;
  const { m, lang } = speaking(entry.language);
  const w = m.waitlistMail;
  const local = eventInLanguage(event, lang);
  const wanted = { event: local.title, tier: tierInLanguage(tier, lang, event.mainLanguage).name, places: entry.places };
  const leave = { hint: offer ? w.offer.letGo : w.leaveHint, label: w.leave, url: `${deps.origin}/waitlist/leave/${entry.leaveToken}` };
  const model = offer
    ? {
        subject: w.offer.subject({ event: local.title }),
        heading: w.offer.heading,
        paragraphs: [w.offer.body(wanted), w.offer.until({ deadline: m.format.dateTime(entry.offerExpiresAt!, event.timezone) }), w.offer.after],
        action: { label: w.offer.action, url: `${deps.origin}/waitlist/offers/${entry.offerToken}` },
        footer: w.offer.footer({ event: local.title }),
      }
    : {
        subject: w.joined.subject({ event: local.title }),
        heading: w.joined.heading,
        paragraphs: [
          w.joined.body(wanted),
          // An entry offered before its confirmation went out is not in the queue any more.
          ...(entry.status === "waiting" ? [w.joined.place({ place: await placeInQueue(deps.d1, entry) })] : []),
          w.joined.howOffers({ hours: event.offerHours }),
          w.joined.nothingToDo,
        ],
        action: null,
        footer: w.joined.footer({ event: local.title }),
      };
  return { to: row.recipient, attachments: [], ...noticeEmail({ words: m.mail, lang: m.locale, recipientName: entry.name, postscript: leave, ...model }) };
}
