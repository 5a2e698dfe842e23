// The event form's self-service settings: the refund policy for tickets attendees cancel
// themselves, and how many hours before the start their changes close (self-service/policy).
import * as z from "zod";
import type { Event } from "@/generated/prisma/client";
import { addIssue, optionalDateTime } from "@/domain/events/form-input";
import { issue, type FieldIssues } from "@/domain/issues";
import { refundPolicies, type RefundPolicy } from "@/domain/self-service/policy";
import { minorDigits, parseMoneyInput } from "@/lib/money";
import { formatTime } from "@/lib/format";
import { localDate, zonedTimeToUtc } from "@/lib/zoned-time";

/** The form's field names for these settings. */
export const refundFields = ["refundPolicy", "refundUntil", "refundFee", "changesCutoffHours"] as const;
export type RefundFormValues = Record<(typeof refundFields)[number], string>;

/** The default cut-off: changes close 24 hours before the start. */
export const DEFAULT_CUTOFF_HOURS = 24;

/** Each field on its own (an absent field is "", which keeps the default). */
export const refundShape = {
  refundPolicy: z
    .string()
    .trim()
    .transform((v, ctx): RefundPolicy => {
      if (v === "") return "none";
      if ((refundPolicies as readonly string[]).includes(v)) return v as RefundPolicy;
      addIssue(ctx, issue("not_allowed"));
      return z.NEVER;
    }),
  refundUntil: optionalDateTime(),
  refundFee: z.string().trim().max(20, "too_long"),
  changesCutoffHours: z
    .string()
    .trim()
    .transform((v, ctx): number => {
      if (v === "") return DEFAULT_CUTOFF_HOURS;
      if (!/^\d+$/.test(v)) {
        addIssue(ctx, issue("format_invalid"));
        return z.NEVER;
      }
      const n = Number(v);
      if (n > 24 * 365) {
        addIssue(ctx, issue("at_most", { max: 24 * 365 }));
        return z.NEVER;
      }
      return n;
    }),
};

type RefundFields = { refundPolicy: RefundPolicy; refundUntil: string | null; refundFee: string; changesCutoffHours: number };

/** The stored settings, or undefined with issues added (a date needed and missing, a fee that is no amount). */
export function refundSettings(v: RefundFields, zone: { timezone: string; currency: string }, ctx: z.RefinementCtx) {
  let bad = false;
  if (v.refundPolicy === "full_until" && !v.refundUntil) {
    addIssue(ctx, issue("required"), "refundUntil");
    bad = true;
  }
  const fee = v.refundPolicy === "minus_fee" ? parseMoneyInput(v.refundFee, zone.currency) : null;
  if (fee === undefined) {
    addIssue(ctx, issue("amount_format"), "refundFee");
    bad = true;
  }
  if (bad) return undefined;
  return {
    refundPolicy: v.refundPolicy,
    refundUntil: v.refundPolicy === "full_until" && v.refundUntil ? zonedTimeToUtc(v.refundUntil, zone.timezone) : null,
    refundFeeMinor: fee ?? 0,
    changesCutoffHours: v.changesCutoffHours,
  };
}

/** The rule between these fields for a form whose other fields did not all parse (every error at once). */
export function refundRuleIssues(record: Record<string, unknown>): FieldIssues {
  const until = typeof record.refundUntil === "string" ? record.refundUntil.trim() : "";
  return record.refundPolicy === "full_until" && !until ? { refundUntil: issue("required") } : {};
}

/** A new event's settings: no refund, changes until 24 hours before. */
export const blankRefundValues = (): RefundFormValues => ({ refundPolicy: "none", refundUntil: "", refundFee: "", changesCutoffHours: String(DEFAULT_CUTOFF_HOURS) });

/** A stored event's settings as the form shows them (times on the wall clock of its zone). */
export function refundFormValues(event: Pick<Event, "refundPolicy" | "refundUntil" | "refundFeeMinor" | "changesCutoffHours" | "timezone" | "currency">): RefundFormValues {
  const digits = minorDigits(event.currency);
  return {
    refundPolicy: event.refundPolicy,
    refundUntil: event.refundUntil ? `${localDate(event.refundUntil, event.timezone)}T${formatTime(event.refundUntil, event.timezone)}` : "",
    refundFee: event.refundFeeMinor ? (event.refundFeeMinor / 10 ** digits).toFixed(digits) : "",
    changesCutoffHours: String(event.changesCutoffHours),
  };
}
