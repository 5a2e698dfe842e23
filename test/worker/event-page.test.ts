import { describe, expect, it } from "vitest";
import { newId } from "@/lib/ids";
import { createEvent, days, db, fetchWorker } from "./helpers";

async function eventPage(slug: string) {
  const res = await fetchWorker(`/events/${slug}`);
  return { status: res.status, html: await res.text(), res };
}

describe("an event's page", () => {
  it("shows the venue, doors-open and start times, programme and each tier", async () => {
    const event = await createEvent({
      title: "Annual Conference",
      summary: "A day on accountability.",
      venueName: "UCL Global Governance Institute",
      venueAddress: "29–31 Tavistock Square, London WC1H 9QU",
      doorsOpenAt: new Date("2031-01-11T10:30:00Z"),
      startsAt: new Date("2031-01-11T11:00:00Z"),
      endsAt: new Date("2031-01-11T17:00:00Z"),
      capacity: 120,
      tiers: [
        { name: "Member", priceMinor: 800, eligibility: "member_list" },
        { name: "Concession", priceMinor: 800, eligibility: "declaration", declarationText: "I am a student, unwaged or receiving a pension" },
        { name: "Non-member", priceMinor: 1300, quota: 5, soldCount: 2 },
      ],
    });
    await db.agendaItem.create({
      data: { id: newId("agd"), eventId: event.id, startsAt: new Date("2031-01-11T11:15:00Z"), title: "Keynote talk" },
    });
    const { status, html } = await eventPage(event.slug);
    expect(status).toBe(200);
    expect(html).toContain("<title>Annual Conference · Conference tickets</title>");
    expect(html).toContain('<meta property="og:title" content="Annual Conference"/>');
    expect(html).toContain('<meta name="description" content="A day on accountability."/>');
    expect(html).toContain("29–31 Tavistock Square, London WC1H 9QU");
    expect(html).toMatch(/Doors open<\/dt><dd><time[^>]*>10:30</);
    expect(html).toMatch(/Starts<\/dt><dd><time[^>]*>11:00</);
    expect(html).toContain("Keynote talk");
    expect(html).toContain("I am a student, unwaged or receiving a pension");
    expect(html).toContain("members list");
    expect(html).toContain("£8");
    expect(html).toContain("£13");
    expect(html).toContain("Only 3 left");
    expect(html).toContain("120 places left for this event.");
    expect(html).not.toContain("120 available");
  });

  it("is a 404 for a draft, to the public", async () => {
    const event = await createEvent({ status: "draft", title: "Secret Draft" });
    const { status, html } = await eventPage(event.slug);
    expect(status).toBe(404);
    expect(html).not.toContain("Secret Draft");
  });

  it("shows a cancelled event as cancelled, with nothing on sale", async () => {
    const event = await createEvent({ status: "cancelled" });
    const { status, html } = await eventPage(event.slug);
    expect(status).toBe(200);
    expect(html).toContain("This event has been cancelled");
    expect(html).not.toContain("On sale");
    expect(html).not.toMatch(/\d+ available/);
  });

  it("shows a past event as past, with registration closed", async () => {
    const event = await createEvent({ startsAt: new Date(Date.now() - days(3)) });
    const { html } = await eventPage(event.slug);
    expect(html).toContain("This event has taken place");
    expect(html).toContain("Event over");
  });

  it("escapes raw HTML in the Markdown description instead of running it", async () => {
    const event = await createEvent({
      description: '**Bold** words\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[click](javascript:alert(1))',
    });
    const { html } = await eventPage(event.slug);
    expect(html).toContain("<strong>Bold</strong>");
    expect(html).not.toContain("<script>alert");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toContain("<img src=x");
    expect(html).not.toContain('href="javascript:');
  });

  it("answers an unknown or malformed slug with a helpful 404 page", async () => {
    for (const slug of ["no-such-event", "Bad_Slug!"]) {
      const { status, html } = await eventPage(encodeURIComponent(slug));
      expect(status).toBe(404);
      expect(html).toContain("See all events");
    }
  });

  it("sends the security headers", async () => {
    const event = await createEvent();
    const { res } = await eventPage(event.slug);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(res.headers.get("x-request-id")).toMatch(/\S{8,}/);
  });

  it("says the event's places once, not as each tier's, and each quota as the tier's own", async () => {
    const event = await createEvent({
      capacity: 120,
      soldCount: 6,
      tiers: [{ name: "Member" }, { name: "Concession" }, { name: "Non-member" }, { name: "Speaker", quota: 4, soldCount: 1 }],
    });
    const { html } = await eventPage(event.slug);
    expect(html.match(/114/g)).toHaveLength(1);
    expect(html).toContain("114 places left for this event.");
    expect(html).toContain("Only 3 left");
  });
});
