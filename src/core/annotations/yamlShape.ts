/**
 * Reading the extension's YAML files: one set of shape rules, written against `Fields`, over
 * three readings of the text, tried in turn:
 * 1. the line reader (yamlSubset.ts), no YAML library at all, for the layout the extension
 *    writes (with comments, quotes of any style, CRLF): almost every file;
 * 2. js-yaml (fastRead.ts), plain values, for other valid YAML (hand edits in layouts of their
 *    own) that both YAML libraries read alike;
 * 3. the exact one, yaml nodes, which know their source ranges, so every problem is reported
 *    where it is.
 * The first two only ever answer with the contents of a valid file: any problem, or YAML they
 * leave alone, goes to the exact reading. So a valid file reads quickly and a broken one gets
 * precise messages. Unit tests (fastRead.test.ts, lineReading.test.ts) hold the readings to
 * each other.
 */

import { yaml } from './yamlLibraries';
import { loadPlainly } from './fastRead';
import { readYamlSubset } from './yamlSubset';
import type { TextProblem } from './types';
import { scanBlockList, type ItemBlock } from './yamlBlocks';

interface Issue {
  readonly message: string;
  readonly start: number;
  readonly end: number;
}

type Range = readonly [number, number];

/** Collects issues while reading one document. */
export class ShapeReport {
  readonly issues: Issue[] = [];

  add(message: string, [start, end]: Range): void {
    this.issues.push({ message, start, end });
  }
}

/** How the shape rules see one reading's values. */
interface Reading {
  isMap(node: unknown): boolean;
  /** The key nodes of a mapping. */
  keys(map: unknown): readonly unknown[];
  /** A key's text, or undefined when the key is not a scalar. */
  keyText(key: unknown): string | undefined;
  /** The value of `key` in a mapping: undefined when absent, null when the key has no value. */
  value(map: unknown, key: string): unknown;
  /** The items of a list, or undefined when `node` is not one. */
  items(node: unknown): readonly unknown[] | undefined;
  isScalar(node: unknown): boolean;
  scalarValue(node: unknown): unknown;
  /** Where the node is in the text, when the reading knows. */
  range(node: unknown): Range | undefined;
}

/** The exact reading: nodes of the yaml library's Document API. */
const YAML_NODES: Reading = {
  isMap: (node) => yaml.isMap(node),
  keys: (map) => (yaml.isMap(map) ? map.items.map((pair) => pair.key) : []),
  keyText: (key) => (yaml.isScalar(key) ? String(key.value) : undefined),
  value: (map, key) => {
    const pair = yaml.isMap(map) ? map.items.find((candidate) => yaml.isScalar(candidate.key) && String(candidate.key.value) === key) : undefined;
    if (!pair) return undefined;
    return pair.value === null || (yaml.isScalar(pair.value) && pair.value.value === null) ? null : pair.value;
  },
  items: (node) => (yaml.isSeq(node) ? node.items : undefined),
  isScalar: (node) => yaml.isScalar(node),
  scalarValue: (node) => (yaml.isScalar(node) ? node.value : undefined),
  range: (node) => (yaml.isNode(node) && node.range ? [node.range[0], node.range[1]] : undefined),
};

function isObject(node: unknown): node is Record<string, unknown> {
  return typeof node === 'object' && node !== null && !Array.isArray(node);
}

/** The fast reading: plain values, mappings as objects whose keys are their keys' text. */
const PLAIN_VALUES: Reading = {
  isMap: isObject,
  keys: (map) => (isObject(map) ? Object.keys(map) : []),
  keyText: (key) => (typeof key === 'string' ? key : undefined),
  value: (map, key) => (isObject(map) && Object.hasOwn(map, key) ? map[key] : undefined),
  items: (node) => (Array.isArray(node) ? node : undefined),
  isScalar: (node) => typeof node !== 'object' || node === null,
  scalarValue: (node) => node,
  range: () => undefined,
};

