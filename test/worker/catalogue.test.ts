import { describe, expect, it } from "vitest";
import readme from "../../README.md?raw";
import { DomainError, domainErrorStatus, type DomainErrorCode, type DomainErrorParams } from "@/domain/errors";
import { fieldCodes, type FieldParams } from "@/domain/issues";
import { errorMessage, fieldMessage, messagesFor } from "@/i18n";
import { en } from "@/i18n/en";

const codes = Object.keys(domainErrorStatus) as DomainErrorCode[];

// One example of each code's parameters; typed, so a code added without one fails the type check.
const examples: { [C in DomainErrorCode]: DomainErrorParams[C][] } = {
  not_found: [{ what: "event" }, { what: "ticket", next: "ticket_email" }],
  invalid: [{}, { reason: "no_tiers" }, { issue: { code: "role_required" } }],
  sold_out: [{}, { left: 0 }, { left: 1 }, { left: 3, tier: "Member" }, { reason: "not_enough_to_add" }],
  conflict: [{ reason: "event_changed" }, { reason: "order_not_refundable", status: "partially_refunded" }, { reason: "tier_ordered", tier: "Member" }],
  sales_closed: [{ reason: "closed" }],
  forbidden: [{ reason: "role" }],
  unauthorized: [{ reason: "sign_in" }],
  rate_limited: [{ what: "requests" }],
  unavailable: [{ reason: "payment_start" }],
  not_sold_out: [{}, { tier: "Member" }],
  voucher_invalid: [{ reason: "unknown" }, { reason: "exhausted" }, { reason: "not_applicable" }],
  offer_unavailable: [{ reason: "expired" }, { reason: "not_yours" }],
};

// Every parameter a field code takes, so each entry can be said (money where `max` is money).
const anyFieldParams: Record<string, unknown> = {
  min: 2,
  max: 50,
  tier: "Member",
  statement: "I am a student",
  instead: { tier: "Non-member", price: { minor: 1300, currency: "GBP" } },
  by: "Annual Conference",
  sold: 3,
  held: 1,
  what: "quota",
  example: 10,
  problems: [{ line: 2, problem: "no_time" }],
  rows: 25_000,
  reason: "expired",
};
const paramsFor = (code: keyof FieldParams) => (code === "refund_at_most" ? { max: { minor: 1250, currency: "GBP" } } : anyFieldParams);

/** A sentence a person could read: words, no leftovers of a failed interpolation. */
const isSentence = (text: unknown) => typeof text === "string" && /[a-z]{2}/i.test(text) && !/undefined|null|NaN|\[object/.test(text);

describe("the English catalogue", () => {
  it("says every DomainError code, with each example of its parameters", () => {
    for (const code of codes) {
      for (const params of examples[code] as object[]) {
        const said = errorMessage(new DomainError(code as "invalid", params as DomainErrorParams["invalid"]), en);
        expect(isSentence(said), `${code} ${JSON.stringify(params)} → ${said}`).toBe(true);
      }
    }
  });

  it("says every field code", () => {
    expect(fieldCodes.length).toBeGreaterThan(50);
    for (const code of fieldCodes) {
      const said = fieldMessage({ code, params: paramsFor(code) } as never, en);
      expect(isSentence(said), `${code} → ${said}`).toBe(true);
    }
  });

  it("keeps the sentences tests and clients already read", () => {
    expect(errorMessage(new DomainError("sold_out", { left: 2, tier: "Member" }), en)).toBe("Only 2 Member tickets are left. Choose fewer and try again.");
    expect(errorMessage(new DomainError("sold_out", { left: 1 }), en)).toBe("Only 1 place is left. Choose fewer and try again.");
    expect(errorMessage(new DomainError("not_found", { what: "event", next: "events_list" }), en)).toBe("We could not find that event. Go back to the list of events.");
    expect(fieldMessage({ code: "too_long", params: { max: 20_000 } }, en)).toBe("Use 20,000 characters or fewer.");
  });

  it("is what messagesFor gives for English and for languages without a catalogue yet", () => {
    expect(messagesFor("en-GB")).toBe(en);
    expect(messagesFor("xx")).toBe(en);
  });
});

describe("the README's API section", () => {
  it("lists every DomainError code with its HTTP status", () => {
    const api = readme.slice(readme.indexOf("## API"), readme.indexOf("\n## ", readme.indexOf("## API") + 1));
    const rows = new Map([...api.matchAll(/^\| `([a-z_]+)` \| (\d{3}) \|/gm)].map((m) => [m[1]!, Number(m[2])]));
    for (const code of codes) expect(rows.get(code), code).toBe(domainErrorStatus[code]);
    expect(api).toContain("fieldCodes");
  });
});
