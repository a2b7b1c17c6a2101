/**
 * Editing one item of a top-level YAML block list (`annotations:` of a sidecar, `speakers:` of
 * the registry) by splicing text, without parsing or reprinting the rest of the file.
 *
 * A cheap line scan finds the items: a line at the list's item indent starting with `- ` opens
 * an item, and the item runs to its last content line. Comment and blank lines between items
 * belong to no item, so they survive every edit byte for byte; comments inside an item are
 * kept by editing that item through the yaml Document API. Layouts the scan does not know
 * (a flow list, an item whose `id` is not on its first line) fall back to editing the whole
 * Document, which still keeps comments but may reformat the file.
 */

import type { Document, Node, Pair, YAMLMap } from 'yaml';
import { yaml } from './yamlLibraries';
import type { TextChange } from './anchors';
import { runToEnd } from './steps';
import { readYamlSubset, type YamlValue } from './yamlSubset';

/** Deterministic output, one line per value: no folding, no block scalars, no multi-line quotes. */
const TO_STRING = {
  lineWidth: 0,
  blockQuote: false,
  doubleQuotedMinMultiLineLength: Number.MAX_SAFE_INTEGER,
  flowCollectionPadding: false,
} as const;

export type SortKey = readonly (number | string)[];

/** How one kind of list is kept: its key, how items look in YAML, and how they are ordered. */
export interface BlockListSpec<T> {
  readonly key: string;
  /** A plain object whose key order is the order keys are written in. */
  readonly toYaml: (item: T) => Record<string, unknown>;
  /** The order key of a parsed item (plain data, possibly hand-edited), or undefined when unreadable. */
  readonly sortKey: (item: unknown) => SortKey | undefined;
}

export interface ItemBlock {
  readonly start: number;
  /** Just past the item's last content line, its line break included. */
  readonly end: number;
  readonly id: string | undefined;
}

export interface BlockLayout {
  /** Where the line after `key:` starts. */
  readonly listStart: number;
  readonly itemIndent: number;
  readonly items: readonly ItemBlock[];
  /** The ` []` of `key: []`, dropped when the first item goes in. */
  readonly emptyFlow: { readonly start: number; readonly end: number } | undefined;
  readonly lineBreak: string;
}

/** Top-level `key: value` lines, in the key order of `value`. */
export function renderEntries(value: Record<string, unknown>): string {
  const document = new yaml.Document(value);
  applyHouseStyle(document);
  return document.toString(TO_STRING);
}

/** One item as the lines of a block list indented by `indent`, ending with a line break. */
export function renderItem(value: Record<string, unknown>, indent: number, lineBreak = '\n'): string {
  const document = new yaml.Document([value]);
  applyHouseStyle(document);
  return reindent(document.toString(TO_STRING), 0, indent, lineBreak);
}

/**
 * Loads the yaml library and runs its printer once, so that the first block written in a
 * window (the first tag) does not pay for loading and compiling them: tens of milliseconds.
 */
export function prepareToRenderItems(): void {
  renderItem({ id: 'a-0000000000', anchor: { quote: 'x\n', start: 0, end: 1 }, agencies: ['y'] }, 2);
}

/**
 * An edit of a block list's text: the text it makes, that text as `change` of the one it was
 * made from, and its layout (what scanBlockList finds in it) when the edit tells it without a
 * scan; undefined when only a scan can.
 */
export interface BlockListEdit {
  readonly text: string;
  readonly change: TextChange;
  readonly layout: BlockLayout | undefined;
}

export function insertItemText<T>(spec: BlockListSpec<T>, text: string, item: T): string {
  return insertItemEdit(spec, text, scanBlockList(text, spec.key), item).text;
}

/**
 * Inserts the block of `item` at its place. `layout` is scanBlockList of `text`: kept from the
 * edit that made `text`, a large file is not scanned again at every edit.
 */
