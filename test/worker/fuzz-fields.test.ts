import { describe, expect, it } from "vitest";
import { hashAccessCode } from "@/domain/orders/eligibility";
import { signedInAs, type Caller } from "./auth-helpers";
import { codeFor, doorSetup } from "./door-helpers";
import { createEvent, db, fetchWorker, orderBody } from "./helpers";

/**
 * Bodies that are right in every field but one, which gets an odd value: the input reaches the
 * rules (eligibility, members, slugs, signatures) instead of stopping at the first check. None
 * may make the Worker answer 5xx.
 */

// "ß" doubles in length when upper-cased; "Ω@例え.テスト" is an address in no ASCII at all.
const odd = ["\u0000", "\uD800", "é".repeat(30), "ß".repeat(200), "x".repeat(3000), "👩‍👩‍👧\u202E", "%_\\", "1e309", "Ω@例え.テスト"];

type Body = Record<string, string>;

/** The body with each field in turn set to each odd value. */
function variants(body: Body): Array<[string, Body]> {
  return Object.keys(body).flatMap((field) => odd.map((value): [string, Body] => [`${field}=${JSON.stringify(value.slice(0, 12))}`, { ...body, [field]: value }]));
}

/** Dotted fields ("tickets.0.name") as nested JSON, as the API takes them. */
function nested(body: Body): unknown {
  const out: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(body)) {
    const keys = path.split(".");
    let at: Record<string, unknown> = out;
    keys.slice(0, -1).forEach((key, i) => {
      at[key] ??= /^\d+$/.test(keys[i + 1]!) ? [] : {};
      at = at[key] as Record<string, unknown>;
    });
    at[keys.at(-1)!] = value;
  }
  return out;
}

async function failuresOf(requests: Array<[string, string, RequestInit]>): Promise<string[]> {
  const failures: string[] = [];
  for (let i = 0; i < requests.length; i += 8) {
    await Promise.all(
      requests.slice(i, i + 8).map(async ([label, path, init]) => {
        const res = await fetchWorker(path, { redirect: "manual", ...init });
        await res.arrayBuffer();
        if (res.status >= 500) failures.push(`${res.status} ${init.method} ${path} ${label}`);
      }),
    );
  }
  return failures;
}

