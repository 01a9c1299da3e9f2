/**
 * Bytes in shared memory: both threads see them, so posting them to the config worker (or back) is
 * instant. Copying 20 MB of ordinary bytes through postMessage holds the sending thread for about
 * half a second, longer than the job itself (config-worker-client.ts).
 */
export function sharedBytes(bytes: Uint8Array): Buffer {
  if (bytes.buffer instanceof SharedArrayBuffer) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shared = Buffer.from(new SharedArrayBuffer(bytes.byteLength));
  shared.set(bytes);
  return shared;
}

/** `text` as UTF-8 in shared memory. */
export function encodeShared(text: string): Buffer {
  const bytes = Buffer.from(new SharedArrayBuffer(Buffer.byteLength(text, "utf8")));
  bytes.write(text, "utf8");
  return bytes;
}

/** A Buffer view of bytes that came through postMessage (a plain Uint8Array there). */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
