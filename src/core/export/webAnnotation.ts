/**
 * W3C Web Annotation (https://www.w3.org/TR/annotation-model/) as JSON-LD: one
 * AnnotationCollection whose first page holds an Annotation per tag. The target is the
 * clipping file with two alternative selectors: the quote with its context, and its
 * position in characters (code points, as the model requires). An orphaned annotation, or
 * one whose words are no longer at its offsets, keeps only the quote.
 */

import { sidecarPathFor } from '../annotations';
import { CodePointOffsets } from './codePoints';
import type { ExportRow } from './rows';

export const WEB_ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export interface TextualBody {
  readonly type: 'TextualBody';
  readonly purpose: 'tagging' | 'identifying' | 'describing' | 'commenting';
  readonly value: string;
}

export type Selector =
  | { readonly type: 'TextQuoteSelector'; readonly exact: string; readonly prefix: string; readonly suffix: string }
  | { readonly type: 'TextPositionSelector'; readonly start: number; readonly end: number };

export interface WebAnnotation {
  readonly id: string;
  readonly type: 'Annotation';
  readonly motivation: 'classifying';
  readonly body: readonly TextualBody[];
  readonly target: { readonly source: string; readonly selector: readonly Selector[] };
  readonly creator: { readonly type: 'Person'; readonly name: string };
  readonly created: string;
  readonly modified: string;
}

export interface WebAnnotationCollection {
  readonly '@context': typeof WEB_ANNOTATION_CONTEXT;
  readonly id: string;
  readonly type: 'AnnotationCollection';
  readonly label: string;
  readonly total: number;
  readonly first: { readonly id: string; readonly type: 'AnnotationPage'; readonly startIndex: 0; readonly items: readonly WebAnnotation[] };
}

/** The collection `id` names: the export file's URI. */
export function webAnnotationCollection(id: string, label: string, items: readonly WebAnnotation[]): WebAnnotationCollection {
  return {
    '@context': WEB_ANNOTATION_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label,
    total: items.length,
    first: { id: `${id}#page1`, type: 'AnnotationPage', startIndex: 0, items },
  };
}

/** The annotations of one clipping, whose current text is `clippingText`. */
export function webAnnotations(clippingText: string, rows: readonly ExportRow[]): WebAnnotation[] {
  const offsets = CodePointOffsets.of(clippingText, 'keep');
  return rows.map((row) => webAnnotation(row, clippingText, offsets));
}

function webAnnotation(row: ExportRow, clippingText: string, offsets: CodePointOffsets): WebAnnotation {
  const { annotation } = row;
  const { anchor } = annotation;
  const positioned = !anchor.orphaned && clippingText.slice(anchor.start, anchor.end) === anchor.quote;
  return {
    // Where the annotation lives: its sidecar (beside the clipping, whose URI has no query or fragment), and its id there.
    id: `${sidecarPathFor(row.clippingUri)}#${annotation.id}`,
    type: 'Annotation',
    motivation: 'classifying',
    body: bodiesOf(row),
    target: {
      source: row.clippingUri,
      selector: [
        { type: 'TextQuoteSelector', exact: anchor.quote, prefix: anchor.prefix, suffix: anchor.suffix },
        ...(positioned ? [{ type: 'TextPositionSelector' as const, start: offsets.at(anchor.start), end: offsets.at(anchor.end) }] : []),
      ],
    },
    creator: { type: 'Person', name: annotation.author },
    created: annotation.created,
    modified: annotation.modified,
  };
}

/** A tag for the kind of annotation and its category, an identifying body per person or outlet, the rest described. */
function bodiesOf({ annotation, personName }: ExportRow): TextualBody[] {
  const body = (purpose: TextualBody['purpose'], value: string | undefined): TextualBody[] =>
    value === undefined || value === '' ? [] : [{ type: 'TextualBody', purpose, value }];
  const tag = body('tagging', annotation.type);
  switch (annotation.type) {
    case 'speaker':
      return [...tag, ...body('tagging', annotation.kind), ...body('identifying', personName)];
    case 'stance':
      return [
        ...tag,
        ...body('tagging', annotation.polarity),
        ...body('identifying', personName),
        ...body('describing', annotation.target),
        ...body('commenting', annotation.note),
      ];
    case 'source':
      return [
        ...tag,
        ...body('tagging', annotation.kind),
        ...body('tagging', annotation.scope),
        ...[annotation.outlet, ...(annotation.agencies ?? []), annotation.writer].flatMap((name) => body('identifying', name)),
      ];
  }
}
