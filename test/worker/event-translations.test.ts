import { describe, expect, it } from "vitest";
import { seedDemo } from "@/dev/demo-seed";
import { agendaTextFields, eventTextFields, readTranslations, tierTextFields } from "@/domain/events/translations";
import { newId } from "@/lib/ids";
import { db, fetchWorker } from "./helpers";
import { postAs, signedInAs, type Caller } from "./auth-helpers";
import { eventForm, tierForm } from "./event-form-fixture";

// Organisers write an event's texts in more than one language; the API gives integrations
// the caller's language and every version.

function translatedEventForm(overrides: Record<string, string> = {}): Record<string, string> {
  const unique = newId("x").slice(2, 10);
  return eventForm({
    title: `Peru Today ${unique}`,
    summary: "A day on Peru and Latin America.",
    description: "# Welcome\n\nTalks and a panel.",
    referencePrefix: "PTY",
    mainLanguage: "en",
    textLanguage: "en",
    ...overrides,
  });
}

const spanish = {
  "translations.es.title": "Perú hoy",
  "translations.es.summary": "Un día sobre el Perú y América Latina.",
  "translations.es.description": "# Bienvenida\n\nCharlas y un panel.",
  "translations.es.venueName": "Conway Hall",
  "translations.es.venueAddress": "25 Red Lion Square, Londres WC1R 4RL",
  "translations.es.ticketEmailSubject": "Tus entradas para Perú hoy",
  "translations.es.agenda": "10:30 Inscripción y café\n11:00 Bienvenida — Presidencia del consejo\n13:00",
};

const concessionForm = (overrides: Record<string, string> = {}) =>
  tierForm({ name: "Concession", description: "For students and pensioners.", price: "8", eligibility: "declaration", declarationText: "I am a student or pensioner", ...overrides });

async function createThroughForm(caller: Caller, fields: Record<string, string>): Promise<string> {
  const res = await postAs(caller, "/admin/events/new", fields);
  expect(res.status).toBe(303);
  return /\/admin\/events\/(evt_[0-9a-z]{16})\/edit/.exec(res.headers.get("location") ?? "")![1]!;
}

/** The error shown beside a field ("translations.es.title" → id "translations-es-title-error"). */
const errorBeside = (html: string, name: string) => new RegExp(`id="${name.replace(/\./g, "-")}-error">(?:<span[^>]*>[^<]*</span>)?([^<]*)<`).exec(html)?.[1];

describe("the demo seed", () => {
  // First in the file: the seed only runs on a database without events.
  it("has a Spanish version of every text it writes: the event's, every tier's and every programme item's", async () => {
    expect(await seedDemo(db, new Date())).toBe(true);
    const event = await db.event.findFirstOrThrow({ include: { ticketTypes: true, agenda: true } });
    expect(event.mainLanguage).toBe("en");
    const check = (record: Record<string, unknown> & { translations: string }, fields: readonly string[], what: string) => {
      const es = readTranslations(record.translations, fields).es ?? {};
      for (const field of fields) {
        const english = record[field];
        if (typeof english !== "string" || english === "") continue;
        expect(es[field], `${what} ${field}`).toBeTruthy();
        if (field !== "venueName") expect(es[field], `${what} ${field}`).not.toBe(english);
      }
    };
    check(event, eventTextFields, "event");
    expect(event.ticketTypes.length).toBeGreaterThan(0);
    for (const tier of event.ticketTypes) check(tier, tierTextFields, `tier ${tier.name}`);
    expect(event.ticketTypes.some((t) => t.declarationText)).toBe(true);
    expect(event.agenda.length).toBeGreaterThan(0);
    for (const item of event.agenda) check(item, agendaTextFields, `agenda ${item.title}`);
    // And the API gives them to a Spanish reader.
    const res = await fetchWorker(`/api/v1/events/${event.slug}`, { headers: { "accept-language": "es" } });
    const body = (await res.json()) as { event: { title: string; language: string } };
    expect(body.event.language).toBe("es");
    expect(body.event.title).toBe(readTranslations(event.translations, eventTextFields).es?.title);
  });
});

