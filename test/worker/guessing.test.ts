import { describe, expect, it } from "vitest";
import { hashAccessCode } from "@/domain/orders/eligibility";
import { addMember, createEvent, fetchWorker, orderBody } from "./helpers";
import { postAs, signedInAs } from "./auth-helpers";

/** Posts an order from the client at `ip`. */
async function orderFrom(ip: string, slug: string, body: unknown) {
  const res = await fetchWorker(`/api/v1/events/${slug}/orders`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", "cf-connecting-ip": ip },
    body: JSON.stringify(body),
  });
  return { status: res.status, retryAfter: res.headers.get("retry-after"), body: (await res.json()) as any };
}

const codeEvent = async () => createEvent({ tiers: [{ name: "Speaker", priceMinor: 0, eligibility: "access_code", accessCodeHash: await hashAccessCode("SPEAK-2027") }] });

describe("guessing access codes and memberships", () => {
  it("answers 429 with Retry-After after ten wrong access codes, even to the right code, from that client only", async () => {
    const event = await codeEvent();
    const tier = event.ticketTypes[0]!.id;
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await orderFrom("203.0.113.50", event.slug, orderBody(tier, 1, { accessCode: `WRONG-${i}` }))).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(422));
    expect(statuses.slice(10)).toEqual([429, 429]);
    const refused = await orderFrom("203.0.113.50", event.slug, orderBody(tier, 1, { accessCode: "SPEAK-2027" }));
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe("rate_limited");
    expect(refused.body.error.message).toMatch(/Too many wrong codes or membership details from here.*try again in 1\d minutes/);
    expect(Number(refused.retryAfter)).toBeGreaterThan(60);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(15 * 60);
    // Another client, and the same client at another event, are not affected.
    expect((await orderFrom("198.51.100.50", event.slug, orderBody(tier, 1, { accessCode: "SPEAK-2027" }))).status).toBe(201);
    const other = await codeEvent();
    expect((await orderFrom("203.0.113.50", other.slug, orderBody(other.ticketTypes[0]!.id, 1, { accessCode: "SPEAK-2027" }))).status).toBe(201);
  });

  it("counts each wrong code in an order, and never the right ones", async () => {
    const event = await codeEvent();
    const tier = event.ticketTypes[0]!.id;
    for (let i = 0; i < 12; i++) expect((await orderFrom("203.0.113.51", event.slug, { ...orderBody(tier, 1, { accessCode: "speak-2027" }), buyer: { name: "A", email: `a${i}@example.org` } })).status).toBe(201);
    expect((await orderFrom("203.0.113.51", event.slug, orderBody(tier, 10, { accessCode: "NOPE-NOPE" }))).status).toBe(422);
    expect((await orderFrom("203.0.113.51", event.slug, orderBody(tier, 1, { accessCode: "NOPE-NOPE" }))).status).toBe(429);
  });

  it("throttles membership guesses the same way", async () => {
    await addMember({ membershipNumber: "M8001" });
    const event = await createEvent({ tiers: [{ name: "Member", priceMinor: 0, eligibility: "member_list" }] });
    const tier = event.ticketTypes[0]!.id;
    for (let i = 0; i < 10; i++) expect((await orderFrom("203.0.113.52", event.slug, orderBody(tier, 1, { membership: `M90${i}` }))).status).toBe(422);
    const res = await orderFrom("203.0.113.52", event.slug, orderBody(tier, 1, { membership: "M8001" }));
    expect(res.status).toBe(429);
    expect(res.retryAfter).not.toBeNull();
  });

  it("asks organisers for access codes of at least 8 characters", async () => {
    const organiser = await signedInAs("organiser");
    const event = await createEvent({ status: "draft" });
    const form = { name: "Guests", description: "", price: "0", quota: "", eligibility: "access_code", declarationText: "", accessCode: "SHORT1", salesStart: "", salesEnd: "", minPerOrder: "", maxPerOrder: "", sortOrder: "" };
    const res = await postAs(organiser, `/admin/events/${event.id}/tiers/new`, form);
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("Use at least 8 characters, so the code is not guessed.");
    expect((await postAs(organiser, `/admin/events/${event.id}/tiers/new`, { ...form, accessCode: "LONGER-12" })).status).toBe(303);
  });
});
