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
 * The code as a PNG (for email inline attachments and the ticket's image link): about
 * 300–400 px square, each module a whole number of pixels so the edges stay sharp.
 */
export async function qrPng(code: string): Promise<Uint8Array<ArrayBuffer>> {
  const { modules } = QRCode.create(code, { errorCorrectionLevel: ERROR_CORRECTION });
  const total = modules.size + 2 * MARGIN;
  const scale = Math.max(4, Math.round(TARGET_PX / total));
  const width = total * scale;
  const rows: Uint8Array[] = [];
  for (let y = 0; y < total; y++) {
    const row = new Uint8Array(Math.ceil(width / 8)).fill(255); // white
    const my = y - MARGIN;
    for (let mx = 0; mx < modules.size; mx++) {
      if (my < 0 || my >= modules.size || !modules.get(my, mx)) continue;
      for (let px = (mx + MARGIN) * scale, end = px + scale; px < end; px++) row[px >> 3]! &= ~(0x80 >> (px & 7));
    }
    for (let i = 0; i < scale; i++) rows.push(row);
  }
  return monochromePng(width, rows);
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
