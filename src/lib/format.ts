/** Money for people: "£8", "£12.50", "Free". Amounts are integer minor units. */
export function formatMoney(amountMinor: number, currency: string): string {
  return amountMinor === 0 ? "Free" : formatAmount(amountMinor, currency);
}

/** An amount of money, zero included ("£0"): for totals and reports rather than prices. */
export function formatAmount(amountMinor: number, currency: string): string {
  const whole = amountMinor % 100 === 0;
  return new Intl.NumberFormat("en-GB", {
    style: "currency",
    currency,
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(amountMinor / 100);
}

/** "Saturday 9 January 2027" in the event's zone. */
export function formatDate(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
  }).format(instant);
}

/** "10:30" in the event's zone. */
export function formatTime(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(instant);
}

/** "GMT" or "BST": the zone's short name at that instant, so visitors from abroad are not misled. */
export function formatZone(instant: Date, timeZone: string): string {
  const part = new Intl.DateTimeFormat("en-GB", { timeZone, timeZoneName: "short" })
    .formatToParts(instant)
    .find((p) => p.type === "timeZoneName");
  return part?.value ?? timeZone;
}

/** "£8 – £13", "£8", "Free – £13"; undefined with no tiers. */
export function formatPriceRange(range: { min: number; max: number } | null, currency: string): string | undefined {
  if (!range) return undefined;
  if (range.min === range.max) return formatMoney(range.min, currency);
  return `${formatMoney(range.min, currency)} – ${formatMoney(range.max, currency)}`;
}

/** "15 Jan 2027, 18:05 BST": a moment in `timeZone`, saying which zone, for organisers' records. */
export function formatDateTime(instant: Date, timeZone: string): string {
  const day = new Intl.DateTimeFormat("en-GB", { timeZone, day: "numeric", month: "short", year: "numeric" }).format(instant);
  return `${day}, ${formatTime(instant, timeZone)} ${formatZone(instant, timeZone)}`;
}
