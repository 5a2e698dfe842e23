import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { hashAccessCode } from "@/domain/orders/eligibility";
import { getPreviewView } from "@/domain/events/admin-events";
import { getPublicEvent } from "@/domain/events/public-event";
import { newId } from "@/lib/ids";
import { createEvent, db, fetchWorker, orderBody, postJson } from "./helpers";
import { getAs, postAs, signedInAs, type Caller } from "./auth-helpers";
import { eventForm, tierForm } from "./event-form-fixture";



/** Creates an event through the form and returns its id (from the redirect). */
async function createThroughForm(caller: Caller, overrides: Record<string, string> = {}): Promise<string> {
  const res = await postAs(caller, "/admin/events/new", eventForm(overrides));
  expect(res.status).toBe(303);
  const id = /\/admin\/events\/(evt_[0-9a-z]{16})\/edit/.exec(res.headers.get("location") ?? "")?.[1];
  expect(id).toBeDefined();
  return id!;
}

async function addTier(caller: Caller, eventId: string, overrides: Record<string, string> = {}) {
  const res = await postAs(caller, `/admin/events/${eventId}/tiers/new`, tierForm(overrides));
  expect(res.status).toBe(303);
  return db.ticketType.findFirstOrThrow({ where: { eventId }, orderBy: { createdAt: "desc" } });
}

describe("organiser event pages: access", () => {
  const routes = async () => {
    const event = await createEvent({ status: "draft" });
    const tier = event.ticketTypes[0]!;
    return [
      ["GET", "/admin"],
      ["GET", "/admin/events/new"],
      ["POST", "/admin/events/new"],
      ["GET", `/admin/events/${event.id}/edit`],
      ["POST", `/admin/events/${event.id}/edit`],
      ["GET", `/admin/events/${event.id}/preview`],
      ["POST", `/admin/events/${event.id}/publish`],
      ["POST", `/admin/events/${event.id}/cancel`],
      ["POST", `/admin/events/${event.id}/archive`],
      ["POST", `/admin/events/${event.id}/duplicate`],
      ["GET", `/admin/events/${event.id}/tiers/new`],
      ["POST", `/admin/events/${event.id}/tiers/new`],
      ["GET", `/admin/tiers/${tier.id}/edit`],
      ["POST", `/admin/tiers/${tier.id}/edit`],
      ["POST", `/admin/tiers/${tier.id}/delete`],
    ] as const;
  };

  it("sends anonymous visitors to sign in on every route", async () => {
    for (const [method, path] of await routes()) {
      const res = await fetchWorker(path, { method, redirect: "manual", headers: { origin: "http://example.test", "content-type": "application/x-www-form-urlencoded" }, body: method === "POST" ? "" : undefined });
      expect(res.status, `${method} ${path}`).toBe(303);
      expect(res.headers.get("location"), `${method} ${path}`).toMatch(/^\/admin\/sign-in\?next=/);
    }
  });

  it("refuses door staff on every route", async () => {
    const door = await signedInAs("door");
    for (const [method, path] of await routes()) {
      const res = method === "GET" ? await getAs(door, path) : await postAs(door, path, {});
      expect(res.status, `${method} ${path}`).toBe(403);
    }
  });

  it("refuses a form posted without the CSRF token", async () => {
    const organiser = await signedInAs("organiser");
    const event = await createEvent({ status: "draft" });
    for (const path of ["/admin/events/new", `/admin/events/${event.id}/publish`, `/admin/tiers/${event.ticketTypes[0]!.id}/delete`]) {
      const res = await fetchWorker(path, {
        method: "POST",
        redirect: "manual",
        headers: { ...organiser.headers, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(eventForm()),
      });
      expect(res.status, path).toBe(403);
    }
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).status).toBe("draft");
  });
});

