/**
 * A JSON5 document with source positions, for editing the OpenClaw config without touching
 * the bytes we do not change. The syntax tree comes from jsonc-eslint-parser (acorn-based,
 * every node and comment has a range); values are read with the `json5` package elsewhere.
 */
import { parseJSON, type AST } from "jsonc-eslint-parser";

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface Ranged {
  range: [number, number];
}

export interface DocComment extends Ranged {
  value: string;
}

export interface DocToken extends Ranged {
  type: string;
  value: string;
}

/** How the file is written, so inserted text looks like the text around it. */
export interface DocStyle {
  eol: string;
  /** One level of indentation: spaces or a tab. */
  unit: string;
  quote: '"' | "'";
  unquotedKeys: boolean;
  trailingComma: boolean;
}

export interface JsonDoc {
  text: string;
  root: AST.JSONExpression;
  comments: DocComment[];
  tokens: DocToken[];
  style: DocStyle;
}

export type ObjectNode = AST.JSONObjectExpression;
export type ArrayNode = AST.JSONArrayExpression;
export type ValueNode = AST.JSONExpression;
export type PropertyNode = AST.JSONProperty;

/** The document could not be parsed for editing. */
export class DocSyntaxError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = "DocSyntaxError";
  }
}

/** Parses `text`; `style`, when given, replaces the detected one (the text may be a window on a bigger file). */
export function parseDoc(text: string, style?: DocStyle): JsonDoc {
  let program: AST.JSONProgram;
  try {
    program = parseJSON(text, { jsonSyntax: "JSON5" });
  } catch (error) {
    const { lineNumber, column } = error as { lineNumber?: number; column?: number };
    throw new DocSyntaxError((error as Error).message, lineNumber, column === undefined ? undefined : column + 1);
  }
  const root = program.body[0].expression;
  const comments = program.comments.map((c) => ({ value: c.value, range: c.range as [number, number] }));
  const tokens = program.tokens.map((t) => ({ type: t.type, value: t.value, range: t.range }));
  const doc = { text, root, comments, tokens, style: DEFAULT_STYLE };
  return { ...doc, style: style ?? detectStyle(doc) };
}

export const DEFAULT_STYLE: DocStyle = { eol: "\n", unit: "  ", quote: '"', unquotedKeys: true, trailingComma: true };

export function keyName(property: PropertyNode): string {
  return property.key.type === "JSONIdentifier" ? property.key.name : String(property.key.value);
}

/** The property JSON5 would read (the last one when a key is repeated). */
export function findProperty(object: ObjectNode, name: string): PropertyNode | undefined {
  return object.properties.findLast((property) => keyName(property) === name);
}

export function isObject(node: ValueNode | undefined): node is ObjectNode {
  return node?.type === "JSONObjectExpression";
}

export function isArray(node: ValueNode | undefined): node is ArrayNode {
  return node?.type === "JSONArrayExpression";
}

/** The string value of a string literal node, else undefined. */
export function stringValue(node: ValueNode | undefined): string | undefined {
  return node?.type === "JSONLiteral" && typeof node.value === "string" ? node.value : undefined;
}

export function lineStart(text: string, pos: number): number {
  return text.lastIndexOf("\n", pos - 1) + 1;
}

/** The whitespace that starts the line holding `pos`. */
export function lineIndent(text: string, pos: number): string {
  const start = lineStart(text, pos);
  return /^[ \t]*/.exec(text.slice(start, pos))?.[0] ?? "";
}

/** True when only spaces or tabs stand between the start of the line and `pos`. */
export function startsLine(text: string, pos: number): boolean {
  return /^[ \t]*$/.test(text.slice(lineStart(text, pos), pos));
}

export function sameLine(text: string, a: number, b: number): boolean {
  const [from, to] = a < b ? [a, b] : [b, a];
  return !text.slice(from, to).includes("\n");
}

/** The first `,` token in [from, to), if any. */
export function commaBetween(doc: JsonDoc, from: number, to: number): DocToken | undefined {
  return doc.tokens.find((t) => t.type === "Punctuator" && t.value === "," && t.range[0] >= from && t.range[1] <= to);
}

export function containerItems(node: ObjectNode | ArrayNode): Ranged[] {
  return node.type === "JSONObjectExpression"
    ? node.properties
    : node.elements.filter((element): element is ValueNode => element !== null);
}

/** Multi-line when the closing bracket sits on a later line than the last item. */
export function isMultiline(doc: JsonDoc, node: ObjectNode | ArrayNode): boolean {
  const items = containerItems(node);
  const last = items.at(-1);
  const close = node.range[1] - 1;
  return last ? !sameLine(doc.text, last.range[1], close) : !sameLine(doc.text, node.range[0], close);
}

function walkContainers(node: ValueNode, visit: (node: ObjectNode | ArrayNode) => void): void {
  if (isObject(node)) {
    visit(node);
    for (const property of node.properties) walkContainers(property.value, visit);
  } else if (isArray(node)) {
    visit(node);
    for (const element of node.elements) if (element) walkContainers(element, visit);
  }
}

function detectStyle(doc: JsonDoc): DocStyle {
  const { text } = doc;
  let unit: string | undefined;
  let trailingComma: boolean | undefined;
  walkContainers(doc.root, (node) => {
    const items = containerItems(node);
    const first = items[0];
    const last = items.at(-1);
    if (!first || !last || !isMultiline(doc, node)) return;
    if (unit === undefined && startsLine(text, first.range[0])) {
      const outer = lineIndent(text, node.range[0]);
      const inner = lineIndent(text, first.range[0]);
      if (inner.startsWith(outer) && inner.length > outer.length) unit = inner.slice(outer.length);
    }
    trailingComma ??= commaBetween(doc, last.range[1], node.range[1]) !== undefined;
  });
  const keys: PropertyNode[] = [];
  walkContainers(doc.root, (node) => {
    if (isObject(node)) keys.push(...node.properties);
  });
  const firstString = doc.tokens.find((t) => t.type === "String");
  const unquotedKeys = keys.length === 0 || keys.some((p) => p.key.type === "JSONIdentifier");
  return {
    eol: text.includes("\r\n") ? "\r\n" : "\n",
    unit: unit ?? DEFAULT_STYLE.unit,
    quote: firstString?.value.startsWith("'") ? "'" : '"',
    unquotedKeys,
    // A strict-JSON file stays strict: no trailing commas unless the file already has them.
    trailingComma: trailingComma ?? unquotedKeys,
  };
}
