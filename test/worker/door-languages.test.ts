import { describe, expect, it } from "vitest";
import { en } from "@/i18n/en";
import { es } from "@/i18n/es";
import type { ScannerCatalogue } from "@/i18n/areas/door";
import type { Caller } from "./auth-helpers";
import { readableText, sentencesIn, sentencesOf } from "./catalogue-text";
import { codeFor, doorSetup, nonce } from "./door-helpers";
import { db, fetchWorker } from "./helpers";

// The door speaks the language its user chose: the events list, the scanner page, the words
// the scanner's script reads, the installable app's name; the check-in API's codes do not
// change with the language.

const englishSentences = sentencesOf({ door: en.door } as never);
const spanishSentences = sentencesOf({ door: es.door } as never);

const htmlLang = (html: string) => /<html lang="([^"]+)"/.exec(html)?.[1];

/** The scanner's words a door page embeds for its script. */
function embeddedWords(html: string): ScannerCatalogue {
  const json = /<script type="application\/json" id="door-words">([\s\S]*?)<\/script>/.exec(html)?.[1];
  expect(json, "the page embeds the scanner's words").toBeTruthy();
  return JSON.parse(json!) as ScannerCatalogue;
}

/** Every text of the embedded words, each template's holes taken out. */
function wordTexts(catalogue: ScannerCatalogue): string {
  const out: string[] = [];
  const walk = (value: unknown) => {
    if (typeof value === "string") out.push(value.replace(/\{\w+\}/g, " "));
    else if (value && typeof value === "object") Object.values(value).forEach(walk);
  };
  walk(catalogue.words);
  return out.join("\n");
}

async function doorPages(door: Caller, slug: string, query: string, headers: Record<string, string> = {}) {
  const get = async (path: string) => {
    const res = await fetchWorker(`${path}${query}`, { headers: { ...door.headers, ...headers }, redirect: "manual" });
    expect(res.status, path).toBe(200);
    return res.text();
  };
  return { events: await get("/door"), scanner: await get(`/door/${slug}`) };
}

describe("the door pages in the reader's language", () => {
  it("are all Spanish with ?lang=es: pages, bar, the scanner's words", async () => {
    const { event, door } = await doorSetup(1);
    const pages = await doorPages(door, event.slug, "?lang=es");
    for (const [name, html] of Object.entries(pages)) {
      expect(htmlLang(html), name).toBe("es");
      expect(sentencesIn(readableText(html), englishSentences), name).toEqual([]);
      expect(html, name).toContain('<link rel="manifest" href="/door/manifest.webmanifest?lang=es"/>');
      const words = embeddedWords(html);
      expect(words.locale, name).toBe("es");
      expect(words.words).toEqual(es.door.scanner);
      expect(sentencesIn(wordTexts(words), englishSentences), `${name}: embedded words`).toEqual([]);
    }
    expect(readableText(pages.events)).toContain(es.door.events.heading);
    expect(readableText(pages.scanner)).toContain(es.door.scannerPage.codeLabel);
    // The language switch offers English, on the same page.
    expect(pages.scanner).toMatch(new RegExp(`<a href="/door/${event.slug}\\?lang=en"[^>]*hreflang="en"`));
  });

  it("are all English in English, with none of the Spanish", async () => {
    const { event, door } = await doorSetup(1);
    const pages = await doorPages(door, event.slug, "?lang=en");
    for (const [name, html] of Object.entries(pages)) {
      expect(htmlLang(html), name).toBe("en-GB");
      expect(sentencesIn(readableText(html), spanishSentences), name).toEqual([]);
      const words = embeddedWords(html);
      expect(words.words).toEqual(en.door.scanner);
      expect(sentencesIn(wordTexts(words), spanishSentences), `${name}: embedded words`).toEqual([]);
    }
    expect(readableText(pages.scanner)).toContain("Scan a ticket");
  });

  it("remember the choice (the cookie ?lang= sets) and follow Accept-Language", async () => {
    const { event, door } = await doorSetup(1);
    const chosen = await fetchWorker("/door?lang=es", { headers: door.headers, redirect: "manual" });
    const cookie = /^lang=[a-z]+/.exec(chosen.headers.get("set-cookie") ?? "")?.[0];
    expect(cookie).toBe("lang=es");
    const remembered = await doorPages({ ...door, headers: { ...door.headers, cookie: `${door.headers.cookie}; ${cookie}` } }, event.slug, "");
    expect(htmlLang(remembered.scanner)).toBe("es");
    const byHeader = await doorPages(door, event.slug, "", { "accept-language": "es-MX,es;q=0.9" });
    expect(htmlLang(byHeader.events)).toBe("es");
    expect(embeddedWords(byHeader.scanner).words.title.admit).toBe(es.door.scanner.title.admit);
  });
});

