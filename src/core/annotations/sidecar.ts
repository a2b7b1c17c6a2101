/**
 * The sidecar file `<clipping>.annotations.yaml`: reading it (fast when it is valid, with
 * precise error positions when it is not: see yamlShape.ts), writing a new one, and editing one
 * annotation's block in place (see yamlBlocks.ts) so that a change touches only that block:
 * hand-written comments stay, and two people's changes to different annotations merge without
 * conflict.
 */

import { ID_PATTERN } from './ids';
import { runToEnd } from './steps';
import {
  insertItemEdit,
  insertItemText,
  prepareToRenderItems,
  removeItemEdit,
  removeItemText,
  renderEntries,
  renderItem,
  replaceItemEdit,
  replaceItemText,
  replaceItemTexts,
  rewriteBlock,
  scanBlockList,
  scanBlockListInSteps,
  type BlockLayout,
  type BlockListEdit,
  type BlockListSpec,
  type ItemBlock,
} from './yamlBlocks';
import { anchorOf, sourceTagOf, speakerTagOf, stanceTagOf } from '../index/annotationObjects';
import { readListFile, readListFileByLines, readListFileFast, type Fields, type ListFileShape, type ReadFailure, type ShapeReport } from './yamlShape';
import {
  ATTRIBUTION_KINDS,
  compareAnnotations,
  POLARITIES,
  SIDECAR_VERSION,
  SOURCE_KINDS,
  SOURCE_SCOPES,
  type Anchor,
  type Annotation,
  type AnnotationBase,
  type Sidecar,
} from './types';

// Annotations are built by the literals of annotationObjects.ts, one shape per combination of
// fields: the workspace index keeps a million of them, at half the memory of spread objects.

/** Where an annotation's mapping is in the sidecar text (0-based line), to reveal it. */
export interface SidecarBlock {
  readonly id: string;
  readonly start: number;
  readonly end: number;
  readonly line: number;
}

export type SidecarParse = SidecarRead | ReadFailure;
type SidecarRead = { readonly ok: true; readonly sidecar: Sidecar; readonly blocks: readonly SidecarBlock[] };

/** The times an annotation records (`created`, `modified`): ISO 8601 with a zone. */
export const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
const BASE_KEYS = ['id', 'type', 'anchor', 'author', 'created', 'modified'] as const;
const SPEAKER_KEYS = [...BASE_KEYS, 'speaker', 'kind', 'cue'];
const STANCE_KEYS = [...BASE_KEYS, 'holder', 'polarity', 'target', 'note'];
const SOURCE_KEYS = [...BASE_KEYS, 'scope', 'kind', 'outlet', 'agencies', 'writer'];
const ANCHOR_KEYS = ['quote', 'prefix', 'suffix', 'start', 'end', 'article', 'orphaned'];
const ARTICLE_KEYS = ['index', 'title'];

const ANNOTATIONS: BlockListSpec<Annotation> = {
  key: 'annotations',
  toYaml: annotationToYaml,
  sortKey: (item) => {
    const { id, anchor } = (item ?? {}) as { id?: unknown; anchor?: { start?: unknown; end?: unknown } };
    const start = anchor?.start;
    const end = anchor?.end;
    return typeof start === 'number' && typeof end === 'number' && typeof id === 'string' ? [start, end, id] : undefined;
  },
};

/** A new sidecar's text. Annotations are written in document order. */
export function serializeSidecar(sidecar: Sidecar): string {
  const annotations = [...sidecar.annotations].sort(compareAnnotations);
  const header =
    `# Annotations of ${sidecar.clipping.replace(/[\r\n]/g, ' ')} (press clippings).\n` +
    '# Hand edits and comments are kept. Each annotation is one `- id:` block.\n' +
    renderEntries({ version: sidecar.version, clipping: sidecar.clipping });
  if (annotations.length === 0) return header + 'annotations: []\n';
  return header + 'annotations:\n' + annotations.map((annotation) => renderItem(annotationToYaml(annotation), 2)).join('');
}

