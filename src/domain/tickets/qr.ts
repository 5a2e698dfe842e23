import QRCode from "qrcode";
import { monochromePng } from "@/domain/tickets/png";

// The qrcode package builds the matrix and the SVG (its browser build: no Node modules needed);
// the PNG is encoded by png.ts. Level M restores up to 15% of a damaged or badly lit code, the
// quiet zone of 4 modules is what the QR standard asks for, and black on white is what
// scanners and printers handle best.
const ERROR_CORRECTION = "M";
const MARGIN = 4;

/** Pixel size aimed at for email images: big enough to scan from a screen, small to send. */
const TARGET_PX = 360;

/**
 * The PNGs made last, by code. An order's mail carries a ticket's code twice when its attendee
 * has an address of their own (the buyer's email and the attendee's, sent one after the
 * other), and a ticket page's image is asked for again: the same code makes the same image.
 * Only finished bytes are kept (no promise: it would belong to the request that made it).
 */
const recentPngs = new Map<string, Uint8Array<ArrayBuffer>>();
const RECENT_PNGS = 32;

/**
 * The code as a PNG (for email inline attachments and the ticket's image link): about
 * 300–400 px square, each module a whole number of pixels so the edges stay sharp. Each call
 * gets its own copy of the bytes.
 */
export async function qrPng(code: string): Promise<Uint8Array<ArrayBuffer>> {
  let png = recentPngs.get(code);
  if (png) {
    recentPngs.delete(code); // most recently used last
  } else {
    png = await drawPng(code);
    if (recentPngs.size >= RECENT_PNGS) recentPngs.delete(recentPngs.keys().next().value!);
  }
  recentPngs.set(code, png);
  return png.slice();
}

async function drawPng(code: string): Promise<Uint8Array<ArrayBuffer>> {
  const { size, data } = qrModules(code);
  const total = size + 2 * MARGIN;
  const scale = Math.max(4, Math.round(TARGET_PX / total));
  const width = total * scale;
  const rows: Uint8Array[] = [];
  for (let y = 0; y < total; y++) {
    const row = new Uint8Array(Math.ceil(width / 8)).fill(255); // white
    const my = y - MARGIN;
    for (let mx = 0; mx < size; mx++) {
      if (my < 0 || my >= size || !data[my * size + mx]) continue;
      for (let px = (mx + MARGIN) * scale, end = px + scale; px < end; px++) row[px >> 3]! &= ~(0x80 >> (px & 7));
    }
    for (let i = 0; i < scale; i++) rows.push(row);
  }
  return monochromePng(width, rows);
}

// ---- The symbol's modules, as QRCode.create makes them, for a fraction of its CPU ----
//
// QRCode.create spends most of its time choosing the mask: it applies each of the 8 masks to
// its BitMatrix module by module (a switch per module) and scores each. Here it builds the
// symbol once with mask 0, and the same choice (the same penalty rules N1–N4 of ISO 18004, the
// first lowest score winning) is made on flat arrays with the masks precomputed per symbol
// size. The result is the very symbol QRCode.create gives (a test compares them), so scanners
// see nothing new. Our codes ("T1:" + base32) are given as one alphanumeric segment, which is
// what the library's segment optimisation finds for them, without running it.

/** The characters of QR alphanumeric mode. */
const ALPHANUMERIC = /^[0-9A-Z $%*+\-./:]+$/;

/** Level M's 15 format bits for `mask` (BCH(15,5) with the standard XOR mask; M is 00). */
function formatBits(mask: number): number {
  const value = mask; // (0b00 << 3) | mask
  let rem = value << 10;
  for (let bit = 14; bit >= 10; bit--) if (rem & (1 << bit)) rem ^= 0x537 << (bit - 10);
  return ((value << 10) | rem) ^ 0x5412;
}

const FORMAT_BITS = Array.from({ length: 8 }, (_, mask) => formatBits(mask));

