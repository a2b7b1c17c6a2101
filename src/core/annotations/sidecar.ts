/**
 * The sidecar file `<clipping>.annotations.yaml`: reading it (fast when it is valid, with
 * precise error positions when it is not: see yamlShape.ts), writing a new one, and editing one
 * annotation's block in place (see yamlBlocks.ts) so that a change touches only that block:
 * hand-written comments stay, and two people's changes to different annotations merge without
 * conflict.
 */

import { ID_PATTERN } from './ids';
import { insertItemText, removeItemText, renderEntries, renderItem, replaceItemText, replaceItemTexts, type BlockListSpec } from './yamlBlocks';
import { readListFile, readListFileFast, type Fields, type ListFileShape, type ReadFailure, type ShapeReport } from './yamlShape';
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
const ANCHOR_KEYS = ['quote', 'prefix', 'suffix', 'start', 'end', 'article', 'orphaned'];

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

/** Insert an annotation's block at its place in document order; nothing else changes. */
export function insertAnnotationText(sidecarText: string, annotation: Annotation): string {
  return insertItemText(ANNOTATIONS, sidecarText, annotation);
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
  const annotation = readBody(type, fields);
  if (!annotation || !isComplete(base)) return undefined;
  return { ...base, ...annotation };
}

function isComplete(base: { [K in keyof AnnotationBase]: AnnotationBase[K] | undefined }): base is AnnotationBase {
  return Object.values(base).every((value) => value !== undefined);
}

function readBody(type: Annotation['type'], fields: Fields) {
  switch (type) {
    case 'speaker': {
      fields.onlyKeys([...BASE_KEYS, 'speaker', 'kind', 'cue']);
      const speaker = fields.string('speaker', true, ID_PATTERN);
      const kind = fields.oneOf('kind', ATTRIBUTION_KINDS);
      const cue = fields.string('cue', false);
      return speaker === undefined || kind === undefined ? undefined : { type, speaker, kind, ...(cue !== undefined && { cue }) };
    }
    case 'stance': {
      fields.onlyKeys([...BASE_KEYS, 'holder', 'polarity', 'target', 'note']);
      const holder = fields.string('holder', true, ID_PATTERN);
      const polarity = fields.oneOf('polarity', POLARITIES);
      const target = fields.string('target', true);
      const note = fields.string('note', false);
      return holder === undefined || polarity === undefined || target === undefined
        ? undefined
        : { type, holder, polarity, target, ...(note !== undefined && { note }) };
    }
    case 'source': {
      fields.onlyKeys([...BASE_KEYS, 'scope', 'kind', 'outlet', 'agencies', 'writer']);
      const scope = fields.oneOf('scope', SOURCE_SCOPES);
      const kind = fields.oneOf('kind', SOURCE_KINDS);
      const outlet = fields.string('outlet', false);
      const agencies = fields.strings('agencies');
      const writer = fields.string('writer', false);
      return scope === undefined || kind === undefined
        ? undefined
        : {
            type,
            scope,
            kind,
            ...(outlet !== undefined && { outlet }),
            ...(agencies !== undefined && { agencies }),
            ...(writer !== undefined && { writer }),
          };
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
  articleFields?.onlyKeys(['index', 'title']);
  const index = articleFields?.integer('index', 0);
  const title = articleFields?.string('title', true);
  if (quote === '') report.add(`'quote' must not be empty`, fields.rangeOfKey('quote'));
  if (start !== undefined && end !== undefined && end <= start) report.add(`'end' must be after 'start'`, fields.rangeOfKey('end'));
  if (!quote || start === undefined || end === undefined || end <= start) return undefined;
  if (articleFields && (index === undefined || title === undefined)) return undefined;
  return {
    quote,
    prefix,
    suffix,
    start,
    end,
    ...(index !== undefined && title !== undefined && { article: { index, title } }),
    ...(orphaned && { orphaned }),
  };
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
