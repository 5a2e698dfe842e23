import { describe, expect, it } from "vitest";
import { en } from "@/i18n/en";
import { db } from "./helpers";
import { getAs, postAs, signedInAs } from "./auth-helpers";

/** A valid event form (the fields every event needs), with `overrides`. */
const eventForm = (overrides: Record<string, string> = {}): Record<string, string> => ({
  title: "Reminder Check",
  venueName: "Conway Hall",
  venueAddress: "25 Red Lion Square, London WC1R 4RL",
  timezone: "Europe/London",
  date: "2027-07-10",
  startTime: "11:00",
  endTime: "17:00",
  maxPerOrder: "10",
  currency: "GBP",
  ...overrides,
});

describe("the event form's reminder and notification settings", () => {
  it("offers a reminder 2 days before by default, with no notifications, and keeps what the organiser chose", async () => {
    const organiser = await signedInAs("organiser");
    const blank = await (await getAs(organiser, "/admin/events/new")).text();
    expect(blank).toContain(`<legend>${en.reminders.form.legend}</legend>`);
    expect(blank).toContain(`<option value="48" selected="">${en.reminders.form.before({ hours: 48 })}</option>`);
    expect(blank).toMatch(/<input type="checkbox" id="notifySoldOut" name="notifySoldOut" value="yes"(?! checked)/);

    const res = await postAs(organiser, "/admin/events/new", eventForm({ reminderHours: "off", notifySoldOut: "yes" }));
    expect(res.status).toBe(303);
    const id = /\/admin\/events\/(evt_[0-9a-z]{16})\/edit/.exec(res.headers.get("location") ?? "")![1]!;
    expect(await db.event.findUniqueOrThrow({ where: { id }, select: { reminderHours: true, notifySoldOut: true, notifyDailySummary: true } })).toEqual({
      reminderHours: null,
      notifySoldOut: true,
      notifyDailySummary: false,
    });
    const edit = await (await getAs(organiser, `/admin/events/${id}/edit`)).text();
    expect(edit).toContain(`<option value="off" selected="">${en.reminders.form.off}</option>`);
    expect(edit).toMatch(/name="notifySoldOut" value="yes" checked/);

    expect((await postAs(organiser, `/admin/events/${id}/edit`, eventForm({ reminderHours: "6", notifyDailySummary: "yes" }))).status).toBe(303);
    expect(await db.event.findUniqueOrThrow({ where: { id }, select: { reminderHours: true, notifySoldOut: true, notifyDailySummary: true } })).toEqual({
      reminderHours: 6,
      notifySoldOut: false,
      notifyDailySummary: true,
    });
  });

  it("refuses a reminder time the form does not offer", async () => {
    const organiser = await signedInAs("organiser");
    const res = await postAs(organiser, "/admin/events/new", eventForm({ title: "Odd Reminder", reminderHours: "5" }));
    expect(res.status).toBe(422);
    expect(await db.event.count({ where: { title: "Odd Reminder" } })).toBe(0);
  });
});
