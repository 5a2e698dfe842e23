import type { TicketType } from "@/generated/prisma/client";
import { constantTimeEqual, sha256Hex } from "@/lib/hash";
import { normaliseEmail, normaliseMembershipNumber } from "@/lib/text";
import { findMembersByKeys } from "@/domain/members/repo";
import { countMemberTickets, memberAnswer } from "@/domain/orders/repo";
import type { TicketInput } from "@/domain/orders/input";
import { issue, type Alternative, type FieldIssue } from "@/domain/issues";

/** Access codes compare trimmed and case-insensitively; only their hash is stored. */
export function hashAccessCode(code: string): Promise<string> {
  return sha256Hex(code.trim().toUpperCase());
}

/** Passed: the answer for the door, and for a member ticket every key of its membership. */
type Checked = { answer: string | null; membershipKeys?: string[] } | { field: "declaration" | "membership" | "accessCode"; issue: FieldIssue };

/**
 * Finds which of the given membership keys (emails or membership numbers) are on the
 * members list, in one query. Maps each matched key, normalised, to every key of its member
 * (number first), so a membership is one membership whichever key is typed.
 */
async function matchMembers(d1: D1Database, keys: string[]): Promise<Map<string, string[]>> {
  const emails = keys.filter((k) => k.includes("@")).map(normaliseEmail);
  const numbers = keys.filter((k) => !k.includes("@")).map(normaliseMembershipNumber);
  if (!emails.length && !numbers.length) return new Map();
  const members = await findMembersByKeys(d1, emails, numbers);
  return new Map(
    members.flatMap((m) => {
      const all = [m.membershipNumber, m.email].filter((v): v is string => Boolean(v));
      return all.map((key) => [key, all] as const);
    }),
  );
}

/** What limits member tickets: the event, how many each membership may buy, and when. */
export type MembershipRule = { d1: D1Database; eventId: string; max: number; now: Date };

/**
 * Turns member tickets whose membership already has its `max` member tickets for the event (in
 * other orders) into a field issue on the membership. The batch that writes the order checks
 * the same again, atomically (orders/repo membershipLimitStatement).
 */
async function limitMemberships(checks: Checked[], rule: MembershipRule, instead: Alternative | undefined): Promise<Checked[]> {
  const members = checks.map((c) => ("membershipKeys" in c ? c.membershipKeys : undefined));
  const keyed = members.filter((k): k is string[] => Boolean(k));
  const counts = await countMemberTickets(rule.d1, rule.eventId, keyed, rule.now);
  let next = 0;
  return checks.map((check, i) => {
    if (!members[i]) return check;
    if (counts[next++]! < rule.max) return check;
    return { field: "membership", issue: issue("membership_already_used", { max: rule.max, ...(instead ? { instead } : {}) }) };
  });
}

const membershipKey = (ticket: TicketInput) => ticket.membership ?? ticket.email;
const normaliseKey = (key: string) => (key.includes("@") ? normaliseEmail(key) : normaliseMembershipNumber(key));

/**
 * Checks every ticket against its tier's eligibility rule, on the server (the form's checkboxes
 * are a convenience, never the check). Returns, per ticket, the answer to record for the door
 * or the field to correct with its issue. `instead` is the price to offer instead. A membership
 * buys at most `rule.max` member tickets for the event, over every order still counting.
 */
export async function checkEligibility(
  d1: D1Database,
  tickets: Array<{ input: TicketInput; tier: TicketType }>,
  instead: Alternative | undefined,
  rule: MembershipRule,
): Promise<Checked[]> {
  const memberKeys = tickets.filter((t) => t.tier.eligibility === "member_list").map((t) => membershipKey(t.input)).filter((k): k is string => Boolean(k));
  const members = await matchMembers(d1, memberKeys);
  const usedMemberships = new Set<string>();
  const alt = instead ? { instead } : {};

  const checks = await Promise.all(
    tickets.map(async ({ input, tier }): Promise<Checked> => {
      switch (tier.eligibility) {
        case "open":
          return { answer: null };
        case "declaration":
          if (input.declaration !== true) {
            return { field: "declaration", issue: issue("declaration_required", { statement: tier.declarationText, ...alt }) };
          }
          return { answer: tier.declarationText ?? "declared" };
        case "member_list": {
          const key = membershipKey(input);
          if (!key) return { field: "membership", issue: issue("membership_required", alt) };
          const keys = members.get(normaliseKey(key));
          if (!keys) {
            return { field: "membership", issue: issue("membership_not_found", alt) };
          }
          if (usedMemberships.has(keys[0]!)) {
            return { field: "membership", issue: issue("membership_used_twice") };
          }
          usedMemberships.add(keys[0]!);
          return { answer: memberAnswer(keys[0]!), membershipKeys: keys };
        }
        case "access_code": {
          if (!input.accessCode) return { field: "accessCode", issue: issue("access_code_required") };
          const ok = tier.accessCodeHash !== null && constantTimeEqual(await hashAccessCode(input.accessCode), tier.accessCodeHash);
          return ok ? { answer: "access code" } : { field: "accessCode", issue: issue("access_code_wrong") };
        }
        default:
          return { field: "declaration", issue: issue("not_sold_online") };
      }
    }),
  );
  return limitMemberships(checks, rule, instead);
}
