/**
 * Agreement between two annotators of the same clipping: which annotations pair up by span,
 * how closely their spans overlap, and whether they agree on the speaker and on the stance's
 * polarity. docs/reports.md explains every number.
 */

import { compareText, POLARITIES, type Annotation, type AnnotationType, type Polarity, type SpeakerTag, type StanceTag } from '../annotations';
import { cohensKappa, confusionMatrix, type KappaResult } from './kappa';
import { DEFAULT_MATCH_THRESHOLD, matchAnnotations, type MatchedPair } from './spans';

/** One annotator's side: a name for people (an author, or a file) and what they annotated. */
export interface Annotator {
  readonly label: string;
  readonly annotations: readonly Annotation[];
}

export type TypeCounts = Readonly<Record<AnnotationType, number>> & { readonly total: number };

export interface AgreementReport {
  readonly left: { readonly label: string; readonly counts: TypeCounts };
  readonly right: { readonly label: string; readonly counts: TypeCounts };
  /** The Jaccard index two spans needed to pair. */
  readonly threshold: number;
  readonly pairs: readonly MatchedPair[];
  readonly unmatchedLeft: readonly Annotation[];
  readonly unmatchedRight: readonly Annotation[];
  readonly spans: SpanAgreement;
  readonly speakers: SpeakerAgreement;
  readonly stances: StanceAgreement;
}

export interface SpanAgreement {
  /** Mean Jaccard index of the matched pairs; undefined without pairs. */
  readonly meanJaccard: number | undefined;
  /** Share of the matched pairs whose spans are exactly the same; undefined without pairs. */
  readonly exactRate: number | undefined;
}

export interface SpeakerAgreement {
  /** Matched speaker-tag pairs. */
  readonly pairs: number;
  /** Of those, the pairs naming the same speaker id. */
  readonly sameSpeaker: number;
  /** sameSpeaker / pairs; undefined without pairs. */
  readonly rate: number | undefined;
}

export interface StanceAgreement {
  /** Matched stance-tag pairs. */
  readonly pairs: number;
  /** The order of the confusion matrix's rows (left annotator) and columns (right annotator). */
  readonly categories: readonly Polarity[];
  readonly confusion: readonly (readonly number[])[];
  readonly kappa: KappaResult;
}

export interface AgreementOptions {
  /** Defaults to DEFAULT_MATCH_THRESHOLD. */
  readonly threshold?: number;
}

export function compareAnnotators(left: Annotator, right: Annotator, options: AgreementOptions = {}): AgreementReport {
  const threshold = options.threshold ?? DEFAULT_MATCH_THRESHOLD;
  const matching = matchAnnotations(left.annotations, right.annotations, threshold);
  return {
    left: { label: left.label, counts: countByType(left.annotations) },
    right: { label: right.label, counts: countByType(right.annotations) },
    threshold,
    ...matching,
    spans: spanAgreement(matching.pairs),
    speakers: speakerAgreement(pairsOf(matching.pairs, isSpeakerTag)),
    stances: stanceAgreement(pairsOf(matching.pairs, isStanceTag)),
  };
}

/** The distinct authors of `annotations`, the most prolific first: the choices when one sidecar holds two people's work. */
export function authorsOf(annotations: readonly Annotation[]): string[] {
  const counts = new Map<string, number>();
  annotations.forEach((annotation) => counts.set(annotation.author, (counts.get(annotation.author) ?? 0) + 1));
  return [...counts].sort(([a, countA], [b, countB]) => countB - countA || compareText(a, b)).map(([author]) => author);
}

/** One author's side of a shared sidecar. */
export function annotatorOf(annotations: readonly Annotation[], author: string): Annotator {
  return { label: author, annotations: annotations.filter((annotation) => annotation.author === author) };
}

export function countByType(annotations: readonly Annotation[]): TypeCounts {
  const counts = { speaker: 0, stance: 0, source: 0, total: annotations.length };
  annotations.forEach((annotation) => counts[annotation.type]++);
  return counts;
}

function spanAgreement(pairs: readonly MatchedPair[]): SpanAgreement {
  if (pairs.length === 0) {
    return { meanJaccard: undefined, exactRate: undefined };
  }
  const exact = pairs.filter(({ left, right }) => left.anchor.start === right.anchor.start && left.anchor.end === right.anchor.end).length;
  return { meanJaccard: pairs.reduce((total, pair) => total + pair.jaccard, 0) / pairs.length, exactRate: exact / pairs.length };
}

function speakerAgreement(pairs: readonly MatchedPair<SpeakerTag>[]): SpeakerAgreement {
  const sameSpeaker = pairs.filter(({ left, right }) => left.speaker === right.speaker).length;
  return { pairs: pairs.length, sameSpeaker, rate: pairs.length === 0 ? undefined : sameSpeaker / pairs.length };
}

function stanceAgreement(pairs: readonly MatchedPair<StanceTag>[]): StanceAgreement {
  const confusion = confusionMatrix(POLARITIES, pairs.map(({ left, right }) => [left.polarity, right.polarity] as const));
  return { pairs: pairs.length, categories: POLARITIES, confusion, kappa: cohensKappa(confusion) };
}

function pairsOf<T extends Annotation>(pairs: readonly MatchedPair[], isType: (annotation: Annotation) => annotation is T): MatchedPair<T>[] {
  return pairs.filter((pair): pair is MatchedPair<T> => isType(pair.left) && isType(pair.right));
}

function isSpeakerTag(annotation: Annotation): annotation is SpeakerTag {
  return annotation.type === 'speaker';
}

function isStanceTag(annotation: Annotation): annotation is StanceTag {
  return annotation.type === 'stance';
}
