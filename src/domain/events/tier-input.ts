import * as z from "zod";
import type { TicketType } from "@/generated/prisma/client";
import { zonedTimeToUtc } from "@/lib/zoned-time";
import { localDateTime } from "@/domain/events/event-input";
import { addIssue, count, line, money, optionalDateTime, orNull } from "@/domain/events/form-input";
import { issue, type BareFieldCode, type FieldIssue } from "@/domain/issues";

/** The tier form's fields, as named in the HTML. */
export const tierFields = [
  "name",
  "description",
  "price",
  "quota",
  "eligibility",
  "declarationText",
  "accessCode",
  "salesStart",
  "salesEnd",
  "minPerOrder",
  "maxPerOrder",
  "sortOrder",
] as const;

export type TierFormValues = Record<(typeof tierFields)[number], string>;

export const eligibilities = ["open", "declaration", "member_list", "access_code"] as const;
export type Eligibility = (typeof eligibilities)[number];

/** Shortest access code an organiser may give out: long enough not to be guessed (guesses are throttled too). */
export const ACCESS_CODE_MIN = 8;

/**
 * Validates the tier form. Sales times are wall-clock times in the event's zone. An access
 * code may be left blank when the tier already has one (`hasCode`): the old one stays.
 */
export function tierInputSchema(timezone: string, hasCode: boolean) {
  return z
    .object({
      name: line(100, "tier_name_required"),
      description: line(300),
      price: money("price_required"),
      quota: count({ min: 0, max: 100_000, what: "quota", blank: "null" }),
      eligibility: z.enum(eligibilities, { error: "eligibility_required" satisfies BareFieldCode }),
      declarationText: line(200),
      accessCode: z.string().trim().max(64, "too_long"),
      salesStart: optionalDateTime(),
      salesEnd: optionalDateTime(),
      minPerOrder: count({ min: 0, max: 50, what: "min_per_order", blank: "null" }),
      maxPerOrder: count({ min: 1, max: 50, what: "max_per_order", blank: "null" }),
      sortOrder: count({ min: 0, max: 1000, what: "position", blank: "null" }),
    })
    .transform((v, ctx) => {
      let bad = false;
      const problem = (path: string, found: FieldIssue) => {
        bad = true;
        addIssue(ctx, found, path);
      };
      if (v.eligibility === "declaration" && !v.declarationText) problem("declarationText", issue("declaration_text_required"));
      if (v.eligibility === "access_code" && !v.accessCode && !hasCode) problem("accessCode", issue("access_code_to_give"));
      if (v.eligibility === "access_code" && v.accessCode && v.accessCode.length < ACCESS_CODE_MIN) problem("accessCode", issue("access_code_short", { min: ACCESS_CODE_MIN }));
      const salesStartAt = v.salesStart ? zonedTimeToUtc(v.salesStart, timezone) : null;
      const salesEndAt = v.salesEnd ? zonedTimeToUtc(v.salesEnd, timezone) : null;
      if (salesStartAt && salesEndAt && salesEndAt <= salesStartAt) problem("salesEnd", issue("sales_end_before_start"));
      const minPerOrder = v.minPerOrder ?? 0;
      if (v.maxPerOrder !== null && minPerOrder > v.maxPerOrder) problem("minPerOrder", issue("min_above_max"));
      if (bad) return z.NEVER;
      return {
        name: v.name,
        description: v.description,
        priceMinor: v.price,
        quota: v.quota,
        eligibility: v.eligibility as Eligibility,
        declarationText: v.eligibility === "declaration" ? v.declarationText : null,
        /** The new code in clear, to hash; null keeps the old one (or none, for other eligibilities). */
        accessCode: v.eligibility === "access_code" ? orNull(v.accessCode) : null,
        salesStartAt,
        salesEndAt,
        minPerOrder,
        maxPerOrder: v.maxPerOrder,
        sortOrder: v.sortOrder,
      };
    });
}

export type TierInput = z.infer<ReturnType<typeof tierInputSchema>>;

/** A new tier's form. */
export function blankTierValues(sortOrder: number): TierFormValues {
  return {
    name: "",
    description: "",
    price: "",
    quota: "",
    eligibility: "open",
    declarationText: "",
    accessCode: "",
    salesStart: "",
    salesEnd: "",
    minPerOrder: "",
    maxPerOrder: "",
    sortOrder: String(sortOrder),
  };
}

/** "8", "12.50": minor units as the price field shows them. */
export const poundsAndPence = (minor: number) => (minor % 100 === 0 ? String(minor / 100) : (minor / 100).toFixed(2));

/** A stored tier as its form shows it. The access code is never shown (only its hash is kept). */
export function tierFormValues(tier: TicketType, timezone: string): TierFormValues {
  return {
    name: tier.name,
    description: tier.description,
    price: poundsAndPence(tier.priceMinor),
    quota: tier.quota === null ? "" : String(tier.quota),
    eligibility: tier.eligibility,
    declarationText: tier.declarationText ?? "",
    accessCode: "",
    salesStart: tier.salesStartAt ? localDateTime(tier.salesStartAt, timezone) : "",
    salesEnd: tier.salesEndAt ? localDateTime(tier.salesEndAt, timezone) : "",
    minPerOrder: tier.minPerOrder ? String(tier.minPerOrder) : "",
    maxPerOrder: tier.maxPerOrder === null ? "" : String(tier.maxPerOrder),
    sortOrder: String(tier.sortOrder),
  };
}
