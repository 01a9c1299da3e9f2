import "server-only";
import type { ServerResponse } from "node:http";
import type { ChatAnswer } from "./chat-proxy";
import type { ForwardSink } from "./chat-proxy-stream";

/** Next's `compression` middleware adds `flush` to the response; an unbuffered stream calls it after each write. */
const flush = (res: ServerResponse) => (res as ServerResponse & { flush?: () => void }).flush?.();

/**
 * Writes a gateway answer to Node's response. A stream goes straight from the router's socket
 * to the client's: its headers leave with its first event in one write, and each later piece is
 * written as it is read, waiting for `drain` when the client reads slower than the router sends.
 * The client going away cancels the forwarding (and so the upstream request).
 */
export async function sendAnswer(res: ServerResponse, answer: ChatAnswer): Promise<void> {
  if (answer instanceof Response) {
    res.statusCode = answer.status;
    answer.headers.forEach((value, name) => res.setHeader(name, value));
    res.end(Buffer.from(await answer.arrayBuffer()));
    return;
  }
  const { forwarder } = answer;
  let finished = false;
  let gone = false;
  let drained: (() => void) | null = null;
  let full = false;
  const sink: ForwardSink = {
    enqueue(piece) {
      if (finished || gone) return;
      if (!res.write(piece)) full = true;
      flush(res);
    },
    close() {
      finished = true;
      res.end();
    },
    error(error) {
      finished = true;
      res.destroy(error instanceof Error ? error : new Error(String(error)));
    },
  };
  res.writeHead(answer.status, answer.headers);
  forwarder.start(sink);
  // After the first event is out (nothing can fire in between): the client waits for no bookkeeping.
  res.on("drain", () => drained?.());
  res.once("close", () => {
    drained?.();
    if (finished) return;
    gone = true;
    void forwarder.cancel(new Error("the client went away"));
  });
  while (!finished && !gone) {
    if (full) {
      await new Promise<void>((resolve) => (drained = resolve));
      drained = null;
      full = false;
      continue;
    }
    await forwarder.pull(sink);
  }
}
