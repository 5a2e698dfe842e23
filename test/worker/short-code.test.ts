import { describe, expect, it } from "vitest";
import { composeEmail } from "@emails/compose";
import { en } from "@/i18n/en";
import { parseShortCode } from "@/domain/tickets/short-code";
import { signedInAs, type Caller } from "./auth-helpers";
import { db, fetchWorker, serviceDeps } from "./helpers";
import { pendingOrder } from "./stripe-fixtures";

let nonceCounter = 0;
const nonce = () => `short-${Date.now()}-${++nonceCounter}`;

function scan(caller: Caller, body: Record<string, unknown>) {
  return fetchWorker("/api/v1/checkins", {
    method: "POST",
    headers: { authorization: `Bearer ${caller.apiToken}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  }).then((r) => r.json() as Promise<{ result: string; reason?: string; ticket?: { name: string } }>);
}

/** A paid order of three people (Person 1, 2, 3, written in that order) and door staff for its event. */
async function paidOrder() {
  const { order, event } = await pendingOrder(3);
  await db.order.update({ where: { id: order.id }, data: { status: "paid" } });
  await db.ticket.updateMany({ where: { orderId: order.id }, data: { status: "valid" } });
  const tickets = await db.ticket.findMany({ where: { orderId: order.id } });
  const byName = (name: string) => tickets.find((t) => t.attendeeName === name)!;
  const door = await signedInAs("door", { events: [event.id] });
  return { order, event, byName, door };
}

describe("a ticket's short code", () => {
  it("reads a typed code forgivingly, and nothing else as one", () => {
    expect(parseShortCode(" hrd-7kq4m-2 ")).toEqual({ reference: "HRD-7KQ4M", number: 2 });
    expect(parseShortCode("HRD-7KQ4M 12")).toEqual({ reference: "HRD-7KQ4M", number: 12 });
    expect(parseShortCode("HRD-7KQ4M-0")).toBeNull();
    expect(parseShortCode("HRD-7KQ4M")).toBeNull();
    expect(parseShortCode("T1:ABCDEF")).toBeNull();
  });

  it("is the order reference and the ticket's number, on the ticket page and in the email beside the QR", async () => {
    const { order, byName } = await paidOrder();
    const second = byName("Person 2");
    const page = await (await fetchWorker(`/tickets/${second.token}`)).text();
    expect(page).toContain(`<code class="reference">${order.reference}-2</code>`);
    expect(page).not.toContain("T1:");

    const row = await db.outboxEmail.create({
      data: { id: "eml_shortcode0000000", template: "order_confirmation", recipient: "ada@example.org", orderId: order.id, data: JSON.stringify({ orderId: order.id }), idempotencyKey: `short-${order.id}` },
    });
    const email = (await composeEmail(serviceDeps(), row))!;
    for (const n of [1, 2, 3]) {
      expect(email.text).toContain(en.mail.tickets.typedCode({ code: `${order.reference}-${n}` }));
      expect(email.html).toContain(`${order.reference}-${n}`);
    }
  });

  it("checks a ticket in at POST /api/v1/checkins by the same rule as a scan", async () => {
    const { order, event, byName, door } = await paidOrder();
    const typed = `${order.reference.toLowerCase()} 2`;
    expect(await scan(door, { event: event.slug, code: typed, nonce: nonce() })).toMatchObject({ result: "admitted", ticket: { name: "Person 2" } });
    expect(await scan(door, { event: event.slug, code: typed, nonce: nonce() })).toMatchObject({ result: "already_checked_in", ticket: { name: "Person 2" } });
    expect((await db.ticket.findUniqueOrThrow({ where: { id: byName("Person 2").id } })).checkedInAt).not.toBeNull();

    await db.ticket.update({ where: { id: byName("Person 3").id }, data: { status: "cancelled" } });
    expect(await scan(door, { event: event.slug, code: `${order.reference}-3`, nonce: nonce() })).toMatchObject({ result: "cancelled" });
    expect(await scan(door, { event: event.slug, code: `${order.reference}-9`, nonce: nonce() })).toMatchObject({ result: "invalid" });

    // Another event's ticket, typed at this door.
    const other = await paidOrder();
    const otherDoor = await signedInAs("door", { events: [event.id, other.event.id] });
    expect(await scan(otherDoor, { event: event.slug, code: `${other.order.reference}-1`, nonce: nonce() })).toMatchObject({ result: "wrong_event" });
  });

  it("is in the door list, for scanners working offline", async () => {
    const { order, event, byName, door } = await paidOrder();
    const list = (await (await fetchWorker(`/api/v1/events/${event.slug}/door-list`, { headers: { authorization: `Bearer ${door.apiToken}` } })).json()) as {
      tickets: Array<{ id: string; shortCode: string }>;
    };
    const codes = Object.fromEntries(list.tickets.map((t) => [t.id, t.shortCode]));
    expect(codes[byName("Person 1").id]).toBe(`${order.reference}-1`);
    expect(codes[byName("Person 2").id]).toBe(`${order.reference}-2`);
    expect(codes[byName("Person 3").id]).toBe(`${order.reference}-3`);
  });
});
