import fs from "node:fs";
import path from "node:path";
import JSON5 from "json5";
import { describe, expect, it } from "vitest";
import { parseDoc } from "./config-cst";
import { scanConfig, ScanError, type Role } from "./config-scan";

const FIXTURES = path.resolve(import.meta.dirname, "../../../test/fixtures/configs");
const fixtures = fs.readdirSync(FIXTURES).map((name) => [name, fs.readFileSync(path.join(FIXTURES, name), "utf8")]);
const keepAll = (): Role => "keep";

const VALID = [
  "{}",
  "{ a: 1, }",
  "{ 'a': 'b', \"c\": \"d\" }",
  "{ $_x9: [1, 2, 3,], ünïcode: null }",
  "{ a: +1, b: -1.5e3, c: .5, d: 5., e: 0x1F, f: -Infinity, g: NaN, h: 0, i: 1E-2 }",
  "{ a: 'line \\\n two', b: \"\\x41\\u0042\\0\\'\\\"\\\\\\/\\q\" }",
  "// head\n{ /* in */ a: 1 // tail\n}\n/* end */",
  "\ufeff{\u00a0a:\u2028true\u3000}",
  "{ 'key with \\' quote': { nested: [{ deep: [[]] }] } }",
  "{ \\u0061b: 1 }",
  "{ a: 'raw \u2028 separator' }",
];

const INVALID = [
  "",
  "{",
  "{ a: 1",
  "{ a 1 }",
  "{ , }",
  "[,]",
  "{ a: 1,, }",
  "{ a: 01 }",
  "{ a: 0x }",
  "{ a: . }",
  "{ a: 'open }",
  '{ a: "new\nline" }',
  "{ a: '\\1' }",
  "{ a: '\\x4' }",
  "{ a: tru }",
  "{ a: undefined }",
  "{ a: 1 } extra",
  "{ a: 1 /* open",
  "{ a: 1 / }",
  "{ 1a: 1 }",
  "{ a: 1a }",
  "{ a-b: 1 }",
];

async function accepts(text: string): Promise<boolean> {
  return scanConfig(text, { roleOf: keepAll }).then(
    () => true,
    (error: unknown) => {
      if (!(error instanceof ScanError)) throw error;
      return false;
    },
  );
}

function json5Accepts(text: string): boolean {
  try {
    JSON5.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe("scanConfig syntax", () => {
  it.each([...VALID, ...fixtures.map(([, text]) => text as string)])(
    "accepts valid JSON5 like json5 does: %#",
    async (text) => {
      expect(json5Accepts(text)).toBe(true);
      expect(await accepts(text)).toBe(true);
    },
  );

  it.each(INVALID)("rejects what json5 rejects: %j", async (text) => {
    expect(json5Accepts(text)).toBe(false);
    expect(await accepts(text)).toBe(false);
  });

  it("reports json5's message, line and column", async () => {
    const error = await scanConfig("{\n  agents: {,\n}", { roleOf: keepAll }).catch((e: unknown) => e);
    expect(error).toMatchObject({ message: "invalid character ','", line: 2, column: 12 });
    const end = await scanConfig("{ a: 1", { roleOf: keepAll }).catch((e: unknown) => e);
    expect(end).toMatchObject({ message: "invalid end of input" });
  });
});

describe("scanConfig roles and style", () => {
  it("finds the ranges of the values left out, and only below expanded objects", async () => {
    const text = "{ a: { b: [1, { x: 2 }], c: 'k' }, d: 3 }";
    const roleOf = (p: readonly string[]): Role =>
      p[0] === "a" && p.length === 1 ? "expand" : p[1] === "c" ? "keep" : "opaque";
    const scan = await scanConfig(text, { roleOf });
    expect(scan.opaque.map(([from, to]) => text.slice(from, to))).toEqual(["[1, { x: 2 }]", "3"]);
    expect(scan.rootObject).toBe(true);
    expect((await scanConfig("[1]", { roleOf })).rootObject).toBe(false);
  });

  it.each([
    ...fixtures,
    ["tabs, single quotes, no trailing comma", "{\n\t'a': {\n\t\t'b': 1\n\t}\n}"],
    ["one-line root, nested multi-line", "{ a: [\n    1,\n  ], b: 'x' }"],
    ["quoted keys only", '{\r\n   "a": 1\r\n}'],
  ])("detects the same style as the syntax tree: %s", async (_name, text) => {
    const scan = await scanConfig(text as string, { roleOf: keepAll });
    expect(scan.style).toEqual(parseDoc(text as string).style);
  });

  it("pauses every chunk, so a big file never holds the event loop for its whole length", async () => {
    const text = `{ list: [${Array.from({ length: 40_000 }, (_, i) => `{ id: "m${i}", n: ${i} }`).join(",\n")}] }`;
    let pauses = 0;
    await scanConfig(text, { roleOf: keepAll, chunk: 64 * 1024, pause: async () => void pauses++ });
    expect(pauses).toBeGreaterThanOrEqual(Math.floor(text.length / (64 * 1024)) - 1);
  });
});
