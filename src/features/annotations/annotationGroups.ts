/**
 * What the editor views show of a clipping's annotations: grouped by highlight colour, by
 * position, by article and by type, and quotes cut to a line. Pure (no editor types), so any
 * view can reuse it and tests can call it.
 */
import { articleAt, type Annotation, type ArticleSpan, type SourceTag } from '../../core/annotations';
import { lineAt, scanLines, type LineTable } from '../../core/lines';
import type { TextSpan } from '../../core/model';

/** One highlight colour each: a stance is coloured by its polarity. */
export const HIGHLIGHT_KINDS = ['speaker', 'stance-favor', 'stance-against', 'stance-neutral', 'stance-mixed', 'source'] as const;
export type HighlightKind = (typeof HIGHLIGHT_KINDS)[number];

export function highlightKindOf(annotation: Annotation): HighlightKind {
  return annotation.type === 'stance' ? `stance-${annotation.polarity}` : annotation.type;
}

/** From this many highlights of a kind on, they are sent to VS Code in HIGHLIGHT_PARTS parts. */
export const PARTED_FROM = 2_000;
export const HIGHLIGHT_PARTS = 16;

/**
 * The spans to highlight, per kind, in parts: one part, or HIGHLIGHT_PARTS parts by annotation
 * id for a kind with PARTED_FROM spans or more, so that a tag, an edit or a removal changes one
 * part (VS Code takes a kind's highlights whole: ten thousand again for each tag, else). Each
 * part in document order. Orphans are left out: their offsets are only where the words used to be.
 */
export function highlightParts(annotations: readonly Annotation[]): ReadonlyMap<HighlightKind, readonly (readonly TextSpan[])[]> {
  const byKind = new Map<HighlightKind, Annotation[]>(HIGHLIGHT_KINDS.map((kind) => [kind, []]));
  for (const annotation of annotations) {
    if (!annotation.anchor.orphaned) {
      byKind.get(highlightKindOf(annotation))?.push(annotation);
    }
  }
  const spanOf = ({ anchor }: Annotation): TextSpan => ({ start: anchor.start, end: anchor.end });
  return new Map(
    [...byKind].map(([kind, list]) => {
      if (list.length < PARTED_FROM) return [kind, [list.map(spanOf)]];
      const parts = Array.from({ length: HIGHLIGHT_PARTS }, (): TextSpan[] => []);
      list.forEach((annotation) => parts[partOf(annotation.id)].push(spanOf(annotation)));
      return [kind, parts];
    }),
  );
}

/**
 * The part of an annotation's highlight, the same whatever else the list holds: a hash of the
 * end of its id, which is random (newId), the top bits of a multiplicative hash.
 */
function partOf(id: string): number {
  let hash = 0;
  for (let at = Math.max(0, id.length - 4); at < id.length; at++) hash = Math.imul(hash ^ id.charCodeAt(at), 0x9e3779b1);
  return (hash >>> 0) % HIGHLIGHT_PARTS;
}

/** The anchored (not orphaned) annotations whose words include the character at `offset`. */
export function annotationsAt(annotations: readonly Annotation[], offset: number): Annotation[] {
  return annotations.filter((annotation) => !annotation.anchor.orphaned && annotation.anchor.start <= offset && offset < annotation.anchor.end);
}

/** The part of the text that every one of `annotations` covers (they must overlap). */
export function sharedSpan(annotations: readonly Annotation[]): TextSpan {
  return {
    start: Math.max(...annotations.map((annotation) => annotation.anchor.start)),
    end: Math.min(...annotations.map((annotation) => annotation.anchor.end)),
  };
}

export interface AnnotationCounts {
  readonly speaker: number;
  readonly stance: number;
  readonly source: number;
  readonly orphaned: number;
}

/** How many annotations of each type, orphans included in their type and also counted apart. */
export function countAnnotations(annotations: readonly Annotation[]): AnnotationCounts {
  const counts = { speaker: 0, stance: 0, source: 0, orphaned: 0 };
  for (const annotation of annotations) {
    counts[annotation.type]++;
    if (annotation.anchor.orphaned) counts.orphaned++;
  }
  return counts;
}

export interface ArticleAnnotations<A extends ArticleSpan> {
  readonly article: A;
  readonly speakers: number;
  readonly stances: number;
  /** The article's source: an article-wide tag when there is one, else the first tagged passage. */
  readonly source: SourceTag | undefined;
}

/**
 * What each article holds, in article order: the anchored annotations that start inside it.
 * One binary search per annotation, so a thousand annotations over hundreds of articles stay cheap.
 */
export function annotationsByArticle<A extends ArticleSpan>(articles: readonly A[], annotations: readonly Annotation[]): ArticleAnnotations<A>[] {
  const tallies = new Map<ArticleSpan, { article: A; speakers: number; stances: number; source: SourceTag | undefined }>(
    articles.map((article) => [article, { article, speakers: 0, stances: 0, source: undefined }]),
  );
  for (const annotation of annotations) {
    const article = annotation.anchor.orphaned ? undefined : articleAt(articles, annotation.anchor.start);
    const tally = article && tallies.get(article);
    if (!tally) continue;
    if (annotation.type === 'speaker') tally.speakers++;
    else if (annotation.type === 'stance') tally.stances++;
    else if (!tally.source || (tally.source.scope === 'span' && annotation.scope === 'article')) tally.source = annotation;
  }
  return [...tallies.values()];
}

/** A quote on one line, cut to `maxLength` characters with an ellipsis: for hovers and messages. */
export function quotePreview(quote: string, maxLength: number): string {
  const line = quote.replace(/\s+/g, ' ').trim();
  return line.length > maxLength ? `${line.slice(0, maxLength)}…` : line;
}

/**
 * Offsets to line and character by a binary search over the text's line table (the core's
 * scanLines and lineAt), found once: tens of thousands of highlights convert several times
 * faster than through the editor's `document.positionAt`, which it matches: `\n`, `\r\n` and
 * a lone `\r` end lines, and an offset in a line break or past the end is clamped to the end of its line.
 */
export class LinePositions {
  private readonly lines: LineTable;

  constructor(private readonly text: string) {
    this.lines = scanLines(text);
  }

  positionAt(offset: number): { readonly line: number; readonly character: number } {
    const clamped = Math.max(0, Math.min(this.text.length, Math.floor(offset)));
    const line = lineAt(this.lines, clamped);
    const start = this.lines.starts[line];
    return { line, character: Math.min(clamped, this.lines.ends[line]) - start };
  }
}
