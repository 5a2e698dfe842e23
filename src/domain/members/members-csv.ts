// Reading an organiser's members list from CSV as spreadsheets export it: a header naming the
// columns in many ways, commas or semicolons (Excel in much of Europe) or tabs, quoted fields
// (with "" for a quote, and line breaks inside quotes), a byte-order mark, CRLF line ends.
import * as z from "zod";
import { issue, type FieldIssue } from "@/domain/issues";
import { sha256Hex } from "@/lib/hash";
import { cleanLine, normaliseEmail, normaliseMembershipNumber } from "@/lib/text";

export const MAX_MEMBER_ROWS = 20_000;

export type MemberRow = { line: number; email: string | null; membershipNumber: string | null; name: string };
/** Why a row was left out, as a code the catalogue says (`members.rows`). */
export type RowProblem =
  | { problem: "no_key" | "number_invalid" | "two_members" }
  | { problem: "email_invalid"; email: string }
  | { problem: "same_email" | "same_number" | "same_member"; line: number };

export type RejectedRow = { line: number; text: string; reason: RowProblem };
export type ParsedMembers = {
  accepted: MemberRow[];
  rejected: RejectedRow[];
  /** Which columns were found, in file order (the catalogue names them). */
  columns: MemberColumn[];
  header: boolean;
};

type CsvRecord = { line: number; cells: string[] };

/** A file's text: spreadsheets save UTF-8 (with or without BOM), UTF-16 ("Unicode text") or Windows-1252. */
export function decodeCsvBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    try {
      return new TextDecoder("windows-1252").decode(bytes);
    } catch {
      return new TextDecoder("utf-8").decode(bytes);
    }
  }
}

/** The text as the upload and the confirm step both see it: no BOM, LF line ends. */
export function normaliseCsvText(text: string): string {
  return text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}

/** The separator the first line uses most, outside quotes: semicolon, tab or comma. */
function detectSeparator(text: string): string {
  const first = text.split("\n", 1)[0] ?? "";
  const counts = new Map<string, number>([[",", 0], [";", 0], ["\t", 0]]);
  let quoted = false;
  for (const ch of first) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  const [best, n] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
  return n > 0 ? best : ",";
}

/** RFC 4180 records, each with the line number it starts on. */
function parseRecords(text: string, sep: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === "\n") line++;
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === "") {
      quoted = true;
      cell = "";
    } else if (ch === sep) {
      cells.push(cell);
      cell = "";
    } else if (ch === "\n") {
      records.push({ line: start, cells: [...cells, cell] });
      cells = [];
      cell = "";
      line++;
      start = line;
    } else cell += ch;
  }
  if (cell !== "" || cells.length) records.push({ line: start, cells: [...cells, cell] });
  return records;
}

// English names, then Spanish ones (accents dropped): the catalogues tell organisers in either
// language to name their columns in their own words. A Spanish "nombre" beside "apellido" is a
// first name, so it is read as one.
const headerNames = {
  email: ["email", "emailaddress", "mail", "emails", "emailadress", "correo", "correoelectronico", "correos"],
  number: ["membershipnumber", "membershipno", "membershipnum", "memberno", "membernumber", "membernum", "membershipid", "memberid", "number", "no", "membership", "num", "numerodesocio", "nodesocio", "nrodesocio", "numerodemembresia", "membresia", "numero"],
  name: ["name", "fullname", "membername", "names", "nombrecompleto", "nombreyapellido", "nombreyapellidos"],
  first: ["firstname", "forename", "forenames", "givenname", "first", "nombre", "nombres", "nombredepila"],
  last: ["lastname", "surname", "familyname", "last", "apellido", "apellidos"],
} as const;

type Column = keyof typeof headerNames;

/** A column the members list may have. */
export type MemberColumn = Column;

function findColumns(cells: string[]): Partial<Record<Column, number>> {
  const found: Partial<Record<Column, number>> = {};
  cells.forEach((cell, i) => {
    const key = cell.normalize("NFD").toLowerCase().replace(/[^a-z]/g, "");
    for (const [column, names] of Object.entries(headerNames) as Array<[Column, readonly string[]]>) {
      if (found[column] === undefined && names.includes(key)) found[column] = i;
    }
  });
  return found;
}

const emailSchema = z.email();

/**
 * Parses a members list. Returns the rows to keep (normalised as the eligibility check
 * compares them) and, for every other row, its line number and why it was left out; or an
 * error when the file as a whole cannot be read.
 */
export function parseMembersCsv(input: string): ParsedMembers | { error: FieldIssue } {
  const text = normaliseCsvText(input);
  if (!text.trim()) return { error: issue("csv_empty") };
  const records = parseRecords(text, detectSeparator(text)).filter((r) => r.cells.some((c) => c.trim() !== ""));
  if (records.length === 0) return { error: issue("csv_empty") };

  let columns = findColumns(records[0]!.cells);
  const header = columns.email !== undefined || columns.number !== undefined;
  if (!header) {
    // No header: a list of addresses, one per line, with perhaps a name beside each.
    const emailAt = records[0]!.cells.findIndex((c) => c.includes("@"));
    if (emailAt < 0) {
      return { error: issue("csv_columns_unknown") };
    }
    columns = { email: emailAt };
  }
  const rows = header ? records.slice(1) : records;
  if (rows.length > MAX_MEMBER_ROWS) return { error: issue("csv_too_many_rows", { rows: rows.length, max: MAX_MEMBER_ROWS }) };

  const accepted: MemberRow[] = [];
  const rejected: RejectedRow[] = [];
  const byEmail = new Map<string, number>();
  const byNumber = new Map<string, number>();
  const cell = (r: CsvRecord, c: Column) => (columns[c] === undefined ? "" : (r.cells[columns[c]!] ?? "").trim());

  for (const r of rows) {
    const reject = (reason: RowProblem) => rejected.push({ line: r.line, text: cleanLine(r.cells.join(", ")).slice(0, 120), reason });
    const email = cell(r, "email") ? normaliseEmail(cell(r, "email")) : null;
    const number = cell(r, "number") ? normaliseMembershipNumber(cell(r, "number")) : null;
    const name = cleanLine(cell(r, "name") || `${cell(r, "first")} ${cell(r, "last")}`).slice(0, 200);
    if (!email && !number) reject({ problem: "no_key" });
    else if (email && (email.length > 254 || !emailSchema.safeParse(email).success)) reject({ problem: "email_invalid", email: email.slice(0, 60) });
    else if (number && (number.length > 40 || number.includes("@"))) reject({ problem: "number_invalid" });
    else if (email && byEmail.has(email)) reject({ problem: "same_email", line: byEmail.get(email)! });
    else if (number && byNumber.has(number)) reject({ problem: "same_number", line: byNumber.get(number)! });
    else {
      if (email) byEmail.set(email, r.line);
      if (number) byNumber.set(number, r.line);
      accepted.push({ line: r.line, email, membershipNumber: number, name });
    }
  }
  return { accepted, rejected, header, columns: Object.keys(columns) as Column[] };
}

/** Ties the confirm step to the text that was previewed: the same text gives the same hash. */
export function csvHash(text: string): Promise<string> {
  return sha256Hex(`members-csv:v1:${normaliseCsvText(text)}`);
}
