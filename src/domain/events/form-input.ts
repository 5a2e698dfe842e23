// zod pieces for organiser forms. Every field arrives as the string the person typed; these
// turn it into a value or an issue (a field code, with its parameters) saying what to type.
import * as z from "zod";
import { issue, type BareFieldCode, type CountedThing, type FieldCode, type FieldIssue } from "@/domain/issues";
import { cleanLine } from "@/lib/text";
import { parseMoneyInput } from "@/lib/money";

type Ctx = z.RefinementCtx;

/** Records a field issue on a zod context: its code as the message, its parameters as params. */
export function addIssue(ctx: Ctx, found: FieldIssue, path?: string) {
  ctx.addIssue({ code: "custom", message: found.code, ...(found.params ? { params: found.params } : {}), ...(path ? { path: [path] } : {}) });
}

const fail = (ctx: Ctx, found: FieldIssue) => {
  addIssue(ctx, found);
  return z.NEVER;
};

const TOO_LONG: FieldCode = "too_long";

/** One line of text, cleaned; `required` is the field code when it is empty. */
export const line = (max: number, required?: BareFieldCode) =>
  z
    .string()
    .transform(cleanLine)
    .pipe(
      required
        ? z.string().min(1, required).max(max, TOO_LONG)
        : z.string().max(max, TOO_LONG),
    );

/** Free text over several lines (Markdown, addresses): line breaks kept, ends trimmed. */
export const paragraphs = (max: number, required?: BareFieldCode) =>
  z
    .string()
    .transform((v) => v.replace(/\r\n?/g, "\n").trim())
    .pipe(
      required
        ? z.string().min(1, required).max(max, TOO_LONG)
        : z.string().max(max, TOO_LONG),
    );

/** Empty becomes null: for optional fields whose absence means something ("unlimited"). */
export const orNull = <T>(value: T | "") => (value === "" ? null : value);

/**
 * A whole number between min and max; blank gives null when `blank` says what blank means,
 * else the field code to report. Commas and spaces as thousands separators are accepted.
 */
export function count(opts: { min: number; max: number; what: CountedThing; blank: "null" | BareFieldCode }) {
  return z
    .string()
    .trim()
    .transform((raw, ctx): number | null => {
      const v = raw.replace(/[,\s]/g, "");
      if (v === "") return opts.blank === "null" ? null : fail(ctx, issue(opts.blank));
      if (!/^\d+$/.test(v)) return fail(ctx, issue("whole_number", { what: opts.what, example: Math.max(opts.min, 1) * 10 }));
      const n = Number(v);
      if (n < opts.min) return fail(ctx, issue("at_least", { min: opts.min }));
      if (n > opts.max) return fail(ctx, issue("at_most", { max: opts.max }));
      return n;
    });
}

/** A required count (blank is an error). */
export const requiredCount = (opts: { min: number; max: number; what: CountedThing; blank: BareFieldCode }) => count(opts).transform((n) => n ?? 0);

/** An amount as typed ("8", "12.50", "£8.5") to integer minor units of `currency` (lib/money). */
export function money(required: BareFieldCode, currency = "GBP") {
  return z
    .string()
    .transform((raw, ctx): number => {
      const minor = parseMoneyInput(raw, currency);
      if (minor === null) return fail(ctx, issue(required));
      if (minor === undefined) return fail(ctx, issue("price_format"));
      return minor;
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
export const clock = (required: BareFieldCode | null) =>
  z
    .string()
    .trim()
    .transform((v, ctx): string | null => {
      if (v === "") return required === null ? null : fail(ctx, issue(required));
      return parseClock(v) ?? fail(ctx, issue("time_format"));
    });

/** A time of day that must be given. */
export const requiredClock = (required: BareFieldCode) => clock(required).transform((v) => v ?? "");

/** A calendar date in the form YYYY-MM-DD (what date inputs send). */
export const isoDate = (required: BareFieldCode) =>
  z
    .string()
    .trim()
    .transform((v, ctx): string => {
      if (v === "") return fail(ctx, issue(required));
      return parseIsoDate(v) ?? fail(ctx, issue("date_format"));
    });

/** An optional wall-clock date and time (a datetime-local input). */
export const optionalDateTime = () =>
  z
    .string()
    .trim()
    .transform((v, ctx): string | null => {
      if (v === "") return null;
      return parseLocalDateTime(v) ?? fail(ctx, issue("datetime_format"));
    });

/**
 * The raw shape of a form: each named field a string ("" when absent), of bounded length.
 * Routes check this with `validate("form", …)`; the field rules come after, so that a form
 * with mistakes comes back with every entry kept and a message beside each field.
 */
export function formShape<K extends string>(names: readonly K[], max = 25_000) {
  const shape = Object.fromEntries(names.map((name) => [name, z.string().max(max, TOO_LONG).default("")]));
  return z.object(shape as Record<K, z.ZodDefault<z.ZodString>>);
}

/**
 * `formShape(names)` that also keeps the fields `more`, whose names are known only at run time
 * (a version per language: "translations.es.title"). Typed by the fixed names; the others are
 * read by name (language-input.ts).
 */
export function formShapeWith<K extends string>(names: readonly K[], more: readonly string[], max = 25_000) {
  return formShape<string>([...names, ...more], max) as unknown as ReturnType<typeof formShape<K>>;
}