/** The line reader's values: mappings as Maps (keys are any `[A-Za-z0-9_-]+`, `__proto__` included). */
const LINE_VALUES: Reading = {
  isMap: (node) => node instanceof Map,
  keys: (map) => (map instanceof Map ? [...map.keys()] : []),
  keyText: (key) => (typeof key === 'string' ? key : undefined),
  value: (map, key) => (map instanceof Map ? map.get(key) : undefined),
  items: (node) => (Array.isArray(node) ? node : undefined),
  isScalar: (node) => typeof node !== 'object' || node === null,
  scalarValue: (node) => node,
  range: () => undefined,
};

/** Typed, reporting access to the entries of one YAML mapping. */
export class Fields {
  private constructor(
    private readonly reading: Reading,
    private readonly map: unknown,
    private readonly report: ShapeReport,
    readonly range: Range,
  ) {}

  /** The mapping at `node`, or undefined (reported) when it is something else. */
  static of(reading: Reading, node: unknown, what: string, report: ShapeReport, fallback: Range): Fields | undefined {
    const range = reading.range(node) ?? fallback;
    if (reading.isMap(node)) return new Fields(reading, node, report, range);
    report.add(`${what} must be a mapping`, range);
    return undefined;
  }

  /** Report keys outside `allowed`: a misspelt key would otherwise be silently ignored. */
  onlyKeys(allowed: readonly string[]): void {
    for (const keyNode of this.reading.keys(this.map)) {
      const key = this.reading.keyText(keyNode);
      if (key === undefined || !allowed.includes(key)) {
        this.report.add(`Unknown key '${key ?? '?'}' (expected one of: ${allowed.join(', ')})`, this.reading.range(keyNode) ?? this.range);
      }
    }
  }

  rangeOfKey(key: string): Range {
    return this.reading.range(this.value(key)) ?? this.range;
  }

  string(key: string, required: boolean, pattern?: RegExp): string | undefined {
    const value = this.scalar(key, required);
    if (value === undefined) return undefined;
    if (typeof value !== 'string') return this.wrong(key, 'a string');
    if (pattern && !pattern.test(value)) return this.wrong(key, `text matching ${pattern.source}`);
    return value;
  }

  oneOf<T extends string>(key: string, values: readonly T[]): T | undefined {
    const value = this.scalar(key, true);
    if (value === undefined) return undefined;
    return values.find((candidate) => candidate === value) ?? this.wrong(key, `one of: ${values.join(', ')}`);
  }

  integer(key: string, minimum: number): number | undefined {
    const value = this.scalar(key, true);
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < minimum) {
      return this.wrong(key, `a whole number from ${minimum}`);
    }
    return value;
  }

  boolean(key: string): boolean | undefined {
    const value = this.scalar(key, false);
    if (value === undefined) return undefined;
    return typeof value === 'boolean' ? value : this.wrong(key, 'true or false');
  }

  /** A list of strings; an absent key reads as undefined, `key:` with no value as []. */
  strings(key: string): string[] | undefined {
    const node = this.value(key);
    if (node === undefined) return undefined;
    if (node === null) return [];
    const items = this.reading.items(node);
    if (!items) return this.wrong(key, 'a list of strings');
    const strings: string[] = [];
    for (const item of items) {
      const value = this.reading.isScalar(item) ? this.reading.scalarValue(item) : undefined;
      if (typeof value === 'string') strings.push(value);
      else this.report.add(`'${key}' must hold only strings`, this.reading.range(item) ?? this.range);
    }
    return strings;
  }

  /** The mapping under `key`. */
  fields(key: string, required: boolean): Fields | undefined {
    const node = this.value(key);
    if (node === undefined || node === null) {
      if (required) this.missing(key);
      return undefined;
    }
    return Fields.of(this.reading, node, `'${key}'`, this.report, this.range);
  }

  /** The item nodes of the list under `key`; none when it is absent or has no value. */
  listItems(key: string): readonly unknown[] {
    const node = this.value(key);
    if (node === undefined || node === null) return [];
    const items = this.reading.items(node);
    if (items) return items;
    this.wrong(key, 'a list');
    return [];
  }

  private value(key: string): unknown {
    return this.reading.value(this.map, key);
  }

  private scalar(key: string, required: boolean): unknown {
    const node = this.value(key);
    if (node === undefined || node === null) {
      if (required) this.missing(key);
      return undefined;
    }
    if (!this.reading.isScalar(node)) return this.wrong(key, 'a single value');
    return this.reading.scalarValue(node);
  }

  private missing(key: string): void {
    this.report.add(`Missing '${key}'`, [this.range[0], this.range[0]]);
  }

  private wrong(key: string, expected: string): undefined {
    this.report.add(`'${key}' must be ${expected}`, this.rangeOfKey(key));
    return undefined;
  }
}

