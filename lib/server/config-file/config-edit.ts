/**
 * Lossless JSON5 edits: each one splices new text into the ranges it changes and copies every
 * other byte (comments, key order, quotes, blank lines, CRLF) as it was.
 */
import {
  commaBetween,
  containerItems,
  findProperty,
  isMultiline,
  isObject,
  lineIndent,
  lineStart,
  parseDoc,
  sameLine,
  startsLine,
  type ArrayNode,
  type DocStyle,
  type JsonDoc,
  type JsonValue,
  type ObjectNode,
  type Ranged,
  type ValueNode,
} from "./config-cst";
import { MAX_WIDTH, renderKey, renderValue } from "./config-render";

interface Splice {
  from: number;
  to: number;
  text: string;
}

/** The config cannot be edited at this path (e.g. `agents` is a string). */
export class ConfigShapeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigShapeError";
  }
}

function applySplices(text: string, splices: Splice[]): string {
  let out = text;
  for (const s of [...splices].sort((a, b) => b.from - a.from)) out = out.slice(0, s.from) + s.text + out.slice(s.to);
  return out;
}

function column(text: string, pos: number): number {
  return pos - lineStart(text, pos);
}

/** Replaces a value; keeps a multi-line container multi-line and a string's quote style. */
export function setValue(doc: JsonDoc, node: ValueNode, value: JsonValue): string {
  const { text } = doc;
  const container = node.type === "JSONObjectExpression" || node.type === "JSONArrayExpression";
  const rendered = renderValue(value, doc.style, {
    indent: lineIndent(text, node.range[0]),
    column: column(text, node.range[0]),
    expand: container && containerItems(node).length > 0 && isMultiline(doc, node) ? 1 : 0,
    quote: node.type === "JSONLiteral" && typeof node.value === "string" ? (node.raw[0] as '"' | "'") : undefined,
  });
  return applySplices(text, [{ from: node.range[0], to: node.range[1], text: rendered }]);
}

/** The end of the comments that follow `pos` on its own line (a trailing `// note` stays with its line). */
function endOfLineComments(doc: JsonDoc, pos: number, limit: number): number {
  let end = pos;
  for (const comment of doc.comments) {
    if (comment.range[0] >= end && comment.range[0] < limit && sameLine(doc.text, end, comment.range[0])) {
      end = comment.range[1];
    }
  }
  return end;
}

/** Inserts an item (`key: value` text or an array element) after the container's last item. */
function insertItem(
  doc: JsonDoc,
  node: ObjectNode | ArrayNode,
  render: (indent: string, col: number) => string,
  explodable: boolean,
): string {
  const { text, style } = doc;
  const close = node.range[1] - 1;
  const last = containerItems(node).at(-1);
  const outer = lineIndent(text, node.range[0]);

  if (!last) {
    const inner = outer + style.unit;
    const after = doc.comments.filter((c) => c.range[0] > node.range[0] && c.range[1] <= close).at(-1);
    // `{}` inside the document may become `{ alias: "…" }`; the root object always gets one item per line.
    if (!after && node !== doc.root && sameLine(text, node.range[0], close)) {
      const pad = node.type === "JSONObjectExpression" ? " " : "";
      const one = `${text[node.range[0]]}${pad}${render(outer, column(text, node.range[0]) + 1 + pad.length)}${pad}${text[close]}`;
      if (!one.includes("\n") && column(text, node.range[0]) + one.length <= MAX_WIDTH) {
        return applySplices(text, [{ from: node.range[0], to: node.range[1], text: one }]);
      }
    }
    const from = after ? after.range[1] : node.range[0] + 1;
    const item = render(inner, inner.length);
    const comma = style.trailingComma ? "," : "";
    return applySplices(text, [{ from, to: close, text: `${style.eol}${inner}${item}${comma}${style.eol}${outer}` }]);
  }

  const comma = commaBetween(doc, last.range[1], close);
  if (!isMultiline(doc, node)) {
    const at = comma ? comma.range[1] : last.range[1];
    const item = render(outer, column(text, at) + 2);
    const lineEnd = text.indexOf("\n", at) === -1 ? text.length : text.indexOf("\n", at);
    const tooLong = lineEnd - lineStart(text, at) + item.length + 2 > MAX_WIDTH || item.includes("\n");
    if (explodable && tooLong && !hasCommentWithin(doc, node.range[0], node.range[1]))
      return explode(doc, node, render);
    return applySplices(text, [{ from: at, to: at, text: comma ? ` ${item},` : `, ${item}` }]);
  }
  const inner = startsLine(text, last.range[0]) ? lineIndent(text, last.range[0]) : outer + style.unit;
  const at = endOfLineComments(doc, comma ? comma.range[1] : last.range[1], close);
  const item = `${style.eol}${inner}${render(inner, inner.length)}${comma ? "," : ""}`;
  if (comma) return applySplices(text, [{ from: at, to: at, text: item }]);
  // No comma after the last item yet: add one, then the new item after any comment on that line.
  const splices: Splice[] = [{ from: last.range[1], to: last.range[1], text: at === last.range[1] ? `,${item}` : "," }];
  if (at !== last.range[1]) splices.push({ from: at, to: at, text: item });
  return applySplices(text, splices);
}

/**
 * A one-line container that would grow too long is laid out one item per line: the items'
 * own text is copied as it was, only the space between them changes.
 */
