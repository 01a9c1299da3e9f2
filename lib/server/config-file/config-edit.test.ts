import { describe, expect, it } from "vitest";
import { findProperty, isArray, isObject, parseDoc, type JsonValue } from "./config-cst";
import { appendElement, ConfigShapeError, insertProperty, nodeAt, removeItem, setPath, setValue } from "./config-edit";
import { quoteString } from "./config-render";

function insertAt(text: string, path: string[], key: string, value: JsonValue, explode = false): string {
  const doc = parseDoc(text);
  const node = nodeAt(doc, path);
  if (!isObject(node)) throw new Error("not an object");
  return insertProperty(doc, node, key, value, { explode });
}

function removeAt(text: string, path: string[], key: string): string {
  const doc = parseDoc(text);
  const node = nodeAt(doc, path);
  const property = isObject(node) ? findProperty(node, key) : undefined;
  if (!isObject(node) || !property) throw new Error("missing");
  return removeItem(doc, node, property);
}

describe("insertProperty", () => {
  it("follows a multi-line object's indentation and trailing commas, after a line's comment", () => {
    const text = "{\n  a: 1, // one\n}\n";
    expect(insertAt(text, [], "b", "x")).toBe('{\n  a: 1, // one\n  b: "x",\n}\n');
  });

  it("adds the missing comma when the last item has none", () => {
    expect(insertAt('{\n    "a": 1\n}', [], "b", 2)).toBe('{\n    "a": 1,\n    "b": 2\n}');
    expect(insertAt("{\n  a: 1 // note\n}", [], "b", 2)).toBe("{\n  a: 1, // note\n  b: 2\n}");
  });

  it("stays on one line in a one-line object", () => {
    expect(insertAt("{ a: { b: 1 } }", ["a"], "c", true)).toBe("{ a: { b: 1, c: true } }");
    expect(insertAt("{ a: { b: 1, } }", ["a"], "c", true)).toBe("{ a: { b: 1, c: true, } }");
  });

  it("lays a one-line container it owns out one per line when it grows too long, copying items as written", () => {
    const text = `{\n  m: { 'huggingface/deepseek-ai/DeepSeek-R1': { alias: 'R1' }, "huggingface/Qwen/Qwen3-8B": {} },\n}`;
    expect(insertAt(text, ["m"], "huggingface/meta-llama/Llama-3.3-70B-Instruct", {}, true)).toBe(
      "{\n  m: {\n    'huggingface/deepseek-ai/DeepSeek-R1': { alias: 'R1' },\n" +
        "    \"huggingface/Qwen/Qwen3-8B\": {},\n    'huggingface/meta-llama/Llama-3.3-70B-Instruct': {},\n  },\n}",
    );
  });

  it("fills an empty object on one line when it fits, else over several lines, keeping a comment inside it", () => {
    expect(insertAt("{\n  m: {},\n}", ["m"], "k", 1)).toBe("{\n  m: { k: 1 },\n}");
    const long = "x".repeat(90);
    expect(insertAt("{\n  m: {},\n}", ["m"], "k", long)).toBe(`{\n  m: {\n    k: "${long}",\n  },\n}`);
    expect(insertAt("{\n  m: { /* none yet */ },\n}", ["m"], "k", 1)).toBe(
      "{\n  m: { /* none yet */\n    k: 1,\n  },\n}",
    );
  });

  it("quotes keys that are not identifiers, in the file's quote style", () => {
    expect(insertAt("{\n  a: 'x',\n}", [], "huggingface/Qwen/Qwen3-8B", {})).toBe(
      "{\n  a: 'x',\n  'huggingface/Qwen/Qwen3-8B': {},\n}",
    );
  });
});

describe("removeItem", () => {
  it("removes a whole line and keeps the neighbours' comments", () => {
    const text = "{\n  // about a\n  a: 1,\n  b: 2, // about b\n}";
    expect(removeAt(text, [], "a")).toBe("{\n  // about a\n  b: 2, // about b\n}");
  });

  it("keeps a comment that shares the removed property's line", () => {
    expect(removeAt("{\n  alias: 'x', // note\n  p: 1,\n}", [], "alias")).toBe("{\n  // note\n  p: 1,\n}");
  });

  it("takes the previous comma with the last property when there is no trailing comma", () => {
    expect(removeAt('{\n    "a": 1,\n    "alias": "x"\n}', [], "alias")).toBe('{\n    "a": 1\n}');
    expect(removeAt("{ a: 1, alias: 'x' }", [], "alias")).toBe("{ a: 1 }");
    expect(removeAt("{ alias: 'x', a: 1 }", [], "alias")).toBe("{ a: 1 }");
  });

  it("empties an object whose only property goes", () => {
    expect(removeAt('{ m: { alias: "x" } }', ["m"], "alias")).toBe("{ m: {} }");
  });
});

describe("setValue, setPath, appendElement", () => {
  it("keeps a string's quote style and a multi-line list multi-line", () => {
    const text = "{\n  s: 'a',\n  l: [\n    'x',\n  ],\n}";
    const doc = parseDoc(text);
    const withS = setValue(doc, nodeAt(doc, ["s"])!, "b");
    expect(withS).toContain("s: 'b',");
    const again = parseDoc(withS);
    expect(setValue(again, nodeAt(again, ["l"])!, ["y", "z"])).toContain("l: [\n    'y',\n    'z',\n  ],");
  });

  it("creates missing objects one per line and refuses to walk through a non-object", () => {
    expect(setPath("{}\n", ["a", "b"], 1, () => false)).toBe("{\n  a: {\n    b: 1,\n  },\n}\n");
    expect(() => setPath('{ a: "text" }', ["a", "b"], 1, () => false)).toThrow(ConfigShapeError);
  });

  it("leaves an unchanged value alone", () => {
    const text = "{ a: 'same' }";
    expect(setPath(text, ["a"], "same", () => true)).toBe(text);
  });

  it("appends to a list after its last element's comment", () => {
    const text = "{\n  l: [\n    'a', // first\n  ],\n}";
    const doc = parseDoc(text);
    const list = nodeAt(doc, ["l"]);
    expect(isArray(list) && appendElement(doc, list, "b")).toBe("{\n  l: [\n    'a', // first\n    'b',\n  ],\n}");
  });
});

describe("quoteString", () => {
  it("escapes for either quote", () => {
    expect(quoteString(`it's "x" \\ y`, "'")).toBe(`'it\\'s "x" \\\\ y'`);
    expect(quoteString(`it's "x"`, '"')).toBe(`"it's \\"x\\""`);
  });
});
