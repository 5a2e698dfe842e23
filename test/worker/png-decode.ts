// PNG decoding written for the tests, so they do not trust the encoder they check.
import { expect } from "vitest";

async function inflate(data: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream("deflate"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Non-interlaced greyscale (1 or 8 bits), RGB, grey+alpha or RGBA (8 bits) PNG to RGBA pixels. */
export async function decodePng(png: Uint8Array) {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  let width = 0;
  let height = 0;
  let bitDepth = 0;
  let channels = 0;
  const idat: Uint8Array<ArrayBuffer>[] = [];
  for (let at = 8; at < png.length; ) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    const data = png.slice(at + 8, at + 8 + length);
    if (type === "IHDR") {
      width = view.getUint32(at + 8);
      height = view.getUint32(at + 12);
      const [depth, colourType, , , interlace] = data.subarray(8);
      bitDepth = depth!;
      channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[colourType!]!;
      expect(interlace).toBe(0);
      expect(bitDepth === 8 || (bitDepth === 1 && channels === 1)).toBe(true);
    }
    if (type === "IDAT") idat.push(data);
    at += 12 + length;
  }
  const raw = await inflate(new Uint8Array(await new Blob(idat).arrayBuffer()));
  const bpp = Math.max(1, (channels * bitDepth) / 8); // bytes per pixel, for the filters
  const stride = Math.ceil((width * channels * bitDepth) / 8);
  const unfiltered = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= bpp ? unfiltered[y * stride + x - bpp]! : 0;
      const b = y > 0 ? unfiltered[(y - 1) * stride + x]! : 0;
      const c = x >= bpp && y > 0 ? unfiltered[(y - 1) * stride + x - bpp]! : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter]!;
      unfiltered[y * stride + x] = (value + predictor) & 255;
    }
  }
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      let px: number[];
      if (bitDepth === 1) px = [(unfiltered[y * stride + (x >> 3)]! >> (7 - (x & 7))) & 1 ? 255 : 0];
      else px = [...unfiltered.subarray(y * stride + x * channels, y * stride + (x + 1) * channels)];
      const [r, g, b] = channels >= 3 ? px : [px[0]!, px[0]!, px[0]!];
      rgba.set([r!, g!, b!, channels % 2 === 0 ? px[channels - 1]! : 255], i * 4);
    }
  }
  return { width, height, rgba };
}