/**
 * Prepares writing (the yaml library loaded, its printer compiled) ahead of the first tag: the
 * editor calls it when idle after opening a sidecar, which the line reader reads without that library.
 */
export function prepareToWriteSidecars(): void {
  prepareToRenderItems();
}

/** Insert an annotation's block at its place in document order; nothing else changes. */
export function insertAnnotationText(sidecarText: string, annotation: Annotation): string {
  return insertItemText(ANNOTATIONS, sidecarText, annotation);
}

/** Where the annotations' blocks are in a sidecar's text: what its block edits need to know. */
export type SidecarLayout = BlockLayout;

/** A block edit of a sidecar: the new text, as a change of the old, and its layout when known without a scan. */
export type SidecarEdit = BlockListEdit;

/**
 * The layout of the annotations in `sidecarText` (undefined for a layout only the whole-document
 * edits handle), a step (`yield`) after each thousand blocks.
 */
export function sidecarLayoutInSteps(sidecarText: string): Generator<void, SidecarLayout | undefined, void> {
  return scanBlockListInSteps(sidecarText, ANNOTATIONS.key);
}

/**
 * insertAnnotationText, replaceAnnotationText and removeAnnotationText given the text's layout
 * (sidecarLayoutInSteps, or the layout the edit that made the text gave): a large sidecar is
 * not scanned again at every edit. The edit gives the layout of the text it makes, when it
 * can tell it without a scan, for the next edit.
 */
export function insertAnnotationEdit(sidecarText: string, layout: SidecarLayout | undefined, annotation: Annotation): SidecarEdit {
  return insertItemEdit(ANNOTATIONS, sidecarText, layout, annotation);
}

export function replaceAnnotationEdit(sidecarText: string, layout: SidecarLayout | undefined, id: string, annotation: Annotation): SidecarEdit {
  return replaceItemEdit(ANNOTATIONS, sidecarText, layout, id, annotation);
}

export function removeAnnotationEdit(sidecarText: string, layout: SidecarLayout | undefined, id: string): SidecarEdit {
  return removeItemEdit(ANNOTATIONS, sidecarText, layout, id);
}

/**
 * Rewrite the block of annotation `id` to hold `annotation`, in place: the block keeps its
 * position (use remove + insert when the anchor moved far) and the comments inside it.
 */
export function replaceAnnotationText(sidecarText: string, id: string, annotation: Annotation): string {
  return replaceItemText(ANNOTATIONS, sidecarText, id, annotation);
}

/** Rewrite the blocks of several annotations at once (anchors moved by an edit of the clipping). */
export function replaceAnnotationTexts(sidecarText: string, annotations: readonly Annotation[]): string {
  return replaceItemTexts(ANNOTATIONS, sidecarText, new Map(annotations.map((annotation) => [annotation.id, annotation])));
}

/** An annotation to write after an edit of the clipping moved its anchor. */
export interface MovedAnnotation {
  readonly annotation: Annotation;
  /**
   * The offsets its block records, when nothing else about it changed since (same words,
   * context, article, fields): then only the two numbers need changing.
   */
  readonly recorded?: { readonly start: number; readonly end: number };
}

/**
 * An anchor that only moved, told by its id and its offsets alone: what writeMovedOffsetsText
 * needs to change its block, a tenth of the whole annotation (to send to a worker).
 */
export interface MovedOffsets {
  readonly id: string;
  /** The offsets its block records. */
  readonly recorded: { readonly start: number; readonly end: number };
  readonly start: number;
  readonly end: number;
}

/**
 * Rewrites the blocks of annotations whose anchors an edit of the clipping moved, in one pass.
 * Most of them only moved: rather than rendering their blocks anew (the yaml library takes
 * ~0.1 ms a block, a second and more for 10,000), the numbers on their `start:` and `end:`
 * lines are swapped, when the block's layout makes that certainly right: one `key: value` per
 * line, every value complete on its line, the anchor a block mapping whose offsets read
 * `recorded`. Any other block is rewritten as replaceAnnotationTexts does; the result means
 * the same either way.
 */
