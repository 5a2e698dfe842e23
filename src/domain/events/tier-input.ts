import * as z from "zod";
import type { TicketType } from "@/generated/prisma/client";
import { zonedTimeToUtc } from "@/lib/zoned-time";
import { localDateTime } from "@/domain/events/event-input";
import { addIssue, count, line, money, optionalDateTime, orNull } from "@/domain/events/form-input";
import { issue, type BareFieldCode, type FieldIssue, type FieldIssues } from "@/domain/issues";
import { tierLanguageShape, tierLanguageValues, tierTextLimits, versionsOf } from "@/domain/events/language-input";
import { tierTextFields } from "@/domain/events/translations";

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
  "hidden",
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
const tierShape = {
  name: line(tierTextLimits.name, "tier_name_required"),
  description: line(tierTextLimits.description),
  price: money("price_required"),
  quota: count({ min: 0, max: 100_000, what: "quota", blank: "null" }),
  eligibility: z.enum(eligibilities, { error: "eligibility_required" satisfies BareFieldCode }),
  declarationText: line(tierTextLimits.declarationText),
  accessCode: z.string().trim().max(64, "too_long"),
  salesStart: optionalDateTime(),
  salesEnd: optionalDateTime(),
  minPerOrder: count({ min: 0, max: 50, what: "min_per_order", blank: "null" }),
  maxPerOrder: count({ min: 1, max: 50, what: "max_per_order", blank: "null" }),
  sortOrder: count({ min: 0, max: 1000, what: "position", blank: "null" }),
  /** A checkbox: "yes" when ticked. */
  hidden: z.string().transform((v) => v === "yes"),
};

type TierFields = z.output<z.ZodObject<typeof tierShape>>;

/**
 * The rules between fields, on whichever fields parsed (`undefined`: that field has its own
 * error, which wins over any of these for the same field).
 */
function tierRules(v: { [K in keyof TierFields]?: TierFields[K] | undefined }, timezone: string, hasCode: boolean, problem: (path: string, found: FieldIssue) => void) {
  if (v.eligibility === "declaration" && !v.declarationText) problem("declarationText", issue("declaration_text_required"));
  if (v.eligibility === "access_code" && !v.accessCode && !hasCode) problem("accessCode", issue("access_code_to_give"));
  if (v.eligibility === "access_code" && v.accessCode && v.accessCode.length < ACCESS_CODE_MIN) problem("accessCode", issue("access_code_short", { min: ACCESS_CODE_MIN }));
  const salesStartAt = v.salesStart ? zonedTimeToUtc(v.salesStart, timezone) : null;
  const salesEndAt = v.salesEnd ? zonedTimeToUtc(v.salesEnd, timezone) : null;
  if (salesStartAt && salesEndAt && salesEndAt <= salesStartAt) problem("salesEnd", issue("sales_end_before_start"));
  if (v.maxPerOrder != null && (v.minPerOrder ?? 0) > v.maxPerOrder) problem("minPerOrder", issue("min_above_max"));
  return { salesStartAt, salesEndAt };
}

/**
 * The rules between fields for a form whose fields did not all parse, so the page can show
 * them with the fields' own errors at once.
 */
export function tierRuleIssues(timezone: string, hasCode: boolean, values: unknown): FieldIssues {
  const parts = z.object(Object.fromEntries(Object.entries(tierShape).map(([k, s]) => [k, (s as z.ZodType).optional().catch(undefined)]))).safeParse(values);
  const found: FieldIssues = {};
  if (parts.success) tierRules(parts.data as Parameters<typeof tierRules>[0], timezone, hasCode, (path, f) => void (found[path] ??= f));
  return found;
}

/** The tier's fields from a form whose fields all parsed; undefined (with issues added) when the rules between them refuse it. */
function tierFromFields(v: TierFields, timezone: string, hasCode: boolean, ctx: z.RefinementCtx) {
  let bad = false;
  const { salesStartAt, salesEndAt } = tierRules(v, timezone, hasCode, (path, found) => {
    bad = true;
    addIssue(ctx, found, path);
  });
  const minPerOrder = v.minPerOrder ?? 0;
  if (bad) return undefined;
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
    hidden: v.hidden,
  };
}

/** Validates the tier form's main-language fields. */
export function tierInputSchema(timezone: string, hasCode: boolean) {
  return z.object(tierShape).transform((v, ctx) => tierFromFields(v, timezone, hasCode, ctx) ?? z.NEVER);
}

/**
 * The whole tier form: its fields in the event's main language, and its versions in the
 * other `languages` (language-input.ts), every problem at once. A statement to confirm is kept
 * (in every language) only for tiers that ask for one.
 */
export function tierFormSchema(timezone: string, hasCode: boolean, languages: readonly string[], mainLanguage: string) {
  return z.object({ ...tierShape, ...tierLanguageShape(languages) }).transform((v, ctx) => {
    const base = tierFromFields(v as TierFields, timezone, hasCode, ctx);
    if (!base) return z.NEVER;
    const versions = versionsOf(v as unknown as Record<string, unknown>, languages, tierTextFields, mainLanguage);
    if (base.declarationText === null) for (const texts of Object.values(versions)) delete texts.declarationText;
    return { ...base, translations: versions };
  });
}

export type TierInput = z.infer<ReturnType<typeof tierFormSchema>>;

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
    hidden: "",
  };
}

/** "8", "12.50": minor units as the price field shows them. */
export const poundsAndPence = (minor: number) => (minor % 100 === 0 ? String(minor / 100) : (minor / 100).toFixed(2));

/** A stored tier as its form shows it, with its versions in other languages. The access code is never shown (only its hash is kept). */
export function tierFormValues(tier: TicketType, timezone: string): TierFormValues & Record<string, string> {
  return {
    ...tierLanguageValues(tier),
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
    hidden: tier.hidden ? "yes" : "",
  };
}
