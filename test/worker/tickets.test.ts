import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { loadConfig } from "@/config";
import { zonedTimeToUtc } from "@/lib/zoned-time";
import { placeOrder } from "@/domain/orders/place-order";
import { fulfilOrder, releaseHold } from "@/domain/orders/settle";
import { verifyTicketCode } from "@/domain/tickets/signing";
import { eventIcs } from "@/domain/tickets/ics";
import { en } from "@/i18n/en";
import jsQR from "jsqr";
import { createEvent, db, fetchWorker, serviceDeps } from "./helpers";
import { decodePng } from "./png-decode";

const config = loadConfig(env);

/** An event in London with a concession, a member and an open tier, and one order for `who`. */
async function ticketFor(who: { tier: "Concession" | "Member" | "Non-member"; name: string }, pay = true) {
  const startsAt = zonedTimeToUtc("2031-07-05T11:00", "Europe/London");
  const event = await createEvent({
    title: "Annual Conference: Rights, Development",
    venueName: "UCL Global Governance Institute",
    venueAddress: "29–31 Tavistock Square, London WC1H 9QU",
    startsAt,
    endsAt: zonedTimeToUtc("2031-07-05T17:00", "Europe/London"),
    doorsOpenAt: zonedTimeToUtc("2031-07-05T10:30", "Europe/London"),
    tiers: [
      { name: "Concession", priceMinor: 800, eligibility: "declaration", declarationText: "I am a student, unwaged or receiving a pension" },
      { name: "Member", priceMinor: 800, eligibility: "member_list" },
      { name: "Non-member", priceMinor: 1300 },
    ],
  });
  const tier = event.ticketTypes.find((t) => t.name === who.tier)!;
  if (tier.eligibility === "member_list") await db.member.create({ data: { id: `mem_${event.id.slice(4)}`, email: "grace@example.org" } });
  const deps = serviceDeps();
  const order = await placeOrder(deps, event.slug, {
    buyer: { name: "Ada Buyer", email: "ada@example.org" },
    tickets: [{ tier: tier.id, name: who.name, declaration: true, membership: "grace@example.org" }],
  });
  if (pay) await fulfilOrder(deps, order.id, { paymentIntentId: `pi_test_${order.id.slice(4)}` });
  const ticket = await db.ticket.findFirstOrThrow({ where: { orderId: order.id } });
  return { event, tier, order, ticket };
}

const page = async (token: string) => {
  const res = await fetchWorker(`/tickets/${token}`);
  return { res, html: await res.text() };
};

