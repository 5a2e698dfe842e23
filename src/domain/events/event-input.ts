import * as z from "zod";
import type { AgendaItem, Event } from "@/generated/prisma/client";
import { formatTime } from "@/lib/format";
import { slugSchema } from "@/lib/schemas";
import { cleanLine } from "@/lib/text";
import { localDate, zonedTimeToUtc } from "@/lib/zoned-time";
import { initialsOf } from "@/domain/events/slug";
import { addIssue, clock, count, requiredClock, isoDate, line, optionalDateTime, orNull, paragraphs, parseClock, requiredCount } from "@/domain/events/form-input";
import { issue, type AgendaProblem, type BareFieldCode, type FieldIssues } from "@/domain/issues";
import {
  addIssues,
  agendaBeyondMain,
  agendaLimits,
  agendaVersionsOf,
  eventLanguageShape,
  eventLanguageValues,
  eventTextLimits,
  parseTranslatedAgenda,
  versionsOf,
  type TranslatedAgendaLine,
} from "@/domain/events/language-input";
import { blankRefundValues, refundFormValues, refundRuleIssues, refundSettings, refundShape } from "@/domain/events/refund-input";
import { agendaTextFields, eventTextFields, rearrange, type AgendaTextField, type Translations } from "@/domain/events/translations";
import { blankReminderValues, reminderFields, reminderSettingsOf, reminderShape, reminderValues } from "@/domain/events/reminder-input";

/** The event form's fields, as named in the HTML. */
export const eventFields = [
  "title",
  "slug",
  "summary",
  "description",
  "venueName",
  "venueAddress",
  "timezone",
  "date",
  "doorsOpen",
  "startTime",
  "endTime",
  "capacity",
  "maxPerOrder",
  "holdOrdersLimit",
  "holdTicketsLimit",
  "ticketsPerMembership",
  "salesStart",
  "salesEnd",
  "currency",
  "referencePrefix",
  "ticketEmailSubject",
  "agenda",
  ...reminderFields,
] as const;

export type EventFormValues = Record<(typeof eventFields)[number], string>;

/** Time zones offered in the form; an event in another valid zone keeps its own. */
export const commonTimezones = [
  "Europe/London",
  "Europe/Dublin",
  "Europe/Lisbon",
  "Europe/Paris",
  "Europe/Brussels",
  "Europe/Amsterdam",
  "Europe/Berlin",
  "Europe/Madrid",
  "Europe/Rome",
  "Europe/Stockholm",
  "Europe/Warsaw",
  "Europe/Athens",
  "Europe/Helsinki",
  "Europe/Istanbul",
  "Africa/Lagos",
  "Africa/Nairobi",
  "Africa/Johannesburg",
  "Asia/Dubai",
  "Asia/Kolkata",
  "Asia/Singapore",
  "Asia/Hong_Kong",
  "Asia/Tokyo",
  "Australia/Sydney",
  "Pacific/Auckland",
  "America/St_Johns",
  "America/Halifax",
  "America/New_York",
  "America/Toronto",
  "America/Chicago",
  "America/Denver",
  "America/Los_Angeles",
  "America/Sao_Paulo",
  "UTC",
] as const;

export const DEFAULT_TIMEZONE = "Europe/London";

/** Defaults (as in schema.prisma): unpaid orders and tickets one client or buyer email may hold, member tickets per membership. */
export const DEFAULT_LIMITS = { holdOrders: 3, holdTickets: 20, perMembership: 1 } as const;

export function isValidTimezone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: zone });
    return /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(zone);
  } catch {
    return false;
  }
}

/** ISO 4217 codes whose minor unit is a hundredth (prices are typed as pounds and pence). */
export function isCentCurrency(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  const known = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("currency") : [code];
  if (!known.includes(code)) return false;
  return new Intl.NumberFormat("en-GB", { style: "currency", currency: code }).resolvedOptions().maximumFractionDigits === 2;
}

export type AgendaLine = { clock: string; title: string; detail: string };

/**
 * The programme textarea: one item per line, "HH:MM Title — detail" (the detail, after a
 * dash with spaces round it, is optional). Blank lines are skipped.
 */
export function parseAgenda(text: string): { items: AgendaLine[] } | { problems: AgendaProblem[] } {
  const items: AgendaLine[] = [];
  const problems: AgendaProblem[] = [];
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  lines.forEach((raw, i) => {
    const value = cleanLine(raw);
    if (!value) return;
    const m = /^(\d{1,2}[:.]\d{2})\s+(.+)$/.exec(value);
    const time = m ? parseClock(m[1]!) : null;
    if (!m || !time) {
      problems.push({ line: i + 1, problem: "no_time" });
      return;
    }
    const [title = "", ...rest] = m[2]!.split(/\s+[—–-]\s+/);
    const detail = rest.join(" — ");
    if (title.length > agendaLimits.title) problems.push({ line: i + 1, problem: "title_too_long" });
    else if (detail.length > agendaLimits.detail) problems.push({ line: i + 1, problem: "detail_too_long" });
    else items.push({ clock: time, title, detail });
  });
  if (items.length > 100) problems.push({ problem: "too_many_lines" });
  if (problems.length) return { problems };
  return { items };
}

