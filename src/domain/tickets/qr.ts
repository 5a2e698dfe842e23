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
// symbol once with mask 0, and makes the same choice (the same penalty rules N1–N4 of ISO
// 18004, the first lowest score winning) in one pass for all 8 masks: each module is a byte
// whose bit p is its colour under mask p, so one XOR/AND tests a rule for every mask at once,
// and the bytes that say "this rule scores here" are counted in a 256-entry histogram, split
// per mask at the end. The result is the very symbol QRCode.create gives (a test compares
// them), so scanners see nothing new. Our codes ("T1:" + base32) are given as one
// alphanumeric segment, which is what the library's segment optimisation finds for them,
// without running it.

/** The characters of QR alphanumeric mode. */
const ALPHANUMERIC = /^[0-9A-Z $%*+\-./:]+$/;

/** Level M's 15 format bits for `mask` (BCH(15,5) with the standard XOR mask; M is 00). */
function formatBits(mask: number): number {
  const value = mask; // (0b00 << 3) | mask
  let rem = value << 10;
  for (let bit = 14; bit >= 10; bit--) if (rem & (1 << bit)) rem ^= 0x537 << (bit - 10);
  return ((value << 10) | rem) ^ 0x5412;
}

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

/**
 * Per symbol size (so per version): per module, which masks flip it (bit p for mask p; none
 * for reserved modules), and the format information's modules with their colour under each mask.
 */
type Layout = { flips: Uint8Array; format: Array<{ index: number; colours: number }> };
const layouts = new Map<number, Layout>();

function layoutFor(size: number, reserved: Uint8Array): Layout {
  let layout = layouts.get(size);
  if (layout) return layout;
  const flips = new Uint8Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      if (reserved[i * size + j]) continue;
      for (let p = 0; p < 8; p++) if (maskAt[p]!(i, j)) flips[i * size + j]! |= 1 << p;
    }
  }
  // Where QRCode's setupFormatInfo puts bit i of the format information, twice.
  const formatByMask = Array.from({ length: 8 }, (_, p) => formatBits(p));
  const format: Layout["format"] = [];
  for (let i = 0; i < 15; i++) {
    let colours = 0;
    for (let p = 0; p < 8; p++) colours |= ((formatByMask[p]! >> i) & 1) << p;
    const vertical = i < 6 ? i : i < 8 ? i + 1 : size - 15 + i;
    const horizontal = i < 8 ? size - i - 1 : i < 9 ? 15 - i : 15 - i - 1;
    format.push({ index: vertical * size + 8, colours }, { index: 8 * size + horizontal, colours });
  }
  layout = { flips, format };
  layouts.set(size, layout);
  return layout;
}

/**
 * Adds one line's (a row's or a column's) N1 and N3 scores to `scores`, all masks at once
 * (`m[start + k * step]`, k < size). N1, 3 + (length − 5) for each run of 5 or more modules of
 * one colour, is 1 for each module that ends 5 alike plus 2 for each run that reaches 5. N3 is
 * 40 for each 1:1:3:1:1 finder-like pattern with 4 light modules after it or before it (the 11
 * modules QRCode's getPenaltyN3 compares with 0x5D0 and 0x05D).
 */
function scoreLine(m: Uint8Array, start: number, step: number, size: number, scores: Float64Array) {
  for (let k = 4, at = start + 4 * step; k < size; k++, at += step) {
    const v0 = m[at]!;
    const v1 = m[at - step]!;
    const v2 = m[at - 2 * step]!;
    const v3 = m[at - 3 * step]!;
    const v4 = m[at - 4 * step]!;
    const five = ~((v0 ^ v1) | (v0 ^ v2) | (v0 ^ v3) | (v0 ^ v4)) & 0xff;
    if (five) {
      scores[five]! += 1;
      scores[k === 4 ? five : five & (v4 ^ m[at - 5 * step]!)]! += 2;
    }
    if (k < 10) continue;
    const v5 = m[at - 5 * step]!;
    const v6 = m[at - 6 * step]!;
    const v7 = m[at - 7 * step]!;
    const v8 = m[at - 8 * step]!;
    const v9 = m[at - 9 * step]!;
    const v10 = m[at - 10 * step]!;
    // Oldest first: 1 0 1 1 1 0 1 then 0 0 0 0; or 0 0 0 0 then 1 0 1 1 1 0 1.
    const after = v10 & ~v9 & v8 & v7 & v6 & ~v5 & v4 & ~(v3 | v2 | v1 | v0) & 0xff;
    const before = ~(v10 | v9 | v8 | v7) & v6 & ~v5 & v4 & v3 & v2 & ~v1 & v0 & 0xff;
    if (after) scores[after]! += 40;
    if (before) scores[before]! += 40;
  }
}

/** QRCode's getBestMask: the mask with the lowest penalty N1 + N2 + N3 + N4, the first on a tie. `m`: each module's colour under each mask (bit p). */
function bestMask(m: Uint8Array, size: number): number {
  // scores[b]: points scored where exactly the masks in b (bit p: mask p) scored them.
  const scores = new Float64Array(256);
  const dark = new Float64Array(256);
  for (let i = 0; i < size; i++) {
    scoreLine(m, i * size, 1, size, scores); // row i
    scoreLine(m, i, size, size, scores); // column i
  }
  // N2: 3 for each 2×2 block of one colour.
  for (let r = 0; r < size - 1; r++) {
    for (let c = 0, i = r * size; c < size - 1; c++, i++) {
      const a = m[i]!;
      const block = ~((a ^ m[i + 1]!) | (a ^ m[i + size]!) | (a ^ m[i + size + 1]!)) & 0xff;
      if (block) scores[block]! += 3;
    }
  }
  for (let i = 0; i < m.length; i++) dark[m[i]!]! += 1;
  let best = 0;
  let lowest = Infinity;
  for (let p = 0; p < 8; p++) {
    let points = 0;
    let darkCount = 0;
    for (let b = 1; b < 256; b++) {
      if (!((b >> p) & 1)) continue;
      points += scores[b]!;
      darkCount += dark[b]!;
    }
    // N4: 10 for each 5% the share of dark modules is from 50%.
    points += Math.abs(Math.ceil((darkCount * 100) / m.length / 5) - 10) * 10;
    if (points < lowest) {
      lowest = points;
      best = p;
    }
  }
  return best;
}

/** The code's QR symbol at level M: its size and its modules row by row (1 = dark), exactly as QRCode.create(code) makes it. */
export function qrModules(code: string): { size: number; data: Uint8Array; maskPattern: number } {
  const { modules } = QRCode.create(ALPHANUMERIC.test(code) ? [{ data: code, mode: "alphanumeric" }] : code, { errorCorrectionLevel: ERROR_CORRECTION, maskPattern: 0 });
  const { size, reservedBit } = modules;
  const { flips, format } = layoutFor(size, reservedBit);
  // Each module's colour under every mask: unmasked (mask 0 taken off), then each mask's flips.
  const all = new Uint8Array(size * size);
  const data = modules.data;
  for (let i = 0; i < all.length; i++) {
    const f = flips[i]!;
    all[i] = ((data[i]! ^ (f & 1)) ? 0xff : 0) ^ f;
  }
  for (const { index, colours } of format) all[index] = colours;
  const maskPattern = bestMask(all, size);
  const out = new Uint8Array(all.length);
  for (let i = 0; i < all.length; i++) out[i] = (all[i]! >> maskPattern) & 1;
  return { size, data: out, maskPattern };
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
