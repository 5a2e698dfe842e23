// The organisers' waiting-list settings form: two boxes and a number of hours, checked here so
// that the page can say what to change (field codes, turned into words at the edge).
import * as z from "zod";
import type { Event } from "@/generated/prisma/client";
import { issue, type FieldIssues } from "@/domain/issues";
import { addIssue } from "@/domain/events/form-input";
import { MOST_OFFER_HOURS, type WaitlistSettings } from "@/domain/waitlist/manage";

/** The form's fields as typed: a box sends "yes" when ticked and nothing otherwise. */
export type WaitlistSettingsValues = { enabled: string; paused: string; offerHours: string };

const box = z
  .string()
  .optional()
  .transform((v) => v === "yes");

const hours = z
  .string()
  .trim()
  .transform((raw, ctx): number => {
    const v = raw.replace(/[,\s]/g, "");
    if (v === "") return (addIssue(ctx, issue("required")), z.NEVER);
    if (!/^\d+$/.test(v)) return (addIssue(ctx, issue("format_invalid")), z.NEVER);
    const n = Number(v);
    if (n < 1) return (addIssue(ctx, issue("at_least", { min: 1 })), z.NEVER);
    if (n > MOST_OFFER_HOURS) return (addIssue(ctx, issue("at_most", { max: MOST_OFFER_HOURS })), z.NEVER);
    return n;
  });

/** The settings form: whether the list opens, whether offers are paused, and an offer's hours (1 to MOST_OFFER_HOURS). */
export const waitlistSettingsSchema = z.object({ enabled: box, paused: box, offerHours: z.string().max(20).default("").pipe(hours) });

/** The settings a form asks for, or each field's issue. */
export function waitlistSettingsFrom(form: Record<string, unknown>): { settings: WaitlistSettings } | { fields: FieldIssues } {
  const text = (key: string) => (typeof form[key] === "string" ? (form[key] as string) : undefined);
  const parsed = waitlistSettingsSchema.safeParse({ enabled: text("enabled"), paused: text("paused"), offerHours: text("offerHours") ?? "" });
  if (parsed.success) return { settings: parsed.data };
  const fields: FieldIssues = {};
  for (const found of parsed.error.issues) {
    const key = String(found.path[0] ?? "offerHours");
    const params = (found as { params?: Record<string, unknown> }).params;
    fields[key] ??= (params ? { code: found.message, params } : { code: found.message }) as FieldIssues[string];
  }
  return { fields };
}

/** An event's stored settings as the form shows them. */
export function waitlistSettingsValues(event: Pick<Event, "waitlistEnabled" | "waitlistPaused" | "offerHours">): WaitlistSettingsValues {
  return { enabled: event.waitlistEnabled ? "yes" : "", paused: event.waitlistPaused ? "yes" : "", offerHours: String(event.offerHours) };
}
