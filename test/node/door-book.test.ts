import { describe, expect, it } from "vitest";
import { DoorBook } from "../../src/client/door/door-book";
import type { DoorList, DoorTicket } from "../../src/client/door/types";

// The scanner's offline judgement: it shows the status the server's one rule gave each ticket
// (src/domain/tickets/status.ts), and a ticket sold after the last sync only gets in while the
// event is going ahead.

const ticket = (id: string, status: DoorTicket["status"]): DoorTicket => ({ id, name: `Holder ${id}`, tier: "tier_a", status, checkedInAt: null, device: null });

function list(eventStatus: string, tickets: DoorTicket[]): DoorList {
  return {
    event: { id: "evt_1", slug: "conf", title: "Conference", status: eventStatus },
    generatedAt: new Date().toISOString(),
    keys: [],
    tiers: [{ id: "tier_a", name: "Member", eligibility: "member_list" }],
    tickets,
  };
}

async function bookWith(eventStatus: string, tickets: DoorTicket[]) {
  const book = new DoorBook();
  await book.use(list(eventStatus, tickets), []);
  return book;
}

describe("the door scanner's offline verdicts", () => {
  it("refuses every ticket of a cancelled event, listed or sold after the last sync", async () => {
    const book = await bookWith("cancelled", [ticket("t1", "event_cancelled")]);
    expect(book.judgeTicket("t1").result).toBe("event_cancelled");
    expect(book.judgeTicket("t_new", "tier_a")).toMatchObject({ result: "event_cancelled", notOnList: true });
  });

  it("admits valid tickets and refuses the others with the server's own status", async () => {
    const book = await bookWith("published", [ticket("ok", "valid"), ticket("r", "refunded"), ticket("c", "cancelled"), ticket("u", "unpaid")]);
    expect(book.judgeTicket("ok").result).toBe("admitted");
    expect(book.judgeTicket("r").result).toBe("refunded");
    expect(book.judgeTicket("c").result).toBe("cancelled");
    expect(book.judgeTicket("u").result).toBe("unpaid");
    expect(book.judgeTicket("t_new", "tier_a")).toMatchObject({ result: "admitted", notOnList: true });
  });

  it("learns a refusal from the server, so the next offline check agrees", async () => {
    const book = await bookWith("published", [ticket("t1", "valid")]);
    book.learn({ result: "event_cancelled", ticket: { id: "t1", name: "Holder t1", tier: "Member", eligibility: "member_list" } });
    expect(book.judgeTicket("t1").result).toBe("event_cancelled");
  });

  it("searches the cached list ignoring case and accents, as the server does", async () => {
    const book = await bookWith("published", [{ ...ticket("a", "valid"), name: "Łukasz Núñez" }, { ...ticket("b", "valid"), name: "Ada Lovelace" }]);
    expect(book.search("LUKASZ nunez").map((h) => h.id)).toEqual(["a"]);
    expect(book.search("ADA").map((h) => h.id)).toEqual(["b"]);
    expect(book.search("é".repeat(30))).toEqual([]);
  });
});

describe("short codes typed at the door, offline", () => {
  const coded = (id: string, shortCode: string, status: DoorTicket["status"] = "valid"): DoorTicket => ({ ...ticket(id, status), shortCode });

  it("finds the listed ticket a typed short code names, however it was typed", async () => {
    const book = await bookWith("published", [coded("t1", "HRD-7KQ4M-1"), coded("t2", "HRD-7KQ4M-2", "cancelled")]);
    expect(book.ticketIdOfShortCode("HRD-7KQ4M-1")).toBe("t1");
    expect(book.ticketIdOfShortCode(" hrd-7kq4m 2 ")).toBe("t2");
    expect(book.judgeTicket(book.ticketIdOfShortCode("hrd-7kq4m-2")!).result).toBe("cancelled");
    expect(book.ticketIdOfShortCode("HRD-7KQ4M-3")).toBeNull();
    expect(book.ticketIdOfShortCode("T1:AAAA")).toBeNull();
  });

  it("keeps a ticket's short code when the server's answer updates it", async () => {
    const book = await bookWith("published", [coded("t1", "HRD-7KQ4M-1")]);
    book.learn({ result: "admitted", ticket: { id: "t1", name: "Holder t1", tier: "Member", eligibility: "member_list" } });
    await book.use(book.snapshot()!, []);
    expect(book.ticketIdOfShortCode("HRD-7KQ4M-1")).toBe("t1");
    expect(book.judgeTicket("t1").result).toBe("already_checked_in");
  });
});