const form = (caller: Caller | null, body: Body): RequestInit => ({
  method: "POST",
  headers: { ...(caller?.headers ?? {}), origin: "http://example.test", "content-type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams({ ...(caller ? { _csrf: caller.csrf } : {}), ...body }),
});

const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({ method: "POST", headers: { ...headers, "content-type": "application/json", accept: "application/json" }, body: JSON.stringify(body) });

describe("one odd field in an otherwise good body never makes a 5xx", () => {
  it("registering, through the API and the form, for each tier that checks something", async () => {
    const event = await createEvent({
      capacity: 10_000,
      tiers: [
        { name: "Member", priceMinor: 800, eligibility: "member_list" },
        { name: "Concession", priceMinor: 800, eligibility: "declaration", declarationText: "I am a student" },
        { name: "Guest", priceMinor: 0, eligibility: "access_code", accessCodeHash: await hashAccessCode("SPEAKER") },
      ],
    });
    const requests: Array<[string, string, RequestInit]> = [];
    for (const tier of event.ticketTypes) {
      const body: Body = { "buyer.name": "Ada", "buyer.email": "ada@example.org", "tickets.0.tier": tier.id, "tickets.0.name": "Ada", "tickets.0.email": "", "tickets.0.membership": "M1001", "tickets.0.accessCode": "SPEAKER", "tickets.0.declaration": "yes" };
      for (const [label, one] of variants(body)) {
        requests.push([`${tier.name} ${label}`, `/api/v1/events/${event.slug}/orders`, json(nested(one))]);
        requests.push([`${tier.name} ${label}`, `/events/${event.slug}/register`, form(null, one)]);
      }
    }
    expect(await failuresOf(requests)).toEqual([]);
  }, 120_000);

  it("checking in, and the public email forms", async () => {
    const { event, tickets, door } = await doorSetup(1);
    const body: Body = { event: event.slug, code: await codeFor(tickets[0]!.id), nonce: "fuzz-nonce-0001", device: "phone" };
    const requests: Array<[string, string, RequestInit]> = [];
    for (const [label, one] of variants(body)) {
      requests.push([label, "/api/v1/checkins", json({ ...one, nonce: `${one.nonce}-${requests.length}` }, { authorization: `Bearer ${door.apiToken}` })]);
      requests.push([label, "/api/v1/checkins", json({ event: one.event, ticketId: one.code, nonce: `t-${requests.length}-nonce` }, { authorization: `Bearer ${door.apiToken}` })]);
    }
    for (const value of odd) {
      requests.push([`email=${JSON.stringify(value.slice(0, 12))}`, "/admin/sign-in", form(null, { email: value, next: value })]);
      requests.push([`email=${JSON.stringify(value.slice(0, 12))}`, `/events/${event.slug}/tickets-again`, form(null, { email: value })]);
    }
    expect(await failuresOf(requests)).toEqual([]);
  }, 120_000);

  it("the organiser's event, tier, registration, members and staff forms", async () => {
    const owner = await signedInAs("owner");
    const event = await createEvent({ capacity: 10_000 });
    const tierId = event.ticketTypes[0]!.id;
    const eventBody: Body = {
      title: "Fuzzed Conference",
      slug: "",
      summary: "Talks.",
      description: "Hello",
      venueName: "Hall",
      venueAddress: "1 Road",
      timezone: "Europe/London",
      date: "2027-07-10",
      doorsOpen: "10:30",
      startTime: "11:00",
      endTime: "17:00",
      capacity: "100",
      maxPerOrder: "10",
      salesStart: "",
      salesEnd: "",
      currency: "GBP",
      referencePrefix: "FUZ",
      ticketEmailSubject: "",
      agenda: "11:00 Welcome",
    };
    const tierBody: Body = { name: "Standard", description: "", price: "13", quota: "", eligibility: "open", declarationText: "", accessCode: "", salesStart: "", salesEnd: "", minPerOrder: "", maxPerOrder: "", sortOrder: "" };
    const requests: Array<[string, string, RequestInit]> = [];
    for (const [label, one] of variants(eventBody)) requests.push([label, "/admin/events/new", form(owner, one)]);
    for (const [label, one] of variants(tierBody)) requests.push([label, `/admin/events/${event.id}/tiers/new`, form(owner, one)]);
    for (const [label, one] of variants({ buyerName: "Guest", buyerEmail: "guest@example.org", tierId, attendees: "Guest One", source: "complimentary" })) {
      requests.push([label, `/admin/events/${event.id}/registrations`, form(owner, one)]);
    }
    for (const [label, one] of variants({ csv: "email,name\nm@example.org,M" })) requests.push([label, "/admin/members/preview", form(owner, one)]);
    for (const [label, one] of variants({ email: "new@example.org", name: "New", role: "door" })) requests.push([label, "/admin/staff", form(owner, one)]);
    for (const [label, one] of variants({ weeks: "1" })) requests.push([label, `/admin/events/${event.id}/duplicate`, form(owner, one)]);
    expect(await failuresOf(requests)).toEqual([]);
  }, 120_000);

  it("the organiser's order forms: refund amounts and attendee names", async () => {
    const owner = await signedInAs("owner");
    const event = await createEvent({ capacity: 10_000 });
    const placed = await fetchWorker(`/api/v1/events/${event.slug}/orders`, json(orderBody(event.ticketTypes[0]!.id, 2)));
    const { order } = (await placed.json()) as { order: { id: string } };
    await db.order.update({ where: { id: order.id }, data: { status: "paid", paidAt: new Date() } });
    await db.ticket.updateMany({ where: { orderId: order.id }, data: { status: "valid" } });
    const [first] = await db.ticket.findMany({ where: { orderId: order.id } });
    const requests: Array<[string, string, RequestInit]> = [];
    for (const value of odd) {
      requests.push([`amount=${JSON.stringify(value.slice(0, 12))}`, `/admin/orders/${order.id}/refund`, form(owner, { amount: value })]);
      requests.push([`cancel=${JSON.stringify(value.slice(0, 12))}`, `/admin/orders/${order.id}/refund`, form(owner, { cancel: value })]);
      requests.push([`name=${JSON.stringify(value.slice(0, 12))}`, `/admin/tickets/${first!.id}/name`, form(owner, { name: value })]);
    }
    expect(await failuresOf(requests)).toEqual([]);
  }, 60_000);
});
