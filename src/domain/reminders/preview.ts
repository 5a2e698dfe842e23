import type { ServiceDeps } from "@/domain/deps";
import { getAdminEvent } from "@/domain/events/admin-events";
import { reminderPreviewStatements, runBatch } from "@/domain/reminders/repo";

// An organiser's preview of an event's reminder: the real composer's email, sent to the staff
// member who asked, with a sample ticket instead of anyone's real one. The sample's codes admit
// no one: the QR holds no signed code (the door answers "not a ticket") and the typed code's
// "00000-0" cannot be a reference and number (short-code.ts allows neither 0 there).

/** What the sample ticket's QR code holds: not a signed ticket code (code-format.ts), so every door refuses it. */
export const SAMPLE_TICKET_CODE = "SAMPLE:NOT-A-TICKET";

/** The sample ticket's typed code, in the shape of the event's: "HRD-00000-0", which matches no ticket. */
export const sampleShortCode = (referencePrefix: string) => `${referencePrefix}-00000-0`;

/** A second press within this long sends nothing more. */
export const PREVIEW_REPEAT_MS = 60_000;

/**
 * Queues a preview of the event's reminder to `staff`, in `language`, and audits it. A second
 * request from the same person for the same event within PREVIEW_REPEAT_MS queues nothing
 * (`queued: false`): a double click sends one email. Refuses an unknown event (not_found).
 */
export async function sendReminderPreview(
  deps: ServiceDeps,
  staff: { id: string; email: string; name: string },
  eventId: string,
  language: string,
): Promise<{ queued: boolean }> {
  await getAdminEvent(deps.d1, eventId);
  const now = deps.now();
  const since = new Date(now.getTime() - PREVIEW_REPEAT_MS);
  const [email] = await runBatch(deps.d1, reminderPreviewStatements(deps.d1, { staffId: staff.id, email: staff.email, eventId, data: { language, name: staff.name }, since }, now));
  const queued = email === 1;
  if (queued) deps.mailQueued?.(null);
  return { queued };
}
