import { describe, expect, it } from "vitest";
import { ROUND_TRIPS_HEADER } from "@/dev/round-trips";
import { newId } from "@/lib/ids";
import { codeFor, doorSetup, nonce, scan } from "./door-helpers";
import { db, fetchWorker } from "./helpers";
import { addQuestion, dietary } from "./question-helpers";

// Questions marked for the door: their answers come with the check-in's verdict (still one
// round trip) and with each ticket of the offline list; other answers stay off the door.

async function doorWithAnswers() {
  const setup = await doorSetup(2);
  const access = await addQuestion(setup.event.id, { type: "long_text", label: "Access needs", atDoor: true, translations: { es: { label: "Necesidades de accesibilidad" } } });
  const diet = await addQuestion(setup.event.id, { ...dietary, atDoor: true });
  const org = await addQuestion(setup.event.id, { type: "text", label: "Organisation" });
  const [first] = setup.tickets;
  await db.answer.createMany({
    data: [
      { id: newId("ans"), questionId: access.id, orderId: setup.order.id, ticketId: first!.id, value: "Step-free access" },
      { id: newId("ans"), questionId: diet.id, orderId: setup.order.id, ticketId: first!.id, value: "other", detail: "No nuts" },
      { id: newId("ans"), questionId: org.id, orderId: setup.order.id, ticketId: first!.id, value: "Amnesty" },
    ],
  });
  return setup;
}

describe("answers at the door", () => {
  it("come with the verdict of a scan, in the same single round trip", async () => {
    const { event, tickets, door } = await doorWithAnswers();
    const res = await scan(door, { event: event.slug, code: await codeFor(tickets[0]!.id), nonce: nonce(), device: "phone" });
    const body = (await res.json()) as { result: string; ticket: { notes?: Array<{ question: string; answer: string; details?: string }> } };
    expect(body.result).toBe("admitted");
    expect(res.headers.get(ROUND_TRIPS_HEADER)).toBe("1");
    expect(body.ticket.notes).toEqual([
      { question: "Access needs", type: "long_text", answer: "Step-free access" },
      { question: "Dietary requirements", type: "choice", answer: "Other", details: "No nuts" },
    ]);
    const again = (await (await scan(door, { event: event.slug, code: await codeFor(tickets[0]!.id), nonce: nonce() })).json()) as { result: string; ticket: { notes?: unknown[] } };
    expect(again.result).toBe("already_checked_in");
    expect(again.ticket.notes).toHaveLength(2);
    const other = (await (await scan(door, { event: event.slug, code: await codeFor(tickets[1]!.id), nonce: nonce() })).json()) as { ticket: { notes?: unknown[] } };
    expect(other.ticket.notes).toBeUndefined();
  });

  it("are in the offline door list, and answers not for the door are not", async () => {
    const { event, tickets, door } = await doorWithAnswers();
    const res = await fetchWorker(`/api/v1/events/${event.slug}/door-list`, { headers: { authorization: `Bearer ${door.apiToken}` } });
    expect(res.status).toBe(200);
    const text = await res.text();
    const list = JSON.parse(text) as { tickets: Array<{ id: string; notes?: Array<{ answer: string }> }> };
    expect(list.tickets.find((t) => t.id === tickets[0]!.id)?.notes?.map((n) => n.answer)).toEqual(["Step-free access", "Other"]);
    expect(list.tickets.find((t) => t.id === tickets[1]!.id)?.notes).toBeUndefined();
    expect(text).not.toContain("Amnesty");
  });
});
