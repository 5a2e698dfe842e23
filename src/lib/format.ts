// Dates, times and money for people, through Intl in one language. Each catalogue builds its
// own `Formats` with `formatsFor(tag, words)`, so a view says `m.format.date(…)` and gets the
// reader's language; the functions below the factory are the English ones, for code that
// has no reader (logs, tests).

/** The few words the formats need from a catalogue, and how it shows currencies. */
export type FormatWords = { free: string; currencyDisplay?: "symbol" | "narrowSymbol" };

export type Formats = {
  /** "£8", "£12.50", "Free": a price. Amounts are integer minor units. */
  money(amountMinor: number, currency: string): string;
  /** An amount of money, zero included ("£0"): totals and reports rather than prices. */
  amount(amountMinor: number, currency: string): string;
  /** "Saturday 9 January 2027" / "sábado, 9 de enero de 2027" in the event's zone. */
  date(instant: Date, timeZone: string): string;
  /** "10:30" in the event's zone. */
  time(instant: Date, timeZone: string): string;
  /** "GMT" or "BST": the zone's short name at that instant. */
  zone(instant: Date, timeZone: string): string;
  /** "£8 – £13", "£8", "Free – £13"; undefined with no tiers. */
  priceRange(range: { min: number; max: number } | null, currency: string): string | undefined;
  /** "15 Jan 2027, 18:05 BST": a moment in `timeZone`, saying which zone, for records. */
  dateTime(instant: Date, timeZone: string): string;
  /** A whole number with the language's grouping ("1,234" / "1234"). */
  number(n: number): string;
};

/**
 * Intl formatters are costly to build (locale data, time zone rules) and cheap to reuse: each
 * is built once per isolate for its language, options and zone, and kept. The keys are few
 * (two languages, a handful of zones and currencies), so the map stays small.
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function kept<F extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => F): F {
  let formatter = formatters.get(key) as F | undefined;
  if (!formatter) formatters.set(key, (formatter = make()));
  return formatter;
}

/** The formats for a BCP 47 tag ("en-GB", "es"). */
export function formatsFor(tag: string, words: FormatWords): Formats {
  const currencyDisplay = words.currencyDisplay ?? "symbol";
  const amount = (amountMinor: number, currency: string) => {
    const whole = amountMinor % 100 === 0;
    const format = kept(`money|${tag}|${currencyDisplay}|${currency}|${whole}`, () =>
      new Intl.NumberFormat(tag, { style: "currency", currency, currencyDisplay, minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: 2 }),
    );
    return format.format(amountMinor / 100);
  };
  const money = (amountMinor: number, currency: string) => (amountMinor === 0 ? words.free : amount(amountMinor, currency));
  const dates = (name: string, timeZone: string, options: Intl.DateTimeFormatOptions) =>
    kept(`${name}|${tag}|${timeZone}`, () => new Intl.DateTimeFormat(tag, { timeZone, ...options }));
  const time = (instant: Date, timeZone: string) => dates("time", timeZone, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(instant);
  const zone = (instant: Date, timeZone: string) =>
    dates("zone", timeZone, { timeZoneName: "short" }).formatToParts(instant).find((p) => p.type === "timeZoneName")?.value ?? timeZone;
  const numbers = kept(`number|${tag}`, () => new Intl.NumberFormat(tag));
  return {
    money,
    amount,
    time,
    zone,
    date: (instant, timeZone) => dates("date", timeZone, { weekday: "long", day: "numeric", month: "long", year: "numeric" }).format(instant),
    priceRange: (range, currency) => {
      if (!range) return undefined;
      if (range.min === range.max) return money(range.min, currency);
      return `${money(range.min, currency)} – ${money(range.max, currency)}`;
    },
    dateTime: (instant, timeZone) => {
      const day = dates("day", timeZone, { day: "numeric", month: "short", year: "numeric" }).format(instant);
      return `${day}, ${time(instant, timeZone)} ${zone(instant, timeZone)}`;
    },
    number: (n) => numbers.format(n),
  };
}

const english = formatsFor("en-GB", { free: "Free" });

/** @deprecated English only: views use `useMessages().format`, other code `m.format`. */
export const formatMoney = english.money;
/** @deprecated English only. */
export const formatAmount = english.amount;
/** @deprecated English only. */
export const formatDate = english.date;
/** @deprecated English only. */
export const formatTime = english.time;
/** @deprecated English only. */
export const formatZone = english.zone;
/** @deprecated English only. */
export const formatPriceRange = english.priceRange;
/** @deprecated English only. */
export const formatDateTime = english.dateTime;
