import type { Transform } from "node:stream";

/**
 * Pipes pieces through a zlib stream and yields what comes out, with back-pressure
 * both ways. When the reader stops early (or fails) the stream is destroyed and the
 * feeding ends too.
 */
export async function* through(stream: Transform, input: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): AsyncGenerator<Buffer> {
  const feed = (async () => {
    try {
      for await (const chunk of input) {
        if (stream.destroyed) return;
        if (!stream.write(chunk)) await drained(stream);
      }
      if (!stream.destroyed) stream.end();
    } catch (error) {
      stream.destroy(error as Error);
    }
  })();
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) yield chunk;
  } finally {
    stream.destroy();
    await feed;
  }
}

/** Resolves when a stream that refused a write wants more, or is gone. */
export function drained(stream: NodeJS.EventEmitter): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      stream.off("drain", done);
      stream.off("close", done);
      stream.off("error", done);
      resolve();
    };
    stream.on("drain", done);
    stream.on("close", done);
    stream.on("error", done);
  });
}
