import { describe, expect, it } from "vitest";
import { createEvent, db, fetchWorker } from "./helpers";

const htmlLang = (html: string) => /<html lang="([^"]+)"/.exec(html)?.[1];

async function page(path: string, headers: Record<string, string> = {}) {
  const res = await fetchWorker(path, { headers });
  return { res, html: await res.text() };
}

describe("choosing the reader's language", () => {
  it("takes ?lang=, remembers it in a cookie, and the cookie alone then chooses", async () => {
    const { res, html } = await page("/?lang=es");
    expect(htmlLang(html)).toBe("es");
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^lang=es;/);
    expect(cookie).toContain("HttpOnly");
    expect(htmlLang((await page("/", { cookie: "lang=es" })).html)).toBe("es");
    // ?lang= wins over a remembered choice and over Accept-Language.
    expect(htmlLang((await page("/?lang=en", { cookie: "lang=es", "accept-language": "es" })).html)).toBe("en-GB");
  });

  it("gives Spanish for es, es-PE and es-419 in Accept-Language, and sets no cookie for it", async () => {
    for (const header of ["es", "es-PE", "es-419,en;q=0.5", "fr-FR, es;q=0.8"]) {
      const { res, html } = await page("/", { "accept-language": header });
      expect(htmlLang(html), header).toBe("es");
      expect(res.headers.get("set-cookie"), header).toBeNull();
    }
    expect(htmlLang((await page("/", { "accept-language": "en-US,es;q=0.9" })).html)).toBe("en-GB");
  });

  it("passes over unknown and malformed values silently", async () => {
    for (const [path, headers] of [
      ["/?lang=xx", {}],
      ["/?lang=", { cookie: "lang=%%%" }],
      ["/", { "accept-language": ";;;q=abc,,*;q=-1" }],
      ["/", { "accept-language": "x".repeat(5000) }],
    ] as const) {
      const { res, html } = await page(path, headers);
      expect(res.status, path).toBe(200);
      expect(htmlLang(html)).toBe("en-GB");
      expect(res.headers.get("set-cookie")).toBeNull();
    }
  });

  it("shows an event in its main language to a reader who named none, and follows a reader who did", async () => {
    const event = await createEvent();
    await db.event.update({ where: { id: event.id }, data: { mainLanguage: "es" } });
    expect(htmlLang((await page(`/events/${event.slug}`)).html)).toBe("es");
    expect(htmlLang((await page(`/events/${event.slug}`, { "accept-language": "en-GB" })).html)).toBe("en-GB");
    expect(htmlLang((await page(`/events/${event.slug}?lang=en`)).html)).toBe("en-GB");
  });
});

describe("the language switch", () => {
  it("links to the same page in the other language, named in that language, with hreflang alternates", async () => {
    const event = await createEvent();
    const { html } = await page(`/events/${event.slug}?lang=es`);
    expect(html).toContain(`<a href="/events/${event.slug}?lang=en" hreflang="en" lang="en-GB"`);
    expect(html).toContain(">English</a>");
    expect(html).toMatch(/<span aria-current="true" lang="es">Español<\/span>/);
    expect(html).toMatch(new RegExp(`<link rel="alternate" hreflang="en" href="[^"]+/events/${event.slug}\\?lang=en"`));
    expect(html).toMatch(new RegExp(`<link rel="alternate" hreflang="es" href="[^"]+/events/${event.slug}\\?lang=es"`));
    expect(html).toContain('<meta property="og:locale" content="es_LA"/>');
    expect(html).toContain('<meta property="og:locale:alternate" content="en_GB"/>');
  });
});
