/**
 * The annotation model: what a sidecar file holds and what the editor layer works with.
 *
 * Offsets are UTF-16 code-unit offsets into the clipping text, half-open like the rest of
 * the clipping model (src/core/model.ts). Annotations never modify the clipping text.
 */

/** Which article an anchor was made in: for people reading the sidecar, and to break ties when re-anchoring. */
export interface ArticleRef {
  /** 0-based position among the articles when the anchor was made. */
  readonly index: number;
  readonly title: string;
}

/**
 * Where an annotation is attached. The quote and its surroundings are the truth; the offsets
 * are where they were last seen. See docs/annotations.md for how anchors move and orphan.
 */
export interface Anchor {
  /** The exact annotated text: always non-empty. */
  readonly quote: string;
  /** Up to CONTEXT_LENGTH characters just before the quote (fewer at the start of the text). */
  readonly prefix: string;
  /** Up to CONTEXT_LENGTH characters just after the quote. */
  readonly suffix: string;
  readonly start: number;
  readonly end: number;
  readonly article?: ArticleRef;
  /** Set when the quote could no longer be found: the other fields keep its last known place. */
  readonly orphaned?: boolean;
}

export type AttributionKind = 'direct' | 'reported';
export type Polarity = 'favor' | 'against' | 'neutral' | 'mixed';
export type SourceKind = 'newspaper' | 'agency' | 'broadcaster' | 'website' | 'social-media' | 'anonymous';
/** A source tag describes the whole article (anchored on its title) or only the tagged span. */
export type SourceScope = 'article' | 'span';

export const ATTRIBUTION_KINDS: readonly AttributionKind[] = ['direct', 'reported'];
export const POLARITIES: readonly Polarity[] = ['favor', 'against', 'neutral', 'mixed'];
export const SOURCE_KINDS: readonly SourceKind[] = [
  'newspaper',
  'agency',
  'broadcaster',
  'website',
  'social-media',
  'anonymous',
];
export const SOURCE_SCOPES: readonly SourceScope[] = ['article', 'span'];

/** What every annotation carries besides its own fields. */
export interface AnnotationBase {
  /** Stable and unique within its sidecar, such as `a-7k2m9q4x1c`. Never renumbered. */
  readonly id: string;
  /** Who made the annotation. */
  readonly author: string;
  /** ISO 8601 times. */
  readonly created: string;
  readonly modified: string;
  readonly anchor: Anchor;
}

/** Who said the anchored words. */
export interface SpeakerTag extends AnnotationBase {
  readonly type: 'speaker';
  /** A speaker id from the workspace registry. */
  readonly speaker: string;
  readonly kind: AttributionKind;
  /** `prefix` for a `Speaker: words` line, otherwise the cue word as written, such as قال or أكد. */
  readonly cue?: string;
}

/** Someone's position on something, as the anchored words show it. */
export interface StanceTag extends AnnotationBase {
  readonly type: 'stance';
  /** A speaker id from the workspace registry. */
  readonly holder: string;
  readonly target: string;
  readonly polarity: Polarity;
  readonly note?: string;
}

/** Where an article, or a passage of it, comes from. */
export interface SourceTag extends AnnotationBase {
  readonly type: 'source';
  readonly scope: SourceScope;
  readonly kind: SourceKind;
  readonly outlet?: string;
  readonly agencies?: readonly string[];
  /** The article's writer. Named so to stay apart from `author`, the annotation's author. */
  readonly writer?: string;
}

export type Annotation = SpeakerTag | StanceTag | SourceTag;
export type AnnotationType = Annotation['type'];

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An annotation's own fields, without the identity, authorship and anchor. */
export type AnnotationBody = DistributiveOmit<Annotation, keyof AnnotationBase>;

export const SIDECAR_VERSION = 1;

/** The content of `<clipping>.annotations.yaml`. */
export interface Sidecar {
  readonly version: typeof SIDECAR_VERSION;
  /** The clipping's file name (no folder), for people and to notice a renamed clipping. */
  readonly clipping: string;
  /** Ordered by anchor position (see compareAnnotations). */
  readonly annotations: readonly Annotation[];
}

export interface Speaker {
  /** Stable id referenced by speaker and stance tags. Any `[A-Za-z0-9][A-Za-z0-9_-]*`. */
  readonly id: string;
  readonly name: string;
  /** Other spellings in any script: كيرى, جون كيري, John Kerry. */
  readonly aliases: readonly string[];
  readonly role?: string;
  readonly affiliation?: string;
}

export const REGISTRY_VERSION = 1;

/** The content of `.clippings/speakers.yaml`, shared by every clipping of a workspace folder. */
export interface SpeakerRegistry {
  readonly version: typeof REGISTRY_VERSION;
  readonly speakers: readonly Speaker[];
}

/** A place in a YAML text for an error: offsets, and the 0-based line and column of `start`. */
export interface TextProblem {
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly start: number;
  readonly end: number;
}

/** Document order of annotations: by anchor start, then end, then id, so the order is total. */
export function compareAnnotations(a: Annotation, b: Annotation): number {
  return a.anchor.start - b.anchor.start || a.anchor.end - b.anchor.end || compareText(a.id, b.id);
}

/**
 * `list` with `annotation` put in its place in document order, and without any other annotation
 * of the same id: what sorting the list with it gives, by a binary search when the list is in
 * order (it may not be: an edit of the clipping can move anchors past each other), else by
 * sorting it. The list itself is not changed.
 */
export function withAnnotationInOrder(list: readonly Annotation[], annotation: Annotation): Annotation[] {
  let sameId = -1;
  for (let index = 0; index < list.length; index++) {
    if (index > 0 && compareAnnotations(list[index - 1], list[index]) >= 0) {
      return [...list.filter((other) => other.id !== annotation.id), annotation].sort(compareAnnotations);
    }
    if (list[index].id === annotation.id) sameId = index;
  }
  const result = list.slice();
  if (sameId >= 0) result.splice(sameId, 1);
  let low = 0;
  let high = result.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareAnnotations(result[middle], annotation) < 0) low = middle + 1;
    else high = middle;
  }
  result.splice(low, 0, annotation);
  return result;
}

/** Code-unit order, the same on every machine (unlike localeCompare). */
export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
