import { describe, expect, it } from "vitest";
import { createEvent, fetchWorker, postJson } from "./helpers";
import { getAs, signedInAs } from "./auth-helpers";

// 30 accented letters: 60 bytes in UTF-8, past D1's 50-byte limit on LIKE patterns.
const long = "é".repeat(30);

/** A free event with two registrations: "José Núñez" (bought by ADA@Example.org) and "Ada Lovelace". */
async function eventWithPeople() {
  const event = await createEvent({ tiers: [{ name: "Free", priceMinor: 0 }] });
  const tier = event.ticketTypes[0]!.id;
  const { status, body } = await postJson(`/api/v1/events/${event.slug}/orders`, {
    buyer: { name: "Ada Buyer", email: "ADA@Example.org" },
    tickets: [
      { tier, name: "José Núñez" },
      { tier, name: "Ada Lovelace" },
    ],
  });
  expect(status).toBe(201);
  return { event, reference: body.order.reference as string };
}

describe("door search", () => {
  it("ignores case and accents, and answers a long query with no results", async () => {
    const { event, reference } = await eventWithPeople();
    const door = await signedInAs("door", { events: [event.id] });
    const search = async (q: string) => {
      const res = await fetchWorker(`/api/v1/events/${event.slug}/door-search?q=${encodeURIComponent(q)}`, { headers: { authorization: `Bearer ${door.apiToken}` } });
      expect(res.status).toBe(200);
      return ((await res.json()) as { tickets: Array<{ name: string }> }).tickets.map((t) => t.name);
    };
    expect(await search("nunez")).toEqual(["José Núñez"]);
    expect(await search("ADA LOVE")).toEqual(["Ada Lovelace"]);
    expect(await search(reference.slice(4).toLowerCase())).toEqual(["Ada Lovelace", "José Núñez"]);
    expect(await search(long)).toEqual([]);
  });
});

describe("attendee search", () => {
  it("ignores case and accents in names and emails, and answers a long query with no results", async () => {
    const { event } = await eventWithPeople();
    const organiser = await signedInAs("organiser");
    const search = async (q: string) => {
      const res = await getAs(organiser, `/admin/events/${event.id}/attendees?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      return res.text();
    };
    const accentless = await search("JOSE nunez");
    expect(accentless).toContain("José Núñez");
    expect(accentless).not.toContain("Ada Lovelace");
    expect(await search("ada@example.org")).toContain("Ada Lovelace");
    const none = await search(long);
    expect(none).not.toContain("José Núñez");
    expect(none).not.toContain("Ada Lovelace");
  });
});