describe("GET /tickets/:token", () => {
  it("shows a paid ticket with its QR code, details and the concession note", async () => {
    const { ticket, order } = await ticketFor({ tier: "Concession", name: "Zoë O'Brien" });
    const { res, html } = await page(ticket.token);
    expect(res.status).toBe(200);
    expect(html).toContain("Annual Conference: Rights, Development");
    expect(html).toContain("Zoë O&#39;Brien");
    expect(html).toContain("Concession");
    expect(html).toContain(order.reference);
    expect(html).toMatch(/Saturday,? 5 July 2031, 11:00–17:00 BST/);
    expect(html).toContain("10:30");
    expect(html).toContain("29–31 Tavistock Square, London WC1H 9QU");
    expect(html).toContain("Bring proof of your concession");
    expect(html).toMatch(/<svg role="img" aria-label="Ticket QR code for Zoë O'Brien" focusable="false" xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 53 53"/);
    expect(html).toContain(`href="/tickets/${ticket.token}/calendar.ics"`);
    expect(html).toContain('<meta name="robots" content="noindex"/>');
    // For typing at the door: the order reference and the ticket's number, not the 165-character signed code.
    expect(html).toContain(`<code class="reference">${order.reference}-1</code>`);
    expect(html).not.toMatch(/T1:[A-Z2-7]{20}/);
    // The QR (as its image) holds the signed code, and it verifies.
    const png = await decodePng(new Uint8Array(await (await fetchWorker(`/tickets/${ticket.token}/qr.png`)).arrayBuffer()));
    const code = jsQR(png.rgba, png.width, png.height)!.data;
    expect(await verifyTicketCode(config, code)).toMatchObject({ ok: true, ticketId: ticket.id, eventId: ticket.eventId, ticketTypeId: ticket.ticketTypeId });
    // Nothing the CSP (style-src 'self', script-src 'self') would block.
    expect(html).not.toMatch(/style=|<script|<style/);
  });

  it("tells members to bring their card", async () => {
    const { ticket } = await ticketFor({ tier: "Member", name: "Grace Member" });
    const { html } = await page(ticket.token);
    expect(html).toContain("Bring your membership card");
    expect(html).not.toContain("Bring proof of your concession");
  });

  it("is private: not cached, not indexed, no referrer", async () => {
    const { ticket } = await ticketFor({ tier: "Non-member", name: "Ada Lovelace" });
    const { res, html } = await page(ticket.token);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(res.headers.get("x-robots-tag")).toContain("noindex");
    expect(html).toContain('<meta name="referrer" content="no-referrer"/>');
    expect(html).not.toContain("Bring proof");
  });

  it("says a cancelled ticket is cancelled and shows no QR code", async () => {
    const { ticket } = await ticketFor({ tier: "Non-member", name: "Ada Lovelace" });
    await db.ticket.update({ where: { id: ticket.id }, data: { status: "cancelled" } });
    const { res, html } = await page(ticket.token);
    expect(res.status).toBe(200);
    expect(html).toContain("This ticket has been cancelled");
    expect(html).not.toContain("<svg");
    expect(html).not.toMatch(/T1:[A-Z2-7]{20}/);
    expect(html).not.toContain("calendar.ics");
    expect((await fetchWorker(`/tickets/${ticket.token}/qr.png`)).status).toBe(404);
  });

  it("says payment is not confirmed for an unpaid order and shows no QR code", async () => {
    const { ticket } = await ticketFor({ tier: "Non-member", name: "Ada Lovelace" }, false);
    const { html } = await page(ticket.token);
    expect(html).toContain("Payment not confirmed yet");
    expect(html).not.toContain("<svg");
    expect(html).not.toMatch(/T1:[A-Z2-7]{20}/);
    expect((await fetchWorker(`/tickets/${ticket.token}/qr.png`)).status).toBe(404);
  });

  it("says the tickets of an expired order were not paid in time, as the door does", async () => {
    const { ticket, order } = await ticketFor({ tier: "Non-member", name: "Ada Lovelace" }, false);
    await releaseHold(serviceDeps(), order.id, "expired");
    const { html } = await page(ticket.token);
    expect(html).toContain("This order was not paid in time");
    expect(html).not.toContain("<svg");
  });

  it("answers 404 for an unknown or malformed token, privately", async () => {
    for (const token of ["A".repeat(43), "short", "x".repeat(200)]) {
      const res = await fetchWorker(`/tickets/${token}`);
      expect(res.status).toBe(404);
      expect(res.headers.get("cache-control")).toBe("private, no-store");
      expect(await res.text()).toContain("Page not found");
    }
    expect((await fetchWorker(`/tickets/${"A".repeat(43)}/calendar.ics`)).status).toBe(404);
  });
});

describe("GET /tickets/:token/qr.png", () => {
  it("serves the QR code as a PNG", async () => {
    const { ticket } = await ticketFor({ tier: "Non-member", name: "Ada Lovelace" });
    const res = await fetchWorker(`/tickets/${ticket.token}/qr.png`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.subarray(1, 4)]).toEqual([80, 78, 71]); // "PNG"
  });
});

