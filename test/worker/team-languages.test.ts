import { describe, expect, it } from "vitest";
import { newId } from "@/lib/ids";
import { en } from "@/i18n/en";
import { es } from "@/i18n/es";
import type { Messages } from "@/i18n";
import { parseMembersCsv } from "@/domain/members/members-csv";
import { getAs, postAs, signedInAs } from "./auth-helpers";
import { readableText, sentencesIn, sentencesOf } from "./catalogue-text";
import { createEvent, db, fetchWorker } from "./helpers";

// The organiser pages about people and access (sign-in, staff, tokens, audit log, members)
// speak the reader's language: a Spanish page shows none of the English team sentences,
// and an English page none of the Spanish ones.

type Lang = "en" | "es";
const catalogues: Record<Lang, Messages> = { en, es };
const teamSentences = (m: Messages) => sentencesOf({ team: m.team } as unknown as Messages);
const other: Record<Lang, Lang> = { en: "es", es: "en" };
const htmlLang = (html: string) => /<html lang="([^"]+)"/.exec(html)?.[1];
const origin = "http://example.test";

/** What a person reads or hears: the text, and the labels screen readers say (aria-label, title, alt). */
const heard = (html: string) => [readableText(html), ...[...html.matchAll(/\s(?:aria-label|title|alt|placeholder)="([^"]*)"/g)].map((match) => match[1]!)].join(" \n ");

/** Posts a form to a public page, as a browser on this site would. */
const publicForm = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  fetchWorker(path, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", origin, ...headers }, body: new URLSearchParams(fields), redirect: "manual" });

async function html(res: Response, status: number, label: string): Promise<string> {
  const text = await res.text();
  expect(res.status, label).toBe(status);
  return text;
}

/** Every page of the area in `lang`, each with something on it to say: rows, errors, notices, a pager. */
async function pagesIn(lang: Lang): Promise<Array<[label: string, html: string]>> {
  const q = `lang=${lang}`;
  const ip = { "cf-connecting-ip": `192.0.2.${lang === "en" ? 61 : 62}` };
  const owner = await signedInAs("owner");
  const door = await signedInAs("door");
  const event = await createEvent();
  await db.staffEvent.create({ data: { staffId: door.staff.id, eventId: event.id } });
  await db.staff.update({ where: { id: door.staff.id }, data: { disabledAt: new Date() } });
  await db.apiToken.updateMany({ where: { staffId: owner.staff.id }, data: { lastUsedAt: new Date("2099-07-01T08:15:00Z") } });
  await db.apiToken.create({ data: { id: newId("tok"), name: "Old scanner", tokenHash: `revoked-${newId("tok")}`, staffId: owner.staff.id, revokedAt: new Date() } });
  // More than a page of the log, with facts of every kind (times, amounts, roles).
  await db.auditEntry.createMany({
    data: Array.from({ length: 101 }, (_, i) => ({
      id: newId("aud"),
      staffId: i % 2 ? owner.staff.id : null,
      action: ["staff_added", "order_refunded", "tier_created", "members_imported"][i % 4]!,
      entity: ["staff", "order", "ticket_type", "member"][i % 4]!,
      entityId: "x",
      detail: JSON.stringify(
        [
          { email: "someone@example.org", role: "organiser" },
          { amountMinor: 1250, totalRefundedMinor: 2100, currency: "GBP" },
          { name: "Member", salesStartAt: "2099-06-01T08:00:00.000Z", accessCodeChanged: false, quota: null },
          { mode: "add", added: 3, rejected: 2 },
        ][i % 4],
      ),
      createdAt: new Date(Date.UTC(2099, 0, 1) + i * 60_000),
    })),
  });
  // More than a page of members, and two who will clash in an upload.
  await db.member.createMany({
    data: Array.from({ length: 51 }, (_, i) => ({ id: newId("mbr"), email: `${lang}-member${i}@example.org`, membershipNumber: `${lang.toUpperCase()}${1000 + i}`, name: `Member ${i}` })),
  });

  const pages: Array<[string, string]> = [];
  const add = async (label: string, res: Promise<Response>, status = 200) => pages.push([label, await html(await res, status, label)]);

  await add("sign-in", fetchWorker(`/admin/sign-in?${q}`));
  await add("sign-in with an error", publicForm(`/admin/sign-in?${q}`, { email: "name@example" }, ip), 422);
  await add("sign-in sent", publicForm(`/admin/sign-in?${q}`, { email: owner.staff.email }, ip));
  const link = await db.outboxEmail.findFirstOrThrow({ where: { recipient: owner.staff.email, template: "sign_in_link" }, orderBy: { createdAt: "desc" } });
  await add("sign-in confirm", fetchWorker(`${new URL((JSON.parse(link.data) as { url: string }).url).pathname}?${q}`));

  await add("staff list", getAs(owner, `/admin/staff?${q}`));
  await add("staff add, refused", postAs(owner, `/admin/staff?${q}`, { email: "not an address", name: "X", role: "door" }), 422);
  await add("staff edit, refused", postAs(owner, `/admin/staff/${owner.staff.id}?${q}`, { role: "door" }), 409);

  await add("tokens", getAs(owner, `/admin/tokens?${q}`));
  await add("token created", postAs(owner, `/admin/tokens?${q}`, { name: "Front desk" }));
  await add("token refused", postAs(owner, `/admin/tokens?${q}`, { name: "" }), 422);

  await add("audit log", getAs(owner, `/admin/audit?${q}`));
  await add("audit log, page 2", getAs(owner, `/admin/audit?page=2&${q}`));

  await add("members list", getAs(owner, `/admin/members?${q}`));
  await add("members search", getAs(owner, `/admin/members?q=${lang}-member1&${q}`));
  await add("members search, nothing found", getAs(owner, `/admin/members?q=nobody-at-all&${q}`));
  await add("members after an upload", getAs(owner, `/admin/members?done=imported&mode=add&added=1&updated=2&unchanged=0&skipped=1&rejected=1&${q}`));
  await add("members after deleting", getAs(owner, `/admin/members?done=deleted&${q}`));
  await add("members upload unreadable", postAs(owner, `/admin/members/preview?${q}`, { csv: "colour,size\nred,big" }), 422);
  const csv = ["email,membership number,name", `${lang}-member1@example.org,${lang.toUpperCase()}1002,Clash`, "nobody,,No Email", `new-${lang}@example.org,N1,New`].join("\n");
  await add("members upload preview", postAs(owner, `/admin/members/preview?${q}`, { csv }));
  await add("members upload, nothing usable", postAs(owner, `/admin/members/preview?${q}`, { csv: "email,name\nnobody,No Email" }));
  const preview = pages.at(-2)![1];
  const hash = /name="hash" value="([0-9a-f]{64})"/.exec(preview)?.[1] ?? "";
  await add("members upload, no mode chosen", postAs(owner, `/admin/members/import?${q}`, { csv, hash, mode: "" }), 422);
  await add("members upload, changed", postAs(owner, `/admin/members/import?${q}`, { csv: `${csv}\nx@example.org`, hash, mode: "add" }), 422);
  return pages;
}

describe("the team pages in the reader's language", () => {
  for (const lang of ["es", "en"] as const) {
    it(`speak only ${lang === "es" ? "Spanish" : "English"} with ?lang=${lang}`, async () => {
      const foreign = teamSentences(catalogues[other[lang]]);
      const own = teamSentences(catalogues[lang]);
      expect(foreign.size).toBeGreaterThan(50);
      const seen = new Set<string>();
      for (const [label, page] of await pagesIn(lang)) {
        expect(htmlLang(page), label).toBe(catalogues[lang].locale);
        expect(sentencesIn(heard(page), foreign), label).toEqual([]);
        for (const sentence of sentencesIn(heard(page), own)) seen.add(sentence);
      }
      // The pages really were the team pages, in their own language.
      for (const sentence of [
        catalogues[lang].team.signIn.intro,
        catalogues[lang].team.staff.intro,
        catalogues[lang].team.tokens.createdNotice,
        catalogues[lang].team.preview.leftOutHelp,
        catalogues[lang].team.members.changed,
        catalogues[lang].team.members.chooseMode,
      ]) {
        expect(seen, sentence).toContain(sentence);
      }
    });
  }

  it("names, in each language, columns the members list really reads", () => {
    for (const m of [en, es]) {
      const c = m.team.members.csvColumns;
      const numbers = [c.number, ...c.otherNumbers.split(",").map((name) => name.trim().replace(/^“|”$/g, ""))];
      for (const number of numbers) {
        const parsed = parseMembersCsv(`${c.email},${number},${c.name}\nana@example.org,S1,Ana Pérez`);
        expect(parsed, `${m.locale}: ${number}`).toMatchObject({ header: true, accepted: [{ email: "ana@example.org", membershipNumber: "S1", name: "Ana Pérez" }] });
      }
    }
  });

  it("says times, amounts and roles in the reader's language", async () => {
    const owner = await signedInAs("owner");
    await db.apiToken.updateMany({ where: { staffId: owner.staff.id }, data: { lastUsedAt: new Date("2099-07-01T08:15:00Z") } });
    await db.auditEntry.create({
      data: { id: newId("aud"), staffId: owner.staff.id, action: "order_refunded", entity: "order", entityId: "ord_x", detail: JSON.stringify({ amountMinor: 1250, currency: "GBP" }), createdAt: new Date("2099-06-01T13:05:00Z") },
    });
    const tokens = await (await getAs(owner, "/admin/tokens?lang=es")).text();
    expect(tokens).toContain(es.format.dateTime(new Date("2099-07-01T08:15:00Z"), "Europe/London"));
    expect(tokens).toContain(`(${es.team.roles.owner})`);
    const audit = await (await getAs(owner, "/admin/audit?lang=es")).text();
    expect(audit).toContain(es.format.dateTime(new Date("2099-06-01T13:05:00Z"), "Europe/London"));
    expect(audit).toContain("<dd>12,50 GBP</dd>");
    expect(audit).toContain(`>${es.team.audit.entities.order}</a>`);
    // English stays as it was.
    expect(await (await getAs(owner, "/admin/audit?lang=en")).text()).toContain("<dd>12.50 GBP</dd>");
  });
});
