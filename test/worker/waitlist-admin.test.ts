import { describe, expect, it } from "vitest";
import { en } from "@/i18n/en";
import { errorSentence } from "@/i18n";
import { cancelTicket } from "@/domain/orders/admin-actions";
import { joinWaitlist } from "@/domain/waitlist/waitlist";
import { findEventWithTiersBySlug } from "@/domain/events/repo";
import { tierSaleState } from "@/domain/events/availability";
import { getAs, postAs, signedInAs } from "./auth-helpers";
import { createEvent, db, fetchWorker, serviceDeps } from "./helpers";
import { paidThroughEmulator, seats } from "./stripe-fixtures";

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&").replace(/\s+/g, " ");

/**
 * A sold-out event: capacity 2, both seats sold in one paid order, and three people waiting for
 * its only tier (Ana wants 1 place, Ben 1, Cy 2), in that order.
 */
async function soldOutWithQueue() {
  const event = await createEvent({ capacity: 2, timezone: "Europe/London", tiers: [{ name: "Standard", priceMinor: 1000 }] });
  const tier = event.ticketTypes[0]!;
  const order = await paidThroughEmulator(event.slug, tier.id, 2);
  const tickets = await db.ticket.findMany({ where: { orderId: order.id }, orderBy: { id: "asc" } });
  const deps = serviceDeps();
  const join = async (name: string, places: number, language = "en") =>
    (await joinWaitlist(deps, event.slug, { tier: tier.id, name, email: `${name.toLowerCase()}-${event.id.slice(4, 10)}@example.org`, places, language }, language)).entry;
  const ana = await join("Ana", 1);
  const ben = await join("Ben", 1, "es");
  const cy = await join("Cy", 2);
  const organiser = await signedInAs("organiser");
  const url = `/admin/events/${event.id}/waitlist`;
  const freeASeat = () => cancelTicket(deps, { staffId: organiser.staff.id }, tickets[0]!.id);
  const entry = (id: string) => db.waitlistEntry.findUniqueOrThrow({ where: { id } });
  const tierState = async () => {
    const found = (await findEventWithTiersBySlug(deps.d1, event.slug))!;
    return tierSaleState(found, found.ticketTypes[0]!, new Date());
  };
  return { event, tier, ana, ben, cy, organiser, url, freeASeat, entry, tierState };
}

