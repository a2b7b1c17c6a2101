/**
 * A small shape checker over yaml nodes: reads typed values out of mappings and reports what
 * is wrong with the source range of the offending node, for editor diagnostics.
 */

import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';
import type { TextProblem } from './types';

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

function rangeOf(node: Node | null | undefined, fallback: Range): Range {
  const range = node?.range;
  return range ? [range[0], range[1]] : fallback;
}

/** Typed, reporting access to the entries of one YAML mapping. */
export class Fields {
  private constructor(
    private readonly map: YAMLMap,
    private readonly report: ShapeReport,
    readonly range: Range,
  ) {}

  /** The mapping at `node`, or undefined (reported) when it is something else. */
  static of(node: unknown, what: string, report: ShapeReport, fallback: Range): Fields | undefined {
    if (isMap(node)) return new Fields(node, report, rangeOf(node, fallback));
    report.add(`${what} must be a mapping`, rangeOf(isScalar(node) || isSeq(node) ? node : undefined, fallback));
    return undefined;
  }

  /** Report keys outside `allowed`: a misspelt key would otherwise be silently ignored. */
  onlyKeys(allowed: readonly string[]): void {
    for (const pair of this.map.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key === undefined || !allowed.includes(key)) {
        this.report.add(`Unknown key '${key ?? '?'}' (expected one of: ${allowed.join(', ')})`, rangeOf(pair.key as Node, this.range));
      }
    }
  }

  /** The value node of `key`; null when the key is there without a value. */
  node(key: string): Node | null | undefined {
    const pair = this.map.items.find((candidate) => isScalar(candidate.key) && String(candidate.key.value) === key);
    if (!pair) return undefined;
    const value = pair.value as Node | null;
    return isScalar(value) && value.value === null ? null : value;
  }

  rangeOfKey(key: string): Range {
    return rangeOf(this.node(key), this.range);
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
    const node = this.node(key);
    if (node === undefined) return undefined;
    if (node === null) return [];
    if (!isSeq(node)) return this.wrong(key, 'a list of strings');
    const strings: string[] = [];
    for (const item of node.items) {
      if (isScalar(item) && typeof item.value === 'string') strings.push(item.value);
      else this.report.add(`'${key}' must hold only strings`, rangeOf(item as Node, this.range));
    }
    return strings;
  }

  /** The mapping under `key`. */
  fields(key: string, required: boolean): Fields | undefined {
    const node = this.node(key);
    if (node === undefined || node === null) {
      if (required) this.missing(key);
      return undefined;
    }
    return Fields.of(node, `'${key}'`, this.report, this.range);
  }

  private scalar(key: string, required: boolean): unknown {
    const node = this.node(key);
    if (node === undefined || node === null) {
      if (required) this.missing(key);
      return undefined;
    }
    if (!isScalar(node)) return this.wrong(key, 'a single value');
    return node.value;
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

/** What a versioned file holding one top-level list of items with ids looks like. */
export interface ListFileShape<T extends { readonly id: string }> {
  /** How messages name the file: `The sidecar`. */
  readonly title: string;
  readonly version: number;
  readonly listKey: string;
  /** Every top-level key allowed, `version` and `listKey` included. */
  readonly keys: readonly string[];
  readonly readItem: (node: Node, report: ShapeReport, fallback: Range) => T | undefined;
}

export interface ListFileRead<T> {
  readonly ok: true;
  /** The top-level mapping, for the file's other keys. */
  readonly root: Fields;
  readonly report: ShapeReport;
  readonly items: readonly { readonly item: T; readonly node: Node }[];
  /** 0-based line and column of an offset. */
  readonly locate: Locate;
}

/**
 * Parse a versioned list file and read its items, reporting syntax errors, shape errors,
 * a newer version and duplicate ids. The caller reads any other top-level keys from `root`
 * into the same report, then turns it into problems with `problemsOf`.
 */
export function readListFile<T extends { readonly id: string }>(text: string, shape: ListFileShape<T>): ListFileRead<T> | ReadFailure {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const locate: Locate = (offset) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line - 1, column: col - 1 };
  };
  if (document.errors.length) {
    return failure(document.errors.map(({ message, pos }) => ({ message, ...locate(pos[0]), start: pos[0], end: pos[1] })));
  }
  const report = new ShapeReport();
  const root = Fields.of(document.contents, shape.title, report, [0, text.length]);
  if (!root) return failure(problemsOf(report, locate));
  root.onlyKeys(shape.keys);
  const version = root.integer('version', 1);
  if (version !== undefined && version !== shape.version) {
    report.add(`Version ${version} is newer than this extension reads (${shape.version})`, root.rangeOfKey('version'));
  }
  const items: { item: T; node: Node }[] = [];
  const seen = new Set<string>();
  for (const node of listNodes(root, shape.listKey, report)) {
    const item = shape.readItem(node, report, root.range);
    if (!item) continue;
    if (seen.has(item.id)) report.add(`Duplicate id '${item.id}'`, rangeOf(node, root.range));
    seen.add(item.id);
    items.push({ item, node });
  }
  return { ok: true, root, report, items, locate };
}

function listNodes(root: Fields, key: string, report: ShapeReport): Node[] {
  const node = root.node(key);
  if (node === undefined || node === null) return [];
  if (!isSeq(node)) {
    report.add(`'${key}' must be a list`, root.rangeOfKey(key));
    return [];
  }
  return node.items as Node[];
}

export function problemsOf(report: ShapeReport, locate: Locate): TextProblem[] {
  return report.issues.map(({ message, start, end }) => ({ message, ...locate(start), start, end }));
}

export function failure(problems: readonly TextProblem[]): ReadFailure {
  return { ok: false, error: problems[0], errors: problems };
}
