import "server-only";

/**
 * A response body of bytes cached across requests, sent as they are. `new Response(bytes)` would
 * copy them first (undici's body extraction clones an ArrayBufferView: at 10,000 models a ~140 KB
 * copy per request); a stream holding a view of them does not. The bytes must never be changed.
 */
export function sharedBody(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}