describe("creating and editing an event", () => {
  it("offers the main language, each language named in its own words, and a folded group for each other language's versions", async () => {
    const organiser = await signedInAs("organiser");
    const html = await (await getAs(organiser, "/admin/events/new")).text();
    expect(html).toMatch(/<select[^>]*name="mainLanguage"/);
    expect(html).toMatch(/<option value="en" selected="">English<\/option>/);
    expect(html).toContain('<option value="es">Español</option>');
    expect(html).toContain('<input type="hidden" name="textLanguage" value="en"/>');
    // Empty, so folded away; every translatable field is in it, named by language.
    expect(html).toMatch(/<details class="translation-group">/);
    for (const field of ["title", "summary", "description", "venueName", "venueAddress", "ticketEmailSubject", "agenda"]) expect(html).toContain(`name="translations.es.${field}"`);
    expect(html).not.toContain('name="translations.en.title"');
  });

  it("lists every event, with links to edit, preview and the dashboard", async () => {
    const organiser = await signedInAs("organiser");
    const draft = await createEvent({ status: "draft", title: "Listed Draft" });
    const cancelled = await createEvent({ status: "cancelled", title: "Listed Cancelled" });
    const res = await getAs(organiser, "/admin");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Listed Draft");
    expect(html).toContain("Listed Cancelled");
    expect(html).toContain(`href="/admin/events/${draft.id}/edit"`);
    expect(html).toContain(`href="/admin/events/${draft.id}/preview"`);
    expect(html).toContain(`href="/admin/events/${draft.id}"`);
    expect(html).toContain(`href="/events/${cancelled.slug}"`);
    expect(html).not.toContain(`href="/events/${draft.slug}"`);
    expect(html).toContain('href="/admin/events/new"');
  });

  it("stores wall-clock times in Europe/London as UTC: a summer date is BST", async () => {
    const organiser = await signedInAs("organiser");
    const id = await createThroughForm(organiser);
    const event = await db.event.findUniqueOrThrow({ where: { id }, include: { agenda: { orderBy: { sortOrder: "asc" } } } });
    expect(event.status).toBe("draft");
    expect(event.startsAt.toISOString()).toBe("2027-07-10T10:00:00.000Z");
    expect(event.endsAt.toISOString()).toBe("2027-07-10T16:00:00.000Z");
    expect(event.doorsOpenAt?.toISOString()).toBe("2027-07-10T09:30:00.000Z");
    expect(event.slug).toMatch(/^summer-symposium-2027(-\d+)?$/);
    expect(event.capacity).toBe(120);
    expect(event.agenda.map((a) => [a.startsAt.toISOString(), a.title, a.detail])).toEqual([
      ["2027-07-10T09:30:00.000Z", "Registration and coffee", ""],
      ["2027-07-10T10:00:00.000Z", "Welcome", "Chair of trustees"],
      ["2027-07-10T12:00:00.000Z", "Lunch", ""],
    ]);
    const audit = await db.auditEntry.findFirst({ where: { entityId: id, action: "event_created" } });
    expect(audit?.staffId).toBe(organiser.staff.id);

    // The edit form shows the times back on the wall clock.
    const html = await (await getAs(organiser, `/admin/events/${id}/edit`)).text();
    expect(html).toContain('name="startTime" type="time" value="11:00"');
    expect(html).toContain("11:00 Welcome — Chair of trustees");
  });

  it("keeps a winter date in GMT, and unlimited capacity when left blank", async () => {
    const organiser = await signedInAs("organiser");
    const id = await createThroughForm(organiser, { title: "Winter Meeting", date: "2027-01-09", capacity: "", salesEnd: "2027-01-08T18:00" });
    const event = await db.event.findUniqueOrThrow({ where: { id } });
    expect(event.startsAt.toISOString()).toBe("2027-01-09T11:00:00.000Z");
    expect(event.salesEndAt?.toISOString()).toBe("2027-01-08T18:00:00.000Z");
    expect(event.capacity).toBeNull();
  });

  it("brings the form back with every entry kept and a message beside each wrong field", async () => {
    const organiser = await signedInAs("organiser");
    const before = await db.event.count();
    const res = await postAs(organiser, "/admin/events/new", eventForm({ title: "Kept Title", startTime: "25:00", endTime: "10:00", capacity: "lots", referencePrefix: "toolong", agenda: "Lunch at noon" }));
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('value="Kept Title"');
    expect(html).toContain('value="lots"');
    expect(html).toContain("Lunch at noon</textarea>");
    expect(html).toMatch(/id="startTime-error"[^]*Enter a time in 24-hour form/);
    expect(html).toContain('aria-describedby="startTime-hint startTime-error"');
    expect(html).toMatch(/id="capacity-error"[^]*Enter the capacity as a whole number/);
    expect(html).toMatch(/id="referencePrefix-error"[^]*2 to 5 capital letters/);
    expect(html).toMatch(/id="agenda-error"[^]*line 1 must start with a time/);
    expect(html).toContain('href="#startTime"');
    expect(await db.event.count()).toBe(before);
  });

  it("checks times against each other", async () => {
    const organiser = await signedInAs("organiser");
    const res = await postAs(organiser, "/admin/events/new", eventForm({ startTime: "14:00", endTime: "13:00", doorsOpen: "15:00" }));
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("The end time must be after the start time.");
    expect(html).toContain("Doors must open at or before the start time.");
  });

  it("says the times are out of order in the same answer as other fields' errors", async () => {
    const organiser = await signedInAs("organiser");
    const res = await postAs(organiser, "/admin/events/new", eventForm({ title: "", startTime: "14:00", endTime: "13:00" }));
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("The end time must be after the start time.");
    expect(html).toContain("Enter the event&#39;s title.");
  });

  it("keeps slugs unique: a typed slug that is taken is refused, a generated one gets a number", async () => {
    const organiser = await signedInAs("organiser");
    const existing = await createEvent({ slug: "taken-slug", title: "The First One" });
    const res = await postAs(organiser, "/admin/events/new", eventForm({ slug: "taken-slug" }));
    expect(res.status).toBe(422);
    expect(await res.text()).toMatch(/id="slug-error"[^]*already used by “The First One”/);

    const first = await createThroughForm(organiser, { title: "Same Title Twice" });
    const second = await createThroughForm(organiser, { title: "Same Title Twice" });
    const slugs = (await db.event.findMany({ where: { id: { in: [first, second] } }, select: { slug: true } })).map((e) => e.slug).sort();
    expect(slugs).toEqual(["same-title-twice", "same-title-twice-2"]);
    expect(existing.slug).toBe("taken-slug");

    const bad = await postAs(organiser, "/admin/events/new", eventForm({ slug: "Not a slug!" }));
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain("Use lower-case letters, digits and hyphens.");
  });

  it("makes a long title's slug (over D1's 50-byte LIKE limit) and numbers a second one, on creating and duplicating", async () => {
    const organiser = await signedInAs("organiser");
    const title = "Annual Conference on Human Rights and Development 2027";
    const first = await createThroughForm(organiser, { title });
    const second = await createThroughForm(organiser, { title });
    const slugOf = async (id: string) => (await db.event.findUniqueOrThrow({ where: { id } })).slug;
    expect(await slugOf(first)).toBe("annual-conference-on-human-rights-and-development-2027");
    expect(await slugOf(second)).toBe("annual-conference-on-human-rights-and-development-2027-2");

    const copied = await postAs(organiser, `/admin/events/${first}/duplicate`, { weeks: "1" });
    expect(copied.status).toBe(303);
    const copyId = /(evt_\w+)/.exec(copied.headers.get("location") ?? "")![1]!;
    expect(await slugOf(copyId)).toBe("annual-conference-on-human-rights-and-development-2027-3");
  });

  it("saves edits, and will not set the capacity below the seats sold and held", async () => {
    const organiser = await signedInAs("organiser");
    const id = await createThroughForm(organiser, { title: "Capacity Check" });
    await db.event.update({ where: { id }, data: { soldCount: 30, heldCount: 5 } });

    const refused = await postAs(organiser, `/admin/events/${id}/edit`, eventForm({ title: "Capacity Check", capacity: "20" }));
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toMatch(/id="capacity-error"[^]*30 seats are sold and 5 held, so the capacity cannot be below 35/);
    expect(html).toContain('value="20"');
    expect((await db.event.findUniqueOrThrow({ where: { id } })).capacity).toBe(120);

    const saved = await postAs(organiser, `/admin/events/${id}/edit`, eventForm({ title: "Capacity Checked", capacity: "35", agenda: "" }));
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe(`/admin/events/${id}/edit?done=saved`);
    const after = await db.event.findUniqueOrThrow({ where: { id }, include: { agenda: true } });
    expect(after).toMatchObject({ title: "Capacity Checked", capacity: 35, soldCount: 30, heldCount: 5 });
    expect(after.agenda).toEqual([]);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { entityId: id, action: "event_updated" } });
    expect(JSON.parse(audit.detail).fields).toEqual(expect.arrayContaining(["title", "capacity", "agenda"]));
  });
});

