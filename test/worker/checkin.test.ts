import { describe, expect, it } from "vitest";
import { signedInAs } from "./auth-helpers";
import { codeFor, doorSetup, nonce, scan } from "./door-helpers";
import { createEvent, db, fetchWorker } from "./helpers";

describe("POST /api/v1/checkins", () => {
  it("admits a valid ticket, then says already checked in with when and on which device", async () => {
    const { event, tickets, door } = await doorSetup(1, { eligibility: "declaration", name: "Concession" });
    const code = await codeFor(tickets[0]!.id);
    const first = await scan(door, { event: event.slug, code, nonce: nonce(), device: "front door phone" });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ result: "admitted", ticket: expect.objectContaining({ name: "Person 1", tier: "Concession", eligibility: "declaration", checkedInAt: expect.any(String), device: "front door phone" }) });
    const second = (await (await scan(door, { event: event.slug, code, nonce: nonce(), device: "side door" })).json()) as { result: string; ticket: { device: string; checkedInAt: string } };
    expect(second.result).toBe("already_checked_in");
    expect(second.ticket.device).toBe("front door phone");
    const log = await db.checkIn.findMany({ where: { ticketId: tickets[0]!.id }, orderBy: { createdAt: "asc" } });
    expect(log.map((l) => [l.result, l.device, l.staffId])).toEqual([
      ["admitted", "front door phone", door.staff.id],
      ["already_checked_in", "side door", door.staff.id],
    ]);
  });

  it("admits one of two devices scanning the same ticket at the same instant", async () => {
    const { event, tickets, door } = await doorSetup(1);
    const code = await codeFor(tickets[0]!.id);
    const other = await signedInAs("door", { events: [event.id] });
    const results = await Promise.all([door, other, door, other].map((who, i) => scan(who, { event: event.slug, code, nonce: nonce(), device: `device ${i}` }).then((r) => r.json() as Promise<{ result: string }>)));
    expect(results.filter((r) => r.result === "admitted")).toHaveLength(1);
    expect(results.filter((r) => r.result === "already_checked_in")).toHaveLength(3);
    expect(await db.checkIn.count({ where: { ticketId: tickets[0]!.id, result: "admitted" } })).toBe(1);
  });

  it("records a retried request (same nonce) once and answers it the same way", async () => {
    const { event, tickets, door } = await doorSetup(1);
    const body = { event: event.slug, code: await codeFor(tickets[0]!.id), nonce: nonce(), device: "phone" };
    const answers = await Promise.all([scan(door, body), scan(door, body), scan(door, body)].map((p) => p.then((r) => r.json() as Promise<{ result: string }>)));
    expect(answers.map((a) => a.result)).toEqual(["admitted", "admitted", "admitted"]);
    expect(await db.checkIn.count({ where: { nonce: body.nonce } })).toBe(1);
    const later = (await (await scan(door, body)).json()) as { result: string };
    expect(later.result).toBe("admitted");
  });

  it("says invalid for a forged, tampered or unreadable code", async () => {
    const { event, tickets, door } = await doorSetup(1);
    const code = await codeFor(tickets[0]!.id);
    const tampered = code.slice(0, 30) + (code[30] === "A" ? "B" : "A") + code.slice(31);
    for (const bad of [tampered, "hello", "T1:AAAA", `${code}X`]) {
      const answer = (await (await scan(door, { event: event.slug, code: bad, nonce: nonce() })).json()) as { result: string; ticket?: unknown };
      expect(answer.result, bad).toBe("invalid");
      expect(answer.ticket).toBeUndefined();
    }
    expect((await db.ticket.findUniqueOrThrow({ where: { id: tickets[0]!.id } })).checkedInAt).toBeNull();
  });

  it("says cancelled for a cancelled or refunded ticket, and unpaid for an order not paid yet", async () => {
    const { event, tickets, door, order } = await doorSetup(2);
    await db.ticket.update({ where: { id: tickets[0]!.id }, data: { status: "cancelled" } });
    expect(((await (await scan(door, { event: event.slug, code: await codeFor(tickets[0]!.id), nonce: nonce() })).json()) as { result: string }).result).toBe("cancelled");
    await db.order.update({ where: { id: order.id }, data: { status: "pending" } });
    expect(((await (await scan(door, { event: event.slug, code: await codeFor(tickets[1]!.id), nonce: nonce() })).json()) as { result: string }).result).toBe("unpaid");
  });

  it("says wrong event for a ticket to another event", async () => {
    const here = await doorSetup(1);
    const elsewhere = await doorSetup(1);
    const answer = (await (await scan(here.door, { event: here.event.slug, code: await codeFor(elsewhere.tickets[0]!.id), nonce: nonce() })).json()) as { result: string };
    expect(answer.result).toBe("wrong_event");
  });

  it("admits by ticket id after a search, and undoes a mistaken admit (logged)", async () => {
    const { event, tickets, door } = await doorSetup(1);
    const search = await fetchWorker(`/api/v1/events/${event.slug}/door-search?q=person`, { headers: { authorization: `Bearer ${door.apiToken}` } });
    const found = ((await search.json()) as { tickets: Array<{ id: string; name: string }> }).tickets;
    expect(found.map((t) => t.name)).toContain("Person 1");
    expect(((await (await scan(door, { event: event.slug, ticketId: found[0]!.id, nonce: nonce() })).json()) as { result: string }).result).toBe("admitted");
    const undo = await fetchWorker("/api/v1/checkins/undo", { method: "POST", headers: { authorization: `Bearer ${door.apiToken}`, "content-type": "application/json" }, body: JSON.stringify({ event: event.slug, ticketId: tickets[0]!.id, nonce: nonce() }) });
    expect(await undo.json()).toEqual({ undone: true });
    expect((await db.ticket.findUniqueOrThrow({ where: { id: tickets[0]!.id } })).checkedInAt).toBeNull();
    expect(await db.checkIn.count({ where: { ticketId: tickets[0]!.id, result: "undone" } })).toBe(1);
  });

  it("works with a door staff session too, which must send its CSRF token", async () => {
    const { event, tickets, door } = await doorSetup(1);
    const code = await codeFor(tickets[0]!.id);
    const ok = await scan(door, { event: event.slug, code, nonce: nonce() }, false);
    expect(((await ok.json()) as { result: string }).result).toBe("admitted");
    const noCsrf = await fetchWorker("/api/v1/checkins", { method: "POST", headers: { ...door.headers, "content-type": "application/json" }, body: JSON.stringify({ event: event.slug, code, nonce: nonce() }) });
    expect(noCsrf.status).toBe(403);
  });
});

