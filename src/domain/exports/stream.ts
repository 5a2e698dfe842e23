/**
 * A ReadableStream that asks `chunks` for the next chunk only when its reader wants one
 * (high-water mark 0), so a response body produced this way never runs ahead of the network.
 * Cancelling the stream (the client went away) ends the generator, which stops its queries.
 */
export function readableFrom(chunks: AsyncIterable<Uint8Array>, onError: (err: unknown) => void = () => {}): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          for (;;) {
            const { done, value } = await iterator.next();
            if (done) return controller.close();
            if (value.length) return controller.enqueue(value);
          }
        } catch (err) {
          onError(err);
          controller.error(err);
        }
      },
      async cancel() {
        await iterator.return?.();
      },
    },
    { highWaterMark: 0 },
  );
}