export function writeMovedAnnotationsText(sidecarText: string, moved: readonly MovedAnnotation[]): string {
  return runToEnd(writeMovedAnnotationsTextInSteps(sidecarText, moved, Number.POSITIVE_INFINITY));
}

/**
 * writeMovedAnnotationsText, pausing (yielding) after every `stepSize` blocks looked at (in the
 * scan for the blocks, then in the rewrite): a thousand moved anchors took 60 ms of the
 * extension host's thread at once, the code still cold (bench/host).
 */
export function* writeMovedAnnotationsTextInSteps(sidecarText: string, moved: readonly MovedAnnotation[], stepSize = 100): Generator<void, string, void> {
  return (
    (yield* writeMovedOffsetsSteps(sidecarText, moved, [], stepSize)) ??
    // Only offsets that cannot be swapped give undefined, and there are none.
    replaceAnnotationTexts(sidecarText, moved.map((entry) => entry.annotation))
  );
}

/**
 * writeMovedAnnotationsText, with more annotations that only moved given by `offsets` alone:
 * undefined when the offsets of one of those cannot be swapped in its block (an unusual
 * layout), or a block is missing; then the whole annotations are needed (writeMovedAnnotationsText).
 */
export function writeMovedOffsetsText(sidecarText: string, moved: readonly MovedAnnotation[], offsets: readonly MovedOffsets[]): string | undefined {
  return runToEnd(writeMovedOffsetsSteps(sidecarText, moved, offsets, Number.POSITIVE_INFINITY));
}

function* writeMovedOffsetsSteps(sidecarText: string, moved: readonly MovedAnnotation[], offsets: readonly MovedOffsets[], stepSize: number): Generator<void, string | undefined, void> {
  const byId = new Map<string, MovedAnnotation | MovedOffsets>(moved.map((entry) => [entry.annotation.id, entry]));
  offsets.forEach((entry) => byId.set(entry.id, entry));
  const layout = yield* scanBlockListInSteps(sidecarText, ANNOTATIONS.key, stepSize);
  const found = new Map<string, number>();
  for (const block of layout?.items ?? []) {
    if (block.id !== undefined && byId.has(block.id)) found.set(block.id, (found.get(block.id) ?? 0) + 1);
  }
  if (!layout || found.size !== byId.size || [...found.values()].some((count) => count > 1)) {
    return offsets.length ? undefined : replaceAnnotationTexts(sidecarText, moved.map((entry) => entry.annotation));
  }
  const parts: string[] = [];
  let copiedUpTo = 0;
  let rewritten = 0;
  for (const block of layout.items) {
    const entry = block.id === undefined ? undefined : byId.get(block.id);
    if (!entry) continue;
    if (++rewritten % stepSize === 0) yield;
    const annotation = 'annotation' in entry ? entry.annotation : undefined;
    const now = 'annotation' in entry ? entry.annotation.anchor : entry;
    const edits = entry.recorded && offsetEdits(sidecarText, block, entry.recorded, now);
    if (edits) {
      for (const edit of edits) {
        parts.push(sidecarText.slice(copiedUpTo, edit.at), edit.text);
        copiedUpTo = edit.at + edit.length;
      }
    } else if (annotation) {
      parts.push(sidecarText.slice(copiedUpTo, block.start), rewriteBlock(ANNOTATIONS, sidecarText, block, layout, annotation));
      copiedUpTo = block.end;
    } else {
      return undefined;
    }
  }
  parts.push(sidecarText.slice(copiedUpTo));
  return parts.join('');
}

