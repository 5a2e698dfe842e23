// Money as people type it, and how many minor units a currency has. Amounts are integer
// minor units everywhere else (DESIGN: never floats).

const digits = new Map<string, number>();

/** Decimal places of a currency's minor unit (2 for GBP, 0 for JPY); 2 for a code Intl does not know. */
export function minorDigits(currency: string): number {
  let n = digits.get(currency);
  if (n === undefined) {
    try {
      n = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      n = 2;
    }
    digits.set(currency, n);
  }
  return n;
}

/**
 * An amount typed in a form ("8", "12.50", "£8.5", "1,200", "€ 3.50") as minor units of
 * `currency`; `null` when blank, `undefined` when it is not an amount (letters, too many
 * decimals, over a million). A currency sign before the number is allowed and ignored.
 */
export function parseMoneyInput(raw: string, currency: string): number | null | undefined {
  const v = raw.trim();
  if (v === "") return null;
  const m = /^(?:[^\d\s.,+-]{1,3}\s*)?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/.exec(v);
  const whole = m?.[1]!.replace(/,/g, "") ?? "";
  const places = minorDigits(currency);
  if (!m || whole.length > 6 || (m[2] ?? "").length > places) return undefined;
  return Number(whole) * 10 ** places + Number((m[2] ?? "").padEnd(places, "0") || "0");
}
