import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildSnippet, SNIPPET_TARGETS, type SnippetRequest } from "./snippets";

const request: SnippetRequest = {
  model: "fast",
  routerRef: "huggingface/Qwen/Qwen3-8B:cheapest",
  messages: [
    { role: "system", content: "Be brief." },
    { role: "user", content: `It's "quoted" \\ and\nmulti-line — ünïcode 🤗 $HOME \`cmd\`` },
  ],
  temperature: 0.7,
  maxTokens: 256,
  topP: 0.9,
  stream: true,
};
const options = { gatewayBaseUrl: "http://127.0.0.1:3000/api/v1/" };

function hasTool(tool: string): boolean {
  try {
    execFileSync(tool, ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

describe("buildSnippet", () => {
  it("sends the router the model id without huggingface/, suffix kept, with $HF_TOKEN", () => {
    const code = buildSnippet("router", "curl", request, options);
    expect(code).toContain("https://router.huggingface.co/v1/chat/completions");
    expect(code).toContain('"model": "Qwen/Qwen3-8B:cheapest"');
    expect(code).toContain('-H "Authorization: Bearer $HF_TOKEN"');
    expect(code).toContain("curl -N ");
  });

  it("sends the gateway the model as picked, without a key on loopback", () => {
    const code = buildSnippet("gateway", "javascript", request, options);
    expect(code).toContain('baseURL: "http://127.0.0.1:3000/api/v1"');
    expect(code).toContain('model: "fast"');
    expect(code).toContain('apiKey: "not-needed"');
    expect(code).toContain("for await (const chunk of stream)");
    expect(buildSnippet("gateway", "python", request, { ...options, gatewayKeyRequired: true })).toContain(
      'api_key=os.environ["DASHBOARD_API_KEY"]',
    );
  });

  it("writes Python literals and snake_case parameters", () => {
    const code = buildSnippet("router", "python", { ...request, stream: false }, options);
    expect(code).toContain("    max_tokens=256,");
    expect(code).toContain("    top_p=0.9,");
    expect(code).not.toContain("stream=");
    expect(code).toContain("print(completion.choices[0].message.content)");
  });

  it("uses a placeholder when the router model is unknown", () => {
    expect(buildSnippet("router", "curl", { ...request, routerRef: null }, options)).toContain(
      '"model": "<org>/<model>"',
    );
  });

  // The snippets are meant to be pasted: each must at least parse in its own language.
  // Starting bash, node and python takes seconds on a busy machine, hence the long timeouts.
  const SLOW = 30_000;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "snippets-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  for (const target of SNIPPET_TARGETS) {
    it.skipIf(!hasTool("bash"))(
      `${target} curl parses in bash and sends the exact prompt`,
      () => {
        const code = buildSnippet(target, "curl", request, options);
        const file = path.join(dir, `${target}.sh`);
        // Replace curl by a function printing the -d argument, to check the quoting round-trips.
        fs.writeFileSync(file, `curl() { while [ "$1" != "-d" ]; do shift; done; printf '%s' "$2"; }\n${code}`);
        const body = JSON.parse(execFileSync("bash", [file], { encoding: "utf8" })) as {
          messages: { content: string }[];
        };
        expect(body.messages[1]?.content).toBe(request.messages[1]?.content);
      },
      SLOW,
    );
    it(
      `${target} javascript parses as a module`,
      () => {
        const file = path.join(dir, `${target}.mjs`);
        fs.writeFileSync(file, buildSnippet(target, "javascript", request, options));
        execFileSync(process.execPath, ["--check", file]);
      },
      SLOW,
    );
    it.skipIf(!hasTool("python3"))(
      `${target} python parses`,
      () => {
        const code = buildSnippet(target, "python", request, options);
        execFileSync("python3", ["-c", "import ast,sys; ast.parse(sys.stdin.read())"], { input: code });
      },
      SLOW,
    );
  }
});