describe("GET /tickets/:token/calendar.ics", () => {
  it("downloads an iCalendar file with the event in UTC", async () => {
    const { ticket, event } = await ticketFor({ tier: "Concession", name: "Zoë O'Brien" });
    const res = await fetchWorker(`/tickets/${ticket.token}/calendar.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="${event.slug}.ics"`);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const ics = await res.text();
    expect(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const unfolded = ics.replace(/\r\n /g, "");
    expect(unfolded).toContain("BEGIN:VEVENT\r\n");
    expect(unfolded).toContain("DTSTART:20310705T100000Z\r\n"); // 11:00 BST
    expect(unfolded).toContain("DTEND:20310705T160000Z\r\n");
    expect(unfolded).toMatch(/\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/);
    expect(unfolded).toContain(`UID:${event.id}.${ticket.id}@conference-tickets\r\n`);
    expect(unfolded).toContain("SUMMARY:Annual Conference: Rights\\, Development\r\n");
    expect(unfolded).toContain("LOCATION:UCL Global Governance Institute\\, 29–31 Tavistock Square\\, London WC1H 9QU\r\n");
    expect(unfolded).toContain(`URL:http://example.test/tickets/${ticket.token}\r\n`);
    expect(unfolded).toMatch(/DESCRIPTION:Ticket for Zoë O'Brien\.\\nDoors open at 10:30\.\\nYour ticket: http:\/\/example\.test\/tickets\//);
  });
});

describe("eventIcs", () => {
  const event = {
    id: "evt_0123456789abcdef",
    title: "Semi; colon, comma \\ backslash\nnew line",
    summary: "",
    venueName: "Hall",
    venueAddress: "Straße 1, Zürich",
    timezone: "Europe/Zurich",
    startsAt: new Date("2031-01-09T10:00:00Z"),
    endsAt: new Date("2031-01-09T16:00:00Z"),
    doorsOpenAt: null,
    status: "published",
  };

  it("escapes text values", () => {
    const ics = eventIcs(event, { url: "https://example.org/e", now: new Date("2030-01-01T00:00:00Z"), words: en.ics });
    expect(ics).toContain("SUMMARY:Semi\\; colon\\, comma \\\\ backslash\\nnew line\r\n");
    expect(ics).toContain("DTSTAMP:20300101T000000Z\r\n");
    expect(ics).toContain(`UID:${event.id}@conference-tickets\r\n`);
  });

  it("folds lines at 75 octets without splitting a character", () => {
    const ics = eventIcs({ ...event, title: "Ü".repeat(100) }, { url: "https://example.org/e", words: en.ics });
    const encoder = new TextEncoder();
    for (const line of ics.split("\r\n")) expect(encoder.encode(line).length).toBeLessThanOrEqual(75);
    const unfolded = ics.replace(/\r\n /g, "");
    expect(unfolded).toContain(`SUMMARY:${"Ü".repeat(100)}\r\n`);
    expect(ics).not.toContain("\uFFFD");
  });

  it("folds mixed 1-, 2-, 3- and 4-octet characters as full as 75 octets allow, and splits none", () => {
    const title = "Zoë’s 🎟 party: " + "a€ü😀".repeat(40) + " – 終わり";
    const ics = eventIcs({ ...event, title }, { url: "https://example.org/e", words: en.ics });
    const encoder = new TextEncoder();
    const lines = ics.split("\r\n");
    const summary = lines.findIndex((l) => l.startsWith("SUMMARY:"));
    const folded = [lines[summary]!];
    for (let i = summary + 1; lines[i]!.startsWith(" "); i++) folded.push(lines[i]!);
    expect(folded.length).toBeGreaterThan(5);
    for (const [i, line] of folded.entries()) {
      expect(line).not.toContain("\uFFFD");
      expect(line).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/); // no half of a surrogate pair
      const octets = encoder.encode(line).length;
      expect(octets).toBeLessThanOrEqual(75);
      // Full: the next line's first character (after its space) would not have fitted.
      if (i < folded.length - 1) expect(octets + encoder.encode(String.fromCodePoint(folded[i + 1]!.codePointAt(1)!)).length).toBeGreaterThan(75);
    }
    expect(folded.map((l, i) => (i ? l.slice(1) : l)).join("")).toBe(`SUMMARY:${title}`);
  });

  it("marks a cancelled event as cancelled", () => {
    expect(eventIcs({ ...event, status: "cancelled" }, { url: "https://example.org/e", words: en.ics })).toContain("STATUS:CANCELLED\r\n");
  });
});