export function insertItemEdit<T>(spec: BlockListSpec<T>, text: string, layout: BlockLayout | undefined, item: T): BlockListEdit {
  if (!layout) return wholeEdit(text, editWholeDocument(spec, text, item, (list) => insertionIndex(spec, list.items.map(nodeData), item)));
  const index = insertionIndex(spec, layout.items.map((block) => blockData(text, block, layout)), item);
  const at = index === 0 ? layout.listStart : layout.items[index - 1].end;
  const block = renderItem(spec.toYaml(item), layout.items.length ? layout.itemIndent : 2, layout.lineBreak);
  const separator = at > 0 && text[at - 1] !== '\n' ? layout.lineBreak : '';
  if (layout.emptyFlow) {
    const { start, end } = layout.emptyFlow;
    return spliced(text, { start, end: at, text: text.slice(end, at) + separator + block }, undefined);
  }
  // A first item sets the list's indent; a separator (no line break at the end of the file) moves the end of the item before.
  const kept = separator || layout.items.length === 0 ? undefined : { layout, index, removed: 0, block };
  return spliced(text, { start: at, end: at, text: separator + block }, kept);
}

export function replaceItemText<T>(spec: BlockListSpec<T>, text: string, id: string, item: T): string {
  return replaceItemEdit(spec, text, scanBlockList(text, spec.key), id, item).text;
}

/** Rewrites the block of item `id` to hold `item`; `layout` as for insertItemEdit. */
export function replaceItemEdit<T>(spec: BlockListSpec<T>, text: string, layout: BlockLayout | undefined, id: string, item: T): BlockListEdit {
  const index = layout ? layout.items.findIndex((candidate) => candidate.id === id) : -1;
  if (!layout || index < 0) return wholeEdit(text, editWholeDocument(spec, text, item, (list) => indexOfId(list, id), 1));
  const block = layout.items[index];
  const rewritten = rewriteBlock(spec, text, block, layout, item);
  // A block with comments is printed by the yaml library, whose comment lines may end it: scanned again.
  return spliced(text, { start: block.start, end: block.end, text: rewritten }, rewritten.includes('#') ? undefined : { layout, index, removed: 1, block: rewritten });
}

/**
 * Rewrite the blocks of several items in one pass over the text (after an edit of the clipping
 * moved many anchors): one scan, and each untouched block copied as it is.
 */
export function replaceItemTexts<T>(spec: BlockListSpec<T>, text: string, items: ReadonlyMap<string, T>): string {
  const layout = scanBlockList(text, spec.key);
  const scanned = new Set(layout?.items.map((block) => block.id));
  if (!layout || [...items.keys()].some((id) => !scanned.has(id))) {
    return [...items].reduce((current, [id, item]) => replaceItemText(spec, current, id, item), text);
  }
  const parts: string[] = [];
  let copiedUpTo = 0;
  for (const block of layout.items) {
    const item = block.id === undefined ? undefined : items.get(block.id);
    if (item !== undefined) {
      parts.push(text.slice(copiedUpTo, block.start), rewriteBlock(spec, text, block, layout, item));
      copiedUpTo = block.end;
    }
  }
  parts.push(text.slice(copiedUpTo));
  return parts.join('');
}

/**
 * The new text of one block. A block with comments has its mapping updated in place, so they
 * survive; one without is simply rendered again, which is several times faster.
 */
export function rewriteBlock<T>(spec: BlockListSpec<T>, text: string, block: ItemBlock, layout: BlockLayout, item: T): string {
  const blockText = text.slice(block.start, block.end);
  if (!blockText.includes('#')) return renderItem(spec.toYaml(item), layout.itemIndent, layout.lineBreak);
  const document = yaml.parseDocument(reindent(blockText, layout.itemIndent, 0, '\n'));
  const node = yaml.isSeq(document.contents) ? document.contents.items[0] : undefined;
  if (!yaml.isMap(node)) throw new Error(`The item '${block.id}' is not a mapping`);
  updateMap(document, node, spec.toYaml(item));
  return reindent(document.toString(TO_STRING), 0, layout.itemIndent, layout.lineBreak);
}

export function removeItemText<T>(spec: BlockListSpec<T>, text: string, id: string): string {
  return removeItemEdit(spec, text, scanBlockList(text, spec.key), id).text;
}

/** Removes the block of item `id`; `layout` as for insertItemEdit. */
export function removeItemEdit<T>(spec: BlockListSpec<T>, text: string, layout: BlockLayout | undefined, id: string): BlockListEdit {
  const index = layout ? layout.items.findIndex((candidate) => candidate.id === id) : -1;
  if (!layout || index < 0) return wholeEdit(text, editWholeDocument(spec, text, undefined, (list) => indexOfId(list, id), 1));
  const block = layout.items[index];
  // With the last item gone, so is the list's indent: scanned again.
  return spliced(text, { start: block.start, end: block.end, text: '' }, layout.items.length > 1 ? { layout, index, removed: 1, block: '' } : undefined);
}