const optionalSlug = z
  .string()
  .trim()
  .transform((v) => v.toLowerCase())
  .pipe(z.union([z.literal(""), slugSchema.max(80, "too_long")]));

/** The event form's fields, each parsed on its own. */
const eventShape = {
    title: line(eventTextLimits.title, "title_required"),
    slug: optionalSlug,
    summary: line(eventTextLimits.summary),
    description: paragraphs(eventTextLimits.description),
    venueName: line(eventTextLimits.venueName, "venue_name_required"),
    venueAddress: line(eventTextLimits.venueAddress, "venue_address_required"),
    timezone: z.string().trim().refine(isValidTimezone, "timezone_required" satisfies BareFieldCode),
    date: isoDate("date_required"),
    doorsOpen: clock(null),
    startTime: requiredClock("start_time_required"),
    endTime: requiredClock("end_time_required"),
    capacity: count({ min: 1, max: 100_000, what: "capacity", blank: "null" }),
    maxPerOrder: requiredCount({ min: 1, max: 50, what: "event_max_per_order", blank: "max_per_order_required" }),
    // Blank keeps the default, so a form (or an older script) without these fields still works.
    holdOrdersLimit: count({ min: 1, max: 50, what: "hold_orders_limit", blank: "null" }).transform((n) => n ?? DEFAULT_LIMITS.holdOrders),
    holdTicketsLimit: count({ min: 1, max: 1000, what: "hold_tickets_limit", blank: "null" }).transform((n) => n ?? DEFAULT_LIMITS.holdTickets),
    ticketsPerMembership: count({ min: 1, max: 50, what: "tickets_per_membership", blank: "null" }).transform((n) => n ?? DEFAULT_LIMITS.perMembership),
    salesStart: optionalDateTime(),
    salesEnd: optionalDateTime(),
    currency: z
      .string()
      .trim()
      .transform((v) => v.toUpperCase())
      .refine(isCentCurrency, "currency_invalid" satisfies BareFieldCode),
    referencePrefix: z
      .string()
      .trim()
      .transform((v) => v.toUpperCase())
      .pipe(z.union([z.literal(""), z.string().regex(/^[A-Z]{2,5}$/, "reference_prefix_format" satisfies BareFieldCode)])),
    ticketEmailSubject: line(eventTextLimits.ticketEmailSubject),
    ...refundShape,
    agenda: z
      .string()
      .max(agendaLimits.text, "too_long")
      .transform((text, ctx) => {
        const parsed = parseAgenda(text);
        if ("problems" in parsed) {
          addIssue(ctx, issue("agenda_invalid", { problems: parsed.problems }));
          return z.NEVER;
        }
        return parsed.items;
      }),
    ...reminderShape,
};

type EventFields = z.output<z.ZodObject<typeof eventShape>>;
type Partly<T> = { [K in keyof T]?: T[K] | undefined };

/**
 * The rules between the times, on whichever fields parsed (a time whose own field is wrong is
 * left out; its own error says what to fix). Wall-clock times become instants in the zone.
 */
function eventTimeRules(v: Partly<EventFields>, problem: (path: string, code: BareFieldCode) => void) {
  const { date, timezone } = v;
  const at = (time: string | null | undefined, path: string) => {
    if (!time || !date || !timezone) return null;
    const instant = zonedTimeToUtc(`${date}T${time}`, timezone);
    // A time skipped by a clock change (e.g. 01:30 on the spring-forward night) does not exist.
    if (localDate(instant, timezone) !== date || formatTime(instant, timezone) !== time) problem(path, "time_skipped");
    return instant;
  };
  const startsAt = at(v.startTime, "startTime");
  const endsAt = at(v.endTime, "endTime");
  const doorsOpenAt = at(v.doorsOpen, "doorsOpen");
  const salesStartAt = v.salesStart && timezone ? zonedTimeToUtc(v.salesStart, timezone) : null;
  const salesEndAt = v.salesEnd && timezone ? zonedTimeToUtc(v.salesEnd, timezone) : null;
  if (startsAt && endsAt && endsAt <= startsAt) problem("endTime", "end_before_start");
  if (doorsOpenAt && startsAt && doorsOpenAt > startsAt) problem("doorsOpen", "doors_after_start");
  if (salesStartAt && salesEndAt && salesEndAt <= salesStartAt) problem("salesEnd", "sales_end_before_start");
  if (salesEndAt && endsAt && salesEndAt > endsAt) problem("salesEnd", "sales_end_after_event");
  if (salesStartAt && endsAt && salesStartAt >= endsAt) problem("salesStart", "sales_start_after_event");
  return { startsAt, endsAt, doorsOpenAt, salesStartAt, salesEndAt };
}

