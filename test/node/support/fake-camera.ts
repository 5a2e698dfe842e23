import { writeFile } from "node:fs/promises";
import QRCode from "qrcode";

const WIDTH = 640;
const HEIGHT = 480;
const MODULE_PX = 8;
const QUIET_ZONE = 4;

/**
 * A Y4M video (what Chromium's fake camera plays, in a loop, with
 * `--use-fake-device-for-media-stream --use-file-for-fake-video-capture=<file>`) of a QR code
 * held still in front of the camera: black modules on white, centred, 8 pixels a module.
 * Y4M is a one-line text header, then per frame "FRAME\n" and raw 4:2:0 YUV planes.
 */
export async function writeQrVideo(path: string, text: string, frames = 10): Promise<void> {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const side = (modules.size + 2 * QUIET_ZONE) * MODULE_PX;
  if (side > HEIGHT) throw new Error(`QR code too large for a ${WIDTH}×${HEIGHT} frame`);
  const luma = Buffer.alloc(WIDTH * HEIGHT, 235); // white (video range)
  const left = (WIDTH - side) / 2 + QUIET_ZONE * MODULE_PX;
  const top = (HEIGHT - side) / 2 + QUIET_ZONE * MODULE_PX;
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue;
      for (let y = 0; y < MODULE_PX; y++) luma.fill(16, (top + row * MODULE_PX + y) * WIDTH + left + col * MODULE_PX, (top + row * MODULE_PX + y) * WIDTH + left + (col + 1) * MODULE_PX);
    }
  }
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2), 128); // no colour
  const frame = Buffer.concat([Buffer.from("FRAME\n"), luma, chroma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`);
  await writeFile(path, Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]));
}