describe("the organisers' waiting list", () => {
  it("lists everyone in joining order with their status in words, and the dashboard counts who waits", async () => {
    const s = await soldOutWithQueue();
    await s.freeASeat();
    expect((await s.entry(s.ana.id)).status).toBe("offered");

    const res = await getAs(s.organiser, s.url);
    expect(res.status).toBe(200);
    const page = text(await res.text());
    expect(page).toContain("Waiting list");
    const [ana, ben, cy] = ["Ana", "Ben", "Cy"].map((name) => page.indexOf(`${name.toLowerCase()}-`));
    expect(ana).toBeGreaterThan(0);
    expect(ana).toBeLessThan(ben!);
    expect(ben).toBeLessThan(cy!);
    expect(page).toMatch(/Offered until \d+ \w+ \d{4}, \d{2}:\d{2} (GMT|BST)/);
    expect(page.match(/\bWaiting\b/g)?.length).toBeGreaterThanOrEqual(2);
    // The summary: two waiting, one open offer, three places wanted by those waiting.
    expect(page).toMatch(/Standard 2 1 3/);

    const dashboard = text(await (await getAs(s.organiser, `/admin/events/${s.event.id}`)).text());
    expect(dashboard).toContain("Waiting list: 2 waiting");
    const edit = text(await (await getAs(s.organiser, `/admin/events/${s.event.id}/edit`)).text());
    expect(edit).toContain("Waiting list: 2 waiting");
  });

  it("offers by hand out of turn: the entry is offered, its places held, its email queued and the offer audited", async () => {
    const s = await soldOutWithQueue();
    // Paused, a freed seat goes on sale instead of to Ana; the organiser then offers it to Ben.
    expect((await postAs(s.organiser, `${s.url}/settings`, { enabled: "yes", paused: "yes", offerHours: "24" })).status).toBe(303);
    await s.freeASeat();
    const before = await seats(s.event.id);

    const res = await postAs(s.organiser, `${s.url}/${s.ben.id}/offer`);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`${s.url}?done=offered`);
    const ben = await s.entry(s.ben.id);
    expect(ben.status).toBe("offered");
    expect(ben.offerExpiresAt!.getTime() - ben.offeredAt!.getTime()).toBe(24 * 3_600_000);
    expect((await s.entry(s.ana.id)).status).toBe("waiting");
    expect((await seats(s.event.id)).tierHeld).toBe(before.tierHeld + 1);
    const mail = await db.outboxEmail.findMany({ where: { template: "waitlist_offer", recipient: ben.email } });
    expect(mail).toHaveLength(1);
    const audit = await db.auditEntry.findMany({ where: { entityId: s.event.id, action: "waitlist_offered" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.staffId).toBe(s.organiser.staff.id);

    const after = text(await (await fetchWorker(res.headers.get("location")!, { headers: s.organiser.headers })).text());
    expect(after).toContain(en.waitlistAdmin.done.offered);
  });

  it("says so when the places asked for do not fit in what is free", async () => {
    const s = await soldOutWithQueue();
    const res = await postAs(s.organiser, `${s.url}/${s.ana.id}/offer`);
    expect(res.status).toBe(409);
    expect(text(await res.text())).toContain(errorSentence(en, "conflict", { reason: "offer_no_room" }));
    expect((await s.entry(s.ana.id)).status).toBe("waiting");
    expect(await db.auditEntry.count({ where: { entityId: s.event.id, action: "waitlist_offered" } })).toBe(0);
  });

  it("removes an offered entry once confirmed, and its places pass to the next person waiting", async () => {
    const s = await soldOutWithQueue();
    await s.freeASeat();
    expect((await s.entry(s.ana.id)).status).toBe("offered");

    const unconfirmed = await postAs(s.organiser, `${s.url}/${s.ana.id}/remove`);
    expect(unconfirmed.status).toBe(422);
    expect(text(await unconfirmed.text())).toContain(en.waitlistAdmin.confirmRemove);
    expect((await s.entry(s.ana.id)).status).toBe("offered");

    const res = await postAs(s.organiser, `${s.url}/${s.ana.id}/remove`, { confirm: "yes" });
    expect(res.status).toBe(303);
    expect((await s.entry(s.ana.id)).status).toBe("removed");
    expect((await s.entry(s.ben.id)).status).toBe("offered");
    expect((await seats(s.event.id)).tierHeld).toBe(1);
    expect(await db.auditEntry.count({ where: { entityId: s.event.id, action: "waitlist_removed" } })).toBe(1);

    const page = text(await (await getAs(s.organiser, s.url)).text());
    expect(page).toContain(en.waitlistAdmin.status.removed);
  });

  it("while paused, a freed seat goes on sale instead of to the list; resuming offers it", async () => {
    const s = await soldOutWithQueue();
    expect(await s.tierState()).toBe("sold_out");
    expect((await postAs(s.organiser, `${s.url}/settings`, { enabled: "yes", paused: "yes", offerHours: "48" })).status).toBe(303);
    const event = await db.event.findUniqueOrThrow({ where: { id: s.event.id } });
    expect([event.waitlistEnabled, event.waitlistPaused, event.offerHours]).toEqual([true, true, 48]);
    const page = text(await (await getAs(s.organiser, `${s.url}?done=saved`)).text());
    expect(page).toContain(en.waitlistAdmin.state.paused);

    await s.freeASeat();
    expect((await s.entry(s.ana.id)).status).toBe("waiting");
    expect(await s.tierState()).toBe("on_sale");

    expect((await postAs(s.organiser, `${s.url}/settings`, { enabled: "yes", offerHours: "48" })).status).toBe(303);
    expect((await s.entry(s.ana.id)).status).toBe("offered");
    expect(await s.tierState()).toBe("sold_out");
  });

  it("refuses settings that do not fit, saying what to enter", async () => {
    const s = await soldOutWithQueue();
    const tooMany = await postAs(s.organiser, `${s.url}/settings`, { enabled: "yes", offerHours: "400" });
    expect(tooMany.status).toBe(422);
    const page = text(await tooMany.text());
    expect(page).toContain(en.waitlistAdmin.settings.problem);
    expect(page).toContain("Enter 336 or less.");
    const none = await postAs(s.organiser, `${s.url}/settings`, { enabled: "yes", offerHours: "0" });
    expect(text(await none.text())).toContain("Enter 1 or more.");
    expect((await db.event.findUniqueOrThrow({ where: { id: s.event.id } })).offerHours).toBe(48);
  });

  it("exports the list as CSV with English headings, formulas defused, and records the export", async () => {
    const s = await soldOutWithQueue();
    await joinWaitlist(serviceDeps(), s.event.slug, { tier: s.tier.id, name: "=HYPERLINK(1)", email: `formula-${s.event.id.slice(4)}@example.org`, places: 1 }, "en");
    await s.freeASeat();
    const res = await getAs(s.organiser, `${s.url}.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.headers.get("cache-control")).toContain("no-store");
    const lines = (await res.text()).replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe(
      "Position,Name,Email,Ticket type,Places,Language,Status,Joined at (Europe/London time),Offered at (Europe/London time),Offer ends at (Europe/London time),Order reference",
    );
    expect(lines).toHaveLength(5);
    expect(lines[1]).toMatch(/^1,Ana,ana-\w+@example\.org,Standard,1,en,offered,\d{4}-\d{2}-\d{2} \d{2}:\d{2},\d{4}-\d{2}-\d{2} \d{2}:\d{2},\d{4}-\d{2}-\d{2} \d{2}:\d{2},$/);
    expect(lines[2]).toMatch(/^2,Ben,ben-\w+@example\.org,Standard,1,es,waiting,[\d: -]+,,,$/);
    expect(lines[4]).toMatch(/^4,'=HYPERLINK\(1\),/);
    const audit = await db.auditEntry.findMany({ where: { entityId: s.event.id, action: "exported_waitlist" } });
    expect(audit).toHaveLength(1);

    const spanish = await fetchWorker(`${s.url}.csv?headers=translated&lang=es`, { headers: { ...s.organiser.headers, cookie: `${s.organiser.headers.cookie}; lang=es` } });
    expect((await spanish.text()).replace(/^\uFEFF/, "").split("\r\n")[0]).toMatch(/^Posición,Nombre,Correo,Tipo de entrada/);
  });

  it("refuses door staff, and a form posted without the CSRF token", async () => {
    const s = await soldOutWithQueue();
    const door = await signedInAs("door", { events: [s.event.id] });
    expect((await getAs(door, s.url)).status).toBe(403);
    expect((await getAs(door, `${s.url}.csv`)).status).toBe(403);
    expect((await postAs(door, `${s.url}/${s.ana.id}/remove`, { confirm: "yes" })).status).toBe(403);

    const forged = await fetchWorker(`${s.url}/${s.ana.id}/remove`, {
      method: "POST",
      headers: { ...s.organiser.headers, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ confirm: "yes" }),
      redirect: "manual",
    });
    expect(forged.status).toBe(403);
    expect((await s.entry(s.ana.id)).status).toBe("waiting");
  });
});