/**
 * The rules between fields for a form whose fields did not all parse, so the page can show
 * them with the fields' own errors at once.
 */
export function eventRuleIssues(values: unknown): FieldIssues {
  const parts = z.object(Object.fromEntries(Object.entries(eventShape).map(([k, s]) => [k, (s as z.ZodType).optional().catch(undefined)]))).safeParse(values);
  const found: FieldIssues = {};
  if (parts.success) eventTimeRules(parts.data as Partly<EventFields>, (path, code) => void (found[path] ??= issue(code)));
  // Programme versions with more lines than the main programme, when both parsed.
  const record = values && typeof values === "object" ? (values as Record<string, unknown>) : {};
  for (const [path, f] of Object.entries(refundRuleIssues(record))) found[path] ??= f;
  const main = typeof record.agenda === "string" ? parseAgenda(record.agenda) : null;
  if (main && "items" in main) {
    const versions: Record<string, TranslatedAgendaLine[]> = {};
    for (const [name, text] of Object.entries(record)) {
      const lang = /^translations\.([a-z]{2,3})\.agenda$/.exec(name)?.[1];
      const parsed = lang && typeof text === "string" ? parseTranslatedAgenda(text) : null;
      if (lang && parsed && "items" in parsed && lang !== (record.textLanguage || lang)) versions[lang] = parsed.items;
    }
    for (const [path, f] of Object.entries(agendaBeyondMain(versions, main.items.length))) found[path] ??= f;
  }
  return found;
}

/** The event's fields from a form whose fields all parsed; undefined (with issues added) when the rules between them refuse it. */
function eventFromFields(v: EventFields, ctx: z.RefinementCtx) {
  let bad = false;
  const times = eventTimeRules(v, (path, code) => {
    bad = true;
    addIssue(ctx, issue(code), path);
  });
  const refund = refundSettings(v, v, ctx);
  if (bad || !refund) return undefined;
  // Every field parsed, so the start and end are known.
  const { doorsOpenAt, salesStartAt, salesEndAt } = times;
  const startsAt = times.startsAt!;
  const endsAt = times.endsAt!;
  return {
    title: v.title,
    slug: orNull(v.slug),
    summary: v.summary,
    description: v.description,
    venueName: v.venueName,
    venueAddress: v.venueAddress,
    timezone: v.timezone,
    startsAt,
    endsAt,
    doorsOpenAt,
    capacity: v.capacity,
    maxPerOrder: v.maxPerOrder,
    holdOrdersLimit: v.holdOrdersLimit,
    holdTicketsLimit: v.holdTicketsLimit,
    ticketsPerMembership: v.ticketsPerMembership,
    salesStartAt,
    salesEndAt,
    currency: v.currency,
    referencePrefix: v.referencePrefix || initialsOf(v.title),
    ticketEmailSubject: orNull(v.ticketEmailSubject),
    ...reminderSettingsOf(v),
    ...refund,
    agenda: v.agenda.map((item, i) => ({
      startsAt: zonedTimeToUtc(`${v.date}T${item.clock}`, v.timezone),
      title: item.title,
      detail: item.detail,
      sortOrder: i,
    })),
  };
}

/** Validates the event form's main-language fields and turns its wall-clock times into UTC instants in the chosen zone. */
export const eventInputSchema = z.object(eventShape).transform((v, ctx) => eventFromFields(v, ctx) ?? z.NEVER);

/**
 * The whole event form: its fields, its main language and its versions in other languages
 * (language-input.ts), every problem at once. `current` is the event's main language ("en"
 * for a new event): what a form that sends no language keeps.
 */