describe("door staff see only their own event", () => {
  it("denies door staff every event they are not assigned to, and everything outside scanning", async () => {
    const mine = await doorSetup(1);
    const other = await createEvent();
    const door = mine.door;
    const token = { authorization: `Bearer ${door.apiToken}`, accept: "application/json" };
    for (const path of [`/api/v1/events/${other.slug}/door-list`, `/api/v1/events/${other.slug}/checkins/stats`, `/api/v1/events/${other.slug}/door-search?q=ab`, `/api/v1/events/${mine.event.slug}/attendees.csv`]) {
      expect((await fetchWorker(path, { headers: token })).status, path).toBe(403);
    }
    const scanOther = await scan(door, { event: other.slug, code: await codeFor(mine.tickets[0]!.id), nonce: nonce() });
    expect(scanOther.status).toBe(403);
    const list = await fetchWorker(`/api/v1/events/${mine.event.slug}/door-list`, { headers: token });
    expect(list.status).toBe(200);
    const body = (await list.json()) as { tickets: Array<Record<string, unknown>>; keys: unknown[] };
    expect(body.tickets[0]).toEqual({ id: mine.tickets[0]!.id, name: "Person 1", tier: expect.any(String), status: "valid", checkedInAt: null, device: null, shortCode: expect.stringMatching(/^[A-Z]{2,5}-[A-Z0-9]{5}-\d+$/) });
    expect(JSON.stringify(body)).not.toContain("@example.org");
    expect(body.keys.length).toBeGreaterThan(0);
  });

  it("gives live counts per tier", async () => {
    const { event, tickets, door } = await doorSetup(3);
    await scan(door, { event: event.slug, code: await codeFor(tickets[0]!.id), nonce: nonce() });
    const stats = (await (await fetchWorker(`/api/v1/events/${event.slug}/checkins/stats`, { headers: { authorization: `Bearer ${door.apiToken}` } })).json()) as { checkedIn: number; expected: number };
    expect(stats).toMatchObject({ checkedIn: 1, expected: 3 });
  });
});