/** The whole text made anew (through the Document): its layout is for a scan to find. */
function wholeEdit(before: string, after: string): BlockListEdit {
  return { text: after, change: { start: 0, end: before.length, text: after }, layout: undefined };
}

/**
 * `change` made to `text`, with the layout it leaves when `kept` tells how: the `removed` items
 * of `layout` from `index` on replaced by `block` (none when empty, else rendered here: content
 * lines only, its id on its first), the items after it moved by the change's length.
 */
function spliced(
  text: string,
  change: TextChange,
  kept: { readonly layout: BlockLayout; readonly index: number; readonly removed: number; readonly block: string } | undefined,
): BlockListEdit {
  const after = text.slice(0, change.start) + change.text + text.slice(change.end);
  if (!kept) return { text: after, change, layout: undefined };
  const { layout, index, removed, block } = kept;
  const added: ItemBlock[] = [];
  if (block) {
    const id = ITEM_ID.exec(block.slice(0, block.indexOf('\n')))?.[2];
    if (id === undefined) return { text: after, change, layout: undefined };
    added.push({ start: change.start, end: change.start + block.length, id });
  }
  const shift = change.text.length - (change.end - change.start);
  const moved = layout.items.slice(index + removed).map((item) => ({ start: item.start + shift, end: item.end + shift, id: item.id }));
  return { text: after, change, layout: { ...layout, items: [...layout.items.slice(0, index), ...added, ...moved] } };
}

/** Where the item goes: before the first item that does not sort before it. */
function insertionIndex<T>(spec: BlockListSpec<T>, items: readonly (() => unknown)[], item: T): number {
  const key = spec.sortKey(spec.toYaml(item));
  if (!key) throw new Error('The new item has no sort key');
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    const existing = spec.sortKey(items[middle]());
    if (existing && compareKeys(existing, key) > 0) high = middle;
    else low = middle + 1;
  }
  return low;
}

function compareKeys(a: SortKey, b: SortKey): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return a.length - b.length;
}

/**
 * The plain data of one block, parsed only when the binary search probes it: by the line reader
 * when it takes the block (it always does in the layout the extension writes), else by the yaml library.
 */
function blockData(text: string, block: ItemBlock, layout: BlockLayout): () => unknown {
  return () => {
    const source = reindent(text.slice(block.start, block.end), layout.itemIndent, 0, '\n');
    const lines = readYamlSubset(source);
    if (lines !== undefined) return Array.isArray(lines) ? plainData(lines[0]) : undefined;
    try {
      const parsed: unknown = yaml.parse(source);
      return Array.isArray(parsed) ? parsed[0] : undefined;
    } catch {
      return undefined;
    }
  };
}

/** The line reader's mappings as plain objects, as the yaml library gives them. */
function plainData(value: YamlValue | undefined): unknown {
  if (value instanceof Map) return Object.fromEntries([...value].map(([key, item]) => [key, plainData(item)]));
  return Array.isArray(value) ? value.map(plainData) : value;
}

function nodeData(node: unknown): () => unknown {
  return () => (yaml.isMap(node) ? node.toJSON() : undefined);
}

function indexOfId(list: { readonly items: readonly unknown[] }, id: string): number {
  return list.items.findIndex((node) => yaml.isMap(node) && String(node.get('id')) === id);
}

/**
 * The fallback: edit through the whole Document. `locate` gives the index to insert at, or of
 * the item to replace (`deleteCount` 1, with `item`) or remove (`deleteCount` 1, no `item`).
 */
function editWholeDocument<T>(
  spec: BlockListSpec<T>,
  text: string,
  item: T | undefined,
  locate: (list: { readonly items: readonly unknown[] }) => number,
  deleteCount = 0,
): string {
  const document = yaml.parseDocument(text);
  if (document.errors.length) throw new Error(`Cannot edit invalid YAML: ${document.errors[0].message}`);
  const existing = document.get(spec.key, true);
  const list = yaml.isSeq(existing) ? existing : document.createNode([]);
  if (!yaml.isSeq(existing)) document.set(spec.key, list);
  const index = locate(list);
  if (index < 0) throw new Error(`No item with that id in '${spec.key}'`);
  if (item === undefined) {
    list.items.splice(index, deleteCount);
  } else if (deleteCount && yaml.isMap(list.items[index])) {
    updateMap(document, list.items[index], spec.toYaml(item));
  } else {
    list.items.splice(index, deleteCount, document.createNode(spec.toYaml(item)));
  }
  list.flow = false;
  applyHouseStyle(document);
  return document.toString(TO_STRING);
}

