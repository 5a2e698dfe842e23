// A streaming ZIP writer: each entry is deflated chunk by chunk as it is produced, its CRC-32
// and sizes follow it in a data descriptor, and the central directory comes last, so no entry
// is ever held whole in memory. Enough ZIP for an XLSX file: no ZIP64 (an entry or the archive
// may not pass 4 GiB), no encryption, no comments.
import { constants, crc32, deflateRawSync } from "node:zlib";

/** A file in the archive: its name and a function giving its bytes (called when it is written). */
export type ZipEntry = { name: string; data: () => AsyncIterable<Uint8Array> | Iterable<Uint8Array> };

/** MS-DOS date and time fields, as ZIP headers store modification times. */
function dosDateTime(at: Date): { time: number; date: number } {
  return {
    time: (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | (at.getUTCSeconds() >> 1),
    date: ((Math.max(at.getUTCFullYear(), 1980) - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(),
  };
}

class Bytes {
  readonly buf: Uint8Array;
  private readonly view: DataView;
  private at = 0;
  constructor(size: number) {
    this.buf = new Uint8Array(size);
    this.view = new DataView(this.buf.buffer);
  }
  u16(n: number) {
    this.view.setUint16(this.at, n, true);
    this.at += 2;
    return this;
  }
  u32(n: number) {
    this.view.setUint32(this.at, n >>> 0, true);
    this.at += 4;
    return this;
  }
  bytes(b: Uint8Array) {
    this.buf.set(b, this.at);
    this.at += b.length;
    return this;
  }
}

const FLAG_DATA_DESCRIPTOR = 0x0008; // CRC and sizes follow the data
const FLAG_UTF8_NAME = 0x0800;
const DEFLATE = 8;
const VERSION = 20; // 2.0: deflate
const MAX_32 = 0xffffffff;

type Written = { name: Uint8Array; offset: number; crc: number; compressed: number; size: number };

// An empty final block (fixed Huffman, end-of-block code only) ends a deflate stream.
const finalEmptyBlock = () => new Uint8Array([0x03, 0x00]);

/**
 * Deflates `source` a chunk at a time, totting up CRC and sizes. Each chunk is compressed on its
 * own and ended with a sync flush (byte-aligned, no final-block bit), so the pieces concatenate
 * into one valid deflate stream that the empty final block closes. Being synchronous, the next
 * chunk is only read when the reader asks for more: the runtime's CompressionStream would do
 * the work too, but it buffers its output without limit, so a slow download would let the
 * whole file pile up in memory.
 */
async function* deflate(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, tally: { crc: number; size: number; compressed: number }) {
  for await (const chunk of source) {
    tally.crc = crc32(chunk, tally.crc);
    tally.size += chunk.length;
    const out = deflateRawSync(chunk, { finishFlush: constants.Z_SYNC_FLUSH });
    tally.compressed += out.length;
    yield new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  }
  tally.compressed += 2;
  yield finalEmptyBlock();
}

/**
 * The archive of `entries`, in order, as a stream of chunks. Entries are asked for their data
 * one after another, so a later entry may depend on what an earlier one counted.
 */
export async function* zipChunks(entries: Iterable<ZipEntry>, modified = new Date()): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  const { time, date } = dosDateTime(modified);
  const written: Written[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = encoder.encode(entry.name);
    const local = new Bytes(30 + name.length)
      .u32(0x04034b50)
      .u16(VERSION)
      .u16(FLAG_DATA_DESCRIPTOR | FLAG_UTF8_NAME)
      .u16(DEFLATE)
      .u16(time)
      .u16(date)
      .u32(0) // CRC-32, compressed and uncompressed sizes: in the data descriptor
      .u32(0)
      .u32(0)
      .u16(name.length)
      .u16(0)
      .bytes(name).buf;
    yield local;
    const tally = { crc: 0, size: 0, compressed: 0 };
    yield* deflate(entry.data(), tally);
    if (tally.size > MAX_32 || tally.compressed > MAX_32) throw new RangeError(`zip64_needed:${entry.name}`);
    yield new Bytes(16).u32(0x08074b50).u32(tally.crc).u32(tally.compressed).u32(tally.size).buf;
    written.push({ name, offset, crc: tally.crc, compressed: tally.compressed, size: tally.size });
    offset += local.length + tally.compressed + 16;
    if (offset > MAX_32) throw new RangeError("zip64_needed");
  }

  const directory = new Bytes(written.reduce((n, w) => n + 46 + w.name.length, 0));
  for (const w of written) {
    directory
      .u32(0x02014b50)
      .u16(VERSION) // made by: MS-DOS attributes, version 2.0
      .u16(VERSION)
      .u16(FLAG_DATA_DESCRIPTOR | FLAG_UTF8_NAME)
      .u16(DEFLATE)
      .u16(time)
      .u16(date)
      .u32(w.crc)
      .u32(w.compressed)
      .u32(w.size)
      .u16(w.name.length)
      .u16(0) // extra field
      .u16(0) // comment
      .u16(0) // disk number
      .u16(0) // internal attributes
      .u32(0) // external attributes
      .u32(w.offset)
      .bytes(w.name);
  }
  yield directory.buf;
  yield new Bytes(22)
    .u32(0x06054b50)
    .u16(0)
    .u16(0)
    .u16(written.length)
    .u16(written.length)
    .u32(directory.buf.length)
    .u32(offset)
    .u16(0).buf;
}
