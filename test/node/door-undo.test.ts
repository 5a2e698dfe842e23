import { beforeEach, describe, expect, it } from "vitest";
import type { DoorApi } from "../../src/client/door/api";
import { CheckInFlow } from "../../src/client/door/checkin-flow";
import type { DoorBook } from "../../src/client/door/door-book";
import type { CheckInOutcome, Verdict } from "../../src/client/door/types";
import { useWords } from "../../src/client/door/words";
import { scannerWords } from "./support/door-words";

// "Undo this admit" must only ever take back the admit on screen: after a refused scan, or once
// undone, there is nothing to undo (it used to undo the previous person's admit).

const admitted = (name: string): CheckInOutcome => ({ result: "admitted", ticket: { id: `tkt_${name}`, name, tier: "Member", eligibility: "open" } });

/** A flow whose server admits codes starting "T1:OK-" and refuses the rest, recording undos. */
function flowWithFakes() {
  const undone: string[] = [];
  const api = {
    checkIn: async (body: { code?: string }) => (body.code?.startsWith("T1:OK-") ? admitted(body.code.slice(6)) : { result: "cancelled" }),
    undo: async (body: { ticketId: string }) => {
      undone.push(body.ticketId);
      return { undone: true };
    },
  } as unknown as DoorApi;
  const local = (code: string): Verdict => (code === "T1:UNREADABLE" ? { result: "invalid", reason: "malformed", local: true } : { result: "admitted", ticket: { id: "tkt_local" }, local: true });
  const book = {
    judgeCode: async (code: string) => ({ verdict: local(code), timing: { verifyMs: 0, totalMs: 0 } }),
    learn: () => undefined,
    mark: () => undefined,
  } as unknown as DoorBook;
  const flow = new CheckInFlow({ slug: "conf", api, book, device: () => "phone", shouldTryServer: () => true, reached: () => undefined, refused: () => undefined, changed: () => undefined, timed: () => undefined });
  return { flow, undone };
}

describe("the scanner's undo", () => {
  // The words the door pages embed for an English reader.
  beforeEach(async () => useWords(await scannerWords("en")));

  it("undoes the admit just made, once", async () => {
    const { flow, undone } = flowWithFakes();
    expect((await flow.scanCode("T1:OK-ADA"))?.result).toBe("admitted");
    expect(await flow.undoLast()).toBe("Undone: ADA is no longer checked in.");
    expect(await flow.undoLast()).toBe("There is nothing to undo.");
    expect(undone).toEqual(["tkt_ADA"]);
  });

  it("has nothing to undo after a scan the server refused", async () => {
    const { flow, undone } = flowWithFakes();
    await flow.scanCode("T1:OK-ADA");
    expect((await flow.scanCode("T1:REFUSED"))?.result).toBe("cancelled");
    expect(await flow.undoLast()).toBe("There is nothing to undo.");
    expect(undone).toEqual([]);
  });

  it("has nothing to undo after a code the phone itself refused", async () => {
    const { flow, undone } = flowWithFakes();
    await flow.scanCode("T1:OK-ADA");
    expect((await flow.scanCode("T1:UNREADABLE"))?.result).toBe("invalid");
    expect(flow.lastAdmit).toBeNull();
    expect(await flow.undoLast()).toBe("There is nothing to undo.");
    expect(undone).toEqual([]);
  });
});