function explode(doc: JsonDoc, node: ObjectNode | ArrayNode, render: (indent: string, col: number) => string): string {
  const { text, style } = doc;
  const outer = lineIndent(text, node.range[0]);
  const inner = outer + style.unit;
  const items = containerItems(node).map((item) => text.slice(item.range[0], item.range[1]));
  items.push(render(inner, inner.length));
  const [open, close] = node.type === "JSONObjectExpression" ? ["{", "}"] : ["[", "]"];
  const body = items.map((item) => inner + item).join(`,${style.eol}`);
  const comma = style.trailingComma ? "," : "";
  return applySplices(text, [
    { from: node.range[0], to: node.range[1], text: `${open}${style.eol}${body}${comma}${style.eol}${outer}${close}` },
  ]);
}

export interface InsertOptions {
  /** Levels of the new value laid out one item per line (see RenderAt.expand). */
  expand?: number;
  /** May re-flow a one-line container that grows too long (only for containers the dashboard owns). */
  explode?: boolean;
}

export function insertProperty(
  doc: JsonDoc,
  object: ObjectNode,
  key: string,
  value: JsonValue,
  options: InsertOptions = {},
): string {
  const head = `${renderKey(key, doc.style)}: `;
  const render = (indent: string, col: number) =>
    head + renderValue(value, doc.style, { indent, column: col + head.length, expand: options.expand });
  return insertItem(doc, object, render, options.explode ?? false);
}

export function appendElement(doc: JsonDoc, array: ArrayNode, value: JsonValue, options: InsertOptions = {}): string {
  const render = (indent: string, col: number) =>
    renderValue(value, doc.style, { indent, column: col, expand: options.expand });
  return insertItem(doc, array, render, options.explode ?? false);
}

function hasCommentWithin(doc: JsonDoc, from: number, to: number): boolean {
  return doc.comments.some((c) => c.range[0] >= from && c.range[1] <= to);
}

/** Widens a removal to the whole line when nothing else is left on it; else takes the spaces beside it. */
function widen(text: string, from: number, to: number): Splice {
  const rest = /^[ \t]*(\r?\n|$)/.exec(text.slice(to));
  if (startsLine(text, from)) {
    if (rest) return { from: lineStart(text, from), to: to + rest[0].length, text: "" };
    return { from, to: to + (/^[ \t]*/.exec(text.slice(to))?.[0].length ?? 0), text: "" };
  }
  const spaces = /[ \t]*$/.exec(text.slice(lineStart(text, from), from))?.[0].length ?? 0;
  return { from: from - spaces, to, text: "" };
}

/** Removes one property or element with its comma; comments around it stay. */
export function removeItem(doc: JsonDoc, container: ObjectNode | ArrayNode, item: Ranged): string {
  const { text } = doc;
  const items = containerItems(container);
  const index = items.indexOf(item);
  const close = container.range[1] - 1;
  if (items.length === 1 && !hasCommentWithin(doc, container.range[0], container.range[1])) {
    const empty = container.type === "JSONObjectExpression" ? "{}" : "[]";
    return applySplices(text, [{ from: container.range[0], to: container.range[1], text: empty }]);
  }
  const next = items[index + 1];
  const comma = commaBetween(doc, item.range[1], next ? next.range[0] : close);
  if (comma && !hasCommentWithin(doc, item.range[1], comma.range[0])) {
    return applySplices(text, [widen(text, item.range[0], comma.range[1])]);
  }
  const splices: Splice[] = [widen(text, item.range[0], item.range[1])];
  if (comma) splices.push({ from: comma.range[0], to: comma.range[1], text: "" });
  const previous = items[index - 1];
  // The last item goes: its predecessor's comma would otherwise become a new trailing comma.
  const before = !comma && previous ? commaBetween(doc, previous.range[1], item.range[0]) : undefined;
  if (before) splices.push({ from: before.range[0], to: before.range[1], text: "" });
  return applySplices(text, splices);
}

/**
 * Sets the value at `path` (object keys from the root), creating missing objects on the way
 * (one item per line). An unchanged value is left alone, so saving the same settings twice
 * leaves the file as it was.
 */
export function setPath(
  text: string,
  path: string[],
  value: JsonValue,
  same: (node: ValueNode) => boolean,
  options: InsertOptions = {},
  style?: DocStyle,
): string {
  const doc = parseDoc(text, style);
  let node: ValueNode = doc.root;
  for (let depth = 0; depth < path.length; depth++) {
    const key = path[depth] as string;
    if (!isObject(node))
      throw new ConfigShapeError(`${path.slice(0, depth).join(".") || "The config"} is not an object`);
    const property = findProperty(node, key);
    if (!property) {
      const wrappers = path.length - depth - 1;
      const nested = path.slice(depth + 1).reduceRight<JsonValue>((inner, k) => ({ [k]: inner }), value);
      const expand = wrappers + (options.expand ?? 0);
      return insertProperty(doc, node, key, nested, { ...options, expand });
    }
    node = property.value;
  }
  return same(node) ? text : setValue(doc, node, value);
}

/** The node at `path`, or undefined when a step is missing or not an object. */
export function nodeAt(doc: JsonDoc, path: string[]): ValueNode | undefined {
  let node: ValueNode | undefined = doc.root;
  for (const key of path) {
    if (!isObject(node)) return undefined;
    node = findProperty(node, key)?.value;
  }
  return node;
}
