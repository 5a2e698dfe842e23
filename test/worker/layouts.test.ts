import { describe, expect, it } from "vitest";
import { getAs, signedInAs } from "./auth-helpers";
import { createEvent, db, fetchWorker } from "./helpers";

/** What "Skip to content" lands on: the element with id="main", as HTML. */
function skipTarget(html: string): string {
  expect(html).toContain('<a class="skip-link" href="#main">');
  const start = html.indexOf('id="main"');
  expect(start, "an element with id=main").toBeGreaterThan(0);
  return html.slice(start, html.indexOf("</main>", start));
}

describe("Skip to content", () => {
  it("lands on an organiser page's own content, past the organiser menu", async () => {
    const organiser = await signedInAs("organiser");
    const html = await (await getAs(organiser, "/admin")).text();
    const main = skipTarget(html);
    expect(main).not.toContain("admin-nav");
    expect(html.indexOf('class="admin-nav"')).toBeLessThan(html.indexOf('id="main"'));
    expect(main).toContain("<h1>");
  });

  it("lands past the bar on door pages and on the public pages", async () => {
    const event = await createEvent();
    const door = await signedInAs("door", { events: [event.id] });
    const doorMain = skipTarget(await (await getAs(door, "/door")).text());
    expect(doorMain).not.toContain("door-bar");
    const publicMain = skipTarget(await (await fetchWorker(`/events/${event.slug}`)).text());
    expect(publicMain).not.toContain("site-header");
    expect(publicMain).toContain("<h1");
  });
});

describe("times on organiser pages not tied to one event", () => {
  it("shows when a token was last used in the organisation's zone, naming it", async () => {
    const organiser = await signedInAs("organiser");
    await db.apiToken.updateMany({ where: { staffId: organiser.staff.id }, data: { lastUsedAt: new Date("2099-07-01T08:15:00Z") } });
    const html = await (await getAs(organiser, "/admin/tokens")).text();
    expect(html).toContain("1 Jul 2099, 09:15 BST");
    expect(html).not.toContain("UTC");
  });
});
