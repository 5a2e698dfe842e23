import { describe, expect, it } from "vitest";
import { parseMembersCsv } from "@/domain/members/members-csv";
import { fieldMessage } from "@/i18n";
import { en } from "@/i18n/en";
import { addMember, createEvent, db, fetchWorker, orderBody, postJson } from "./helpers";
import { getAs, postAs, signedInAs, type Caller } from "./auth-helpers";

/** Posts a multipart form (a file upload) as a signed-in browser would. */
function postMultipart(caller: Caller, path: string, fields: Record<string, string | File>) {
  const form = new FormData();
  form.set("_csrf", caller.csrf);
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return fetchWorker(path, { method: "POST", headers: caller.headers, body: form, redirect: "manual" });
}

const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** A hidden field's value in a page. */
function hidden(html: string, name: string): string {
  const m = new RegExp(`<input type="hidden" name="${name}" value="([^"]*)"`).exec(html);
  expect(m, `hidden field ${name}`).not.toBeNull();
  return unescape(m![1]!);
}

/** Step 1 (preview) then step 2 (confirm) of an upload; returns the preview page and the confirm response. */
async function upload(caller: Caller, csv: string, mode: "add" | "replace") {
  const preview = await postMultipart(caller, "/admin/members/preview", { file: new File([csv], "members.csv", { type: "text/csv" }), csv: "" });
  expect(preview.status).toBe(200);
  const html = await preview.text();
  const confirm = await postAs(caller, "/admin/members/import", { csv: hidden(html, "csv"), hash: hidden(html, "hash"), mode });
  return { html, confirm };
}

const allMembers = async () =>
  (await db.member.findMany({ orderBy: [{ email: "asc" }, { membershipNumber: "asc" }] })).map((m) => [m.email, m.membershipNumber, m.name]);

describe("members pages: access", () => {
  const routes = async () => {
    const member = await addMember({ email: `access-${crypto.randomUUID()}@example.org` });
    return [
      ["GET", "/admin/members"],
      ["POST", "/admin/members/preview"],
      ["POST", "/admin/members/import"],
      ["POST", `/admin/members/${member.id}/delete`],
    ] as const;
  };

  it("sends anonymous visitors to sign in and refuses door staff, on every route", async () => {
    const door = await signedInAs("door");
    for (const [method, path] of await routes()) {
      const anonymous = await fetchWorker(path, { method, redirect: "manual", headers: { origin: "http://example.test", "content-type": "application/x-www-form-urlencoded" }, body: method === "POST" ? "" : undefined });
      expect(anonymous.status, `${method} ${path}`).toBe(303);
      expect(anonymous.headers.get("location"), `${method} ${path}`).toMatch(/^\/admin\/sign-in\?next=/);
      const res = method === "GET" ? await getAs(door, path) : await postAs(door, path, {});
      expect(res.status, `door ${method} ${path}`).toBe(403);
    }
  });

  it("refuses an upload or a delete posted without the CSRF token", async () => {
    const organiser = await signedInAs("organiser");
    const member = await addMember({ email: `keep-${crypto.randomUUID()}@example.org` });
    const form = new FormData();
    form.set("csv", "email\nnew@example.org");
    const upload = await fetchWorker("/admin/members/preview", { method: "POST", headers: organiser.headers, body: form, redirect: "manual" });
    expect(upload.status).toBe(403);
    const del = await fetchWorker(`/admin/members/${member.id}/delete`, { method: "POST", headers: { ...organiser.headers, "content-type": "application/x-www-form-urlencoded" }, body: "", redirect: "manual" });
    expect(del.status).toBe(403);
    expect(await db.member.count({ where: { id: member.id } })).toBe(1);
  });
});