type Locate = (offset: number) => { line: number; column: number };

/** A failed read: every problem found, and the first for callers that show one. */
export interface ReadFailure {
  readonly ok: false;
  readonly error: TextProblem;
  readonly errors: readonly TextProblem[];
}

/** Where an item's mapping is: from its first key to the end of its last line (0-based `line`). */
export interface ItemPlace {
  readonly start: number;
  readonly end: number;
  readonly line: number;
}

/** What a versioned file holding one top-level list of items with ids looks like, and what it reads as. */
export interface ListFileShape<T extends { readonly id: string }, R> {
  /** How messages name the file: `The sidecar`. */
  readonly title: string;
  /** How messages name an item: `An annotation`. */
  readonly itemTitle: string;
  readonly version: number;
  readonly listKey: string;
  /** Every top-level key allowed, `version` and `listKey` included. */
  readonly keys: readonly string[];
  readonly readItem: (fields: Fields, report: ShapeReport) => T | undefined;
  /** The file's contents from its items and the other top-level keys of `root`, read into the same report. */
  readonly contents: (root: Fields, items: readonly { readonly item: T; readonly place: ItemPlace }[]) => R | undefined;
}

/**
 * Read a versioned list file: its shape, a newer version, duplicate ids, and whatever
 * `shape.contents` reads. Fast when the file is valid; otherwise every problem with its place.
 */
export function readListFile<T extends { readonly id: string }, R>(text: string, shape: ListFileShape<T, R>): R | ReadFailure {
  return readListFileFast(text, shape) ?? readListFileExactly(text, shape);
}

/**
 * The fast readings alone (the line reader, then js-yaml): the contents of a valid file, or
 * undefined to leave it to the exact reading. A file the line reader takes but the shape rules
 * refuse is not read again by js-yaml, which would find the same values. `blocks`, when the
 * caller knows them, are the items scanBlockList finds in `text`: not scanned for again.
 */
export function readListFileFast<T extends { readonly id: string }, R>(text: string, shape: ListFileShape<T, R>, blocks?: readonly ItemBlock[]): R | undefined {
  const lines = readYamlSubset(text);
  if (lines !== undefined) return readValues(LINE_VALUES, lines, text, shape, blocks);
  const loaded = loadPlainly(text);
  return loaded && readValues(PLAIN_VALUES, loaded.value, text, shape, blocks);
}

/** The line reader alone: the contents of a valid file in the layout the extension writes, else undefined. */
export function readListFileByLines<T extends { readonly id: string }, R>(text: string, shape: ListFileShape<T, R>): R | undefined {
  const lines = readYamlSubset(text);
  return lines === undefined ? undefined : readValues(LINE_VALUES, lines, text, shape);
}

/** The shape rules over plain values (no places in the text): the contents, or undefined at the first problem. */
function readValues<T extends { readonly id: string }, R>(reading: Reading, document: unknown, text: string, shape: ListFileShape<T, R>, blocks?: readonly ItemBlock[]): R | undefined {
  const report = new ShapeReport();
  const read = readItems(reading, document, text, shape, report);
  if (!read || report.issues.length) return undefined;
  const places = scannedPlaces(text, shape.listKey, read.items, blocks);
  const contents = places && shape.contents(read.root, placed(read.items, places));
  return report.issues.length ? undefined : contents;
}