const SPACE = 0x20;
const TAB = 0x09;
const CR = 0x0d;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const BACKSLASH = 0x5c;
const HASH = 0x23;
const COLON = 0x3a;
const DASH = 0x2d;
/** Characters that cannot start a plain value we are sure of: quotes, flow and block indicators, anchors, tags, reserved. */
const NOT_PLAIN_START = new Set([...`"'[]{}|>&*!%@\`#,`].map((character) => character.charCodeAt(0)));
const QUOTED = String.raw`"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'`;
/** A flow list's item: quoted, or plain with no comment (` #`) in it. */
const FLOW_ITEM = String.raw`(?:${QUOTED}|[^,"'[\]{}#\s](?:[^,[\]{}\s]|\s+[^,[\]{}#\s])*) *`;
const FLOW_LIST = new RegExp(String.raw`^\[ *(?:${FLOW_ITEM}(?:, *${FLOW_ITEM})*)?\]$`);

interface KeyLine {
  /** Where the key starts: its indentation (after `- ` on an item's first line). */
  readonly indent: number;
  readonly dash: boolean;
  readonly key: string;
  /** The value, from its first to its last non-space character ('' for none). */
  readonly valueStart: number;
  readonly valueEnd: number;
}

/**
 * Reads `key: value` on the line [start, end) of `text`, or undefined when the line is not one
 * whose value certainly ends on it: a multi-line scalar, a comment, a block scalar, a flow
 * mapping, or anything unusual is left to the yaml library.
 */
function readKeyLine(text: string, start: number, end: number): KeyLine | undefined {
  let at = start;
  while (at < end && text.charCodeAt(at) === SPACE) at++;
  let dash = false;
  if (text.charCodeAt(at) === DASH && text.charCodeAt(at + 1) === SPACE) {
    dash = true;
    at += 2;
    while (at < end && text.charCodeAt(at) === SPACE) at++;
  }
  const indent = at - start;
  const keyStart = at;
  while (at < end && isKeyCharacter(text.charCodeAt(at))) at++;
  if (at === keyStart || text.charCodeAt(at) !== COLON) return undefined;
  const key = text.slice(keyStart, at);
  at++;
  let valueEnd = end;
  while (valueEnd > at && (text.charCodeAt(valueEnd - 1) === SPACE || text.charCodeAt(valueEnd - 1) === CR)) valueEnd--;
  if (at < valueEnd && text.charCodeAt(at) !== SPACE) return undefined;
  while (at < valueEnd && text.charCodeAt(at) === SPACE) at++;
  const valueStart = at;
  if (valueStart < valueEnd && !completeValue(text, valueStart, valueEnd)) return undefined;
  return { indent, dash, key, valueStart, valueEnd };
}

function isKeyCharacter(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x5f || code === DASH;
}

/** Whether the value [start, end) is whole on its line: a closed quoted string, a flat flow list, or a plain scalar without a comment. */
function completeValue(text: string, start: number, end: number): boolean {
  const first = text.charCodeAt(start);
  if (first === DOUBLE_QUOTE) {
    let at = start + 1;
    while (at < end) {
      const code = text.charCodeAt(at);
      if (code === BACKSLASH) at += 2;
      else if (code === DOUBLE_QUOTE) return at === end - 1;
      else at++;
    }
    return false;
  }
  if (first === SINGLE_QUOTE) {
    let at = start + 1;
    while (at < end) {
      if (text.charCodeAt(at) !== SINGLE_QUOTE) at++;
      else if (text.charCodeAt(at + 1) === SINGLE_QUOTE && at + 1 < end - 1) at += 2;
      else return at === end - 1;
    }
    return false;
  }
  if (first === 0x5b) return FLOW_LIST.test(text.slice(start, end));
  if (NOT_PLAIN_START.has(first) || first === TAB) return false;
  for (let at = start; at < end; at++) {
    const code = text.charCodeAt(at);
    // ` #` starts a comment, `: ` a mapping: not a value we are sure of.
    if ((code === HASH && text.charCodeAt(at - 1) === SPACE) || (code === COLON && text.charCodeAt(at + 1) === SPACE) || code === TAB) return false;
  }
  return true;
}

