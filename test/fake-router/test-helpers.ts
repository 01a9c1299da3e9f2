/** Helpers for the fake router's own tests: chat calls and SSE reading with eventsource-parser. */
import { createParser } from "eventsource-parser";
import type { FakeRouter } from "./server";

export const TEST_TOKEN = "hf_fake_unit_token_0000";

export function chat(
  router: FakeRouter,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
  init: { token?: string | null; signal?: AbortSignal } = {},
): Promise<Response> {
  const token = init.token === undefined ? TEST_TOKEN : init.token;
  return fetch(`${router.url}/chat/completions`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      ...headers,
    },
    body: JSON.stringify({ messages: [{ role: "user", content: "Tell me about routing" }], ...body }),
    signal: init.signal,
  });
}

/** Reads an SSE body to its end; a cut connection is returned as `error` with the events seen before it. */
export async function readSse(res: Response): Promise<{ data: string[]; error?: unknown }> {
  const data: string[] = [];
  const parser = createParser({ onEvent: (event) => data.push(event.data) });
  const reader = res.body?.pipeThrough(new TextDecoderStream()).getReader();
  if (!reader) return { data };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { data };
      parser.feed(value);
    }
  } catch (error) {
    return { data, error };
  }
}

export interface ChunkShape {
  id: string;
  object: string;
  model: string;
  choices: {
    index: number;
    delta: { role?: string; content?: string; reasoning_content?: string };
    finish_reason: string | null;
  }[];
  usage?: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
}

/** Parses every payload but the final `[DONE]` as a chunk. */
export function chunksOf(data: string[]): ChunkShape[] {
  return data.filter((d) => d !== "[DONE]").map((d) => JSON.parse(d) as ChunkShape);
}
