import { describe, expect, it } from "vitest";
import { DoorBook } from "../../src/client/door/door-book";
import type { DoorList, DoorTicket } from "../../src/client/door/types";

// A transferred ticket at a door phone with no network: the old ticket's row is `transferred`,
// which the door list reports as "cancelled" (tickets/status), and its successor is a new
// ticket id. A phone that synced after the transfer refuses the old code and admits the new one;
// a phone that synced before still admits the new code by its signature (it is not on its list).

const ticket = (id: string, status: DoorTicket["status"]): DoorTicket => ({ id, name: `Holder ${id}`, tier: "tier_a", status, checkedInAt: null, device: null });

async function synced(tickets: DoorTicket[]) {
  const list: DoorList = { event: { id: "evt_1", slug: "conf", title: "Conference", status: "published" }, generatedAt: new Date().toISOString(), keys: [], tiers: [{ id: "tier_a", name: "Standard", eligibility: "open" }], tickets };
  const book = new DoorBook();
  await book.use(list, []);
  return book;
}

describe("a transferred ticket at an offline door", () => {
  it("is refused by a phone that synced since, and its successor admitted", async () => {
    const after = await synced([ticket("tkt_old", "cancelled"), ticket("tkt_new", "valid")]);
    expect(after.judgeTicket("tkt_old", "tier_a").result).toBe("cancelled");
    expect(after.judgeTicket("tkt_new", "tier_a").result).toBe("admitted");
  });

  it("lets the new holder in at a phone that synced before the transfer", async () => {
    const before = await synced([ticket("tkt_old", "valid")]);
    expect(before.judgeTicket("tkt_new", "tier_a")).toMatchObject({ result: "admitted", notOnList: true });
  });
});
