// zod pieces for organiser forms. Every field arrives as the string the person typed; these
// turn it into a value or a message that says what to type instead.
import { z } from "zod";
import { cleanLine } from "@/lib/text";

type Ctx = z.RefinementCtx;

const fail = (ctx: Ctx, message: string) => {
  ctx.addIssue({ code: "custom", message });
  return z.NEVER;
};

/** One line of text, cleaned; `required` is the message when it is empty. */
export const line = (max: number, required?: string) =>
  z
    .string()
    .transform(cleanLine)
    .pipe(
      required
        ? z.string().min(1, required).max(max, `Use ${max} characters or fewer.`)
        : z.string().max(max, `Use ${max} characters or fewer.`),
    );

/** Free text over several lines (Markdown, addresses): line breaks kept, ends trimmed. */
export const paragraphs = (max: number, required?: string) =>
  z
    .string()
    .transform((v) => v.replace(/\r\n?/g, "\n").trim())
    .pipe(
      required
        ? z.string().min(1, required).max(max, `Use ${max.toLocaleString("en-GB")} characters or fewer.`)
        : z.string().max(max, `Use ${max.toLocaleString("en-GB")} characters or fewer.`),
    );

/** Empty becomes null: for optional fields whose absence means something ("unlimited"). */
export const orNull = <T>(value: T | "") => (value === "" ? null : value);

/**
 * A whole number between min and max; blank gives null when `blank` says what blank means,
 * else the required message. Commas and spaces as thousands separators are accepted.
 */
export function count(opts: { min: number; max: number; what: string; blank: "null" | string }) {
  return z
    .string()
    .trim()
    .transform((raw, ctx): number | null => {
      const v = raw.replace(/[,\s]/g, "");
      if (v === "") return opts.blank === "null" ? null : fail(ctx, opts.blank);
      if (!/^\d+$/.test(v)) return fail(ctx, `Enter ${opts.what} as a whole number, like ${Math.max(opts.min, 1) * 10}.`);
      const n = Number(v);
      if (n < opts.min) return fail(ctx, `Enter ${opts.min} or more.`);
      if (n > opts.max) return fail(ctx, `Enter ${opts.max.toLocaleString("en-GB")} or less.`);
      return n;
    });
}

/** A required count (blank is an error). */
export const requiredCount = (opts: { min: number; max: number; what: string; blank: string }) => count(opts).transform((n) => n ?? 0);

/** Pounds and pence ("8", "12.50", "£8.5") to integer minor units. */
export function money(required: string) {
  return z
    .string()
    .trim()
    .transform((raw, ctx): number => {
      const v = raw.replace(/^£\s*/, "").replace(/,/g, "");
      if (v === "") return fail(ctx, required);
      const m = /^(\d{1,6})(?:\.(\d{1,2}))?$/.exec(v);
      if (!m) return fail(ctx, "Enter the price in pounds and pence, like 8 or 12.50.");
      return Number(m[1]) * 100 + Number((m[2] ?? "0").padEnd(2, "0"));
    });
}

/** "9:30", "09.30", "09:30:00" → "09:30"; null when it is not a time of day. */
export function parseClock(value: string): string | null {
  const m = /^(\d{1,2})[:.](\d{2})(?::\d{2}(?:\.\d+)?)?$/.exec(value.trim());
  if (!m) return null;
  const [h, mi] = [Number(m[1]), Number(m[2])];
  if (h > 23 || mi > 59) return null;
  return `${String(h).padStart(2, "0")}:${m[2]}`;
}

/** "2027-01-09" when it is a real calendar date; null otherwise. */
export function parseIsoDate(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (y < 2000 || y > 2200 || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/** A wall-clock date and time ("2027-01-09T10:30", also with a space) → "2027-01-09T10:30". */
export function parseLocalDateTime(value: string): string | null {
  const m = /^(\S+)[T\s]+(\S+)$/.exec(value.trim());
  if (!m) return null;
  const date = parseIsoDate(m[1]!);
  const clock = parseClock(m[2]!);
  return date && clock ? `${date}T${clock}` : null;
}

/** A time of day; blank is `required`'s error, or null when the field is optional. */
export const clock = (required: string | null) =>
  z
    .string()
    .trim()
    .transform((v, ctx): string | null => {
      if (v === "") return required === null ? null : fail(ctx, required);
      return parseClock(v) ?? fail(ctx, "Enter a time in 24-hour form, like 10:30.");
    });

/** A time of day that must be given. */
export const requiredClock = (required: string) => clock(required).transform((v) => v ?? "");

/** A calendar date in the form YYYY-MM-DD (what date inputs send). */
export const isoDate = (required: string) =>
  z
    .string()
    .trim()
    .transform((v, ctx): string => {
      if (v === "") return fail(ctx, required);
      return parseIsoDate(v) ?? fail(ctx, "Enter a real date in the form 2027-01-09.");
    });

/** An optional wall-clock date and time (a datetime-local input). */
export const optionalDateTime = () =>
  z
    .string()
    .trim()
    .transform((v, ctx): string | null => {
      if (v === "") return null;
      return parseLocalDateTime(v) ?? fail(ctx, "Enter a date and time, like 2027-01-09 10:30, or leave it blank.");
    });

/**
 * The raw shape of a form: each named field a string ("" when absent), of bounded length.
 * Routes check this with `validate("form", …)`; the field rules come after, so that a form
 * with mistakes comes back with every entry kept and a message beside each field.
 */
export function formShape<K extends string>(names: readonly K[], max = 25_000) {
  const shape = Object.fromEntries(names.map((name) => [name, z.string().max(max, `Use ${max.toLocaleString("en-GB")} characters or fewer.`).default("")]));
  return z.object(shape as Record<K, z.ZodDefault<z.ZodString>>);
}
