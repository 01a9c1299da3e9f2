/**
 * Code that repeats the playground's current request: curl, JavaScript `openai`, Python `openai`,
 * either straight against the Hugging Face router or through this dashboard's gateway.
 */
import { HF_ROUTER_URL } from "@/lib/hf-urls";
import { upstreamModelId } from "@/lib/refs";
import type { ChatMessage } from "./chat-message";

export const SNIPPET_TARGETS = ["router", "gateway"] as const;
export type SnippetTarget = (typeof SNIPPET_TARGETS)[number];
export const SNIPPET_LANGUAGES = ["curl", "javascript", "python"] as const;
export type SnippetLanguage = (typeof SNIPPET_LANGUAGES)[number];

export interface SnippetRequest {
  /** What the gateway is sent: a ref, an alias or "default". */
  model: string;
  /** The ref the router variant uses (an alias or "default" resolved); null when unknown. */
  routerRef: string | null;
  messages: ChatMessage[];
  temperature?: number;
  maxTokens?: number;
  topP?: number;
  stream: boolean;
}

export interface SnippetOptions {
  /** e.g. `http://127.0.0.1:3000/api/v1` or the page's own origin + `/api/v1`. */
  gatewayBaseUrl: string;
  routerBaseUrl?: string;
  /** The gateway wants `DASHBOARD_API_KEY` (server bound beyond loopback). */
  gatewayKeyRequired?: boolean;
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

function requestBody(target: SnippetTarget, request: SnippetRequest): Record<string, Json> {
  let model = request.model;
  if (target === "router") {
    try {
      model = request.routerRef ? upstreamModelId(request.routerRef) : "<org>/<model>";
    } catch {
      model = "<org>/<model>";
    }
  }
  const body: Record<string, Json> = {
    model,
    messages: request.messages.map((m) => ({ role: m.role, content: m.content })),
  };
  if (request.temperature !== undefined) body.temperature = request.temperature;
  if (request.maxTokens !== undefined) body.max_tokens = request.maxTokens;
  if (request.topP !== undefined) body.top_p = request.topP;
  if (request.stream) body.stream = true;
  return body;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A value as source text; `python` switches the literals and never unquotes keys. */
function literal(value: Json, language: "javascript" | "python", indent: string): string {
  if (value === null) return language === "python" ? "None" : "null";
  if (typeof value === "boolean") return language === "python" ? (value ? "True" : "False") : String(value);
  if (typeof value !== "object") return JSON.stringify(value);
  const inner = `${indent}    `;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return `[\n${value.map((v) => `${inner}${literal(v, language, inner)},`).join("\n")}\n${indent}]`;
  }
  const entries = Object.entries(value).map(([key, v]) => {
    const name = language === "javascript" && IDENTIFIER.test(key) ? key : JSON.stringify(key);
    return `${inner}${name}: ${literal(v, language, inner)},`;
  });
  return `{\n${entries.join("\n")}\n${indent}}`;
}

/** Single-quoted for POSIX shells: `'` becomes `'\''`. */
const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

function keyFor(target: SnippetTarget, options: SnippetOptions): { env: string; shell: string } | null {
  if (target === "router") return { env: "HF_TOKEN", shell: "$HF_TOKEN" };
  return options.gatewayKeyRequired ? { env: "DASHBOARD_API_KEY", shell: "$DASHBOARD_API_KEY" } : null;
}

export function buildSnippet(
  target: SnippetTarget,
  language: SnippetLanguage,
  request: SnippetRequest,
  options: SnippetOptions,
): string {
  const baseUrl =
    target === "router" ? (options.routerBaseUrl ?? HF_ROUTER_URL) : options.gatewayBaseUrl.replace(/\/+$/, "");
  const body = requestBody(target, request);
  const key = keyFor(target, options);

  if (language === "curl") {
    const lines = [`curl ${request.stream ? "-N " : ""}${baseUrl}/chat/completions`];
    if (key) lines.push(`  -H "Authorization: Bearer ${key.shell}"`);
    lines.push(`  -H "Content-Type: application/json"`, `  -d ${shellQuote(JSON.stringify(body, null, 2))}`);
    return lines.join(" \\\n");
  }

  if (language === "javascript") {
    const apiKey = key ? `process.env.${key.env}` : `"not-needed"`;
    const head = `import OpenAI from "openai";\n\nconst client = new OpenAI({\n    baseURL: "${baseUrl}",\n    apiKey: ${apiKey},\n});\n\n`;
    const call = `client.chat.completions.create(${literal(body, "javascript", "")})`;
    return request.stream
      ? `${head}const stream = await ${call};\n\nfor await (const chunk of stream) {\n    process.stdout.write(chunk.choices[0]?.delta?.content ?? "");\n}\n`
      : `${head}const completion = await ${call};\n\nconsole.log(completion.choices[0]?.message.content);\n`;
  }

  const apiKey = key ? `os.environ["${key.env}"]` : `"not-needed"`;
  const head = `${key ? "import os\n" : ""}from openai import OpenAI\n\nclient = OpenAI(\n    base_url="${baseUrl}",\n    api_key=${apiKey},\n)\n\n`;
  const args = Object.entries(body)
    .map(([name, value]) => `    ${name}=${literal(value, "python", "    ")},`)
    .join("\n");
  const call = `client.chat.completions.create(\n${args}\n)`;
  return request.stream
    ? `${head}stream = ${call}\n\nfor chunk in stream:\n    if chunk.choices and chunk.choices[0].delta.content:\n        print(chunk.choices[0].delta.content, end="", flush=True)\n`
    : `${head}completion = ${call}\n\nprint(completion.choices[0].message.content)\n`;
}
