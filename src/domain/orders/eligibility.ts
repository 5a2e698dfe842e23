import type { PrismaClient, TicketType } from "@/generated/prisma/client";
import { constantTimeEqual, sha256Hex } from "@/lib/hash";
import { normaliseEmail, normaliseMembershipNumber } from "@/lib/text";
import { findMembersByKeys } from "@/domain/members/repo";
import type { TicketInput } from "@/domain/orders/input";
import { issue, type Alternative, type FieldIssue } from "@/domain/issues";

/** Access codes compare trimmed and case-insensitively; only their hash is stored. */
export function hashAccessCode(code: string): Promise<string> {
  return sha256Hex(code.trim().toUpperCase());
}

type Checked = { answer: string | null } | { field: "declaration" | "membership" | "accessCode"; issue: FieldIssue };

/**
 * Finds which of the given membership keys (emails or membership numbers) are on the
 * members list, in one query. Returns the matched keys, normalised.
 */
async function matchMembers(db: PrismaClient, keys: string[]): Promise<Set<string>> {
  const emails = keys.filter((k) => k.includes("@")).map(normaliseEmail);
  const numbers = keys.filter((k) => !k.includes("@")).map(normaliseMembershipNumber);
  if (!emails.length && !numbers.length) return new Set();
  const members = await findMembersByKeys(db, emails, numbers);
  return new Set(members.flatMap((m) => [m.email, m.membershipNumber]).filter((v): v is string => Boolean(v)));
}

const membershipKey = (ticket: TicketInput) => ticket.membership ?? ticket.email;
const normaliseKey = (key: string) => (key.includes("@") ? normaliseEmail(key) : normaliseMembershipNumber(key));

/**
 * Checks every ticket against its tier's eligibility rule, on the server (the form's checkboxes
 * are a convenience, never the check). Returns, per ticket, the answer to record for the door
 * or the field to correct with its issue. `instead` is the price to offer instead.
 */
export async function checkEligibility(
  db: PrismaClient,
  tickets: Array<{ input: TicketInput; tier: TicketType }>,
  instead: Alternative | undefined,
): Promise<Checked[]> {
  const memberKeys = tickets.filter((t) => t.tier.eligibility === "member_list").map((t) => membershipKey(t.input)).filter((k): k is string => Boolean(k));
  const members = await matchMembers(db, memberKeys);
  const usedMemberships = new Set<string>();
  const alt = instead ? { instead } : {};

  return Promise.all(
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
          const normalised = normaliseKey(key);
          if (!members.has(normalised)) {
            return { field: "membership", issue: issue("membership_not_found", alt) };
          }
          if (usedMemberships.has(normalised)) {
            return { field: "membership", issue: issue("membership_used_twice") };
          }
          usedMemberships.add(normalised);
          return { answer: `member ${normalised}` };
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
}
