import { describe, expect, it } from "vitest";
import { createEvent, days, fetchWorker } from "./helpers";

async function homePage() {
  const res = await fetchWorker("/");
  expect(res.status).toBe(200);
  return res.text();
}

describe("the list of events", () => {
  it("shows published upcoming events and hides drafts, cancelled and past ones", async () => {
    const published = await createEvent({ title: "Published Upcoming Conference" });
    await createEvent({ title: "Draft Conference", status: "draft" });
    await createEvent({ title: "Cancelled Conference", status: "cancelled" });
    await createEvent({ title: "Past Conference", startsAt: new Date(Date.now() - days(10)) });
    const html = await homePage();
    expect(html).toContain("Published Upcoming Conference");
    expect(html).toContain(`href="/events/${published.slug}"`);
    expect(html).not.toContain("Draft Conference");
    expect(html).not.toContain("Cancelled Conference");
    expect(html).not.toContain("Past Conference");
  });

  it("shows the date and time in the event's time zone, the venue and the price range", async () => {
    await createEvent({
      title: "Summer School",
      // 09:30 UTC is 10:30 in London in July (BST).
      startsAt: new Date("2031-07-05T09:30:00Z"),
      endsAt: new Date("2031-07-05T15:00:00Z"),
      venueName: "Conway Hall",
      tiers: [{ priceMinor: 800 }, { priceMinor: 1300 }],
    });
    const html = await homePage();
    expect(html).toMatch(/Saturday,? 5 July 2031, 10:30–16:00 BST/);
    expect(html).toContain("Conway Hall");
    expect(html).toContain("£8 – £13");
  });

  it("says sold out when no tier has a seat left", async () => {
    await createEvent({ title: "Full House", capacity: 2, soldCount: 2 });
    const html = await homePage();
    const card = html.slice(html.indexOf("Full House"));
    expect(card.slice(0, 800)).toContain("Sold out");
  });

  it("lists soonest first", async () => {
    await createEvent({ title: "Later Event", startsAt: new Date(Date.now() + days(90)) });
    await createEvent({ title: "Sooner Event", startsAt: new Date(Date.now() + days(5)) });
    const html = await homePage();
    expect(html.indexOf("Sooner Event")).toBeLessThan(html.indexOf("Later Event"));
  });
});
