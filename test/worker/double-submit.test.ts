import { describe, expect, it } from "vitest";
import { postAs, signedInAs } from "./auth-helpers";
import { createEvent, db } from "./helpers";

/** The same form posted `n` times at once, as a double-clicked button or a retrying browser does. */
async function atOnce(n: number, post: () => Promise<Response>) {
  return (await Promise.all(Array.from({ length: n }, post))).map((r) => r.status).sort();
}

describe("a form submitted twice at once", () => {
  it("adding the same staff member makes one and refuses the rest with 409", async () => {
    const owner = await signedInAs("owner");
    const email = `twice-${Date.now()}@example.org`;
    const statuses = await atOnce(4, () => postAs(owner, "/admin/staff", { email, name: "Twice", role: "door" }));
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.filter((s) => s === 303)).toHaveLength(1);
    expect(await db.staff.count({ where: { email } })).toBe(1);
  });

  it("duplicating an event makes copies with their own slugs and never answers 5xx", async () => {
    const owner = await signedInAs("owner");
    const event = await createEvent({ slug: `copied-at-once-${Date.now()}` });
    const statuses = await atOnce(4, () => postAs(owner, `/admin/events/${event.id}/duplicate`, { weeks: "1" }));
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.every((s) => s === 303 || s === 409)).toBe(true);
    const copies = await db.event.findMany({ where: { slug: { startsWith: event.slug }, id: { not: event.id } } });
    expect(copies).toHaveLength(statuses.filter((s) => s === 303).length);
    expect(new Set(copies.map((c) => c.slug)).size).toBe(copies.length);
  });
});