describe("writing an event's texts in Spanish", () => {
  it("stores the Spanish versions of the event and its programme from the event form, and audits which language changed", async () => {
    const organiser = await signedInAs("organiser");
    const id = await createThroughForm(organiser, { ...translatedEventForm(), ...spanish });
    const event = await db.event.findUniqueOrThrow({ where: { id }, include: { agenda: { orderBy: { sortOrder: "asc" } } } });
    expect(event.mainLanguage).toBe("en");
    expect(event.title).toMatch(/^Peru Today/);
    expect(readTranslations(event.translations, eventTextFields).es).toEqual({
      title: "Perú hoy",
      summary: "Un día sobre el Perú y América Latina.",
      description: "# Bienvenida\n\nCharlas y un panel.",
      venueName: "Conway Hall",
      venueAddress: "25 Red Lion Square, Londres WC1R 4RL",
      ticketEmailSubject: "Tus entradas para Perú hoy",
    });
    // Matched by line order; a line with only a time leaves that item without a version.
    expect(event.agenda.map((a) => readTranslations(a.translations, agendaTextFields).es)).toEqual([
      { title: "Inscripción y café" },
      { title: "Bienvenida", detail: "Presidencia del consejo" },
      undefined,
    ]);
    const created = await db.auditEntry.findFirstOrThrow({ where: { entityId: id, action: "event_created" } });
    expect(JSON.parse(created.detail)).toMatchObject({ mainLanguage: "en", languages: ["es"] });

    // The edit form shows the versions back, and an edit of only the Spanish summary is audited as such.
    const page = await (await fetchWorker(`/admin/events/${id}/edit`, { headers: organiser.headers })).text();
    expect(page).toContain('name="translations.es.title"');
    expect(page).toContain("Perú hoy");
    expect(page).toMatch(/<select[^>]*name="mainLanguage"/);
    expect(page).toContain("Español");
    const form = { ...translatedEventForm({ title: event.title, slug: event.slug }), ...spanish, "translations.es.summary": "Otro resumen." };
    expect((await postAs(organiser, `/admin/events/${id}/edit`, form)).status).toBe(303);
    const updated = await db.auditEntry.findFirstOrThrow({ where: { entityId: id, action: "event_updated" } });
    expect(JSON.parse(updated.detail)).toMatchObject({ fields: [], languages: ["es"] });
    expect(readTranslations((await db.event.findUniqueOrThrow({ where: { id } })).translations, eventTextFields).es?.summary).toBe("Otro resumen.");
  });

  it("stores a tier's Spanish name, description and statement from the tier form", async () => {
    const organiser = await signedInAs("organiser");
    const id = await createThroughForm(organiser, translatedEventForm());
    const res = await postAs(organiser, `/admin/events/${id}/tiers/new`, {
      ...concessionForm(),
      "translations.es.name": "Tarifa reducida",
      "translations.es.description": "Para estudiantes y jubilados.",
      "translations.es.declarationText": "Soy estudiante o jubilado",
    });
    expect(res.status).toBe(303);
    const tier = await db.ticketType.findFirstOrThrow({ where: { eventId: id } });
    expect(tier.name).toBe("Concession");
    expect(readTranslations(tier.translations, tierTextFields).es).toEqual({
      name: "Tarifa reducida",
      description: "Para estudiantes y jubilados.",
      declarationText: "Soy estudiante o jubilado",
    });
    const form = await (await fetchWorker(`/admin/tiers/${tier.id}/edit`, { headers: organiser.headers })).text();
    expect(form).toContain("Tarifa reducida");
    // An over-long Spanish name is refused like an over-long English one.
    const long = "x".repeat(101);
    const english = await (await postAs(organiser, `/admin/tiers/${tier.id}/edit`, concessionForm({ name: long }))).text();
    const bad = await postAs(organiser, `/admin/tiers/${tier.id}/edit`, { ...concessionForm(), "translations.es.name": long });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(errorBeside(html, "translations.es.name")).toBeTruthy();
    expect(errorBeside(html, "translations.es.name")).toBe(errorBeside(english, "name"));
    expect(readTranslations((await db.ticketType.findUniqueOrThrow({ where: { id: tier.id } })).translations, tierTextFields).es?.name).toBe("Tarifa reducida");
  });

  it("refuses an over-long Spanish title with the English title's error, with the form's other errors, and saves nothing", async () => {
    const organiser = await signedInAs("organiser");
    const long = "T".repeat(151);
    const englishRes = await postAs(organiser, "/admin/events/new", translatedEventForm({ title: long }));
    expect(englishRes.status).toBe(422);
    const english = errorBeside(await englishRes.text(), "title");
    expect(english).toBeTruthy();

    const title = `Never saved ${newId("x").slice(2, 10)}`;
    const res = await postAs(organiser, "/admin/events/new", { ...translatedEventForm({ title, venueName: "" }), ...spanish, "translations.es.title": long });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(errorBeside(html, "translations.es.title")).toBe(english);
    // The list of errors at the top names the field and its language.
    expect(html).toContain(`Title (Español): ${english}`);
    expect(errorBeside(html, "venueName")).toBeTruthy();
    // The group with the error is open, and keeps what was typed.
    expect(html).toMatch(/<details class="translation-group" open/);
    expect(html).toContain(long);
    expect(await db.event.count({ where: { title } })).toBe(0);
  });

  it("refuses a Spanish programme with more lines than the main programme", async () => {
    const organiser = await signedInAs("organiser");
    const title = `Too many lines ${newId("x").slice(2, 10)}`;
    const res = await postAs(organiser, "/admin/events/new", { ...translatedEventForm({ title }), "translations.es.agenda": "Uno\nDos\nTres\nCuatro" });
    expect(res.status).toBe(422);
    expect(errorBeside(await res.text(), "translations.es.agenda")).toMatch(/line 4/);
    expect(await db.event.count({ where: { title } })).toBe(0);
  });

  it("swaps the texts when the main language changes to one with versions, the tiers' too", async () => {
    const organiser = await signedInAs("organiser");
    const id = await createThroughForm(organiser, { ...translatedEventForm(), ...spanish });
    await postAs(organiser, `/admin/events/${id}/tiers/new`, { ...concessionForm(), "translations.es.name": "Tarifa reducida" });
    const before = await db.event.findUniqueOrThrow({ where: { id } });
    const res = await postAs(organiser, `/admin/events/${id}/edit`, { ...translatedEventForm({ title: before.title, slug: before.slug, mainLanguage: "es", textLanguage: "en" }), ...spanish });
    expect(res.status).toBe(303);
    const after = await db.event.findUniqueOrThrow({ where: { id }, include: { ticketTypes: true, agenda: { orderBy: { sortOrder: "asc" } } } });
    expect(after.mainLanguage).toBe("es");
    expect(after.title).toBe("Perú hoy");
    expect(after.slug).toBe(before.slug);
    expect(readTranslations(after.translations, eventTextFields).en?.title).toBe(before.title);
    expect(readTranslations(after.translations, eventTextFields).es).toBeUndefined();
    expect(after.agenda.map((a) => a.title)).toEqual(["Inscripción y café", "Bienvenida", "Lunch"]);
    expect(readTranslations(after.agenda[0]!.translations, agendaTextFields).en).toEqual({ title: "Registration and coffee" });
    const tier = after.ticketTypes[0]!;
    expect(tier.name).toBe("Tarifa reducida");
    expect(readTranslations(tier.translations, tierTextFields).en?.name).toBe("Concession");
    // A tier's description with no Spanish version keeps its text.
    expect(tier.description).toBe("For students and pensioners.");
  });

  it("only relabels the main fields when the new main language has no versions to swap in", async () => {
    const organiser = await signedInAs("organiser");
    const id = await createThroughForm(organiser, translatedEventForm({ title: "Perú y América Latina hoy", mainLanguage: "es", textLanguage: "en" }));
    const event = await db.event.findUniqueOrThrow({ where: { id }, include: { agenda: true } });
    expect(event.mainLanguage).toBe("es");
    expect(event.title).toBe("Perú y América Latina hoy");
    expect(event.translations).toBe("{}");
    expect(event.agenda.every((a) => a.translations === "{}")).toBe(true);
    // Its form now draws the main fields as Spanish, with a group for English.
    const page = await (await fetchWorker(`/admin/events/${id}/edit`, { headers: organiser.headers })).text();
    expect(page).toContain('<input type="hidden" name="textLanguage" value="es"/>');
    expect(page).toContain('name="translations.en.title"');
    expect(page).not.toContain('name="translations.es.title"');
  });

  it("keeps the versions when an event is duplicated", async () => {
    const organiser = await signedInAs("organiser");
    const id = await createThroughForm(organiser, { ...translatedEventForm(), ...spanish, "translations.es.title": "Perú hoy 2027" });
    await postAs(organiser, `/admin/events/${id}/tiers/new`, { ...concessionForm(), "translations.es.name": "Tarifa reducida" });
    const res = await postAs(organiser, `/admin/events/${id}/duplicate`, { weeks: "52" });
    const copyId = /\/admin\/events\/(evt_\w+)\/edit/.exec(res.headers.get("location") ?? "")![1]!;
    const copy = await db.event.findUniqueOrThrow({ where: { id: copyId }, include: { ticketTypes: true, agenda: { orderBy: { sortOrder: "asc" } } } });
    expect(readTranslations(copy.translations, eventTextFields).es?.title).toBe("Perú hoy 2028");
    expect(readTranslations(copy.translations, eventTextFields).es?.summary).toBe(spanish["translations.es.summary"]);
    expect(readTranslations(copy.ticketTypes[0]!.translations, tierTextFields).es?.name).toBe("Tarifa reducida");
    expect(readTranslations(copy.agenda[0]!.translations, agendaTextFields).es?.title).toBe("Inscripción y café");
  });
});