const maskAt: Array<(i: number, j: number) => boolean> = [
  (i, j) => (i + j) % 2 === 0,
  (i) => i % 2 === 0,
  (_, j) => j % 3 === 0,
  (i, j) => (i + j) % 3 === 0,
  (i, j) => (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0,
  (i, j) => ((i * j) % 2) + ((i * j) % 3) === 0,
  (i, j) => (((i * j) % 2) + ((i * j) % 3)) % 2 === 0,
  (i, j) => (((i * j) % 3) + ((i + j) % 2)) % 2 === 0,
];

/** Per symbol size (so per version): which modules each mask flips, and where the format bits go with their values per mask. */
type Layout = { flips: Uint8Array[]; format: Array<{ index: number; bit: number }> };
const layouts = new Map<number, Layout>();

function layoutFor(size: number, reserved: Uint8Array): Layout {
  let layout = layouts.get(size);
  if (layout) return layout;
  const flips = maskAt.map((at) => {
    const flip = new Uint8Array(size * size);
    for (let i = 0; i < size; i++) for (let j = 0; j < size; j++) if (!reserved[i * size + j] && at(i, j)) flip[i * size + j] = 1;
    return flip;
  });
  // Where QRCode's setupFormatInfo puts bit i of the format information, twice.
  const format: Layout["format"] = [];
  for (let i = 0; i < 15; i++) {
    const vertical = i < 6 ? i : i < 8 ? i + 1 : size - 15 + i;
    const horizontal = i < 8 ? size - i - 1 : i < 9 ? 15 - i : 15 - i - 1;
    format.push({ index: vertical * size + 8, bit: i }, { index: 8 * size + horizontal, bit: i });
  }
  layout = { flips, format };
  layouts.set(size, layout);
  return layout;
}

/**
 * The penalty score of a masked symbol: QRCode's getPenaltyN1 + N2 + N3 + N4, on a flat array.
 * Every part adds, so it stops as soon as the score reaches `bound` (the best so far, which a
 * mask must beat to be chosen) and returns what it has: at least `bound`.
 */
function penalty(m: Uint8Array, size: number, bound: number): number {
  let points = 0;
  // N1: runs of 5 or more of one colour in a row or column, 3 + (length - 5) each.
  // N3: 1:1:3:1:1 finder-like patterns with 4 light modules on one side, 40 each.
  for (let a = 0; a < size; a++) {
    let lastRow = -1, runRow = 0, lastCol = -1, runCol = 0, bitsRow = 0, bitsCol = 0;
    for (let b = 0; b < size; b++) {
      const inRow = m[a * size + b]!;
      const inCol = m[b * size + a]!;
      if (inRow === lastRow) runRow++;
      else {
        if (runRow >= 5) points += 3 + (runRow - 5);
        lastRow = inRow;
        runRow = 1;
      }
      if (inCol === lastCol) runCol++;
      else {
        if (runCol >= 5) points += 3 + (runCol - 5);
        lastCol = inCol;
        runCol = 1;
      }
      bitsRow = ((bitsRow << 1) & 0x7ff) | inRow;
      bitsCol = ((bitsCol << 1) & 0x7ff) | inCol;
      if (b >= 10) {
        if (bitsRow === 0x5d0 || bitsRow === 0x05d) points += 40;
        if (bitsCol === 0x5d0 || bitsCol === 0x05d) points += 40;
      }
    }
    if (runRow >= 5) points += 3 + (runRow - 5);
    if (runCol >= 5) points += 3 + (runCol - 5);
    if (points >= bound) return points;
  }
  // N2: 2×2 blocks of one colour, 3 each.
  let blocks = 0;
  for (let r = 0; r < size - 1; r++) {
    for (let c = 0, i = r * size; c < size - 1; c++, i++) {
      const sum = m[i]! + m[i + 1]! + m[i + size]! + m[i + size + 1]!;
      if (sum === 4 || sum === 0) blocks++;
    }
  }
  points += blocks * 3;
  if (points >= bound) return points;
  // N4: how far the share of dark modules is from 50%, 10 per 5%.
  let dark = 0;
  for (let i = 0; i < m.length; i++) dark += m[i]!;
  return points + Math.abs(Math.ceil((dark * 100) / m.length / 5) - 10) * 10;
}

/** The code's QR symbol at level M: its size and its modules row by row (1 = dark), exactly as QRCode.create(code) makes it. */
export function qrModules(code: string): { size: number; data: Uint8Array; maskPattern: number } {
  const { modules } = QRCode.create(ALPHANUMERIC.test(code) ? [{ data: code, mode: "alphanumeric" }] : code, { errorCorrectionLevel: ERROR_CORRECTION, maskPattern: 0 });
  const { size, reservedBit } = modules;
  const { flips, format } = layoutFor(size, reservedBit);
  const unmasked = Uint8Array.from(modules.data);
  const flip0 = flips[0]!;
  for (let i = 0; i < unmasked.length; i++) unmasked[i]! ^= flip0[i]!;
  const masked = (p: number, into: Uint8Array) => {
    const flip = flips[p]!;
    for (let i = 0; i < into.length; i++) into[i] = unmasked[i]! ^ flip[i]!;
    const bits = FORMAT_BITS[p]!;
    for (const { index, bit } of format) into[index] = (bits >> bit) & 1;
    return into;
  };
  // The first mask with the lowest score wins, as in QRCode's getBestMask.
  const candidate = new Uint8Array(unmasked.length);
  let best = { maskPattern: 0, score: Infinity };
  for (let p = 0; p < 8; p++) {
    const score = penalty(masked(p, candidate), size, best.score);
    if (score < best.score) best = { maskPattern: p, score };
  }
  return { size, data: masked(best.maskPattern, candidate), maskPattern: best.maskPattern };
}

/**
 * The code as an SVG element for a page: vector, so it is sharp at any size and in print.
 * It uses presentation attributes only (no style attributes), so it renders under our CSP.
 * `label` becomes its accessible name.
 */
export async function qrSvg(code: string, label: string): Promise<string> {
  const svg = await QRCode.toString(code, {
    type: "svg",
    errorCorrectionLevel: ERROR_CORRECTION,
    margin: MARGIN,
    color: { dark: "#000000", light: "#ffffff" },
  });
  return svg.trim().replace("<svg ", `<svg role="img" aria-label="${escapeAttribute(label)}" focusable="false" `);
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