/**
 * The two number swaps that move the block's anchor from `recorded` to `now`, when the block's
 * layout is certain. The file parses (it is never edited otherwise), so a line `key: value`
 * whose value is whole is an entry of the mapping its indentation says.
 */
function offsetEdits(
  text: string,
  block: ItemBlock,
  recorded: { readonly start: number; readonly end: number },
  now: { readonly start: number; readonly end: number },
): { at: number; length: number; text: string }[] | undefined {
  let itemIndent = -1;
  /** -1 before the anchor, 0 right after its key, then its entries' indentation. */
  let anchorIndent = -1;
  let inAnchor = false;
  const places: { start?: number; end?: number } = {};
  for (let lineStart = block.start; lineStart < block.end; ) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 || newline >= block.end ? block.end : newline;
    const from = lineStart;
    lineStart = lineEnd + 1;
    let first = from;
    while (first < lineEnd && text.charCodeAt(first) === SPACE) first++;
    if (first === lineEnd || (first === lineEnd - 1 && text.charCodeAt(first) === CR)) continue;
    const line = readKeyLine(text, from, lineEnd);
    if (!line) return undefined;
    if (itemIndent < 0) {
      if (!line.dash || line.key !== 'id') return undefined;
      itemIndent = line.indent;
    } else if (line.dash || line.indent < itemIndent) {
      return undefined;
    } else if (line.indent === itemIndent) {
      inAnchor = line.key === 'anchor';
      if (inAnchor && (line.valueStart !== line.valueEnd || anchorIndent !== -1)) return undefined;
      if (inAnchor) anchorIndent = 0;
    } else if (inAnchor) {
      if (anchorIndent === 0) anchorIndent = line.indent;
      if (line.indent < anchorIndent) return undefined;
      if (line.indent === anchorIndent && (line.key === 'start' || line.key === 'end')) {
        const key = line.key;
        if (places[key] !== undefined || text.slice(line.valueStart, line.valueEnd) !== String(recorded[key])) return undefined;
        places[key] = line.valueStart;
      }
    }
  }
  if (places.start === undefined || places.end === undefined) return undefined;
  return [
    { at: places.start, length: String(recorded.start).length, text: String(now.start) },
    { at: places.end, length: String(recorded.end).length, text: String(now.end) },
  ].sort((a, b) => a.at - b.at);
}

export function removeAnnotationText(sidecarText: string, id: string): string {
  return removeItemText(ANNOTATIONS, sidecarText, id);
}

export function parseSidecar(text: string): SidecarParse {
  return readListFile(text, SIDECAR_FILE);
}

/**
 * The fast reading alone (js-yaml and the same shape rules): the contents of a valid sidecar,
 * or undefined when only the exact reading can tell what it holds or what is wrong with it.
 */
export function parseValidSidecarQuickly(text: string): SidecarParse | undefined {
  return readListFileFast(text, SIDECAR_FILE);
}

