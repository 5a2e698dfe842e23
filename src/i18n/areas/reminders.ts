// The catalogue's section for reminder emails before the day and the organisers' notifications (daily sales summary, sold-out alert). English and every other catalogue fill it in; a
// missing key fails the type check.
import type { Fn } from "@/i18n/messages";

export type RemindersMessages = {
  /** The event form's fieldset (web/admin/events/reminder-fields.tsx). */
  form: {
    legend: string;
    labels: { reminderHours: string; notifyDailySummary: string; notifySoldOut: string };
    hints: { reminderHours: string; notifyDailySummary: string; notifySoldOut: string };
    /** The reminder select's "no reminder". */
    off: string;
    /** "2 days before", "6 hours before". */
    before: Fn<{ hours: number }>;
  };
  /** The reminder email to ticket holders (emails/reminder.tsx). */
  email: {
    subject: Fn<{ event: string }>;
    heading: string;
    intro: Fn<{ event: string; date: string; count: number }>;
    preheader: Fn<{ date: string; time: string; venue: string }>;
    map: string;
    mapLine: Fn<{ url: string }>;
    bringHeading: string;
    bringTickets: Fn<{ count: number }>;
    footer: Fn<{ event: string }>;
  };
  /**
   * The organiser's preview of the reminder (web/admin/events/reminder-preview.tsx and
   * emails/compose-reminder-preview.ts): sent to themselves, with a sample ticket.
   */
  preview: {
    heading: string;
    body: string;
    button: string;
    /** The notice after pressing: to whom it went. */
    sent: Fn<{ email: string }>;
    /** The reminder's subject, marked as a preview. */
    subject: Fn<{ subject: string }>;
    /** At the top of the email: what it is, when holders get it (null: reminders off), and that the ticket is a sample. */
    note: Fn<{ hours: number | null }>;
    /** The sample ticket's attendee name. */
    sampleName: string;
    /** The sample ticket's type, when the event has none yet. */
    sampleTier: string;
  };
  /** The daily sales summary to organisers (emails/organiser-notice.tsx). */
  summary: {
    subject: Fn<{ event: string; date: string }>;
    heading: Fn<{ event: string }>;
    sold: Fn<{ sold: number; capacity: number | null }>;
    held: Fn<{ held: number }>;
    revenue: Fn<{ amount: string }>;
    since: Fn<{ count: number }>;
    tierLine: Fn<{ tier: string; sold: number; quota: number | null }>;
    tiersHeading: string;
    action: string;
    footer: Fn<{ event: string }>;
  };
  /** The sold-out alert to organisers. */
  soldOut: {
    subjectEvent: Fn<{ event: string }>;
    subjectTier: Fn<{ event: string; tier: string }>;
    headingEvent: string;
    headingTier: Fn<{ tier: string }>;
    bodyEvent: Fn<{ event: string; capacity: number }>;
    bodyTier: Fn<{ event: string; tier: string; quota: number }>;
    next: string;
    action: string;
    footer: Fn<{ event: string }>;
  };
};
