import { describe, expect, it } from "vitest";
import { getAs, postAs, signedInAs } from "./auth-helpers";
import { createEvent, db, fetchWorker, postJson } from "./helpers";
import { addQuestion, dietary } from "./question-helpers";

// The organisers' side of attendee questions: defining them, the type lock once answered,
// retiring (answers kept), and where answers show: order pages, the attendee list filter,
// the dashboard's counts and the exports.

async function freeEvent() {
  return createEvent({ tiers: [{ name: "Guest", priceMinor: 0 }, { name: "Speaker", priceMinor: 0 }] });
}

async function registerWith(slug: string, tier: string, tickets: Array<Record<string, unknown>>, answers?: Record<string, unknown>) {
  const res = await postJson<{ order: { id: string } }>(`/api/v1/events/${slug}/orders`, { buyer: { name: "Ada", email: "ada@example.org" }, tickets: tickets.map((t, i) => ({ tier, name: `Person ${i + 1}`, ...t })), ...(answers ? { answers } : {}) });
  expect(res.status).toBe(201);
  return res.body.order.id;
}

describe("organisers' questions", () => {
  it("adds a choice question with Spanish versions, tiers and the door flag, and lists it", async () => {
    const event = await freeEvent();
    const organiser = await signedInAs("organiser");
    const res = await postAs(organiser, `/admin/events/${event.id}/questions/new`, {
      label: "Dietary requirements", type: "choice", options: "None\nVegan\nOther", detailsOption: "Other", required: "yes", per: "attendee", atDoor: "yes",
      "translations.es.label": "Requisitos alimentarios", "translations.es.options": "Ninguno\nVegano\nOtro",
    });
    expect(res.status).toBe(303);
    const q = await db.question.findFirstOrThrow({ where: { eventId: event.id } });
    expect(q).toMatchObject({ type: "choice", required: true, atDoor: true, per: "attendee" });
    expect(JSON.parse(q.options)).toEqual([
      { id: "none", label: "None", details: false, translations: { es: "Ninguno" } },
      { id: "vegan", label: "Vegan", details: false, translations: { es: "Vegano" } },
      { id: "other", label: "Other", details: true, translations: { es: "Otro" } },
    ]);
    expect(JSON.parse(q.translations)).toEqual({ es: { label: "Requisitos alimentarios" } });
    const list = await (await getAs(organiser, `/admin/events/${event.id}/questions`)).text();
    expect(list).toContain("Dietary requirements");
    expect(list).toContain("Single choice");
    expect(await db.auditEntry.count({ where: { entity: "question", entityId: q.id, action: "question_created" } })).toBe(1);
  });

  it("refuses a form with every problem at once", async () => {
    const event = await freeEvent();
    const organiser = await signedInAs("organiser");
    const res = await postAs(organiser, `/admin/events/${event.id}/questions/new`, { label: "", type: "choice", options: "Only one", per: "attendee" });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("Enter the question.");
    expect(html).toContain("List at least two options, one per line.");
    expect(await db.question.count({ where: { eventId: event.id } })).toBe(0);
  });

  it("refuses to change the type of an answered question, on the type field, and keeps it", async () => {
    const event = await freeEvent();
    const q = await addQuestion(event.id, { type: "text", label: "Organisation" });
    const organiser = await signedInAs("organiser");
    const fields = { label: "Organisation", type: "long_text", per: "attendee" };
    // Unanswered: the type may change.
    expect((await postAs(organiser, `/admin/questions/${q.id}/edit`, fields)).status).toBe(303);
    await registerWith(event.slug, event.ticketTypes[0]!.id, [{ answers: { [q.id]: "Amnesty" } }]);
    const res = await postAs(organiser, `/admin/questions/${q.id}/edit`, { ...fields, type: "number", label: "Renamed" });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("People have answered this question, so its type cannot change.");
    expect(await db.question.findUniqueOrThrow({ where: { id: q.id } })).toMatchObject({ type: "long_text", label: "Organisation" });
    // Same type, new label: fine.
    expect((await postAs(organiser, `/admin/questions/${q.id}/edit`, { ...fields, label: "Organisation (badge)" })).status).toBe(303);
  });

  it("retires a question: no longer asked nor accepted, its answers kept and still shown", async () => {
    const event = await freeEvent();
    const q = await addQuestion(event.id, { type: "text", label: "Organisation" });
    const orderId = await registerWith(event.slug, event.ticketTypes[0]!.id, [{ answers: { [q.id]: "Amnesty" } }]);
    const organiser = await signedInAs("organiser");
    expect((await postAs(organiser, `/admin/questions/${q.id}/retire`)).status).toBe(303);
    expect(await db.answer.count({ where: { questionId: q.id } })).toBe(1);
    const api = (await (await fetchWorker(`/api/v1/events/${event.slug}`, { headers: { accept: "application/json" } })).json()) as { event: { questions: unknown[] } };
    expect(api.event.questions).toEqual([]);
    const refused = await postJson(`/api/v1/events/${event.slug}/orders`, { buyer: { name: "B", email: "b@example.org" }, tickets: [{ tier: event.ticketTypes[0]!.id, name: "B", answers: { [q.id]: "x" } }] });
    expect(refused.status).toBe(422);
    expect((await (await getAs(organiser, `/admin/orders/${orderId}`)).text())).toContain("Amnesty");
    expect((await (await fetchWorker(`/orders/${orderId}/complete`)).text())).toContain("Amnesty");
    expect((await postAs(organiser, `/admin/questions/${q.id}/restore`)).status).toBe(303);
    expect((await db.question.findUniqueOrThrow({ where: { id: q.id } })).retiredAt).toBeNull();
  });

  it("reorders questions", async () => {
    const event = await freeEvent();
    const a = await addQuestion(event.id, { type: "text", label: "First", sortOrder: 0 });
    const b = await addQuestion(event.id, { type: "text", label: "Second", sortOrder: 1 });
    const organiser = await signedInAs("organiser");
    expect((await postAs(organiser, `/admin/questions/${b.id}/up`)).status).toBe(303);
    const order = await db.question.findMany({ where: { eventId: event.id }, orderBy: { sortOrder: "asc" } });
    expect(order.map((q) => q.id)).toEqual([b.id, a.id]);
  });
});

