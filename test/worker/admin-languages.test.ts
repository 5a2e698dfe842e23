// The organiser pages about events, tiers, orders, attendees, exports and the dashboard speak
// the staff member's language: Spanish pages carry none of the English admin sentences (and
// the reverse), `<html lang>` follows the choice, and the attendee list keeps its stable
// English headings unless translated ones are asked for.
import { parse } from "csv-parse/sync";
import { unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { attendeeColumns } from "@/domain/exports/columns";
import { en } from "@/i18n/en";
import { es } from "@/i18n/es";
import type { Messages } from "@/i18n";
import { getAs, postAs, signedInAs, type Caller } from "./auth-helpers";
import { readableText, sentencesIn, sentencesOf } from "./catalogue-text";
import { createEvent, db, fetchWorker } from "./helpers";
import { paidThroughEmulator } from "./stripe-fixtures";

const adminSentences = (m: Messages) => sentencesOf({ admin: m.admin } as unknown as Messages);
const english = adminSentences(en);
const spanish = adminSentences(es);

const htmlLang = (html: string) => /<html lang="([^"]+)"/.exec(html)?.[1];

/** What a person reads or hears: the page's text, and its labels for screen readers and tooltips. */
const heard = (html: string) => `${readableText(html)} ${[...html.matchAll(/(?:aria-label|title)="([^"]*)"/g)].map((a) => a[1]).join(" ")}`;

/**
 * The part of a page this area writes: the preview is the public page (the public area's
 * words) under our banner, so only the banner is ours.
 */
function ours(name: string, html: string): string {
  if (name !== "preview") return html;
  const banner = /<div class="preview-banner"[^]*?<\/div>/.exec(html)?.[0];
  if (!banner) throw new Error("The preview has no banner");
  return banner;
}

const withLang = (path: string, lang: string) => `${path}${path.includes("?") ? "&" : "?"}lang=${lang}`;

type Pages = { caller: Caller; paths: Record<string, string>; event: { startsAt: Date; timezone: string } };

/** An organiser, a published event with a paid order (so every part of the pages shows), and a draft. */
async function setUp(): Promise<Pages> {
  const caller = await signedInAs("owner");
  const event = await createEvent({
    capacity: 50,
    tiers: [
      { name: "Member", priceMinor: 800, eligibility: "member_list", quota: 20 },
      { name: "Concession", priceMinor: 800, eligibility: "declaration", declarationText: "I am a student" },
      { name: "Non-member", priceMinor: 1300 },
    ],
  });
  const draft = await createEvent({ status: "draft" });
  const order = await paidThroughEmulator(event.slug, event.ticketTypes[2]!.id, 2);
  await db.ticket.updateMany({ where: { orderId: order.id }, data: { checkedInAt: new Date() } });
  const tier = event.ticketTypes[1]!;
  return {
    caller,
    event,
    paths: {
      "events list": "/admin",
      "new event form": "/admin/events/new",
      "edit and manage page": `/admin/events/${event.id}/edit`,
      "draft's manage page": `/admin/events/${draft.id}/edit`,
      "notice after saving": `/admin/events/${event.id}/edit?done=saved`,
      preview: `/admin/events/${draft.id}/preview`,
      "new tier form": `/admin/events/${event.id}/tiers/new`,
      "tier form": `/admin/tiers/${tier.id}/edit`,
      dashboard: `/admin/events/${event.id}`,
      "orders and attendees": `/admin/events/${event.id}/attendees`,
      "order detail": `/admin/orders/${order.id}`,
      "order detail after an action": `/admin/orders/${order.id}?done=resent`,
      "add registration": `/admin/events/${event.id}/registrations/new`,
    },
  };
}

describe("organiser pages in the staff member's language", () => {
  let pages: Pages;
  beforeAll(async () => {
    pages = await setUp();
  });

  it("has Spanish sentences different from English ones to look for", () => {
    // Otherwise the checks below could not fail.
    expect(english.size).toBeGreaterThan(100);
    expect([...spanish].filter((s) => english.has(s))).toEqual([]);
  });

  it("speaks only Spanish with ?lang=es, on every page, with lang=es", async () => {
    for (const [name, path] of Object.entries(pages.paths)) {
      const res = await getAs(pages.caller, withLang(path, "es"));
      expect(res.status, name).toBe(200);
      const html = await res.text();
      expect(htmlLang(html), name).toBe("es");
      expect(sentencesIn(heard(ours(name, html)), english), name).toEqual([]);
    }
  });

  it("speaks only English with ?lang=en, on every page", async () => {
    for (const [name, path] of Object.entries(pages.paths)) {
      const html = await (await getAs(pages.caller, withLang(path, "en"))).text();
      expect(htmlLang(html), name).toBe("en-GB");
      expect(sentencesIn(heard(ours(name, html)), spanish), name).toEqual([]);
    }
  });

  it("remembers the choice in the lang cookie, and offers the switch on every organiser page", async () => {
    const first = await getAs(pages.caller, "/admin?lang=es");
    expect(first.headers.get("set-cookie") ?? "").toMatch(/^lang=es;/);
    const remembered = { ...pages.caller, headers: { ...pages.caller.headers, cookie: `${pages.caller.headers.cookie}; lang=es` } };
    for (const [name, path] of Object.entries(pages.paths)) {
      if (name === "preview") continue; // the public page's own shell
      const html = await (await getAs(remembered, path)).text();
      expect(htmlLang(html), name).toBe("es");
      expect(html, name).toContain('class="language-switch"');
      expect(html, name).toContain(`hreflang="en"`);
      expect(html, name).toContain(es.admin.nav.signOut);
    }
  });

  it("says a refused form's summary and labels in Spanish", async () => {
    const res = await postAs(pages.caller, "/admin/events/new?lang=es", { title: "", venueName: "", timezone: "Europe/London" });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(htmlLang(html)).toBe("es");
    expect(html).toContain(es.admin.errorTitle({ title: es.admin.eventPage.create }));
    expect(html).toContain(`${es.admin.eventForm.labels.title}: `);
    expect(sentencesIn(heard(html), english)).toEqual([]);
  });

  it("writes dates, times and money the reader's way", async () => {
    const { startsAt, timezone } = pages.event;
    for (const [m, lang] of [[es, "es"], [en, "en"]] as const) {
      const dashboard = await (await getAs(pages.caller, withLang(pages.paths.dashboard!, lang))).text();
      expect(dashboard, lang).toContain(m.format.date(startsAt, timezone));
      expect(dashboard, lang).toContain(m.format.amount(2600, "GBP"));
      const list = await (await getAs(pages.caller, withLang(pages.paths["events list"]!, lang))).text();
      expect(list, lang).toContain(m.format.date(startsAt, timezone));
      const tiers = await (await getAs(pages.caller, withLang(pages.paths["edit and manage page"]!, lang))).text();
      expect(tiers, lang).toContain(m.format.money(1300, "GBP"));
    }
    expect(es.format.date(startsAt, timezone)).not.toBe(en.format.date(startsAt, timezone));
  });

  it("says plurals and counts through the catalogue", async () => {
    const html = await (await getAs(pages.caller, withLang(pages.paths["orders and attendees"]!, "es"))).text();
    expect(html).toContain(es.admin.attendees.found({ count: 2 }));
    expect(es.admin.attendees.found({ count: 1 })).not.toBe(es.admin.attendees.found({ count: 2 }).replace("2", "1"));
  });
});

