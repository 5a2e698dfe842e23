// An XLSX workbook with one sheet, written as a stream: the sheet's XML is produced batch by
// batch and deflated into the ZIP as it goes. Every cell is an inline string or a number, never
// a formula, so text such as "=HYPERLINK(…)" is shown, not run; such cells also get Excel's
// quote prefix so editing them keeps them text. Times are date cells: serial day numbers of
// the event's wall clock, formatted "yyyy-mm-dd hh:mm", so spreadsheets sort and filter them.
import { type Cell, type Column, startsLikeFormula } from "@/domain/exports/columns";
import { TextChunker } from "@/domain/exports/text-chunks";
import { zipChunks } from "@/domain/exports/zip";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;

export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// Cell styles (indexes into cellXfs in styles.xml).
const STYLE_HEADER = 1;
const STYLE_QUOTED = 2;
const STYLE_DATE_TIME = 6;
const MS_PER_DAY = 86_400_000;
/** Days from Excel's epoch (1899-12-30, in its 1900 date system) to 1970-01-01. */
const EXCEL_EPOCH_DAYS = 25_569;

/** The spreadsheet serial number (days, fraction = time of day) of a wall-clock time. */
export function excelSerial(localMs: number): number {
  return localMs / MS_PER_DAY + EXCEL_EPOCH_DAYS;
}
const decimalsStyle = (decimals: number) => (decimals === 0 ? 3 : decimals >= 3 ? 5 : 4); // "0", "0.00", "0.000"

const STYLES = `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">
<numFmts count="2"><numFmt numFmtId="164" formatCode="0.000"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm"/></numFmts>
<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="7">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/>
<xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>`;

const CONTENT_TYPES = `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
</Types>`;

const ROOT_RELS = `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">
<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>
</Relationships>`;

const WORKBOOK_RELS = `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">
<Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="${REL_NS}/styles" Target="styles.xml"/>
</Relationships>`;

// XML 1.0 cannot carry most control characters, and parsers turn a bare CR into LF. Excel's own
// escape for such characters in text is _xHHHH_, so a literal "_x0041_" in someone's input must
// have its underscore escaped (_x005F_) to come back unchanged.
const XML_SPECIAL = /[&<>\u0000-\u0008\u000B\u000C\u000D\u000E-\u001F\uFFFE\uFFFF]|_(?=x[0-9A-Fa-f]{4}_)/g;
const hex4 = (c: string) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`;
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };

/** Text as the content of an XLSX <t> element, with the same value once read back. */
export function xlsxText(text: string): string {
  return text.replace(XML_SPECIAL, (c) => ENTITIES[c] ?? hex4(c));
}

/** A1-style column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function cellXml(ref: string, cell: Cell, textStyle = 0): string {
  if (cell === null) return "";
  if (typeof cell !== "string") {
    if ("localMs" in cell) return `<c r="${ref}" s="${STYLE_DATE_TIME}"><v>${excelSerial(cell.localMs)}</v></c>`;
    return `<c r="${ref}" s="${decimalsStyle(cell.decimals)}"><v>${cell.minor / 10 ** cell.decimals}</v></c>`;
  }
  const style = textStyle || (startsLikeFormula(cell) ? STYLE_QUOTED : 0);
  const space = /^\s|\s$/.test(cell) ? ` xml:space="preserve"` : "";
  return `<c r="${ref}"${style ? ` s="${style}"` : ""} t="inlineStr"><is><t${space}>${xlsxText(cell)}</t></is></c>`;
}

function rowXml(rowNumber: number, letters: readonly string[], cells: readonly Cell[], textStyle = 0): string {
  let xml = `<row r="${rowNumber}">`;
  for (let i = 0; i < cells.length; i++) xml += cellXml(`${letters[i]}${rowNumber}`, cells[i]!, textStyle);
  return `${xml}</row>`;
}

export type XlsxSheet<Row> = {
  name: string;
  columns: readonly Column[];
  batches: AsyncIterable<Row[]>;
  cells: (row: Row) => Cell[];
};

/**
 * A workbook of one sheet: a bold header row frozen above the data, fixed column widths and an
 * autofilter over the rows, as a stream of ZIP chunks.
 */
export function xlsxChunks<Row>(sheet: XlsxSheet<Row>, modified = new Date()): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  const text = (xml: string) => () => [encoder.encode(xml)];
  const letters = sheet.columns.map((_, i) => columnLetters(i));
  const lastColumn = letters[letters.length - 1]!;
  const sheetName = sheet.name.replace(/[\\/?*[\]:'"&<>]/g, " ").slice(0, 31);
  let lastRow = 1;

  async function* sheetXml() {
    const chunks = new TextChunker(128 * 1024);
    const cols = sheet.columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`).join("");
    yield* chunks.add(
      `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
        `<sheetViews><sheetView workbookViewId="0" tabSelected="1"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>` +
        `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>` +
        rowXml(1, letters, sheet.columns.map((c) => c.header), STYLE_HEADER),
    );
    for await (const batch of sheet.batches) {
      for (const row of batch) yield* chunks.add(rowXml(++lastRow, letters, sheet.cells(row)));
    }
    yield* chunks.add(`</sheetData><autoFilter ref="A1:${lastColumn}${lastRow}"/></worksheet>`);
    yield* chunks.flush();
  }

  // The workbook comes after the sheet, because its filter range needs the row count.
  const workbook = () =>
    `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews>` +
    `<sheets><sheet name="${xlsxText(sheetName)}" sheetId="1" r:id="rId1"/></sheets>` +
    `<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'${xlsxText(sheetName)}'!$A$1:$${lastColumn}$${lastRow}</definedName></definedNames>` +
    `</workbook>`;

  return zipChunks(
    [
      { name: "[Content_Types].xml", data: text(CONTENT_TYPES) },
      { name: "_rels/.rels", data: text(ROOT_RELS) },
      { name: "xl/_rels/workbook.xml.rels", data: text(WORKBOOK_RELS) },
      { name: "xl/styles.xml", data: text(STYLES) },
      { name: "xl/worksheets/sheet1.xml", data: sheetXml },
      { name: "xl/workbook.xml", data: () => [encoder.encode(workbook())] },
    ],
    modified,
  );
}
