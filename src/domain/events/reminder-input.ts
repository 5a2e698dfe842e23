import * as z from "zod";
import type { Event } from "@/generated/prisma/client";
import type { BareFieldCode } from "@/domain/issues";

// The event form's reminder and notification settings (web/admin/events/reminder-fields.tsx
// draws them): how long before the start each ticket holder is reminded, and whether the
// organisers get a daily sales summary and a sold-out alert.

/** The form's field names for these settings. */
export const reminderFields = ["reminderHours", "notifyDailySummary", "notifySoldOut"] as const;

/** Hours before the start a reminder may be set to; a new event takes the default. */
export const reminderChoices = [2, 6, 12, 24, 48, 72, 168] as const;
export const DEFAULT_REMINDER_HOURS = 48;
/** The select's value for "no reminder". */
export const REMINDER_OFF = "off";

const checkbox = z
  .string()
  .trim()
  .transform((v) => v === "yes");

/** Each field parsed on its own: "off" is no reminder, blank the default. */
export const reminderShape = {
  reminderHours: z
    .string()
    .trim()
    .refine((v) => v === "" || v === REMINDER_OFF || (reminderChoices as readonly number[]).includes(Number(v)), "not_allowed" satisfies BareFieldCode)
    .transform((v) => (v === REMINDER_OFF ? null : v === "" ? DEFAULT_REMINDER_HOURS : Number(v))),
  notifyDailySummary: checkbox,
  notifySoldOut: checkbox,
};

/** The settings as stored on the event. */
export type ReminderSettings = { reminderHours: number | null; notifyDailySummary: boolean; notifySoldOut: boolean };

/** The parsed form's settings, for the event row. */
export const reminderSettingsOf = (v: ReminderSettings): ReminderSettings => ({
  reminderHours: v.reminderHours,
  notifyDailySummary: v.notifyDailySummary,
  notifySoldOut: v.notifySoldOut,
});

/** A new event's form: the default reminder, no notifications. */
export const blankReminderValues = (): Record<(typeof reminderFields)[number], string> => ({
  reminderHours: String(DEFAULT_REMINDER_HOURS),
  notifyDailySummary: "",
  notifySoldOut: "",
});

/** A stored event's settings as the form shows them. */
export const reminderValues = (event: Pick<Event, "reminderHours" | "notifyDailySummary" | "notifySoldOut">): Record<(typeof reminderFields)[number], string> => ({
  reminderHours: event.reminderHours === null ? REMINDER_OFF : String(event.reminderHours),
  notifyDailySummary: event.notifyDailySummary ? "yes" : "",
  notifySoldOut: event.notifySoldOut ? "yes" : "",
});