describe("attendee list headings", () => {
  const headings = (m: Messages) => attendeeColumns(m.exports, "Europe/London").map((c) => c.header);
  const firstRow = async (res: Response) => (parse(await res.text(), { bom: true }) as string[][])[0];

  it("keeps the stable English headings by default, whatever the reader's language", async () => {
    const caller = await signedInAs("organiser");
    const event = await createEvent();
    const res = await getAs(caller, `/admin/events/${event.id}/attendees.csv?lang=es`);
    expect(res.status).toBe(200);
    expect(await firstRow(res)).toEqual(headings(en));
    const api = await fetchWorker(`/api/v1/events/${event.slug}/attendees.csv`, { headers: { authorization: `Bearer ${caller.apiToken}`, "accept-language": "es" } });
    expect(await firstRow(api)).toEqual(headings(en));
  });

  it("names the columns in the reader's language with headers=translated, on the organiser pages and the API", async () => {
    const caller = await signedInAs("organiser");
    const event = await createEvent();
    const res = await getAs(caller, `/admin/events/${event.id}/attendees.csv?headers=translated&lang=es`);
    expect(res.status).toBe(200);
    expect(await firstRow(res)).toEqual(headings(es));
    const api = await fetchWorker(`/api/v1/events/${event.slug}/attendees.csv?headers=translated`, {
      headers: { authorization: `Bearer ${caller.apiToken}`, "accept-language": "es" },
    });
    expect(await firstRow(api)).toEqual(headings(es));
    const english = await getAs(caller, `/admin/events/${event.id}/attendees.csv?headers=translated&lang=en`);
    expect(await firstRow(english)).toEqual(headings(en));
  });

  it("names the workbook's sheet and columns the same way", async () => {
    const caller = await signedInAs("organiser");
    const event = await createEvent();
    const xml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
    for (const [m, query] of [[en, "?lang=es"], [es, "?headers=translated&lang=es"]] as const) {
      const res = await getAs(caller, `/admin/events/${event.id}/attendees.xlsx${query}`);
      expect(res.status, query).toBe(200);
      const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
      const text = (name: string) => new TextDecoder().decode(files[name]);
      expect(text("xl/workbook.xml"), query).toContain(`name="${xml(m.exports.sheet)}"`);
      for (const heading of headings(m)) expect(text("xl/worksheets/sheet1.xml"), query).toContain(`>${xml(heading)}<`);
    }
  });

  it.runIf(JSON.stringify(es.exports) !== JSON.stringify(en.exports))("gives Spanish headings that are not the English ones", async () => {
    const caller = await signedInAs("organiser");
    const event = await createEvent();
    const res = await getAs(caller, `/admin/events/${event.id}/attendees.csv?headers=translated&lang=es`);
    expect(await firstRow(res)).not.toEqual(headings(en));
  });

  it("refuses an unknown headings option", async () => {
    const caller = await signedInAs("organiser");
    const event = await createEvent();
    expect((await getAs(caller, `/admin/events/${event.id}/attendees.csv?headers=klingon`)).status).toBe(422);
  });

  it("offers the translated download on the Spanish dashboard, and keeps the English links first", async () => {
    const caller = await signedInAs("organiser");
    const event = await createEvent();
    const html = await (await getAs(caller, `/admin/events/${event.id}?lang=es`)).text();
    expect(html).toContain(`href="/admin/events/${event.id}/attendees.csv"`);
    expect(html).toContain(`href="/admin/events/${event.id}/attendees.csv?headers=translated"`);
    expect(html).toContain(`href="/admin/events/${event.id}/attendees.xlsx?headers=translated"`);
    const englishPage = await (await getAs(caller, `/admin/events/${event.id}?lang=en`)).text();
    expect(englishPage).not.toContain("headers=translated");
  });
});
