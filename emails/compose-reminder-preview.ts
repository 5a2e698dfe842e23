import { speaking } from "@emails/compose";
import { reminderFor } from "@emails/compose-reminders";
import type { EmailTicket } from "@emails/types";
import type { OutboxEmail } from "@/generated/prisma/client";
import type { ServiceDeps } from "@/domain/deps";
import type { OutgoingEmail } from "@/domain/mail/message";
import { findEventWithTiers } from "@/domain/events/repo";
import { tierInLanguage } from "@/domain/events/translations";
import { SAMPLE_TICKET_CODE, sampleShortCode } from "@/domain/reminders/preview";
import { qrPng } from "@/domain/tickets/qr";
import { proofNote } from "@/domain/tickets/ticket-view";

/**
 * An organiser's preview of an event's reminder (domain/reminders/preview.ts), composed by the
 * real reminder's rendering from the event as it is saved now, in the language they asked in.
 * Its one ticket is a sample: the catalogue's sample name, the event's first ticket type, a QR
 * and a typed code no door accepts, and links to the organisers' preview of the event page
 * (there is no ticket page to open). Nothing in it comes from a real ticket or order. The
 * subject and a note at the top say it is a preview. Null once the event is gone.
 */
export async function composeReminderPreview(deps: ServiceDeps, row: OutboxEmail): Promise<OutgoingEmail | null> {
  const data = JSON.parse(row.data) as { eventId: string; language?: string; name?: string };
  const event = await findEventWithTiers(deps.d1, data.eventId);
  if (!event) return null;
  const speaks = speaking(data.language);
  const { m, lang } = speaks;
  const words = m.reminders.preview;
  const tier = event.ticketTypes[0];
  const eventPreview = `${deps.origin}/admin/events/${event.id}/preview`;
  const contentId = "qr-sample";
  const sample: EmailTicket = {
    id: "sample",
    attendeeName: words.sampleName,
    tierName: tier ? tierInLanguage(tier, lang, event.mainLanguage).name : words.sampleTier,
    proofNote: ((note) => (note ? m.tickets.proofNote[note] : null))(tier ? proofNote(tier) : null),
    pageUrl: eventPreview,
    manage: { label: m.selfService.email.manageLink, url: eventPreview },
    qrContentId: contentId,
    code: SAMPLE_TICKET_CODE,
    shortCode: sampleShortCode(event.referencePrefix),
  };
  const preview = { note: words.note({ hours: event.reminderHours }), subject: (subject: string) => words.subject({ subject }) };
  return {
    to: row.recipient,
    ...reminderFor(deps, speaks, event, [sample], data.name || m.mail.anyone, preview),
    attachments: [{ filename: "ticket-sample.png", content: await qrPng(SAMPLE_TICKET_CODE), contentType: "image/png", contentId }],
  };
}