describe("publishing, cancelling, archiving", () => {
  it("refuses to publish an event without tiers, then publishes it once it has one", async () => {
    const organiser = await signedInAs("organiser");
    const id = await createThroughForm(organiser, { title: "Publish Me" });
    const refused = await postAs(organiser, `/admin/events/${id}/publish`);
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain("Add at least one ticket tier before publishing");
    expect((await db.event.findUniqueOrThrow({ where: { id } })).status).toBe("draft");

    await addTier(organiser, id);
    const published = await postAs(organiser, `/admin/events/${id}/publish`);
    expect(published.status).toBe(303);
    const event = await db.event.findUniqueOrThrow({ where: { id } });
    expect(event.status).toBe("published");
    expect((await fetchWorker(`/events/${event.slug}`)).status).toBe(200);
    expect(await db.auditEntry.count({ where: { entityId: id, action: "event_published" } })).toBe(1);

    const again = await postAs(organiser, `/admin/events/${id}/publish`);
    expect(again.status).toBe(409);
  });

  it("cancels only when confirmed; then the public page says cancelled and the API refuses orders", async () => {
    const organiser = await signedInAs("organiser");
    const event = await createEvent({ title: "To Be Cancelled" });
    const unconfirmed = await postAs(organiser, `/admin/events/${event.id}/cancel`);
    expect(unconfirmed.status).toBe(422);
    expect(await unconfirmed.text()).toMatch(/id="confirm-error"[^]*Tick the box/);
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).status).toBe("published");

    const res = await postAs(organiser, `/admin/events/${event.id}/cancel`, { confirm: "yes" });
    expect(res.status).toBe(303);
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).status).toBe("cancelled");
    const page = await (await fetchWorker(`/events/${event.slug}`)).text();
    expect(page).toContain("This event has been cancelled");
    const order = await postJson(`/api/v1/events/${event.slug}/orders`, orderBody(event.ticketTypes[0]!.id));
    expect(order.status).toBe(409);
    expect(order.body.error.code).toBe("sales_closed");
  });

  it("archives an event, which the public page then shows as past", async () => {
    const organiser = await signedInAs("organiser");
    const event = await createEvent({ title: "To Be Archived" });
    expect((await postAs(organiser, `/admin/events/${event.id}/archive`)).status).toBe(303);
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).status).toBe("archived");
    expect(await (await fetchWorker(`/events/${event.slug}`)).text()).toContain("This event has taken place");
  });
});

