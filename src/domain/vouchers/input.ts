// The organisers' voucher forms (one code, or many generated): each field arrives as the string
// typed, and comes back as a value or a field issue; every problem is reported at once.
import * as z from "zod";
import type { TicketType } from "@/generated/prisma/client";
import { isFieldCode, issue, type FieldIssue, type FieldIssues } from "@/domain/issues";
import { line, optionalDateTime } from "@/domain/events/form-input";
import { parseMoneyInput } from "@/lib/money";
import { zonedTimeToUtc } from "@/lib/zoned-time";
import type { VoucherRow } from "@/domain/vouchers/repo";

export const voucherKinds = ["percent", "amount", "fixed", "unlock"] as const;
export type VoucherKind = (typeof voucherKinds)[number];

/** The settings shared by both forms, as named in the HTML. */
export const voucherSettingFields = ["label", "kind", "value", "tier", "validFrom", "validUntil", "maxUses", "maxPerOrder", "seatBudget"] as const;
/** The one-code form's fields. */
export const voucherFields = ["code", ...voucherSettingFields] as const;
/** The generate form's fields. */
export const generateFields = ["count", "prefix", ...voucherSettingFields] as const;

export type VoucherFormValues = Record<(typeof voucherFields)[number], string>;
export type GenerateFormValues = Record<(typeof generateFields)[number], string>;

/** Most codes one generate form makes. */
export const MAX_GENERATED = 500;
/** The tier field's value meaning "every tier". */
export const ALL_TIERS = "all";

/** What a voucher form needs to know about its event. */
export type VoucherContext = { timezone: string; currency: string; tiers: Pick<TicketType, "id" | "hidden">[] };

const CODE = /^[A-Z0-9-]{4,32}$/;
const PREFIX = /^[A-Z0-9-]{0,12}$/;
const LIMIT_MAX = 100_000;

/** A voucher's settings (its code aside). */
export type VoucherSettings = Omit<VoucherRow, "code">;

const upper = (v: string) => v.trim().toUpperCase();

/** An optional positive whole number: blank is no limit. */
const limit = z
  .string()
  .trim()
  .transform((raw, ctx): number | null => {
    if (raw === "") return null;
    const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
    if (!(n >= 1 && n <= LIMIT_MAX)) {
      ctx.addIssue({ code: "custom", message: "voucher_limit" });
      return z.NEVER;
    }
    return n;
  });

const settingsShape = {
  label: line(100),
  kind: z.enum(voucherKinds, { error: "not_allowed" }),
  validFrom: optionalDateTime(),
  validUntil: optionalDateTime(),
  maxUses: limit,
  maxPerOrder: limit,
  seatBudget: limit,
};

/** A field's first zod issue as a field issue: these schemas put a field code in the message (a length limit also in `maximum`). */
function issueOf(issues: readonly { message: string; params?: Record<string, unknown> | undefined; maximum?: unknown }[]): FieldIssue {
  const first = issues[0];
  if (!first || !isFieldCode(first.message)) return issue("invalid");
  const params = first.params ?? (first.maximum !== undefined ? { max: Number(first.maximum) } : undefined);
  return (params ? { code: first.message, params } : { code: first.message }) as FieldIssue;
}

/** Parses each field on its own, so every field's problem is found at once. */
function parseEach<S extends Record<string, z.ZodType>>(shape: S, values: Record<string, string>, found: FieldIssues) {
  const out: Partial<{ [K in keyof S]: z.output<S[K]> }> = {};
  for (const [key, schema] of Object.entries(shape) as [keyof S & string, z.ZodType][]) {
    const parsed = schema.safeParse(values[key] ?? "");
    if (parsed.success) out[key] = parsed.data as z.output<S[typeof key]>;
    else found[key] = issueOf(parsed.error.issues as Parameters<typeof issueOf>[0]);
  }
  return out;
}

