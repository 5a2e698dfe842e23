import { describe, expect, it } from "vitest";
import { createEvent, db, fetchWorker, getJson } from "./helpers";

describe("the events API", () => {
  it("lists upcoming published events with tiers, prices in minor units and availability", async () => {
    const event = await createEvent({
      title: "API Conference",
      capacity: 100,
      soldCount: 10,
      heldCount: 5,
      tiers: [
        { name: "Member", priceMinor: 800, eligibility: "member_list", quota: 20, soldCount: 4, heldCount: 1 },
        { name: "Non-member", priceMinor: 1300 },
      ],
    });
    await createEvent({ title: "Hidden Draft", status: "draft" });
    const { status, body } = await getJson("/api/v1/events");
    expect(status).toBe(200);
    expect(body.events.map((e: { title: string }) => e.title)).toContain("API Conference");
    expect(body.events.map((e: { title: string }) => e.title)).not.toContain("Hidden Draft");
    const found = body.events.find((e: { slug: string }) => e.slug === event.slug);
    expect(found).toMatchObject({
      title: "API Conference",
      startsAt: event.startsAt.toISOString(),
      timezone: "Europe/London",
      venue: { name: "Test Hall", address: "1 Test Street, London" },
      priceRange: { min: { amount: 800, currency: "GBP" }, max: { amount: 1300, currency: "GBP" } },
      soldOut: false,
      url: `http://example.test/events/${event.slug}`,
    });
    expect(found.tiers).toEqual([
      expect.objectContaining({
        id: event.ticketTypes[0]!.id,
        name: "Member",
        price: { amount: 800, currency: "GBP" },
        eligibility: "member_list",
        available: 15,
      }),
      expect.objectContaining({
        id: event.ticketTypes[1]!.id,
        name: "Non-member",
        price: { amount: 1300, currency: "GBP" },
        eligibility: "open",
        available: null,
      }),
    ]);
    // The event's places are said once, not as each unlimited tier's own.
    expect(found.available).toBe(85);
  });

  it("gives null availability when neither tier nor event is limited", async () => {
    const event = await createEvent({ capacity: null });
    const { body } = await getJson(`/api/v1/events/${event.slug}`);
    expect(body.event.tiers[0].available).toBeNull();
  });

  it("returns one event with its description and programme", async () => {
    const event = await createEvent({ description: "# Hello" });
    const { status, body } = await getJson(`/api/v1/events/${event.slug}`);
    expect(status).toBe(200);
    expect(body.event).toMatchObject({ slug: event.slug, description: "# Hello", agenda: [] });
  });

  it("answers errors as JSON with a code and a message", async () => {
    const draft = await createEvent({ status: "draft" });
    for (const path of ["/api/v1/events/no-such-event", `/api/v1/events/${draft.slug}`, "/api/v1/events/BAD!slug", "/api/v1/nothing-here"]) {
      const res = await fetchWorker(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get("content-type")).toContain("application/json");
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("not_found");
      expect(body.error.message.length).toBeGreaterThan(10);
    }
  });

  it("answers /healthz after a database round trip", async () => {
    const { status, body } = await getJson("/healthz");
    expect(status).toBe(200);
    expect(body).toEqual({ ok: true });
    expect(await db.event.count()).toBeGreaterThanOrEqual(0);
  });
});
