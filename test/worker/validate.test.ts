import { describe, expect, it } from "vitest";
import { z } from "zod";
import { tierInputSchema, blankTierValues } from "@/domain/events/tier-input";
import { orderInputSchema } from "@/domain/orders/input";
import { fieldMessages } from "@/i18n";
import { en } from "@/i18n/en";
import { fieldIssues } from "@/lib/validate";

const issuesOf = (schema: z.ZodType, input: unknown) => {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error("expected the input to be refused");
  return fieldIssues(parsed.error.issues);
};

describe("turning zod's issues into field codes", () => {
  it("reads the field code a domain schema put in the message", () => {
    const fields = issuesOf(orderInputSchema, { buyer: { name: " ", email: "nobody" }, tickets: [] });
    expect(fields).toMatchObject({
      "buyer.name": { code: "your_name_required" },
      "buyer.email": { code: "your_email_invalid" },
      tickets: { code: "tickets_required" },
    });
    expect(fieldMessages(fields, en)).toMatchObject({
      "buyer.name": "Enter your name.",
      "buyer.email": "Enter your email address in the form name@example.org.",
      tickets: "Choose at least one ticket.",
    });
  });

  it("keeps a custom issue's parameters", () => {
    const fields = issuesOf(tierInputSchema("Europe/London", false), { ...blankTierValues(0), name: "Member", price: "8", quota: "lots" });
    expect(fields.quota).toEqual({ code: "whole_number", params: { what: "quota", example: 10 } });
    expect(fieldMessages(fields, en).quota).toBe("Enter the quota as a whole number, like 10.");
  });

  it("takes the limit of a length check as its parameter", () => {
    const fields = issuesOf(orderInputSchema, { buyer: { name: "x".repeat(101), email: "a@example.org" }, tickets: [{ tier: "t", name: "A" }] });
    expect(fields["buyer.name"]).toEqual({ code: "too_long", params: { max: 100 } });
    expect(fieldMessages(fields, en)["buyer.name"]).toBe("Use 100 characters or fewer.");
  });

  it("maps zod's own checks, which carry no code of ours, to generic codes", () => {
    const schema = z.object({ a: z.string(), b: z.string().max(3), c: z.array(z.string()).min(2), d: z.number().max(5), e: z.email(), f: z.enum(["x", "y"]) });
    const fields = issuesOf(schema, { b: "long", c: ["one"], d: 9, e: "nope", f: "z" });
    expect(fields).toEqual({
      a: { code: "required" },
      b: { code: "too_long", params: { max: 3 } },
      c: { code: "too_few", params: { min: 2 } },
      d: { code: "at_most", params: { max: 5 } },
      e: { code: "email_invalid" },
      f: { code: "not_allowed" },
    });
    expect(fieldMessages(fields, en).b).toBe("Use 3 characters or fewer.");
  });
});