describe("duplicating an event", () => {
  it("copies tiers (counters reset) and programme into a new draft, dates moved by whole weeks", async () => {
    const organiser = await signedInAs("organiser");
    const id = await createThroughForm(organiser, { title: "Annual Conference 2027", date: "2027-01-09", salesStart: "2026-11-01T09:00" });
    await addTier(organiser, id, { name: "Member", price: "8", eligibility: "member_list", quota: "40" });
    await addTier(organiser, id, { name: "Guest", price: "0", eligibility: "access_code", accessCode: "SPEAKER27", salesEnd: "2027-01-01T23:59" });
    await db.ticketType.updateMany({ where: { eventId: id }, data: { soldCount: 3, heldCount: 1 } });
    await db.event.update({ where: { id }, data: { status: "published", soldCount: 6, heldCount: 2 } });

    const res = await postAs(organiser, `/admin/events/${id}/duplicate`, { weeks: "52" });
    expect(res.status).toBe(303);
    const copyId = /\/admin\/events\/(evt_\w+)\/edit\?done=duplicated/.exec(res.headers.get("location") ?? "")?.[1];
    expect(copyId).toBeDefined();
    const load = (eventId: string) =>
      db.event.findUniqueOrThrow({ where: { id: eventId }, include: { ticketTypes: { orderBy: { sortOrder: "asc" } }, agenda: { orderBy: { sortOrder: "asc" } } } });
    const [source, copy] = [await load(id), await load(copyId!)];
    expect(copy).toMatchObject({ status: "draft", soldCount: 0, heldCount: 0, title: "Annual Conference 2028", slug: "annual-conference-2028", capacity: 120, venueName: "Conway Hall" });
    // 52 weeks after Saturday 9 January 2027 is Saturday 8 January 2028, still 11:00 GMT.
    expect(copy.startsAt.toISOString()).toBe("2028-01-08T11:00:00.000Z");
    expect(copy.salesStartAt?.toISOString()).toBe("2027-10-31T09:00:00.000Z");
    expect(copy.ticketTypes.map((t) => [t.name, t.priceMinor, t.eligibility, t.quota, t.soldCount, t.heldCount])).toEqual([
      ["Member", 800, "member_list", 40, 0, 0],
      ["Guest", 0, "access_code", null, 0, 0],
    ]);
    expect(copy.ticketTypes[1]!.accessCodeHash).toBe(source.ticketTypes[1]!.accessCodeHash);
    expect(copy.ticketTypes[1]!.salesEndAt?.toISOString()).toBe("2027-12-31T23:59:00.000Z");
    expect(copy.ticketTypes.map((t) => t.id)).not.toContain(source.ticketTypes[0]!.id);
    expect(copy.agenda.map((a) => [a.title, a.startsAt.getTime() - source.agenda.find((s) => s.title === a.title)!.startsAt.getTime()])).toEqual(
      source.agenda.map((a) => [a.title, 52 * 7 * 86_400_000]),
    );
    // The source is untouched.
    expect(source).toMatchObject({ status: "published", soldCount: 6 });
  });

  it("keeps 11:00 at 11:00 when the copy lands on the other side of a clock change", async () => {
    const organiser = await signedInAs("organiser");
    const id = await createThroughForm(organiser, { title: "Spring Talk", date: "2027-03-20" });
    const res = await postAs(organiser, `/admin/events/${id}/duplicate`, { weeks: "2" });
    const copyId = /(evt_\w+)/.exec(res.headers.get("location") ?? "")![1]!;
    const copy = await db.event.findUniqueOrThrow({ where: { id: copyId } });
    expect(copy.startsAt.toISOString()).toBe("2027-04-03T10:00:00.000Z");
    expect(copy.slug).toBe("spring-talk-2");

    const bad = await postAs(organiser, `/admin/events/${id}/duplicate`, { weeks: "soon" });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toMatch(/id="weeks-error"[^]*whole number/);
  });
});