/** The value field for a kind: a percentage, an amount in the event's currency, or 0 (unlock). */
function valueOf(kind: VoucherKind, raw: string, currency: string): number | FieldIssue {
  if (kind === "unlock") return 0;
  if (kind === "percent") {
    const n = /^\d+%?$/.test(raw.trim()) ? parseInt(raw.trim(), 10) : NaN;
    return n >= 1 && n <= 100 ? n : issue("voucher_percent");
  }
  const minor = parseMoneyInput(raw, currency);
  if (minor === undefined) return issue("price_format");
  if (minor === null || (kind === "amount" && minor === 0)) return issue("voucher_amount_required");
  return minor;
}

/** The shared settings, or the issues found (by field name). */
function settingsFrom(values: Record<string, string>, ctx: VoucherContext, found: FieldIssues): VoucherSettings | null {
  const v = parseEach(settingsShape, values, found);
  const tierValue = (values.tier ?? "").trim() || ALL_TIERS;
  const tier = tierValue === ALL_TIERS ? null : ctx.tiers.find((t) => t.id === tierValue);
  if (tier === undefined) found.tier = issue("not_allowed");
  let value: number | FieldIssue = 0;
  if (v.kind) {
    value = valueOf(v.kind, values.value ?? "", ctx.currency);
    if (typeof value !== "number") found.value = value;
    if (v.kind === "unlock" && tier !== undefined && !tier?.hidden) found.tier ??= issue("voucher_unlock_hidden");
  }
  const at = (local: string | null | undefined) => (local ? zonedTimeToUtc(local, ctx.timezone) : null);
  const validFrom = at(v.validFrom);
  const validUntil = at(v.validUntil);
  if (validFrom && validUntil && validUntil <= validFrom) found.validUntil ??= issue("valid_until_before_from");
  if (Object.keys(found).length > 0 || !v.kind || typeof value !== "number") return null;
  return {
    label: v.label ?? "",
    kind: v.kind,
    value,
    ticketTypeId: tier?.id ?? null,
    validFrom,
    validUntil,
    maxUses: v.maxUses ?? null,
    maxPerOrder: v.maxPerOrder ?? null,
    seatBudget: v.seatBudget ?? null,
  };
}

/** The one-code form: its code (null: make one) and settings, or every field's issue. */
export function voucherFromForm(values: Record<string, string>, ctx: VoucherContext): { code: string | null; settings: VoucherSettings } | { fields: FieldIssues } {
  const found: FieldIssues = {};
  const code = upper(values.code ?? "");
  if (code !== "" && !CODE.test(code)) found.code = issue("voucher_code_format");
  const settings = settingsFrom(values, ctx, found);
  if (!settings) return { fields: found };
  return { code: code || null, settings };
}

/** The generate form: how many codes, their prefix ("" for none) and settings, or every field's issue. */
export function generateFromForm(values: Record<string, string>, ctx: VoucherContext): { count: number; prefix: string; settings: VoucherSettings } | { fields: FieldIssues } {
  const found: FieldIssues = {};
  const raw = (values.count ?? "").trim();
  const count = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!(count >= 1 && count <= MAX_GENERATED)) found.count = issue("voucher_count", { max: MAX_GENERATED });
  const prefix = upper(values.prefix ?? "").replace(/-+$/, "");
  if (!PREFIX.test(prefix)) found.prefix = issue("voucher_prefix_format");
  const settings = settingsFrom(values, ctx, found);
  if (!settings) return { fields: found };
  return { count, prefix, settings };
}

/** An empty one-code form. */
export const blankVoucherValues = (): VoucherFormValues => ({ code: "", label: "", kind: "percent", value: "", tier: ALL_TIERS, validFrom: "", validUntil: "", maxUses: "", maxPerOrder: "", seatBudget: "" });

/** An empty generate form: single-use codes by default. */
export const blankGenerateValues = (): GenerateFormValues => ({ ...blankVoucherValues(), count: "", prefix: "", maxUses: "1" });