describe("reading a members CSV", () => {
  it("finds columns by many names, with a BOM, semicolons and quoted fields", () => {
    const parsed = parseMembersCsv('\uFEFFE-mail;Member No;"Name"\r\n Ada@Example.ORG ;m 100 1;"Lovelace; Ada"\r\n;;\r\n"x@example.org";"M""2";"Two\nLines"\r\n');
    expect(parsed).toMatchObject({
      header: true,
      columns: ["email", "number", "name"],
      accepted: [
        { line: 2, email: "ada@example.org", membershipNumber: "M1001", name: "Lovelace; Ada" },
        { line: 4, email: "x@example.org", membershipNumber: 'M"2', name: "Two Lines" },
      ],
      rejected: [],
    });
  });

  it("finds columns named in Spanish, accents or not, and still in English", () => {
    const parsed = parseMembersCsv("Correo electrónico,Número de socio,Nombre,Apellidos\nana@example.org,S7,Ana,Pérez Soto\n");
    expect(parsed).toMatchObject({
      header: true,
      columns: ["email", "number", "first", "last"],
      accepted: [{ line: 2, email: "ana@example.org", membershipNumber: "S7", name: "Ana Pérez Soto" }],
    });
    expect(parseMembersCsv("Correo,Numero de socio,Nombre completo\nbo@example.org,9,Bo Díaz\n")).toMatchObject({ columns: ["email", "number", "name"], accepted: [{ name: "Bo Díaz" }] });
    expect(parseMembersCsv("email,membership number,name\nada@example.org,1,Ada\n")).toMatchObject({ columns: ["email", "number", "name"] });
  });

  it("reads a plain list of addresses with no header", () => {
    const parsed = parseMembersCsv("one@example.org\ntwo@example.org, Two\n");
    expect(parsed).toMatchObject({ header: false, accepted: [{ email: "one@example.org" }, { email: "two@example.org" }] });
  });

  it("explains a file it cannot read at all", () => {
    expect(parseMembersCsv("")).toEqual({ error: { code: "csv_empty" } });
    expect(parseMembersCsv("foo,bar\n1,2")).toEqual({ error: { code: "csv_columns_unknown" } });
    expect(fieldMessage({ code: "csv_empty" }, en)).toContain("empty");
    expect(fieldMessage({ code: "csv_columns_unknown" }, en)).toContain("first line name the columns");
  });
});