describe("the door's list of events", () => {
  it("shows an event's Spanish title to a Spanish reader, and its main-language title, marked, when it has none", async () => {
    const { event, door } = await doorSetup(1);
    await db.event.update({ where: { id: event.id }, data: { title: "Door day", mainLanguage: "en", translations: JSON.stringify({ es: { title: "Día de acceso" } }) } });
    const list = (await doorPages(door, event.slug, "?lang=es")).events;
    expect(readableText(list)).toContain("Día de acceso");
    expect(readableText(list)).not.toContain("Door day");
    await db.event.update({ where: { id: event.id }, data: { translations: "{}" } });
    expect((await doorPages(door, event.slug, "?lang=es")).events).toContain('<span lang="en">Door day</span>');
  });

  it("gives the scanner page the event's and its tiers' Spanish names too", async () => {
    const { event, door } = await doorSetup(1);
    const tier = await db.ticketType.findFirstOrThrow({ where: { eventId: event.id } });
    await db.event.update({ where: { id: event.id }, data: { title: "Door day", mainLanguage: "en", translations: JSON.stringify({ es: { title: "Día de acceso" } }) } });
    await db.ticketType.update({ where: { id: tier.id }, data: { name: "Standard", translations: JSON.stringify({ es: { name: "General" } }) } });
    const scanner = (await doorPages(door, event.slug, "?lang=es")).scanner;
    expect(scanner).toContain('<h1 class="door-title">Día de acceso</h1>');
    expect(scanner).toContain('<th scope="row">General</th>');
    await db.ticketType.update({ where: { id: tier.id }, data: { translations: "{}" } });
    expect((await doorPages(door, event.slug, "?lang=es")).scanner).toContain('<th scope="row"><span lang="en">Standard</span></th>');
  });
});

describe("the installable app's manifest", () => {
  it("names the app in the language asked for, the same app in both", async () => {
    const manifests = [];
    for (const lang of ["es", "en"] as const) {
      const res = await fetchWorker(`/door/manifest.webmanifest?lang=${lang}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^application\/manifest\+json/);
      manifests.push((await res.json()) as { name: string; short_name: string; description: string; lang: string; id: string; start_url: string });
    }
    const [spanish, english] = manifests;
    expect(spanish).toMatchObject({ name: es.door.app.name, short_name: es.door.app.shortName, description: es.door.app.description, lang: "es" });
    expect(english).toMatchObject({ name: en.door.app.name, short_name: en.door.app.shortName, lang: "en-GB" });
    expect(spanish!.name).not.toBe(english!.name);
    expect(spanish!.id).toBe(english!.id);
    expect(spanish!.start_url).toBe(english!.start_url);
  });
});

describe("the check-in API in Spanish", () => {
  const post = (door: Caller, path: string, body: Record<string, unknown>, language: string) =>
    fetchWorker(path, {
      method: "POST",
      headers: { authorization: `Bearer ${door.apiToken}`, "content-type": "application/json", "accept-language": language },
      body: JSON.stringify(body),
    });

  it("answers with the same result and codes as in English", async () => {
    const { event, tickets, door } = await doorSetup(2);
    const [first, second] = tickets;
    const outcomes: Record<string, unknown[]> = { en: [], es: [] };
    for (const [language, ticket] of [["en", first!], ["es", second!]] as const) {
      const code = await codeFor(ticket.id);
      const admitted = (await (await post(door, "/api/v1/checkins", { event: event.slug, code, nonce: nonce(), device: "d" }, language)).json()) as { result: string; ticket?: unknown };
      const again = (await (await post(door, "/api/v1/checkins", { event: event.slug, code, nonce: nonce(), device: "d" }, language)).json()) as { result: string };
      const forged = await (await post(door, "/api/v1/checkins", { event: event.slug, code: "T1:NOT-A-CODE", nonce: nonce(), device: "d" }, language)).json();
      const bad = await post(door, "/api/v1/checkins", { event: event.slug, code, nonce: "x", device: "d" }, language);
      const badBody = (await bad.json()) as { error: { code: string; message: string; fieldCodes?: Record<string, string> } };
      const elsewhere = await post(door, "/api/v1/checkins", { event: "no-such-event", code, nonce: nonce(), device: "d" }, language);
      const elsewhereBody = (await elsewhere.json()) as { error: { code: string; message: string } };
      outcomes[language] = [admitted.result, again.result, forged, bad.status, badBody.error.code, badBody.error.fieldCodes, elsewhere.status, elsewhereBody.error.code];
      expect(badBody.error.message).toBeTruthy();
    }
    expect(outcomes.es).toEqual(outcomes.en);
    expect(outcomes.en!.slice(0, 3)).toEqual(["admitted", "already_checked_in", { result: "invalid", reason: "malformed" }]);
  });
});
