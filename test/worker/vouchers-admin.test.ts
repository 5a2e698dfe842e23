import { describe, expect, it } from "vitest";
import { seedDemo } from "@/dev/demo-seed";
import { messagesFor } from "@/i18n";
import { newId } from "@/lib/ids";
import { createEvent, db, fetchWorker } from "./helpers";
import { getAs, postAs, signedInAs, type Caller } from "./auth-helpers";
import { tierForm } from "./event-form-fixture";

// Issue #14: organisers make vouchers (one, or many for a partner), download them, and delete
// the unused; a tier can be hidden, for buyers with a code that unlocks it.

const en = messagesFor("en");
const fields = en.fields;
const errorBeside = (html: string, name: string) => new RegExp(`id="${name.replace(/\./g, "-")}-error">(?:<span[^>]*>[^<]*</span>)?([^<]*)<`).exec(html)?.[1];
const decode = (html: string) => html.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">");

/** A blank one-code form with `overrides`. */
const voucherForm = (overrides: Record<string, string>) => ({ code: "", label: "", kind: "percent", value: "", tier: "all", validFrom: "", validUntil: "", maxUses: "", maxPerOrder: "", seatBudget: "", ...overrides });
/** A blank generate form, its fields named as on the page ("g.label"). */
const generateForm = (overrides: Record<string, string>) => Object.fromEntries(Object.entries({ count: "", prefix: "", ...voucherForm({}), ...overrides }).filter(([k]) => k !== "code").map(([k, v]) => [`g.${k}`, v]));

async function setup() {
  const event = await createEvent({
    holdOrdersLimit: 1000,
    holdTicketsLimit: 1000,
    tiers: [{ name: "Standard", priceMinor: 1300 }, { name: "Press", priceMinor: 0, hidden: true }],
  });
  const organiser = await signedInAs("organiser", { events: [event.id] });
  return { event, organiser, standard: event.ticketTypes[0]!, press: event.ticketTypes[1]! };
}

async function placeOrder(slug: string, tierId: string, code: string, i: number) {
  const res = await fetchWorker(`/api/v1/events/${slug}/orders`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", "CF-Connecting-IP": `10.2.0.${i}` },
    body: JSON.stringify({ buyer: { name: `Partner ${i}`, email: `partner-${i}-${newId("x").slice(2, 8)}@example.org` }, tickets: [{ tier: tierId, name: `Guest ${i}` }], voucher: code }),
  });
  return { status: res.status, body: (await res.json()) as any };
}

const listPage = async (caller: Caller, eventId: string, query = "") => decode(await (await getAs(caller, `/admin/events/${eventId}/vouchers${query}`)).text());

describe("the demo seed", () => {
  // First in the file: the seed only runs on a database without events.
  it("has a hidden free Press tier, STUDENT10 (10% off Non-member, unlimited) and PRESS (unlocks Press, one use)", async () => {
    expect(await seedDemo(db, new Date())).toBe(true);
    const event = await db.event.findFirstOrThrow({ include: { ticketTypes: true } });
    const press = event.ticketTypes.find((t) => t.name === "Press")!;
    expect(press).toMatchObject({ hidden: true, priceMinor: 0, quota: 5, eligibility: "open" });
    expect(press.translations).toContain("Prensa");
    expect(event.ticketTypes.filter((t) => t.hidden)).toHaveLength(1);
    expect(event.waitlistEnabled).toBe(true);
    const nonMember = event.ticketTypes.find((t) => t.name === "Non-member")!;
    const vouchers = await db.voucher.findMany({ where: { eventId: event.id }, orderBy: { code: "asc" } });
    expect(vouchers.map((v) => [v.code, v.kind, v.value, v.ticketTypeId, v.maxUses])).toEqual([
      ["PRESS", "unlock", 0, press.id, 1],
      ["STUDENT10", "percent", 10, nonMember.id, null],
    ]);
  });
});