describe("where answers go", () => {
  it("filters the attendee list by an answer, counts choices on the dashboard, and exports a column per question", async () => {
    const event = await freeEvent();
    const tier = event.ticketTypes[0]!.id;
    const diet = await addQuestion(event.id, { ...dietary, sortOrder: 0 });
    const org = await addQuestion(event.id, { type: "text", label: "Organisation", sortOrder: 1 });
    await registerWith(event.slug, tier, [{ name: "Vera Vegan", answers: { [diet.id]: "vegan", [org.id]: "=cmd" } }, { name: "Val Veg", answers: { [diet.id]: "vegetarian" } }]);
    await registerWith(event.slug, tier, [{ name: "Otto Other", answers: { [diet.id]: { option: "other", details: "No nuts" } } }, { name: "Vic Vegan", answers: { [diet.id]: "vegan" } }]);
    const organiser = await signedInAs("organiser");

    const filtered = await (await getAs(organiser, `/admin/events/${event.id}/attendees?answer=${diet.id}:vegan`)).text();
    expect(filtered).toContain("Vera Vegan");
    expect(filtered).toContain("Vic Vegan");
    expect(filtered).not.toContain("Val Veg<");
    expect(filtered).not.toContain("Otto Other");

    const dashboard = await (await getAs(organiser, `/admin/events/${event.id}`)).text();
    expect(dashboard).toContain("Vegan: 2");
    expect(dashboard).toContain("Vegetarian: 1");
    expect(dashboard).toContain("Other: 1");

    const csv = await (await getAs(organiser, `/admin/events/${event.id}/attendees.csv`)).text();
    const [header, ...rows] = csv.replace(/^\uFEFF/, "").trim().split(/\r?\n/);
    expect(header).toContain(`q_${diet.id},q_${org.id}`);
    expect(rows.find((r) => r.includes("Otto Other"))).toContain("Other (No nuts)");
    expect(rows.find((r) => r.includes("Vera Vegan"))).toMatch(/Vegan,'=cmd/);
    const translated = await (await getAs(organiser, `/admin/events/${event.id}/attendees.csv?headers=translated&lang=es`)).text();
    expect(translated.split(/\r?\n/)[0]).toContain("Requisitos alimentarios");
  });
});
