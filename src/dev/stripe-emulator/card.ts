import type { CardDetails } from "@/dev/stripe-emulator/objects";

/** Stripe's test cards the checkout page understands. */
export const TEST_CARDS = { succeeds: "4242424242424242", declined: "4000000000000002" } as const;

export type CardForm = { card_number: string; expiry: string; cvc: string; name: string; email?: string | undefined };
export type CardField = keyof CardForm;

export type CardCheck =
  | { outcome: "approved"; card: CardDetails; name: string; email: string | null }
  /** A test card that always fails: Stripe's `card_declined`, answered with 402. */
  | { outcome: "declined"; errors: Partial<Record<CardField, string>> }
  /** Something to correct before paying (422). */
  | { outcome: "invalid"; errors: Partial<Record<CardField, string>> };

const DECLINED = "Your card was declined. Try another card.";

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
  const errors: Partial<Record<CardField, string>> = {};
  const number = form.card_number.replace(/[\s-]/g, "");
  if (!number) errors.card_number = "Enter the card number, for example 4242 4242 4242 4242.";
  else if (!/^\d{12,19}$/.test(number)) errors.card_number = "Enter the card number using digits only, for example 4242 4242 4242 4242.";
  else if (number !== TEST_CARDS.succeeds && number !== TEST_CARDS.declined) {
    errors.card_number = "This offline checkout only accepts test cards. Use 4242 4242 4242 4242.";
  }

  const expiry = parseExpiry(form.expiry);
  if (!form.expiry.trim()) errors.expiry = "Enter the expiry date as MM / YY, for example 12 / 34.";
  else if (!expiry) errors.expiry = "Enter the expiry date as MM / YY with a month from 01 to 12, for example 12 / 34.";
  else if (expiry.year * 12 + expiry.month < now.getUTCFullYear() * 12 + now.getUTCMonth() + 1) {
    errors.expiry = "Your card's expiry date is in the past. Check the date or use another card.";
  }

  if (!/^\d{3}$/.test(form.cvc.trim())) errors.cvc = "Enter the 3-digit security code (CVC) from the back of the card.";

  const name = form.name.trim();
  if (!name) errors.name = "Enter the name on the card.";
  else if (name.length > 200) errors.name = "Enter the name on the card in 200 characters or fewer.";

  const email = form.email?.trim() ?? "";
  if (emailNeeded && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    errors.email = "Enter your email address, for example name@example.com.";
  }

  if (Object.keys(errors).length) return { outcome: "invalid", errors };
  if (number === TEST_CARDS.declined) return { outcome: "declined", errors: { card_number: DECLINED } };
  return {
    outcome: "approved",
    card: { brand: "visa", last4: number.slice(-4), exp_month: expiry!.month, exp_year: expiry!.year },
    name,
    email: emailNeeded ? email : null,
  };
}
