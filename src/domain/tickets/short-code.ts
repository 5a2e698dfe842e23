// A ticket's short code for typing at the door: its order's reference and its number in the
// order, "PSG-7KQ4M-2". Not secret and not signed (the reference is on the buyer's email and
// the number is its place in the order): it only says which ticket, and the door then checks
// that ticket by the same rule as a scan. No imports, so the scanner's offline script uses it too.

/** A reference ("HRD-7KQ4M") and a ticket's 1-based number in its order. */
export type ShortCode = { reference: string; number: number };

const SHORT_CODE = /^([A-Z]{2,5}-[2-9A-HJ-NP-Z]{5})-([1-9][0-9]{0,2})$/;

/** "HRD-7KQ4M-2". */
export function formatShortCode(reference: string, number: number): string {
  return `${reference}-${number}`;
}

/** A typed short code, forgiving case, spaces and a missing hyphen before the number; null when it is not one. */
export function parseShortCode(typed: string): ShortCode | null {
  const text = typed.toUpperCase().replace(/\s+/g, "");
  const match = SHORT_CODE.exec(text) ?? SHORT_CODE.exec(text.replace(/^([A-Z]{2,5}-[2-9A-HJ-NP-Z]{5})(\d)/, "$1-$2"));
  if (!match) return null;
  return { reference: match[1]!, number: Number(match[2]) };
}