describe("the API in each language", () => {
  async function publishedWithSpanish(overrides: Record<string, string> = {}) {
    const organiser = await signedInAs("organiser");
    const { ["translations.es.summary"]: _none, ...withoutSummary } = spanish;
    const id = await createThroughForm(organiser, { ...translatedEventForm(), ...withoutSummary, ...overrides });
    await postAs(organiser, `/admin/events/${id}/tiers/new`, { ...concessionForm(), "translations.es.name": "Tarifa reducida" });
    return db.event.update({ where: { id }, data: { status: "published" } });
  }

  it("gives the Spanish texts under Accept-Language: es, every version in translations, and the English summary where there is no Spanish one", async () => {
    const event = await publishedWithSpanish();
    const res = await fetchWorker(`/api/v1/events/${event.slug}`, { headers: { "accept-language": "es-PE,es;q=0.9" } });
    expect(res.status).toBe(200);
    const { event: json } = (await res.json()) as { event: any };
    expect(json.language).toBe("es");
    expect(json.mainLanguage).toBe("en");
    expect(json.title).toBe("Perú hoy");
    expect(json.venue.address).toBe("25 Red Lion Square, Londres WC1R 4RL");
    expect(json.summary).toBe("A day on Peru and Latin America.");
    expect(json.fallback).toEqual({ summary: "en" });
    expect(json.translations.en.title).toBe(event.title);
    expect(json.translations.es.title).toBe("Perú hoy");
    expect(json.translations.es.summary).toBeUndefined();
    expect(json.tiers[0].name).toBe("Tarifa reducida");
    expect(json.tiers[0].translations).toMatchObject({ en: { name: "Concession" }, es: { name: "Tarifa reducida" } });
    expect(json.agenda[0]).toMatchObject({ title: "Inscripción y café", translations: { en: { title: "Registration and coffee" }, es: { title: "Inscripción y café" } } });
    expect(json.agenda[2]).toMatchObject({ title: "Lunch", fallback: { title: "en" } });

    const list = (await (await fetchWorker("/api/v1/events", { headers: { "accept-language": "es" } })).json()) as { events: any[] };
    const listed = list.events.find((e) => e.slug === event.slug);
    expect(listed).toMatchObject({ language: "es", title: "Perú hoy", translations: { en: { title: event.title } } });

    const inEnglish = (await (await fetchWorker(`/api/v1/events/${event.slug}`, { headers: { "accept-language": "en" } })).json()) as { event: any };
    expect(inEnglish.event).toMatchObject({ language: "en", title: event.title });
    expect(inEnglish.event.fallback).toBeUndefined();
  });

  it("speaks the event's main language to a caller who names none, and still the caller's to one who does", async () => {
    const event = await publishedWithSpanish({ mainLanguage: "es" });
    // Made with Spanish versions and then Spanish chosen as the main language: the texts swapped.
    expect(event.title).toBe("Perú hoy");
    const unnamed = (await (await fetchWorker(`/api/v1/events/${event.slug}`)).json()) as { event: any };
    expect(unnamed.event).toMatchObject({ language: "es", mainLanguage: "es", title: "Perú hoy" });
    const english = (await (await fetchWorker(`/api/v1/events/${event.slug}?lang=en`)).json()) as { event: any };
    expect(english.event.language).toBe("en");
    expect(english.event.title).toMatch(/^Peru Today/);
    const again = (await (await fetchWorker(`/api/v1/events/${event.slug}`)).json()) as { event: any };
    expect(again.event.language).toBe("es");
    const list = (await (await fetchWorker("/api/v1/events")).json()) as { events: any[] };
    expect(list.events.find((e) => e.slug === event.slug)).toMatchObject({ language: "es", title: "Perú hoy" });
  });
});
