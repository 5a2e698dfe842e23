import { describe, expect, it } from "vitest";
import { getAs, postAs, signedInAs } from "./auth-helpers";
import { eventForm as baseEventForm } from "./event-form-fixture";
import { db } from "./helpers";

/** The event form as an organiser fills it in (few optional fields), with these changes. */
const eventForm = (overrides: Record<string, string> = {}) =>
  baseEventForm({ title: "Refund Policy Day", summary: "", description: "", doorsOpen: "", referencePrefix: "", agenda: "", ...overrides });

const idFrom = (res: Response) => /\/admin\/events\/(evt_[0-9a-z]{16})\/edit/.exec(res.headers.get("location") ?? "")?.[1];

describe("the event form's self-service settings", () => {
  it("defaults to no refund and changes until 24 hours before", async () => {
    const me = await signedInAs("organiser");
    const res = await postAs(me, "/admin/events/new", eventForm());
    expect(res.status).toBe(303);
    const event = await db.event.findUniqueOrThrow({ where: { id: idFrom(res)! } });
    expect(event).toMatchObject({ refundPolicy: "none", refundUntil: null, refundFeeMinor: 0, changesCutoffHours: 24 });
  });

  it("stores a full refund until a date (in the event's zone) and a cut-off, and shows them again", async () => {
    const me = await signedInAs("organiser");
    const res = await postAs(me, "/admin/events/new", eventForm({ refundPolicy: "full_until", refundUntil: "2027-07-03T11:00", changesCutoffHours: "48" }));
    const id = idFrom(res)!;
    const event = await db.event.findUniqueOrThrow({ where: { id } });
    // 11:00 in London in July is 10:00 UTC.
    expect(event.refundUntil?.toISOString()).toBe("2027-07-03T10:00:00.000Z");
    expect(event).toMatchObject({ refundPolicy: "full_until", changesCutoffHours: 48 });
    const html = await (await getAs(me, `/admin/events/${id}/edit`)).text();
    expect(html).toMatch(/<option value="full_until" selected/);
    expect(html).toContain('value="2027-07-03T11:00"');
    const edited = await postAs(me, `/admin/events/${id}/edit`, eventForm({ refundPolicy: "minus_fee", refundFee: "2.50", changesCutoffHours: "12" }));
    expect(edited.status).toBe(303);
    expect(await db.event.findUniqueOrThrow({ where: { id } })).toMatchObject({ refundPolicy: "minus_fee", refundFeeMinor: 250, refundUntil: null, changesCutoffHours: 12 });
  });

  it("names every missing or malformed setting at once and saves nothing", async () => {
    const me = await signedInAs("organiser");
    const before = await db.event.count();
    const res = await postAs(me, "/admin/events/new", eventForm({ refundPolicy: "full_until", refundUntil: "", changesCutoffHours: "soon" }));
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('href="#changesCutoffHours"');
    expect(html).toContain('href="#refundUntil"');
    const fee = await postAs(me, "/admin/events/new", eventForm({ refundPolicy: "minus_fee", refundFee: "two pounds" }));
    expect(fee.status).toBe(422);
    expect(await fee.text()).toContain('href="#refundFee"');
    expect(await db.event.count()).toBe(before);
  });
});
