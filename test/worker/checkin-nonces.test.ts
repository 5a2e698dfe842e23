import { describe, expect, it } from "vitest";
import { signedInAs } from "./auth-helpers";
import { codeFor, doorSetup, nonce, scan } from "./door-helpers";
import { db, fetchWorker } from "./helpers";

type Answer = { result?: string; ticket?: { name: string }; error?: { code: string; message: string } };

const read = async (res: Response) => ({ status: res.status, body: (await res.json()) as Answer });

describe("scan nonces", () => {
  it("refuses a nonce reused with another ticket, without its answer or name, and admits neither by it", async () => {
    const { event, tickets, door } = await doorSetup(2);
    const reused = nonce();
    expect((await read(await scan(door, { event: event.slug, code: await codeFor(tickets[0]!.id), nonce: reused }))).body.result).toBe("admitted");

    const second = await read(await scan(door, { event: event.slug, code: await codeFor(tickets[1]!.id), nonce: reused }));
    expect(second.status).toBe(409);
    expect(second.body.error?.code).toBe("conflict");
    expect(JSON.stringify(second.body)).not.toContain("Person 1");
    expect((await db.ticket.findUniqueOrThrow({ where: { id: tickets[1]!.id } })).checkedInAt).toBeNull();
    // With a nonce of its own, the second ticket is admitted as usual.
    expect((await read(await scan(door, { event: event.slug, code: await codeFor(tickets[1]!.id), nonce: nonce() }))).body.result).toBe("admitted");
  });

  it("refuses a nonce reused for a ticket that does not admit, or by search", async () => {
    const { event, tickets, door } = await doorSetup(2);
    const reused = nonce();
    await scan(door, { event: event.slug, code: await codeFor(tickets[0]!.id), nonce: reused });
    await db.ticket.update({ where: { id: tickets[1]!.id }, data: { status: "cancelled" } });
    expect((await scan(door, { event: event.slug, code: await codeFor(tickets[1]!.id), nonce: reused })).status).toBe(409);
    expect((await scan(door, { event: event.slug, ticketId: tickets[1]!.id, nonce: reused })).status).toBe(409);
    expect((await scan(door, { event: event.slug, code: "T1:NOTACODE", nonce: reused })).status).toBe(409);
  });

  it("reveals nothing of another event's scan that used the same nonce", async () => {
    const there = await doorSetup(1);
    await db.ticket.update({ where: { id: there.tickets[0]!.id }, data: { attendeeName: "Somebody Elsewhere" } });
    const reused = nonce();
    await scan(there.door, { event: there.event.slug, code: await codeFor(there.tickets[0]!.id), nonce: reused });

    const here = await doorSetup(1);
    const answer = await read(await scan(here.door, { event: here.event.slug, code: await codeFor(here.tickets[0]!.id), nonce: reused }));
    expect(answer.status).toBe(409);
    expect(JSON.stringify(answer.body)).not.toContain("Somebody Elsewhere");
    expect((await db.ticket.findUniqueOrThrow({ where: { id: here.tickets[0]!.id } })).checkedInAt).toBeNull();
  });

  it("refuses someone else's nonce for the same ticket, and a check-in reusing an undo's nonce", async () => {
    const { event, tickets, door } = await doorSetup(1);
    const colleague = await signedInAs("door", { events: [event.id] });
    const body = { event: event.slug, code: await codeFor(tickets[0]!.id), nonce: nonce() };
    expect((await read(await scan(door, body))).body.result).toBe("admitted");
    expect((await scan(colleague, body)).status).toBe(409);

    const undoNonce = nonce();
    const undo = await fetchWorker("/api/v1/checkins/undo", { method: "POST", headers: { authorization: `Bearer ${door.apiToken}`, "content-type": "application/json" }, body: JSON.stringify({ event: event.slug, ticketId: tickets[0]!.id, nonce: undoNonce }) });
    expect(await undo.json()).toEqual({ undone: true });
    expect((await scan(door, { event: event.slug, ticketId: tickets[0]!.id, nonce: undoNonce })).status).toBe(409);
    expect((await db.ticket.findUniqueOrThrow({ where: { id: tickets[0]!.id } })).checkedInAt).toBeNull();
  });

  it("answers a retried admit as admitted even if the ticket was cancelled in between", async () => {
    const { event, tickets, door } = await doorSetup(1);
    const body = { event: event.slug, code: await codeFor(tickets[0]!.id), nonce: nonce() };
    expect((await read(await scan(door, body))).body.result).toBe("admitted");
    await db.ticket.update({ where: { id: tickets[0]!.id }, data: { status: "cancelled" } });
    expect((await read(await scan(door, body))).body.result).toBe("admitted");
    expect(await db.checkIn.count({ where: { nonce: body.nonce } })).toBe(1);
  });

  it("answers a true retry the same, also for a refusal", async () => {
    const { event, tickets, door } = await doorSetup(1);
    await db.ticket.update({ where: { id: tickets[0]!.id }, data: { status: "cancelled" } });
    const body = { event: event.slug, code: await codeFor(tickets[0]!.id), nonce: nonce() };
    const [first, again] = [await read(await scan(door, body)), await read(await scan(door, body))];
    expect(first.body.result).toBe("cancelled");
    expect(again).toEqual(first);
    expect(await db.checkIn.count({ where: { nonce: body.nonce } })).toBe(1);
  });
});

describe("wrong_event answers", () => {
  it("never name the holder of another event's ticket, by code or by ticket id", async () => {
    const here = await doorSetup(1);
    const elsewhere = await doorSetup(1);
    await db.ticket.update({ where: { id: elsewhere.tickets[0]!.id }, data: { attendeeName: "Private Person" } });
    for (const by of [{ code: await codeFor(elsewhere.tickets[0]!.id) }, { ticketId: elsewhere.tickets[0]!.id }]) {
      const answer = await read(await scan(here.door, { event: here.event.slug, ...by, nonce: nonce() }));
      expect(answer.body).toEqual({ result: "wrong_event" });
    }
  });
});

describe("undo nonces", () => {
  const undo = (door: { apiToken: string }, body: Record<string, unknown>) =>
    fetchWorker("/api/v1/checkins/undo", { method: "POST", headers: { authorization: `Bearer ${door.apiToken}`, "content-type": "application/json" }, body: JSON.stringify(body) });

  it("answers a retried undo the same and logs it once", async () => {
    const { event, tickets, door } = await doorSetup(1);
    await scan(door, { event: event.slug, code: await codeFor(tickets[0]!.id), nonce: nonce() });
    const body = { event: event.slug, ticketId: tickets[0]!.id, nonce: nonce() };
    expect(await (await undo(door, body)).json()).toEqual({ undone: true });
    expect(await (await undo(door, body)).json()).toEqual({ undone: true });
    expect(await db.checkIn.count({ where: { ticketId: tickets[0]!.id, result: "undone" } })).toBe(1);
  });

  it("refuses an undo whose nonce a check-in used, and undoes nothing unlogged", async () => {
    const { event, tickets, door } = await doorSetup(1);
    const reused = nonce();
    await scan(door, { event: event.slug, code: await codeFor(tickets[0]!.id), nonce: reused });
    const res = await undo(door, { event: event.slug, ticketId: tickets[0]!.id, nonce: reused });
    expect(res.status).toBe(409);
    expect((await db.ticket.findUniqueOrThrow({ where: { id: tickets[0]!.id } })).checkedInAt).not.toBeNull();
    expect(await db.checkIn.count({ where: { ticketId: tickets[0]!.id, result: "undone" } })).toBe(0);
  });
});
