import { env } from "cloudflare:workers";
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import worker from "@/dev/entry";
import { insertVoucherStatement, type VoucherRow } from "@/domain/vouchers/repo";
import { createEvent, db, days, fetchWorker, getJson, postJson } from "./helpers";

// Vouchers as buyers meet them (issue #14): a code on the event page, in the API and in the
// registration form; hidden tiers only with their code; codes never in the event's JSON.

const origin = "http://example.test";

function postForm(path: string, fields: Record<string, string>) {
  return fetchWorker(path, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", origin }, body: new URLSearchParams(fields), redirect: "manual" });
}

/** An event with an open £13 tier "Standard" and a hidden £5 tier "Speakers". */
async function eventWithHiddenTier() {
  const event = await createEvent({
    capacity: 50,
    tiers: [
      { name: "Standard", priceMinor: 1300 },
      { name: "Speakers", priceMinor: 500, hidden: true },
    ],
  });
  return { event, standard: event.ticketTypes[0]!, speakers: event.ticketTypes[1]! };
}

async function addVoucher(eventId: string, row: Partial<VoucherRow> & Pick<VoucherRow, "code" | "kind">) {
  const full: VoucherRow = { value: 0, ticketTypeId: null, validFrom: null, validUntil: null, maxUses: null, maxPerOrder: null, seatBudget: null, label: "", ...row };
  await insertVoucherStatement(env.DB, eventId, full, new Date()).run();
}

describe("hidden tiers", () => {
  it("are absent from the event page, the list and the API without their code", async () => {
    const { event } = await eventWithHiddenTier();
    const page = await (await fetchWorker(`/events/${event.slug}`)).text();
    expect(page).toContain("Standard");
    expect(page).not.toContain("Speakers");
    expect(await (await fetchWorker("/")).text()).not.toContain("£5");
    const api = await getJson(`/api/v1/events/${event.slug}`);
    expect(api.body.event.tiers.map((t: { name: string }) => t.name)).toEqual(["Standard"]);
    expect(api.body.event.priceRange.min.amount).toBe(1300);
    const list = await getJson("/api/v1/events");
    expect(JSON.stringify(list.body)).not.toContain("Speakers");
  });

  it("appear with their unlock code, on the page, the form and the API, privately", async () => {
    const { event, speakers } = await eventWithHiddenTier();
    await addVoucher(event.id, { code: "speak2027", kind: "unlock", ticketTypeId: speakers.id });
    const res = await fetchWorker(`/events/${event.slug}?voucher=SPEAK2027`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const page = await res.text();
    expect(page).toContain("Speakers");
    expect(page).toContain("Code SPEAK2027 applied");
    expect(page).toContain('<input type="hidden" name="voucher" value="SPEAK2027"/>');

    const form = await fetchWorker(`/events/${event.slug}/register?qty.${speakers.id}=1&voucher=SPEAK2027`);
    expect(form.status).toBe(200);
    const html = await form.text();
    expect(html).toContain("Ticket 1: Speakers (£5)");
    expect(html).toMatch(/name="voucher" type="text" value="SPEAK2027"/);

    const api = await fetchWorker(`/api/v1/events/${event.slug}?voucher=speak2027`, { headers: { accept: "application/json" } });
    expect(api.headers.get("cache-control")).toBe("private, no-store");
    const text = await api.text();
    expect(JSON.parse(text).event.tiers.map((t: { name: string }) => t.name)).toEqual(["Standard", "Speakers"]);
    expect(text.toUpperCase()).not.toContain("SPEAK2027");
  });

  it("can be ordered with the code through the form", async () => {
    const { event, speakers } = await eventWithHiddenTier();
    await addVoucher(event.id, { code: "SPEAK", kind: "unlock", ticketTypeId: speakers.id });
    const fields = { "buyer.name": "Sam Speaker", "buyer.email": "sam@example.org", "tickets.0.tier": speakers.id, "tickets.0.name": "Sam Speaker" };
    const without = await postForm(`/events/${event.slug}/register`, fields);
    expect(without.status).toBe(422);
    const res = await postForm(`/events/${event.slug}/register`, { ...fields, voucher: "speak" });
    expect(res.status).toBe(303);
    const order = await db.order.findFirstOrThrow({ where: { eventId: event.id }, include: { tickets: true } });
    expect(order.tickets[0]!.ticketTypeId).toBe(speakers.id);
    expect(order.voucherId).not.toBeNull();
  });
});

describe("discount codes", () => {
  it("show the price with the code beside the tiers they cover, and price the order", async () => {
    const { event, standard } = await eventWithHiddenTier();
    await addVoucher(event.id, { code: "STUDENT10", kind: "percent", value: 10 });
    const page = await (await fetchWorker(`/events/${event.slug}?voucher=student10`)).text();
    expect(page).toContain("£11.70 with STUDENT10");
    expect(page).not.toContain("Speakers");

    const api = await getJson(`/api/v1/events/${event.slug}?voucher=STUDENT10`);
    expect(api.body.event.tiers[0].voucherPrice).toEqual({ amount: 1170, currency: "GBP" });
    expect(JSON.stringify(api.body)).not.toContain("STUDENT10");

    const placed = await postJson(`/api/v1/events/${event.slug}/orders`, {
      buyer: { name: "Stu Dent", email: "stu@example.org" },
      tickets: [{ tier: standard.id, name: "Stu Dent" }, { tier: standard.id, name: "Pal" }],
      voucher: "student10",
    });
    expect(placed.status).toBe(201);
    expect(placed.body.order.total).toEqual({ amount: 2340, currency: "GBP" });

    const form = await postForm(`/events/${event.slug}/register`, { "buyer.name": "Form Buyer", "buyer.email": "form@example.org", "tickets.0.tier": standard.id, "tickets.0.name": "Form Buyer", voucher: "STUDENT10" });
    expect(form.status).toBe(303);
    const order = await db.order.findFirstOrThrow({ where: { buyerEmail: "form@example.org" } });
    expect(order).toMatchObject({ totalMinor: 1170, discountMinor: 130 });
  });

  it("say why a code does not work, reveal nothing, and show the reason at the form's field", async () => {
    const { event, standard } = await eventWithHiddenTier();
    await addVoucher(event.id, { code: "OLD", kind: "percent", value: 50, validUntil: new Date(Date.now() - days(1)) });
    const unknown = await (await fetchWorker(`/events/${event.slug}?voucher=NOPE`)).text();
    expect(unknown).toContain("We do not know that code");
    expect(unknown).not.toContain("Speakers");
    expect(await (await fetchWorker(`/events/${event.slug}?voucher=old`)).text()).toContain("That code has expired.");

    const api = await getJson(`/api/v1/events/${event.slug}?voucher=OLD`);
    expect(api.status).toBe(422);
    expect(api.body.error.code).toBe("voucher_invalid");
    expect(api.body.error.message).toBe("That code has expired.");

    const res = await postForm(`/events/${event.slug}/register`, { "buyer.name": "X Y", "buyer.email": "xy@example.org", "tickets.0.tier": standard.id, "tickets.0.name": "X Y", voucher: "OLD" });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('id="voucher-error"');
    expect(html).toContain('href="#voucher"');
    expect(await db.order.count({ where: { eventId: event.id } })).toBe(0);
  });

  it("cannot be found by trying codes on the event page: wrong guesses run out", async () => {
    const { event } = await eventWithHiddenTier();
    const headers = { "cf-connecting-ip": "203.0.113.77" };
    for (let i = 0; i < 10; i++) expect((await fetchWorker(`/events/${event.slug}?voucher=GUESS${i}`, { headers })).status).toBe(200);
    const blocked = await fetchWorker(`/events/${event.slug}?voucher=GUESS10`, { headers });
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get("retry-after")).toBeTruthy();
  });
});

describe("pages with a voucher code and the edge cache", () => {
  async function call(path: string) {
    const ctx = createExecutionContext();
    const res = await worker.fetch(new Request(`http://example.test${path}`), { ...env, PUBLIC_CACHE_SECONDS: "10" } as typeof env, ctx);
    await waitOnExecutionContext(ctx);
    return res;
  }

  it("are never answered from nor stored in it", async () => {
    const { event, speakers } = await eventWithHiddenTier();
    await addVoucher(event.id, { code: "SPEAK", kind: "unlock", ticketTypeId: speakers.id });
    for (const base of [`/events/${event.slug}`, `/api/v1/events/${event.slug}`]) {
      await call(base); // now cached
      const withCode = await call(`${base}?voucher=SPEAK`);
      expect(withCode.headers.get("cache-control"), base).toBe("private, no-store");
      expect(await withCode.text(), base).toContain("Speakers");
      expect(await (await call(base)).text(), base).not.toContain("Speakers");
    }
  });
});
