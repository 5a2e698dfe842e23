const encoder = new TextEncoder();

/**
 * Gathers many small strings (one per row) into UTF-8 chunks of about `size` bytes. Building one
 * large string per page of rows instead would put it, and its encoded copy, in V8's large-object
 * space, which only a full collection frees: the heap would balloon during a big export.
 */
export class TextChunker {
  private buffer: Uint8Array;
  private used = 0;

  constructor(private readonly size = 64 * 1024) {
    this.buffer = new Uint8Array(size);
  }

  /** Adds `text`, yielding a chunk whenever one fills up. */
  *add(text: string): Generator<Uint8Array> {
    // A UTF-16 code unit never takes more than 3 bytes in UTF-8.
    if (this.used + text.length * 3 > this.size) yield* this.flush();
    if (text.length * 3 > this.size) {
      yield encoder.encode(text);
      return;
    }
    this.used += encoder.encodeInto(text, this.buffer.subarray(this.used)).written;
  }

  /** Yields whatever is left. */
  *flush(): Generator<Uint8Array> {
    if (this.used === 0) return;
    const chunk = this.buffer.slice(0, this.used);
    this.used = 0;
    yield chunk;
  }
}