export function eventFormSchema(languages: readonly string[], current: string) {
  return z.object({ ...eventShape, ...eventLanguageShape(languages, current) }).transform((v, ctx) => {
    const values = v as unknown as Record<string, unknown>;
    const { mainLanguage, textLanguage } = v as unknown as { mainLanguage: string; textLanguage: string };
    const agendaVersions = agendaVersionsOf(values, languages, textLanguage);
    const beyond = agendaBeyondMain(agendaVersions, v.agenda.length);
    addIssues(ctx, beyond);
    const base = eventFromFields(v as EventFields, ctx);
    if (!base || Object.keys(beyond).length) return z.NEVER;
    // The texts swap languages only when the new main language has versions to swap in;
    // otherwise the organiser has only said which language the main fields are in.
    const versions = versionsOf(values, languages, eventTextFields, textLanguage);
    const swapped = mainLanguage !== textLanguage && (versions[mainLanguage] !== undefined || agendaVersions[mainLanguage]?.some((l) => l.title) === true);
    const to = swapped ? mainLanguage : textLanguage;
    const texts = rearrange(
      eventTextFields,
      { title: base.title, summary: base.summary, description: base.description, venueName: base.venueName, venueAddress: base.venueAddress, ticketEmailSubject: base.ticketEmailSubject },
      versions,
      textLanguage,
      to,
    );
    const agenda = base.agenda.map((item, i) => {
      const versions: Translations<AgendaTextField> = {};
      for (const [lang, lines] of Object.entries(agendaVersions)) {
        const version = lines[i];
        if (version?.title) versions[lang] = { title: version.title, ...(version.detail ? { detail: version.detail } : {}) };
      }
      const arranged = rearrange(agendaTextFields, { title: item.title, detail: item.detail }, versions, textLanguage, to);
      return { ...item, ...arranged.main, translations: arranged.translations };
    });
    // For the new main language, drop what is now its own text (no swap: it had none).
    const { [mainLanguage]: _main, ...translations } = texts.translations;
    return {
      ...base,
      ...texts.main,
      mainLanguage,
      translations,
      agenda: agenda.map(({ translations: t, ...item }) => ({ ...item, translations: omit(t, mainLanguage) })),
      /** Whether the texts changed places (the tiers' must follow: admin-events `updateEvent`). */
      swapped,
    };
  });
}

export type EventInput = z.infer<ReturnType<typeof eventFormSchema>>;

const omit = <T,>(record: Record<string, T>, key: string) => Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));

/** "2027-01-09T10:30": an instant as a datetime-local value in the event's zone. */
export const localDateTime = (instant: Date, zone: string) => `${localDate(instant, zone)}T${formatTime(instant, zone)}`;

/** The agenda as the textarea shows it. */
export const agendaText = (items: AgendaItem[], zone: string) =>
  items.map((a) => `${formatTime(a.startsAt, zone)} ${a.title}${a.detail ? ` — ${a.detail}` : ""}`).join("\n");

/** A new event's form: sensible defaults for a small one-day conference. */
export function blankEventValues(): EventFormValues {
  return {
    ...blankRefundValues(),
    title: "",
    slug: "",
    summary: "",
    description: "",
    venueName: "",
    venueAddress: "",
    timezone: DEFAULT_TIMEZONE,
    date: "",
    doorsOpen: "",
    startTime: "",
    endTime: "",
    capacity: "",
    maxPerOrder: "10",
    holdOrdersLimit: String(DEFAULT_LIMITS.holdOrders),
    holdTicketsLimit: String(DEFAULT_LIMITS.holdTickets),
    ticketsPerMembership: String(DEFAULT_LIMITS.perMembership),
    salesStart: "",
    salesEnd: "",
    currency: "GBP",
    referencePrefix: "",
    ticketEmailSubject: "",
    agenda: "",
    ...blankReminderValues(),
  };
}

/** A stored event as its form shows it, times back on the wall clock of its zone, with its versions in other languages. */
export function eventFormValues(event: Event, agenda: AgendaItem[]): EventFormValues & Record<string, string> {
  const tz = event.timezone;
  return {
    ...eventLanguageValues(event, agenda, (a) => formatTime(a.startsAt, tz)),
    ...refundFormValues(event),
    title: event.title,
    slug: event.slug,
    summary: event.summary,
    description: event.description,
    venueName: event.venueName,
    venueAddress: event.venueAddress,
    timezone: tz,
    date: localDate(event.startsAt, tz),
    doorsOpen: event.doorsOpenAt ? formatTime(event.doorsOpenAt, tz) : "",
    startTime: formatTime(event.startsAt, tz),
    endTime: formatTime(event.endsAt, tz),
    capacity: event.capacity === null ? "" : String(event.capacity),
    maxPerOrder: String(event.maxPerOrder),
    holdOrdersLimit: String(event.holdOrdersLimit),
    holdTicketsLimit: String(event.holdTicketsLimit),
    ticketsPerMembership: String(event.ticketsPerMembership),
    salesStart: event.salesStartAt ? localDateTime(event.salesStartAt, tz) : "",
    salesEnd: event.salesEndAt ? localDateTime(event.salesEndAt, tz) : "",
    currency: event.currency,
    referencePrefix: event.referencePrefix,
    ticketEmailSubject: event.ticketEmailSubject ?? "",
    agenda: agendaText(agenda, tz),
    ...reminderValues(event),
  };
}
