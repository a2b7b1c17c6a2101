/**
 * The rows every export format starts from: one per annotation, with what a reader of the
 * export needs beside it (file, article, registry names), and its flat fields for tables.
 */

import { articleAt, compareAnnotations, compareText, type Annotation } from '../annotations';
import type { IndexedArticle, IndexedClipping, SpeakerLookup } from '../workspaceModel';

export interface ExportRow {
  /** The clipping's path relative to its workspace folder, with `/`. */
  readonly file: string;
  readonly clippingUri: string;
  /** The article the annotation starts in, from the index; undefined outside every article. */
  readonly article: IndexedArticle | undefined;
  readonly annotation: Annotation;
  /** The registry name of a speaker tag's speaker or a stance tag's holder (the id when the registry lacks it). */
  readonly personName: string | undefined;
}

/** One row per annotation: clippings by path, annotations in document order. */
export function* exportRows(clippings: readonly IndexedClipping[], speakerOf: SpeakerLookup): Generator<ExportRow> {
  for (const clipping of [...clippings].sort((a, b) => compareText(a.relativePath, b.relativePath))) {
    yield* clippingRows(clipping, speakerOf);
  }
}

export function clippingRows(clipping: IndexedClipping, speakerOf: SpeakerLookup): ExportRow[] {
  // articleAt reads titles as the parser's `{ text }`; wrapping keeps one binary search for both models.
  const spans = clipping.articles.map((article) => ({ ...article, title: { text: article.title } }));
  return [...clipping.annotations].sort(compareAnnotations).map((annotation) => {
    const span = articleAt(spans, annotation.anchor.start);
    const personId = annotation.type === 'speaker' ? annotation.speaker : annotation.type === 'stance' ? annotation.holder : undefined;
    return {
      file: clipping.relativePath,
      clippingUri: clipping.uri,
      article: span && clipping.articles[span.index],
      annotation,
      personName: personId === undefined ? undefined : (speakerOf(clipping.uri, personId)?.name ?? personId),
    };
  });
}

/** The flat fields of a row, in column order: the header of CSV and the keys of JSON Lines. */
export const COLUMNS = [
  'file',
  'article',
  'outlet',
  'date',
  'quote',
  'type',
  'speaker',
  'speech',
  'holder',
  'target',
  'polarity',
  'note',
  'source_outlet',
  'source_agencies',
  'source_writer',
  'source_kind',
  'source_scope',
  'start',
  'end',
  'orphaned',
  'id',
  'author',
  'created',
  'modified',
] as const;

export type Column = (typeof COLUMNS)[number];
export type CellValue = string | number | boolean | readonly string[] | undefined;
export type FlatRow = Readonly<Record<Column, CellValue>>;

const NO_TYPE_FIELDS = {
  speaker: undefined,
  speech: undefined,
  holder: undefined,
  target: undefined,
  polarity: undefined,
  note: undefined,
  source_outlet: undefined,
  source_agencies: undefined,
  source_writer: undefined,
  source_kind: undefined,
  source_scope: undefined,
} as const;

/** Offsets are the sidecar's (UTF-16 code units), so that a table lines up with the JSON Lines export. */
export function flatten(row: ExportRow): FlatRow {
  const { annotation } = row;
  const { anchor } = annotation;
  return {
    file: row.file,
    article: row.article?.title ?? anchor.article?.title,
    outlet: row.article?.outlet,
    date: row.article?.date,
    quote: anchor.quote,
    type: annotation.type,
    ...NO_TYPE_FIELDS,
    ...typeFields(annotation, row.personName),
    start: anchor.start,
    end: anchor.end,
    orphaned: anchor.orphaned === true,
    id: annotation.id,
    author: annotation.author,
    created: annotation.created,
    modified: annotation.modified,
  };
}

function typeFields(annotation: Annotation, personName: string | undefined): Partial<FlatRow> {
  switch (annotation.type) {
    case 'speaker':
      return { speaker: personName, speech: annotation.kind };
    case 'stance':
      return { holder: personName, target: annotation.target, polarity: annotation.polarity, note: annotation.note };
    case 'source':
      return {
        source_outlet: annotation.outlet,
        source_agencies: annotation.agencies,
        source_writer: annotation.writer,
        source_kind: annotation.kind,
        source_scope: annotation.scope,
      };
  }
}