/**
 * Make `map` hold `value` while keeping what is unchanged, so comments and scalar styles on
 * untouched entries survive. New keys go where the key order of `value` puts them.
 */
function updateMap(document: Document, map: YAMLMap, value: Record<string, unknown>): void {
  const keys = Object.keys(value).filter((key) => value[key] !== undefined);
  map.items = map.items.filter((pair) => keys.includes(keyOf(pair)));
  keys.forEach((key, order) => {
    const pair = map.items.find((candidate) => keyOf(candidate) === key);
    const next = value[key];
    if (!pair) {
      const before = keys.slice(0, order);
      const at = map.items.filter((candidate) => before.includes(keyOf(candidate))).length;
      map.items.splice(at, 0, new yaml.Pair(document.createNode(key), applyHouseStyle(document.createNode(next))));
    } else if (isPlainObject(next) && yaml.isMap(pair.value)) {
      updateMap(document, pair.value, next);
    } else if (yaml.isScalar(pair.value) && (typeof next === 'string' || typeof next === 'number' || typeof next === 'boolean')) {
      pair.value.value = next;
      applyHouseStyle(pair.value);
    } else if (!sameData(pair.value, next)) {
      const old = pair.value as Node | null;
      const node = applyHouseStyle(document.createNode(next));
      node.comment = old?.comment;
      node.commentBefore = old?.commentBefore;
      pair.value = node;
    }
  });
}

