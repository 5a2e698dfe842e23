// Access codes and membership numbers can be guessed. Each guess a client makes for an event
// is spent from a budget before it is checked (one atomic upsert, so a burst of parallel
// requests cannot all slip through), and given back when it was right: only wrong guesses
// use the budget up. Past it, the client waits for the window to end (429 with Retry-After).
import type { TicketType } from "@/generated/prisma/client";
import { DomainError } from "@/domain/errors";
import type { FieldIssues } from "@/domain/issues";
import { addRateLimitHits, returnRateLimitHits } from "@/domain/staff/repo";

/** Wrong access codes or memberships one client may try per event in GUESS_WINDOW_MS. */
export const GUESS_LIMIT = 10;
export const GUESS_WINDOW_MS = 15 * 60_000;

/** The field codes that mean a guess was wrong. */
const WRONG_GUESS = new Set(["access_code_wrong", "membership_not_found", "voucher_invalid"]);

const guessable = (tier: TicketType) => tier.eligibility === "access_code" || tier.eligibility === "member_list";

export type GuessBudget = { settle: (fields: FieldIssues) => Promise<void> };

/**
 * Spends one guess per ticket whose tier needs an access code or a membership, and one per
 * voucher code tried (`codes`), for this client (`clientKey`) and event; throws rate_limited
 * when the client has used up its budget. The returned `settle` gives back the guesses that
 * were not wrong.
 */
export async function spendGuesses(d1: D1Database, eventId: string, clientKey: string, tiers: readonly TicketType[], now: Date, codes = 0): Promise<GuessBudget> {
  const n = tiers.filter(guessable).length + codes;
  if (!n) return { settle: async () => {} };
  const key = `guess:${eventId}:${clientKey}`;
  const { count, windowStart } = await addRateLimitHits(d1, key, n, new Date(now.getTime() - GUESS_WINDOW_MS), now);
  if (count > GUESS_LIMIT) {
    // Only wrong guesses should count: give these back, the client has not been told anything.
    await returnRateLimitHits(d1, key, n);
    const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + GUESS_WINDOW_MS - now.getTime()) / 1000));
    throw new DomainError("rate_limited", { what: "guesses", retryAfterSeconds });
  }
  return {
    settle: async (fields) => {
      const wrong = Object.values(fields).filter((f) => WRONG_GUESS.has(f.code)).length;
      if (n > wrong) await returnRateLimitHits(d1, key, n - wrong);
    },
  };
}