/** The exact reading alone, with the line and column of every problem. */
export function readListFileExactly<T extends { readonly id: string }, R>(text: string, shape: ListFileShape<T, R>): R | ReadFailure {
  const lineCounter = new yaml.LineCounter();
  const document = yaml.parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const locate: Locate = (offset) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line - 1, column: col - 1 };
  };
  if (document.errors.length) {
    return failure(document.errors.map(({ message, pos }) => ({ message, ...locate(pos[0]), start: pos[0], end: pos[1] })));
  }
  const report = new ShapeReport();
  const read = readItems(YAML_NODES, document.contents, text, shape, report);
  if (!read) return failure(problemsOf(report, locate));
  const places = scannedPlaces(text, shape.listKey, read.items) ?? nodePlaces(text, read.items);
  const contents = shape.contents(read.root, placed(read.items, places));
  if (report.issues.length || contents === undefined) return failure(problemsOf(report, locate));
  return contents;
}

/** The shape rules over one reading, up to the items; their places are found apart. */
function readItems<T extends { readonly id: string }>(
  reading: Reading,
  document: unknown,
  text: string,
  shape: ListFileShape<T, unknown>,
  report: ShapeReport,
): { root: Fields; items: { item: T; node: unknown }[] } | undefined {
  const root = Fields.of(reading, document, shape.title, report, [0, text.length]);
  if (!root) return undefined;
  root.onlyKeys(shape.keys);
  const version = root.integer('version', 1);
  if (version !== undefined && version !== shape.version) {
    report.add(`Version ${version} is newer than this extension reads (${shape.version})`, root.rangeOfKey('version'));
  }
  const items: { item: T; node: unknown }[] = [];
  const seen = new Set<string>();
  for (const node of root.listItems(shape.listKey)) {
    const fields = Fields.of(reading, node, shape.itemTitle, report, root.range);
    const item = fields && shape.readItem(fields, report);
    if (!item) continue;
    if (seen.has(item.id)) report.add(`Duplicate id '${item.id}'`, reading.range(node) ?? root.range);
    seen.add(item.id);
    items.push({ item, node });
  }
  return { root, items };
}

/**
 * The items' places as the block edits see them (yamlBlocks.ts), from the `id` key to the end
 * of the item's last content line; undefined when the line scan does not know the layout. Both
 * readings place items this way, so they agree; for other layouts the exact reading takes the
 * nodes' ranges, and the fast one leaves the file to it.
 */
function scannedPlaces(
  text: string,
  listKey: string,
  items: readonly { readonly item: { readonly id: string } }[],
  blocks: readonly ItemBlock[] | undefined = scanBlockList(text, listKey)?.items,
): ItemPlace[] | undefined {
  if (!blocks || blocks.length !== items.length || blocks.some((block, index) => block.id !== items[index].item.id)) return undefined;
  // Every scanned block starts with `- id:`, so its first `id` is the key.
  return withLines(text, blocks.map((block) => [text.indexOf('id', block.start), block.end]));
}

function placed<T>(items: readonly { readonly item: T }[], places: readonly ItemPlace[]): { item: T; place: ItemPlace }[] {
  return items.map(({ item }, index) => ({ item, place: places[index] }));
}

function nodePlaces(text: string, items: readonly { readonly node: unknown }[]): ItemPlace[] {
  return withLines(text, items.map(({ node }) => YAML_NODES.range(node) ?? [0, 0]));
}

/** Ranges with the 0-based line of their start, counted in one pass as items come in text order. */
function withLines(text: string, ranges: readonly Range[]): ItemPlace[] {
  let line = 0;
  let counted = 0;
  return ranges.map(([start, end]) => {
    if (start < counted) [line, counted] = [0, 0];
    for (let at = text.indexOf('\n', counted); at >= 0 && at < start; at = text.indexOf('\n', at + 1)) line++;
    counted = start;
    return { start, end, line };
  });
}

function problemsOf(report: ShapeReport, locate: Locate): TextProblem[] {
  return report.issues.map(({ message, start, end }) => ({ message, ...locate(start), start, end }));
}

function failure(problems: readonly TextProblem[]): ReadFailure {
  return { ok: false, error: problems[0], errors: problems };
}