/** Text after a block list that holds nothing: blank and comment lines. */
const NOTHING_AFTER = /^(?:[ \t]*(?:#[^\n]*)?(?:\r?\n|$))*$/;

/**
 * parseValidSidecarQuickly, a step (a pause: `yield`) after each `perStep` annotations read,
 * so that a caller on a busy thread can let other work run between steps. Each run of blocks
 * is read as a sidecar of its own (the file's lines before the list, then the blocks), the ids
 * checked across all of them, the places moved back to where they are in the file: the same
 * result as parseValidSidecarQuickly, or undefined where the whole file must be read at once
 * (a layout the block scan does not know, keys after the list, an id twice, a run the fast
 * readings leave to the exact one).
 */
export function* parseValidSidecarInSteps(text: string, perStep = 100): Generator<void, SidecarParse | undefined, void> {
  const layout = scanBlockList(text, ANNOTATIONS.key);
  const items = layout?.items ?? [];
  if (!layout || items.length <= perStep || !NOTHING_AFTER.test(text.slice(items[items.length - 1].end))) {
    return readListFileFast(text, SIDECAR_FILE, layout?.items);
  }
  const head = text.slice(0, layout.listStart);
  const headLines = lineBreaksIn(head, 0, head.length);
  const annotations: Annotation[] = [];
  const blocks: SidecarBlock[] = [];
  const ids = new Set<string>();
  let first: Sidecar | undefined;
  let runStart = layout.listStart;
  let linesBefore = headLines;
  for (let from = 0; from < items.length; from += perStep) {
    yield;
    const runEnd = from + perStep < items.length ? items[from + perStep].start : text.length;
    // The run's blocks as the scan of the whole file found them, moved into the run's text: not scanned for again.
    const shift = runStart - head.length;
    const runBlocks = layout.items.slice(from, from + perStep).map((block) => ({ ...block, start: block.start - shift, end: block.end - shift }));
    const read = readListFileFast(head + text.slice(runStart, runEnd), SIDECAR_FILE, runBlocks);
    if (!read?.ok) return undefined;
    first ??= read.sidecar;
    for (const annotation of read.sidecar.annotations) {
      if (ids.has(annotation.id)) return undefined;
      ids.add(annotation.id);
      annotations.push(annotation);
    }
    for (const block of read.blocks) blocks.push({ id: block.id, start: block.start + shift, end: block.end + shift, line: block.line - headLines + linesBefore });
    // The run's lines up to its last block are counted already (its line): only those after it are left to count.
    const last = read.blocks[read.blocks.length - 1];
    linesBefore += last ? last.line - headLines + lineBreaksIn(text, last.start + shift, runEnd) : lineBreaksIn(text, runStart, runEnd);
    runStart = runEnd;
  }
  return first && { ok: true, sidecar: { ...first, annotations }, blocks };
}

function lineBreaksIn(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf('\n', from); at >= 0 && at < to; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

/**
 * The line reader alone (no YAML library): the contents of a valid sidecar in the layout the
 * extension writes, or undefined. For measuring how many sidecars take the fastest reading.
 */
export function parseValidSidecarByLines(text: string): SidecarParse | undefined {
  return readListFileByLines(text, SIDECAR_FILE);
}

/** How a sidecar is read; for readListFileFast and readListFileExactly, one reading alone. */
export const SIDECAR_FILE: ListFileShape<Annotation, SidecarRead> = {
  title: 'The sidecar',
  itemTitle: 'An annotation',
  version: SIDECAR_VERSION,
  listKey: 'annotations',
  keys: ['version', 'clipping', 'annotations'],
  readItem: readAnnotation,
  contents: (root, items) => {
    const clipping = root.string('clipping', true);
    if (clipping === undefined) return undefined;
    const annotations = items.map(({ item }) => item);
    return { ok: true, sidecar: { version: SIDECAR_VERSION, clipping, annotations }, blocks: items.map(({ item, place }) => ({ id: item.id, ...place })) };
  },
};

function readAnnotation(fields: Fields, report: ShapeReport): Annotation | undefined {
  const base = {
    id: fields.string('id', true, ID_PATTERN),
    author: fields.string('author', true),
    created: fields.string('created', true, ISO_TIME),
    modified: fields.string('modified', true, ISO_TIME),
    anchor: readAnchor(fields.fields('anchor', true), report),
  };
  const type = fields.oneOf('type', ['speaker', 'stance', 'source'] as const);
  if (type === undefined) return undefined;
  return readBody(type, fields, isComplete(base) ? base : undefined);
}

function isComplete(base: { [K in keyof AnnotationBase]: AnnotationBase[K] | undefined }): base is AnnotationBase {
  return Object.values(base).every((value) => value !== undefined);
}

/** The fields of each type, checked (and reported) whether or not the common ones were complete; the annotation when `base` is. */
function readBody(type: Annotation['type'], fields: Fields, base: AnnotationBase | undefined): Annotation | undefined {
  switch (type) {
    case 'speaker': {
      fields.onlyKeys(SPEAKER_KEYS);
      const speaker = fields.string('speaker', true, ID_PATTERN);
      const kind = fields.oneOf('kind', ATTRIBUTION_KINDS);
      const cue = fields.string('cue', false);
      return base && speaker !== undefined && kind !== undefined ? speakerTagOf(base, speaker, kind, cue) : undefined;
    }
    case 'stance': {
      fields.onlyKeys(STANCE_KEYS);
      const holder = fields.string('holder', true, ID_PATTERN);
      const polarity = fields.oneOf('polarity', POLARITIES);
      const target = fields.string('target', true);
      const note = fields.string('note', false);
      return base && holder !== undefined && polarity !== undefined && target !== undefined ? stanceTagOf(base, holder, polarity, target, note) : undefined;
    }
    case 'source': {
      fields.onlyKeys(SOURCE_KEYS);
      const scope = fields.oneOf('scope', SOURCE_SCOPES);
      const kind = fields.oneOf('kind', SOURCE_KINDS);
      const outlet = fields.string('outlet', false);
      const agencies = fields.strings('agencies');
      const writer = fields.string('writer', false);
      return base && scope !== undefined && kind !== undefined ? sourceTagOf(base, scope, kind, outlet, agencies, writer) : undefined;
    }
  }
}

function readAnchor(fields: Fields | undefined, report: ShapeReport): Anchor | undefined {
  if (!fields) return undefined;
  fields.onlyKeys(ANCHOR_KEYS);
  const quote = fields.string('quote', true);
  const prefix = fields.string('prefix', false) ?? '';
  const suffix = fields.string('suffix', false) ?? '';
  const start = fields.integer('start', 0);
  const end = fields.integer('end', 1);
  const orphaned = fields.boolean('orphaned');
  const articleFields = fields.fields('article', false);
  articleFields?.onlyKeys(ARTICLE_KEYS);
  const index = articleFields?.integer('index', 0);
  const title = articleFields?.string('title', true);
  if (quote === '') report.add(`'quote' must not be empty`, fields.rangeOfKey('quote'));
  if (start !== undefined && end !== undefined && end <= start) report.add(`'end' must be after 'start'`, fields.rangeOfKey('end'));
  if (!quote || start === undefined || end === undefined || end <= start) return undefined;
  if (articleFields && (index === undefined || title === undefined)) return undefined;
  return anchorOf(quote, prefix, suffix, start, end, index !== undefined && title !== undefined ? { index, title } : undefined, orphaned === true);
}

/** The YAML shape of an annotation; key order is the order keys are written in. */
function annotationToYaml(annotation: Annotation): Record<string, unknown> {
  const { anchor } = annotation;
  return {
    id: annotation.id,
    type: annotation.type,
    ...bodyToYaml(annotation),
    anchor: {
      quote: anchor.quote,
      prefix: anchor.prefix,
      suffix: anchor.suffix,
      start: anchor.start,
      end: anchor.end,
      article: anchor.article && { index: anchor.article.index, title: anchor.article.title },
      orphaned: anchor.orphaned || undefined,
    },
    author: annotation.author,
    created: annotation.created,
    modified: annotation.modified,
  };
}

function bodyToYaml(annotation: Annotation): Record<string, unknown> {
  switch (annotation.type) {
    case 'speaker':
      return { speaker: annotation.speaker, kind: annotation.kind, cue: annotation.cue };
    case 'stance':
      return { holder: annotation.holder, polarity: annotation.polarity, target: annotation.target, note: annotation.note };
    case 'source':
      return {
        scope: annotation.scope,
        kind: annotation.kind,
        outlet: annotation.outlet,
        agencies: annotation.agencies,
        writer: annotation.writer,
      };
  }
}