describe("organisers' vouchers", () => {
  it("creates each kind of voucher through the form, stores it as typed, audits it and says what it does", async () => {
    const { event, organiser, standard, press } = await setup();
    const forms = [
      voucherForm({ code: "student10", label: "Students", kind: "percent", value: "10", tier: standard.id }),
      voucherForm({ code: "TWO-OFF", kind: "amount", value: "2.50", maxUses: "10", maxPerOrder: "2" }),
      voucherForm({ code: "FIVER", kind: "fixed", value: "5", tier: standard.id, seatBudget: "20", validFrom: "2027-01-01T09:00", validUntil: "2027-02-01 17:30" }),
      voucherForm({ code: "PRESS", kind: "unlock", value: "", tier: press.id, maxUses: "1" }),
    ];
    for (const form of forms) {
      const res = await postAs(organiser, `/admin/events/${event.id}/vouchers`, form);
      expect(res.status, JSON.stringify(form)).toBe(303);
      expect(res.headers.get("location")).toMatch(/done=created/);
    }
    const rows = await db.voucher.findMany({ where: { eventId: event.id }, orderBy: { code: "asc" } });
    const pick = (code: string) => rows.find((r) => r.code === code)!;
    expect(pick("STUDENT10")).toMatchObject({ kind: "percent", value: 10, ticketTypeId: standard.id, label: "Students", maxUses: null });
    expect(pick("TWO-OFF")).toMatchObject({ kind: "amount", value: 250, ticketTypeId: null, maxUses: 10, maxPerOrder: 2, seatBudget: null });
    // Europe/London in winter is UTC.
    expect(pick("FIVER")).toMatchObject({ kind: "fixed", value: 500, seatBudget: 20, validFrom: new Date("2027-01-01T09:00:00Z"), validUntil: new Date("2027-02-01T17:30:00Z") });
    expect(pick("PRESS")).toMatchObject({ kind: "unlock", value: 0, ticketTypeId: press.id, maxUses: 1 });
    const audits = await db.auditEntry.findMany({ where: { action: "voucher_created", entityId: { in: rows.map((r) => r.id) } } });
    expect(audits).toHaveLength(4);
    expect(JSON.parse(audits.find((a) => a.entityId === pick("TWO-OFF").id)!.detail)).toMatchObject({ code: "TWO-OFF", kind: "amount", value: 250, maxUses: 10 });

    const html = await listPage(organiser, event.id);
    for (const said of ["10% off", "£2.50 off", "£5 each", "Unlocks Press", "0 of 10", "0 (no limit)", "0 of 20", "All ticket types"]) expect(html).toContain(said);
  });

  it("makes a code when none is typed", async () => {
    const { event, organiser } = await setup();
    const res = await postAs(organiser, `/admin/events/${event.id}/vouchers`, voucherForm({ kind: "percent", value: "5" }));
    expect(res.status).toBe(303);
    const [row] = await db.voucher.findMany({ where: { eventId: event.id } });
    expect(row!.code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
  });

  it("says beside each field what to correct, keeping what was typed", async () => {
    const { event, organiser, standard } = await setup();
    const res = await postAs(
      organiser,
      `/admin/events/${event.id}/vouchers`,
      voucherForm({ code: "a b", label: "x".repeat(101), kind: "percent", value: "150", validFrom: "2027-03-01T10:00", validUntil: "2027-02-01T10:00", maxUses: "0", seatBudget: "lots" }),
    );
    expect(res.status).toBe(422);
    const html = decode(await res.text());
    expect(errorBeside(html, "code")).toBe(fields.voucher_code_format);
    expect(errorBeside(html, "value")).toBe(fields.voucher_percent);
    expect(errorBeside(html, "validUntil")).toBe(fields.valid_until_before_from);
    expect(errorBeside(html, "maxUses")).toBe(fields.voucher_limit);
    expect(errorBeside(html, "seatBudget")).toBe(fields.voucher_limit);
    expect(errorBeside(html, "label")).toBe(fields.too_long({ max: 100 }));
    expect(html).toContain('value="a b"');

    const unlock = decode(await (await postAs(organiser, `/admin/events/${event.id}/vouchers`, voucherForm({ kind: "unlock", tier: standard.id }))).text());
    expect(errorBeside(unlock, "tier")).toBe(fields.voucher_unlock_hidden);
    const amount = decode(await (await postAs(organiser, `/admin/events/${event.id}/vouchers`, voucherForm({ kind: "amount", value: "two pounds" }))).text());
    expect(errorBeside(amount, "value")).toBe(fields.price_format);
    expect(await db.voucher.count({ where: { eventId: event.id } })).toBe(0);
  });

  it("refuses a code the event already has, on the code field", async () => {
    const { event, organiser } = await setup();
    expect((await postAs(organiser, `/admin/events/${event.id}/vouchers`, voucherForm({ code: "EARLY", value: "10" }))).status).toBe(303);
    const res = await postAs(organiser, `/admin/events/${event.id}/vouchers`, voucherForm({ code: "early", value: "20" }));
    expect(res.status).toBe(422);
    expect(errorBeside(decode(await res.text()), "code")).toBe(fields.voucher_code_taken);
    expect(await db.voucher.count({ where: { eventId: event.id } })).toBe(1);
  });

  it("generates 50 single-use codes for a partner, whose CSV lists exactly them, each good for one order", async () => {
    const { event, organiser, standard } = await setup();
    await postAs(organiser, `/admin/events/${event.id}/vouchers`, voucherForm({ code: "OTHER", value: "10", label: "Someone else" }));
    const res = await postAs(organiser, `/admin/events/${event.id}/vouchers/generate`, generateForm({ count: "50", prefix: "partner", label: "Partner: Amnesty UK", kind: "percent", value: "100", maxUses: "1" }));
    expect(res.status).toBe(303);
    const next = res.headers.get("location")!;
    expect(next).toContain("label=Partner");
    const page = await listPage(organiser, event.id, next.slice(next.indexOf("?")));
    expect(page).toContain("50 codes made with the label “Partner: Amnesty UK”.");
    expect(page).toContain(`vouchers.csv?label=${encodeURIComponent("Partner: Amnesty UK")}`);
    expect(page).not.toContain("OTHER");

    const stored = await db.voucher.findMany({ where: { eventId: event.id, label: "Partner: Amnesty UK" } });
    expect(stored).toHaveLength(50);
    for (const v of stored) expect(v).toMatchObject({ kind: "percent", value: 100, maxUses: 1 });
    expect(stored.every((v) => /^PARTNER-[2-9A-HJKMNP-Z]{5}$/.test(v.code))).toBe(true);
    const audits = await db.auditEntry.findMany({ where: { action: "vouchers_generated", entityId: event.id } });
    expect(audits).toHaveLength(1);
    expect(JSON.parse(audits[0]!.detail)).toMatchObject({ count: 50, label: "Partner: Amnesty UK" });

    const csv = await getAs(organiser, `/admin/events/${event.id}/vouchers.csv?label=${encodeURIComponent("Partner: Amnesty UK")}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
    const lines = (await csv.text()).replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(lines[0]).toBe("Code,Label,Kind,Value,Ticket type,Valid from,Valid until,Max uses,Max per order,Uses,Seat budget,Seats used");
    const codes = lines.slice(1).map((l) => l.split(",")[0]!);
    expect(codes.sort()).toEqual(stored.map((v) => v.code).sort());
    expect(lines[1]).toMatch(/^PARTNER-\w{5},Partner: Amnesty UK,percent,100,All,,,1,,0,,0$/);

    const [a, b, c] = codes;
    for (const [i, code] of [a!, b!, c!].entries()) expect((await placeOrder(event.slug, standard.id, code, i)).status).toBe(201);
    const twice = await placeOrder(event.slug, standard.id, a!, 9);
    expect(twice.status).toBe(422);
    expect(twice.body.error.code).toBe("voucher_invalid");
    expect(twice.body.error.fields.voucher).toBe(fields.voucher_invalid({ reason: "exhausted" }));
    const after = await db.voucher.findMany({ where: { eventId: event.id, code: { in: [a!, b!, c!] } } });
    expect(after.map((v) => v.usesCount)).toEqual([1, 1, 1]);
    expect(await listPage(organiser, event.id)).toContain("1 of 1");
  });

  it("refuses a generate form asking for more than 500 codes, naming the field", async () => {
    const { event, organiser } = await setup();
    const res = await postAs(organiser, `/admin/events/${event.id}/vouchers/generate`, generateForm({ count: "501", value: "10" }));
    expect(res.status).toBe(422);
    expect(errorBeside(decode(await res.text()), "g.count")).toBe(fields.voucher_count({ max: 500 }));
    expect(await db.voucher.count({ where: { eventId: event.id } })).toBe(0);
  });

  it("writes labels that look like formulas as text in the CSV", async () => {
    const { event, organiser } = await setup();
    await postAs(organiser, `/admin/events/${event.id}/vouchers`, voucherForm({ code: "SAFE1", value: "10", label: '=HYPERLINK("http://x")' }));
    const text = await (await getAs(organiser, `/admin/events/${event.id}/vouchers.csv`)).text();
    expect(text).toContain(`SAFE1,"'=HYPERLINK(""http://x"")",percent`);
  });

  it("deletes an unused voucher, and refuses to delete a used one", async () => {
    const { event, organiser, standard } = await setup();
    await postAs(organiser, `/admin/events/${event.id}/vouchers`, voucherForm({ code: "UNUSED", value: "10" }));
    await postAs(organiser, `/admin/events/${event.id}/vouchers`, voucherForm({ code: "USED", value: "10" }));
    expect((await placeOrder(event.slug, standard.id, "USED", 20)).status).toBe(201);
    const unused = await db.voucher.findFirstOrThrow({ where: { eventId: event.id, code: "UNUSED" } });
    const used = await db.voucher.findFirstOrThrow({ where: { eventId: event.id, code: "USED" } });

    const gone = await postAs(organiser, `/admin/events/${event.id}/vouchers/${unused.id}/delete`);
    expect(gone.status).toBe(303);
    expect(await db.voucher.findUnique({ where: { id: unused.id } })).toBeNull();
    expect(await db.auditEntry.count({ where: { action: "voucher_deleted", entityId: unused.id } })).toBe(1);

    const kept = await postAs(organiser, `/admin/events/${event.id}/vouchers/${used.id}/delete`);
    expect(kept.status).toBe(409);
    const refusal = decode(await kept.text());
    expect(refusal).toContain("That voucher has been used, so it cannot be deleted.");
    expect(refusal).toContain(en.vouchersAdmin.list.inUse);
    expect(await db.voucher.findUnique({ where: { id: used.id } })).not.toBeNull();
    expect(await db.auditEntry.count({ where: { action: "voucher_deleted", entityId: used.id } })).toBe(0);
  });

  it("stores a tier's Hidden box, shows it ticked, and marks the tier Hidden in the event's list", async () => {
    const { event, organiser } = await setup();
    const res = await postAs(organiser, `/admin/events/${event.id}/tiers/new`, tierForm({ name: "Speakers", price: "0", hidden: "yes" }));
    expect(res.status).toBe(303);
    const tier = await db.ticketType.findFirstOrThrow({ where: { eventId: event.id, name: "Speakers" } });
    expect(tier.hidden).toBe(true);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "tier_created", entityId: tier.id } });
    expect(JSON.parse(audit.detail)).toMatchObject({ hidden: true });
    const form = await (await getAs(organiser, `/admin/tiers/${tier.id}/edit`)).text();
    expect(form).toMatch(/<input type="checkbox" id="hidden" name="hidden" value="yes" checked/);
    const manage = await (await getAs(organiser, `/admin/events/${event.id}/edit`)).text();
    expect(manage).toMatch(/Speakers<span class="admin-slug">[^<]*<\/span><span class="admin-slug">Hidden<\/span>/);
    expect(manage).toContain(`href="/admin/events/${event.id}/vouchers"`);

    // Unticked on save: visible again.
    expect((await postAs(organiser, `/admin/tiers/${tier.id}/edit`, tierForm({ name: "Speakers", price: "0" }))).status).toBe(303);
    expect((await db.ticketType.findUniqueOrThrow({ where: { id: tier.id } })).hidden).toBe(false);
  });

  it("refuses door staff, and a form without its CSRF token", async () => {
    const { event, organiser } = await setup();
    const door = await signedInAs("door", { events: [event.id] });
    expect((await getAs(door, `/admin/events/${event.id}/vouchers`)).status).toBe(403);
    expect((await getAs(door, `/admin/events/${event.id}/vouchers.csv`)).status).toBe(403);
    expect((await postAs(door, `/admin/events/${event.id}/vouchers`, voucherForm({ code: "DOOR1", value: "10" }))).status).toBe(403);
    const forged = await fetchWorker(`/admin/events/${event.id}/vouchers`, {
      method: "POST",
      headers: { ...organiser.headers, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(voucherForm({ code: "NOCSRF", value: "10" })),
      redirect: "manual",
    });
    expect(forged.status).toBe(403);
    expect(await db.voucher.count({ where: { eventId: event.id } })).toBe(0);
  });
});