describe("uploading the members list", () => {
  const messy = [
    "Email,Membership number,Name",
    "ada@example.org,M1001,Ada",
    ",,",
    "nobody,,No Email",
    ",,Nameless",
    "ADA@example.org,M2002,Ada Again",
    "grace@example.org,m 1001,Grace",
    "ok@example.org,,Okay",
    ",M3003,Number Only",
  ].join("\n");

  it("previews what it read, with every rejected row's line and reason, and changes nothing", async () => {
    const organiser = await signedInAs("organiser");
    const before = await db.member.count();
    const res = await postMultipart(organiser, "/admin/members/preview", { file: new File([messy], "members.csv", { type: "text/csv" }), csv: "" });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("3 rows can be used and 4 rows were left out");
    expect(html).toMatch(/<th scope="row">4<\/th><td>nobody, , No Email<\/td><td>“nobody” is not a valid email address\.<\/td>/);
    expect(html).toMatch(/<th scope="row">5<\/th><td>[^<]*<\/td><td>No email address or membership number\.<\/td>/);
    expect(html).toMatch(/<th scope="row">6<\/th><td>[^<]*<\/td><td>Same email address as line 2\.<\/td>/);
    expect(html).toMatch(/<th scope="row">7<\/th><td>[^<]*<\/td><td>Same membership number as line 2\.<\/td>/);
    expect(html).toContain('name="mode" value="add" checked=""');
    expect(await db.member.count()).toBe(before);
  });

  it("adds and updates in add mode, replaces the whole list in replace mode, and audits each upload", async () => {
    const organiser = await signedInAs("organiser");
    await db.member.deleteMany();
    await addMember({ email: "ada@example.org", membershipNumber: "OLD1" });
    await addMember({ email: "stays@example.org" });

    const added = await upload(organiser, messy, "add");
    expect(added.confirm.status).toBe(303);
    expect(added.confirm.headers.get("location")).toContain("done=imported");
    expect(await allMembers()).toEqual([
      [null, "M3003", "Number Only"],
      ["ada@example.org", "M1001", "Ada"],
      ["ok@example.org", null, "Okay"],
      ["stays@example.org", null, ""],
    ]);
    const addAudit = await db.auditEntry.findFirstOrThrow({ where: { action: "members_imported", staffId: organiser.staff.id }, orderBy: { createdAt: "desc" } });
    expect(JSON.parse(addAudit.detail)).toMatchObject({ mode: "add", added: 2, updated: 1, rejected: 4, removed: 0 });
    const page = await (await getAs(organiser, added.confirm.headers.get("location")!)).text();
    expect(page).toContain("Members list updated. 2 added, 1 updated, 0 already up to date; 4 rejected rows left out.");

    const replaced = await upload(organiser, "membership number;name\nR1;One\nr 2;Two\n", "replace");
    expect(replaced.confirm.status).toBe(303);
    expect(await allMembers()).toEqual([
      [null, "R1", "One"],
      [null, "R2", "Two"],
    ]);
    const audits = await db.auditEntry.findMany({ where: { action: "members_imported", staffId: organiser.staff.id } });
    expect(audits.map((a) => JSON.parse(a.detail).mode).sort()).toEqual(["add", "replace"]);
  });

  it("skips a row whose email and number belong to two different members", async () => {
    const organiser = await signedInAs("organiser");
    await db.member.deleteMany();
    await addMember({ email: "a@example.org", membershipNumber: "A1" });
    await addMember({ email: "b@example.org", membershipNumber: "B1" });
    const { html, confirm } = await upload(organiser, "email,number\na@example.org,B1\nc@example.org,C1\n", "add");
    expect(html).toContain("The email belongs to one member on the list and the membership number to another.");
    expect(confirm.status).toBe(303);
    expect(await db.member.count()).toBe(3);
    expect(await db.member.findUnique({ where: { email: "a@example.org" } })).toMatchObject({ membershipNumber: "A1" });
  });

  it("refuses to apply text that differs from what was previewed", async () => {
    const organiser = await signedInAs("organiser");
    const preview = await postMultipart(organiser, "/admin/members/preview", { csv: "email\nfirst@example.org\n" });
    const html = await preview.text();
    const res = await postAs(organiser, "/admin/members/import", { csv: "email\nsneaky@example.org\n", hash: hidden(html, "hash"), mode: "add" });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("The list changed between checking and confirming");
    expect(await db.member.count({ where: { email: "sneaky@example.org" } })).toBe(0);
  });

  it("lets an uploaded member buy a member-list ticket", async () => {
    const organiser = await signedInAs("organiser");
    // Bought once by number and once by email, so this event allows two tickets per membership.
    const event = await createEvent({ ticketsPerMembership: 2, tiers: [{ name: "Member", priceMinor: 0, eligibility: "member_list" }] });
    const tier = event.ticketTypes[0]!;
    const before = await postJson(`/api/v1/events/${event.slug}/orders`, orderBody(tier.id, 1, { membership: "zz 9001" }));
    expect(before.status).toBe(422);

    expect((await upload(organiser, "Member Number,E-mail\nZZ9001,zed@example.org\n", "add")).confirm.status).toBe(303);
    const byNumber = await postJson(`/api/v1/events/${event.slug}/orders`, orderBody(tier.id, 1, { membership: "zz 9001" }));
    expect(byNumber.status).toBe(201);
    const byEmail = await postJson(`/api/v1/events/${event.slug}/orders`, orderBody(tier.id, 1, { membership: " Zed@Example.org" }));
    expect(byEmail.status).toBe(201);
  });

  it("applies a file of 2,000 members, and lists them searchable and paginated", async () => {
    const organiser = await signedInAs("organiser");
    const lines = ["email;membership number;name", ...Array.from({ length: 2000 }, (_, i) => `member${i}@example.org;N${String(i).padStart(5, "0")};"Member ${i}"`)];
    const { html, confirm } = await upload(organiser, lines.join("\r\n"), "replace");
    expect(html).toContain("2,000 rows can be used and 0 rows were left out");
    expect(confirm.status).toBe(303);
    expect(await db.member.count()).toBe(2000);
    expect(await db.member.findUnique({ where: { membershipNumber: "N01999" } })).toMatchObject({ email: "member1999@example.org", name: "Member 1999" });

    const list = await (await getAs(organiser, "/admin/members?page=2")).text();
    expect(list).toContain("2,000 members on the list");
    expect(list).toContain("page 2 of 40");
    expect(list).toContain('href="/admin/members?page=3"');
    const search = await (await getAs(organiser, "/admin/members?q=n01234")).text();
    expect(search).toContain("member1234@example.org");
    expect(search).toContain("1 found");
  });

  it("searches names, emails and numbers ignoring case and accents, and answers a long query with no results", async () => {
    const organiser = await signedInAs("organiser");
    const { confirm } = await upload(organiser, ["email,membership number,name", "lucia@example.org,M7001,Lucía Núñez Pérez", "ada@example.org,M7002,Ada Lovelace"].join("\n"), "replace");
    expect(confirm.status).toBe(303);
    const search = async (q: string) => {
      const res = await getAs(organiser, `/admin/members?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      return res.text();
    };
    for (const q of ["nunez perez", "ADA", " m 7001 ", "LUCIA@"]) {
      const html = await search(q);
      expect(html, q).toContain("1 found");
    }
    expect(await search("é".repeat(30))).toContain("0 found");
  });

  it("deletes one member", async () => {
    const organiser = await signedInAs("organiser");
    const member = await addMember({ email: `gone-${crypto.randomUUID()}@example.org` });
    const res = await postAs(organiser, `/admin/members/${member.id}/delete`, { q: "", page: "1" });
    expect(res.status).toBe(303);
    expect(await db.member.count({ where: { id: member.id } })).toBe(0);
    expect(await db.auditEntry.count({ where: { entityId: member.id, action: "member_deleted" } })).toBe(1);
  });

  it("explains an unreadable upload on the members page, keeping the pasted text", async () => {
    const organiser = await signedInAs("organiser");
    const res = await postMultipart(organiser, "/admin/members/preview", { csv: "colour,size\nred,big" });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(/id="file-error"[^]*first line name the columns/);
    expect(html).toContain("colour,size\nred,big</textarea>");
  });
});
