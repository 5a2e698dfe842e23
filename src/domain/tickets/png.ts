// A minimal PNG encoder for black-and-white images (1-bit greyscale, no filtering, no
// interlace), compressed by the runtime's own zlib through CompressionStream. It costs about
// a millisecond for a QR code, where the qrcode package's PNG renderer (pngjs, 32-bit pixels,
// adaptive filtering in JavaScript) costs ten times that: CPU a Worker is billed and limited on.

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = crcTable[(crc ^ bytes[i]!) & 255]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

async function zlibDeflate(data: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  // Written straight into the compressor (no Blob stream piped through it): about half the
  // overhead in workerd for an image this size.
  const deflate = new CompressionStream("deflate");
  const writer = deflate.writable.getWriter();
  const [, , out] = await Promise.all([writer.write(data), writer.close(), new Response(deflate.readable).arrayBuffer()]);
  return new Uint8Array(out);
}

/**
 * A PNG of `width` × `rows.length` pixels from rows of packed bits, most significant bit first,
 * 1 for white and 0 for black (each row ceil(width / 8) bytes).
 */
export async function monochromePng(width: number, rows: Uint8Array[]): Promise<Uint8Array<ArrayBuffer>> {
  const rowBytes = Math.ceil(width / 8);
  const raw = new Uint8Array(rows.length * (rowBytes + 1)); // each row: filter type 0, then its bits
  rows.forEach((row, y) => raw.set(row.subarray(0, rowBytes), y * (rowBytes + 1) + 1));

  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, rows.length);
  header.set([1, 0, 0, 0, 0], 8); // bit depth 1, greyscale, deflate, no filtering, no interlace

  const parts = [
    new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk("IHDR", header),
    chunk("IDAT", await zlibDeflate(raw)),
    chunk("IEND", new Uint8Array(0)),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
