import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { conflictText } from "../../src/client/door/checkin-flow";
import type { QueuedScan, Verdict } from "../../src/client/door/types";
import { detailLines, titleOf } from "../../src/client/door/verdict-view";
import { counted, fill, refusalText, statusText, useWords } from "../../src/client/door/words";
import type { ScannerCatalogue } from "../../src/i18n/areas/door-scanner";
import { scannerWords, textsOf } from "./support/door-words";

// The scanner speaks the words its page embeds (the catalogue's door.scanner section for the
// reader's language): a verdict, a count, a conflict, in Spanish for a Spanish page.

let english: ScannerCatalogue;
let spanish: ScannerCatalogue;
/** English's fixed texts of some length (the parts between a template's holes too). */
let englishSentences: string[];

beforeAll(async () => {
  english = await scannerWords("en");
  spanish = await scannerWords("es");
  englishSentences = textsOf(english.words)
    .flatMap((text) => text.split(/\{\w+\}/))
    .map((part) => part.trim())
    .filter((part) => part.length >= 8);
});

const already: Verdict = { result: "already_checked_in", ticket: { id: "t1", name: "Ana Pérez", tier: "Socio", checkedInAt: "2027-01-09T10:41:00Z", device: "Puerta lateral" }, local: false };
const refunded: Verdict = { result: "refunded", ticket: { id: "t2", name: "Luis Gómez" }, local: true };

afterEach(() => useWords(english));

describe("the scanner's words, in the page's language", () => {
  it("says a verdict in Spanish with the Spanish words, and none of the English", () => {
    useWords(spanish);
    const said = [titleOf(already), ...detailLines(already, "Este celular").map(([, t]) => t), titleOf(refunded), ...detailLines(refunded, "x").map(([, t]) => t)];
    expect(said[0]).toBe("Ya ingresó");
    expect(said).toContain("Ana Pérez");
    expect(said.join(" ")).toMatch(/^Ya ingresó .*Ingresó a las \d\d:\d\d en Puerta lateral\./);
    expect(said).toContain("Reembolsada: el pedido de esta entrada se reembolsó.");
    expect(said).toContain("Decidido en este celular.");
    expect(said.filter((line) => englishSentences.some((s) => line.includes(s)))).toEqual([]);
  });

  it("says the same verdict in English with the English words", () => {
    useWords(english);
    expect(titleOf(already)).toBe("Already checked in");
    expect(detailLines(already, "Puerta lateral").map(([, t]) => t)).toContain(`Checked in at ${new Date("2027-01-09T10:41:00Z").toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23" })} on this phone.`);
    expect(refusalText("invalid", "bad_signature")).toBe("Forged: the code has been changed or made up.");
  });

  it("counts with the language's plural forms", () => {
    useWords(spanish);
    expect(counted(spanish.words.waiting, 1)).toBe("1 escaneo pendiente de envío");
    expect(counted(spanish.words.waiting, 3)).toBe("3 escaneos pendientes de envío");
    useWords(english);
    expect(counted(english.words.waiting, 1)).toBe("1 scan waiting to send");
    expect(counted(english.words.waiting, 3)).toBe("3 scans waiting to send");
  });

  it("tells of an offline admit the server refused, in Spanish", () => {
    useWords(spanish);
    const item: QueuedScan = { nonce: "n", event: "conf", kind: "checkin", ticketId: "t2", device: "d", scannedAt: "2027-01-09T10:00:00Z", name: "Luis Gómez", tier: "" };
    const text = conflictText(item, { result: "cancelled", ticket: { id: "t2", name: "Luis Gómez", tier: "Socio", eligibility: "open" } });
    expect(text).toMatch(/^Ingresó sin conexión a las \d\d:\d\d, pero no es válida: Luis Gómez\. Cancelada: /);
    expect(statusText("event_cancelled")).toBe("Evento cancelado");
  });

  it("has a word for every refusal and ticket status in both languages, and fills every hole", () => {
    for (const catalogue of [english, spanish]) {
      useWords(catalogue);
      for (const result of ["cancelled", "refunded", "event_cancelled", "expired", "wrong_event", "unpaid", "no_list", "invalid"] as const) expect(refusalText(result), result).not.toBe("");
      expect(fill(catalogue.words.offlineNotValid, { time: "10:00", name: "N", reason: "R" })).not.toMatch(/[{}]/);
    }
  });
});