function keyOf(pair: Pair): string {
  return yaml.isScalar(pair.key) ? String(pair.key.value) : '';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sameData(node: unknown, value: unknown): boolean {
  const data = yaml.isMap(node) || yaml.isSeq(node) || yaml.isScalar(node) ? node.toJSON() : node;
  return JSON.stringify(data) === JSON.stringify(value);
}

/**
 * Text with line breaks is written double-quoted with `\n` escapes, one line per value, rather
 * than as a multi-line plain scalar; lists of such strings (aliases, agencies) go on one line:
 * `[رويترز, أ ف ب]`.
 */
function applyHouseStyle<T extends Document | Node>(target: T): T {
  yaml.visit(target, {
    Scalar(_, scalar) {
      if (typeof scalar.value === 'string' && /[\r\n]/.test(scalar.value)) scalar.type = 'QUOTE_DOUBLE';
    },
    Seq(_, seq) {
      if (seq.items.every(yaml.isScalar)) seq.flow = true;
    },
  });
  return target;
}

/** Shift every line from `from` to `to` spaces of indentation, with the given line break. */
function reindent(text: string, from: number, to: number, lineBreak: string): string {
  const padding = ' '.repeat(to);
  return text
    .split(/\r?\n/)
    .map((line, index, lines) => {
      if (index === lines.length - 1 && line === '') return '';
      const strip = Math.min(from, line.length - line.trimStart().length);
      const body = line.slice(strip);
      return body === '' ? '' : padding + body;
    })
    .join(lineBreak);
}

const ITEM_ID = /^ *- +id: *(["']?)([A-Za-z0-9_-]+)\1 *(#.*)?\r?$/;

/**
 * The items of the top-level block list `key:`, or undefined for a layout this scan does not know.
 * Reading uses it too (yamlShape.ts), so that an item's place is the block an edit rewrites.
 */
export function scanBlockList(text: string, key: string): BlockLayout | undefined {
  return runToEnd(scanBlockListInSteps(text, key, Number.POSITIVE_INFINITY));
}

/**
 * scanBlockList, pausing (yielding) after every `stepSize` items, so that a caller can let
 * other work run between steps: a file of 10,000 items takes 15 ms and more to scan.
 */
export function* scanBlockListInSteps(text: string, key: string, stepSize = 1000): Generator<void, BlockLayout | undefined, void> {
  const keyLine = new RegExp(`^${key}:[ \\t]*(\\[[ \\t]*\\])?[ \\t]*(#.*)?\\r?$`, 'm').exec(text);
  if (!keyLine) return undefined;
  const lineBreak = text.includes('\r\n') ? '\r\n' : '\n';
  const keyLineEnd = lineEndAt(text, keyLine.index);
  const listStart = Math.min(text.length, keyLineEnd + 1);
  const emptyFlow = keyLine[1] === undefined ? undefined : bracketsOf(text, keyLine.index, keyLineEnd);
  const items: ItemBlock[] = [];
  let itemIndent = -1;
  // Only the lines that start items (or end the list) are visited, found by a regular expression
  // (compiled, fast while our code is still cold as the first sidecar opens); the lines inside
  // items are skipped over.
  const firstLine = listStart < text.length ? contentLineAfter(ANY_CONTENT_LINE, text, listStart - 1) : undefined;
  if (firstLine && isDashAt(text, firstLine.start + firstLine.indent) && !emptyFlow) {
    itemIndent = firstLine.indent;
    const boundary = new RegExp(`\\n {0,${itemIndent}}(?=[^ #\\r\\n])`, 'g');
    for (let itemStart = firstLine.start; ; ) {
      const next = contentLineAfter(boundary, text, itemStart);
      const nextStart = next?.start ?? text.length;
      const firstLineOfItem = text.slice(itemStart, lineEndAt(text, itemStart));
      items.push({ start: itemStart, end: contentEndBefore(text, nextStart, itemStart), id: ITEM_ID.exec(firstLineOfItem)?.[2] });
      if (!next || next.indent < itemIndent || !isDashAt(text, next.start + next.indent)) break;
      if (items.length % stepSize === 0) yield;
      itemStart = next.start;
    }
  }
  if (items.some((item) => item.id === undefined)) return undefined;
  return { listStart, itemIndent, items, emptyFlow, lineBreak };
}

/** A line that holds more than spaces or a comment (its first other character not `#` or `\r`), at any indentation. */
const ANY_CONTENT_LINE = /\n *(?=[^ #\r\n])/g;

/** The next line after `from` that `lineStart` (a global expression matching its line break and indentation) finds. */
function contentLineAfter(lineStart: RegExp, text: string, from: number): { start: number; indent: number } | undefined {
  lineStart.lastIndex = from;
  const match = lineStart.exec(text);
  return match ? { start: match.index + 1, indent: match[0].length - 1 } : undefined;
}

/** Whether a list item's dash is at `at`: a space or a line break (or the text's end) after it. */
function isDashAt(text: string, at: number): boolean {
  return text.charCodeAt(at) === DASH && (at + 1 === text.length || isLineSpace(text.charCodeAt(at + 1)));
}

/**
 * Just past the last content line (its line break included) that ends at or before `next`, a
 * line start or the text's end: blank and comment lines between items belong to neither.
 */
function contentEndBefore(text: string, next: number, itemStart: number): number {
  let end = next;
  for (;;) {
    const lineEnd = end === text.length && text.charCodeAt(end - 1) !== LF ? end : end - 1;
    const lineStart = text.lastIndexOf('\n', lineEnd - 1) + 1;
    if (lineStart <= itemStart || !isBlankLine(text, lineStart, lineEnd)) return end;
    end = lineStart;
  }
}

/** A line of spaces alone, or whose first other character starts a comment or is a carriage return. */
function isBlankLine(text: string, start: number, end: number): boolean {
  const indent = indentAt(text, start, end);
  const first = text.charCodeAt(start + indent);
  return start + indent === end || first === CR || first === HASH;
}

function lineEndAt(text: string, position: number): number {
  const end = text.indexOf('\n', position);
  return end < 0 ? text.length : end;
}

function indentAt(text: string, position: number, end: number): number {
  let indent = 0;
  while (position + indent < end && text.charCodeAt(position + indent) === SPACE) indent++;
  return indent;
}

const SPACE = 0x20;
const CR = 0x0d;
const LF = 0x0a;
const HASH = 0x23;
const DASH = 0x2d;

/** A space or a line break: what may follow the dash of a list item. */
function isLineSpace(code: number): boolean {
  return code === SPACE || code === CR || code === LF;
}

/** The ` []` on the key line, spaces before it included. */
function bracketsOf(text: string, lineStart: number, lineEnd: number): { start: number; end: number } {
  const line = text.slice(lineStart, lineEnd);
  const open = line.indexOf('[');
  const close = line.indexOf(']');
  let start = open;
  while (start > 0 && (line[start - 1] === ' ' || line[start - 1] === '\t')) start--;
  return { start: lineStart + start, end: lineStart + close + 1 };
}
