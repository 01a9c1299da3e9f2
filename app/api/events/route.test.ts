import fs from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { stateDirPerTest } from "@/test/route-fixture";
import { configEventSchema } from "@/lib/settings/server-events";
import { GET } from "./route";

const URL_ = "http://127.0.0.1:3000/api/events";
const dirs = stateDirPerTest({ prefix: "events-route", config: "{}\n" });

async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, wanted: RegExp): Promise<string> {
  const decoder = new TextDecoder();
  let text = "";
  while (!wanted.test(text)) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value);
  }
  return text;
}

describe("GET /api/events", () => {
  it("tells an open page that the config file changed on disk, with its new ETag", async () => {
    const abort = new AbortController();
    const response = await GET(new Request(URL_, { signal: abort.signal }));
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    await readUntil(reader, /event: ready\n/);
    await fs.writeFile(dirs.configFile, '{ agents: { defaults: { model: "huggingface/Qwen/Qwen3-8B" } } }\n');
    const text = await readUntil(reader, /event: config\ndata: .*\n\n/);
    const data = /event: config\ndata: (.*)\n\n/.exec(text)?.[1] ?? "";
    expect(configEventSchema.parse(JSON.parse(data)).settings).toMatchObject({ primary: "huggingface/Qwen/Qwen3-8B" });
    abort.abort();
  });

  it("refuses a foreign origin", async () => {
    const response = await GET(new Request(URL_, { headers: { origin: "https://evil.example" } }));
    expect(response.status).toBe(403);
  });
});
