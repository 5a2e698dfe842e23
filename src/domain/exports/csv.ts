// CSV as spreadsheets read it: UTF-8 with a byte-order mark (so Excel does not guess another
// encoding and mangle "Nuñez"), CRLF line ends and RFC 4180 quoting.
import { type Cell, formatDecimal, minuteText, startsLikeFormula } from "@/domain/exports/columns";
import { TextChunker } from "@/domain/exports/text-chunks";

const NEEDS_QUOTES = /[",\r\n]/;

/**
 * Text that a spreadsheet will not run: a leading formula character gets a single quote before
 * it (OWASP's advice for CSV injection), so "=HYPERLINK(…)" shows as text. Only text passes here;
 * our own numbers (prices) are written as they are.
 */
export function neutraliseFormula(text: string): string {
  return startsLikeFormula(text) ? `'${text}` : text;
}

/** One field: empty, a decimal amount, a time ("2027-06-01 10:05"), or neutralised text, quoted when RFC 4180 requires it. */
export function csvField(cell: Cell): string {
  if (cell === null) return "";
  if (typeof cell !== "string") return "localMs" in cell ? minuteText(cell) : formatDecimal(cell);
  const text = neutraliseFormula(cell);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record with its CRLF. */
export function csvLine(cells: readonly Cell[]): string {
  return `${cells.map(csvField).join(",")}\r\n`;
}

/** The whole file as UTF-8 chunks of about 64 KiB: BOM and header, then the rows. */
export async function* csvChunks<Row>(headers: readonly string[], batches: AsyncIterable<Row[]>, cells: (row: Row) => Cell[]): AsyncGenerator<Uint8Array> {
  const chunks = new TextChunker();
  yield* chunks.add(`\uFEFF${csvLine(headers)}`);
  for await (const batch of batches) {
    for (const row of batch) yield* chunks.add(csvLine(cells(row)));
  }
  yield* chunks.flush();
}