describe("previewing an event", () => {
  it("shows a draft's page with a banner and no way to buy, while the public page is 404", async () => {
    const organiser = await signedInAs("organiser");
    const event = await createEvent({ status: "draft", title: "Secret Draft", description: "Hello **world**" });
    expect((await fetchWorker(`/events/${event.slug}`)).status).toBe(404);
    const res = await getAs(organiser, `/admin/events/${event.id}/preview`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Preview — not public");
    expect(html).toContain("Secret Draft");
    expect(html).toContain("<strong>world</strong>");
    expect(html).toContain('<meta name="robots" content="noindex"/>');
    expect(html).not.toContain("Continue</button>");
    expect(html).not.toContain('name="qty.');
    expect(html).not.toMatch(/style="/);
  });
  it("lists tiers and the programme in the same order as the public page (sort order, then price or time)", async () => {
    const event = await createEvent({
      tiers: [
        { name: "Late", sortOrder: 2, priceMinor: 500 },
        { name: "Dear", sortOrder: 1, priceMinor: 1300 },
        { name: "Cheap", sortOrder: 1, priceMinor: 800 },
      ],
    });
    const at = (hour: number) => new Date(event.startsAt.getTime() + hour * 3_600_000);
    await db.agendaItem.createMany({
      data: [
        { id: newId("agd"), eventId: event.id, startsAt: at(2), title: "Lunch", sortOrder: 1 },
        { id: newId("agd"), eventId: event.id, startsAt: at(1), title: "Talk", sortOrder: 1 },
        { id: newId("agd"), eventId: event.id, startsAt: at(3), title: "Close", sortOrder: 0 },
      ],
    });
    const now = new Date();
    const [preview, page] = await Promise.all([getPreviewView(env.DB, event.id, now), getPublicEvent(env.DB, event.slug, now)]);
    for (const view of [preview, page]) {
      expect(view.tiers.map((t) => t.tier.name)).toEqual(["Cheap", "Dear", "Late"]);
      expect(view.agenda.map((a) => a.title)).toEqual(["Close", "Talk", "Lunch"]);
    }
  });
});

describe("ticket tiers", () => {
  it("shows the rules between fields with the fields' own errors at once", async () => {
    const organiser = await signedInAs("organiser");
    const id = await createThroughForm(organiser);
    const res = await postAs(organiser, `/admin/events/${id}/tiers/new`, tierForm({ name: "", price: "", eligibility: "declaration", minPerOrder: "5", maxPerOrder: "2" }));
    expect(res.status).toBe(422);
    const html = await res.text();
    for (const field of ["name", "price", "declarationText", "minPerOrder"]) expect(html, field).toContain(`id="${field}-error"`);
  });

  it("adds a tier with its price in pence, and shows sold, held and quota on the event page", async () => {
    const organiser = await signedInAs("organiser");
    const id = await createThroughForm(organiser, { title: "Tiered" });
    const tier = await addTier(organiser, id, { name: "Concession", price: "12.50", eligibility: "declaration", declarationText: "I am a student", quota: "30" });
    expect(tier).toMatchObject({ priceMinor: 1250, eligibility: "declaration", declarationText: "I am a student", quota: 30, sortOrder: 0 });
    await db.ticketType.update({ where: { id: tier.id }, data: { soldCount: 4, heldCount: 2 } });
    const html = await (await getAs(organiser, `/admin/events/${id}/edit`)).text();
    expect(html).toMatch(/Concession<span class="admin-slug">Declaration<\/span><\/th><td>£12\.50<\/td><td>4 sold, 2 held, quota 30<\/td>/);
  });

  it("explains what is missing beside the tier's fields", async () => {
    const organiser = await signedInAs("organiser");
    const id = await createThroughForm(organiser, { title: "Tier Errors" });
    const res = await postAs(organiser, `/admin/events/${id}/tiers/new`, tierForm({ name: "", price: "£8.999", eligibility: "declaration" }));
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(/id="name-error"[^]*Enter the tier/);
    expect(html).toMatch(/id="price-error"[^]*pounds and pence/);
    expect(html).toContain('value="£8.999"');
    expect(await db.ticketType.count({ where: { eventId: id } })).toBe(0);
  });

  it("will not set a tier's quota below what is sold and held", async () => {
    const organiser = await signedInAs("organiser");
    const event = await createEvent({ tiers: [{ name: "Popular", quota: 50, soldCount: 12, heldCount: 3 }] });
    const tier = event.ticketTypes[0]!;
    const res = await postAs(organiser, `/admin/tiers/${tier.id}/edit`, tierForm({ name: "Popular", price: "10", quota: "14" }));
    expect(res.status).toBe(422);
    expect(await res.text()).toMatch(/id="quota-error"[^]*12 tickets are sold and 3 held, so the quota cannot be below 15/);
    expect((await db.ticketType.findUniqueOrThrow({ where: { id: tier.id } })).quota).toBe(50);

    const ok = await postAs(organiser, `/admin/tiers/${tier.id}/edit`, tierForm({ name: "Popular", price: "10", quota: "15" }));
    expect(ok.status).toBe(303);
    expect(await db.ticketType.findUniqueOrThrow({ where: { id: tier.id } })).toMatchObject({ quota: 15, soldCount: 12, heldCount: 3 });
  });

  it("stores an access code only hashed, keeps it when left blank, and it works through the orders API", async () => {
    const organiser = await signedInAs("organiser");
    const event = await createEvent({ tiers: [{ name: "Open", priceMinor: 1300 }] });
    const tier = await addTier(organiser, event.id, { name: "Speaker", price: "0", eligibility: "access_code", accessCode: "Speak-2027" });
    expect(tier.accessCodeHash).toBe(await hashAccessCode("Speak-2027"));
    expect(JSON.stringify(await db.auditEntry.findMany({ where: { entityId: tier.id } }))).not.toContain("Speak-2027");

    // Saving with the code left blank keeps it.
    expect((await postAs(organiser, `/admin/tiers/${tier.id}/edit`, tierForm({ name: "Speakers", price: "0", eligibility: "access_code" }))).status).toBe(303);
    expect((await db.ticketType.findUniqueOrThrow({ where: { id: tier.id } })).accessCodeHash).toBe(await hashAccessCode("Speak-2027"));

    const wrong = await postJson(`/api/v1/events/${event.slug}/orders`, orderBody(tier.id, 1, { accessCode: "nope" }));
    expect(wrong.status).toBe(422);
    const right = await postJson(`/api/v1/events/${event.slug}/orders`, orderBody(tier.id, 1, { accessCode: " speak-2027 " }));
    expect(right.status).toBe(201);
    expect(right.body.order.status).toBe("paid");
  });

  it("deletes a tier nothing was sold of, and refuses one that has orders", async () => {
    const organiser = await signedInAs("organiser");
    const event = await createEvent({ tiers: [{ name: "Unused" }, { name: "Used", priceMinor: 0 }] });
    const [unused, used] = event.ticketTypes as [(typeof event.ticketTypes)[0], (typeof event.ticketTypes)[0]];
    expect((await postJson(`/api/v1/events/${event.slug}/orders`, orderBody(used.id))).status).toBe(201);

    const refused = await postAs(organiser, `/admin/tiers/${used.id}/delete`);
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("cannot be deleted");
    expect(await db.ticketType.count({ where: { id: used.id } })).toBe(1);

    const html = await (await getAs(organiser, `/admin/events/${event.id}/edit`)).text();
    expect(html).toContain(`action="/admin/tiers/${unused.id}/delete"`);
    expect(html).not.toContain(`action="/admin/tiers/${used.id}/delete"`);
    expect((await postAs(organiser, `/admin/tiers/${unused.id}/delete`)).status).toBe(303);
    expect(await db.ticketType.count({ where: { id: unused.id } })).toBe(0);
    expect(await db.auditEntry.count({ where: { entityId: unused.id, action: "tier_deleted" } })).toBe(1);
  });
});
