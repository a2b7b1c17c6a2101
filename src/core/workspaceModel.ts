/**
 * What the workspace index knows of one annotated clipping, the same whether it was just read
 * or restored from the index cache. Exports, the agreement report and the summary report are
 * pure functions over these.
 */
import type { Annotation, Speaker } from './annotations';
import { blankFacts, PackedClipping } from './index/entryPacking';

export interface IndexedArticle {
  /** 0-based position among the clipping's articles. */
  readonly index: number;
  readonly title: string;
  readonly outlet: string | undefined;
  /** The first date of the article: ISO 8601 when it could be read, otherwise as written. */
  readonly date: string | undefined;
  readonly start: number;
  readonly end: number;
}

export interface IndexedClipping {
  /** The clipping's URI, as a string (`file:///…`). */
  readonly uri: string;
  /** Path relative to its workspace folder, with `/`: how exports and views name the file. */
  readonly relativePath: string;
  readonly articles: readonly IndexedArticle[];
  /**
   * The index keeps annotations packed (PackedClipping): each read makes them anew, so read
   * them once per use and keep only what is shown. To count or group them, annotationCount
   * and forEachAnnotation make nothing per annotation.
   */
  readonly annotations: readonly Annotation[];
  /** Why the sidecar could not be read, when it could not: its annotations are then empty. */
  readonly sidecarProblem: string | undefined;
}

/** The speakers of the registry that applies to a clipping, by id. */
export type SpeakerLookup = (clippingUri: string, speakerId: string) => Speaker | undefined;

/** What grouping and searching read of an annotation: read from a packed clipping without making the annotation. */
export interface AnnotationFacts {
  readonly type: Annotation['type'];
  /** The speaker of a speaker tag, the holder of a stance; '' for a source. */
  readonly person: string;
  /** A stance's target and polarity; '' for the other types. */
  readonly target: string;
  readonly polarity: string;
  /** A source's outlet (undefined when it names none) and kind; undefined and '' for the other types. */
  readonly outlet: string | undefined;
  readonly sourceKind: string;
  readonly orphaned: boolean;
}

/** How many annotations a clipping has, without making them. */
export function annotationCount(clipping: IndexedClipping): number {
  return clipping instanceof PackedClipping ? clipping.annotationCount : clipping.annotations.length;
}

/**
 * Calls `visit` for each annotation of `clipping`, in order, with its facts (one object, filled
 * anew each time: read it during the call) and a way to have the annotation itself. A packed
 * clipping makes an annotation only when asked.
 */
export function forEachAnnotation(clipping: IndexedClipping, visit: (facts: AnnotationFacts, annotation: () => Annotation) => void): void {
  if (clipping instanceof PackedClipping) {
    clipping.forEachFacts(visit);
    return;
  }
  const facts = blankFacts();
  for (const annotation of clipping.annotations) visit(factsOf(annotation, facts), () => annotation);
}

/** The facts of an annotation, written into `facts` when given. */
export function factsOf(annotation: Annotation, facts = blankFacts()): AnnotationFacts {
  facts.type = annotation.type;
  facts.orphaned = annotation.anchor.orphaned === true;
  facts.person = annotation.type === 'speaker' ? annotation.speaker : annotation.type === 'stance' ? annotation.holder : '';
  facts.target = annotation.type === 'stance' ? annotation.target : '';
  facts.polarity = annotation.type === 'stance' ? annotation.polarity : '';
  facts.outlet = annotation.type === 'source' ? annotation.outlet : undefined;
  facts.sourceKind = annotation.type === 'source' ? annotation.kind : '';
  return facts;
}
