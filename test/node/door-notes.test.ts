import { describe, expect, it } from "vitest";
import { DoorBook } from "../../src/client/door/door-book";
import type { DoorTicket } from "../../src/client/door/types";

// Offline, the scanner shows the answers door staff should see from its synced list.

describe("door answers offline", () => {
  it("carries a listed ticket's door answers into its verdict, admitted or already in", async () => {
    const notes = [{ question: "Access needs", type: "long_text", answer: "Step-free access" }];
    const tickets: DoorTicket[] = [
      { id: "a", name: "Ada", tier: "tier_a", status: "valid", checkedInAt: null, device: null, notes },
      { id: "b", name: "Bo", tier: "tier_a", status: "valid", checkedInAt: "2027-01-01T10:00:00.000Z", device: "x", notes },
      { id: "c", name: "Cy", tier: "tier_a", status: "valid", checkedInAt: null, device: null },
    ];
    const book = new DoorBook();
    await book.use({ event: { id: "evt_1", slug: "conf", title: "Conference", status: "published" }, generatedAt: new Date().toISOString(), keys: [], tiers: [{ id: "tier_a", name: "Member", eligibility: "open" }], tickets }, []);
    expect(book.judgeTicket("a")).toMatchObject({ result: "admitted", ticket: { notes } });
    expect(book.judgeTicket("b")).toMatchObject({ result: "already_checked_in", ticket: { notes } });
    expect(book.judgeTicket("c").ticket?.notes).toBeUndefined();
  });
});
