import type { CardDetails } from "@/dev/stripe-emulator/objects";
import type { CardProblem } from "@/dev/stripe-emulator/words";

/** Stripe's test cards the checkout page understands. */
export const TEST_CARDS = { succeeds: "4242424242424242", declined: "4000000000000002" } as const;

export type CardForm = { card_number: string; expiry: string; cvc: string; name: string; email?: string | undefined };
export type CardField = keyof CardForm;

export type CardCheck =
  | { outcome: "approved"; card: CardDetails; name: string; email: string | null }
  /** A test card that always fails: Stripe's `card_declined`, answered with 402. */
  | { outcome: "declined"; errors: Partial<Record<CardField, CardProblem>> }
  /** Something to correct before paying (422); the page says each problem in the session's language. */
  | { outcome: "invalid"; errors: Partial<Record<CardField, CardProblem>> };

/** MM / YY, MM/YY, MMYY or MM/YYYY → month and four-digit year; null if it is not a date. */
function parseExpiry(text: string): { month: number; year: number } | null {
  const match = /^(\d{1,2})\s*\/?\s*(\d{2}|\d{4})$/.exec(text.trim());
  if (!match) return null;
  const month = Number(match[1]);
  const year = match[2]!.length === 2 ? 2000 + Number(match[2]) : Number(match[2]);
  return month >= 1 && month <= 12 ? { month, year } : null;
}

/**
 * Checks the card form as Stripe Checkout would in test mode: every field first (422 with a
 * message per field), then the card itself: 4242… succeeds, 4000 0000 0000 0002 is declined,
 * and any other number is refused, as test mode refuses real cards.
 */
export function checkCard(form: CardForm, emailNeeded: boolean, now: Date): CardCheck {
  const errors: Partial<Record<CardField, CardProblem>> = {};
  const number = form.card_number.replace(/[\s-]/g, "");
  if (!number) errors.card_number = "number_missing";
  else if (!/^\d{12,19}$/.test(number)) errors.card_number = "number_digits";
  else if (number !== TEST_CARDS.succeeds && number !== TEST_CARDS.declined) {
    errors.card_number = "number_not_test";
  }

  const expiry = parseExpiry(form.expiry);
  if (!form.expiry.trim()) errors.expiry = "expiry_missing";
  else if (!expiry) errors.expiry = "expiry_format";
  else if (expiry.year * 12 + expiry.month < now.getUTCFullYear() * 12 + now.getUTCMonth() + 1) {
    errors.expiry = "expiry_past";
  }

  if (!/^\d{3}$/.test(form.cvc.trim())) errors.cvc = "cvc";

  const name = form.name.trim();
  if (!name) errors.name = "name_missing";
  else if (name.length > 200) errors.name = "name_too_long";

  const email = form.email?.trim() ?? "";
  if (emailNeeded && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    errors.email = "email";
  }

  if (Object.keys(errors).length) return { outcome: "invalid", errors };
  if (number === TEST_CARDS.declined) return { outcome: "declined", errors: { card_number: "declined" } };
  return {
    outcome: "approved",
    card: { brand: "visa", last4: number.slice(-4), exp_month: expiry!.month, exp_year: expiry!.year },
    name,
    email: emailNeeded ? email : null,
  };
}
