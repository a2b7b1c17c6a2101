/**
 * Pairing two annotators' annotations of the same clipping by where they are: the same type,
 * spans that overlap enough, each annotation in at most one pair, best overlap first.
 */

import { compareText, type Annotation } from '../annotations';

/**
 * Two spans pair when their Jaccard index reaches this: the shared characters are at least
 * half of the characters either one covers. `[0, 10)` and `[0, 20)` pair (0.5); `[0, 10)`
 * and `[5, 20)` do not (5 / 20).
 */
export const DEFAULT_MATCH_THRESHOLD = 0.5;

/** A half-open range of UTF-16 offsets, like an anchor's `start` and `end`. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Shared characters over covered characters: 1 for the same span, 0 for disjoint spans. */
export function spanJaccard(a: Span, b: Span): number {
  const shared = Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
  const covered = a.end - a.start + (b.end - b.start) - shared;
  if (covered <= 0) {
    return a.start === b.start && a.end === b.end ? 1 : 0;
  }
  return shared / covered;
}

export interface MatchedPair<T extends Annotation = Annotation> {
  readonly left: T;
  readonly right: T;
  /** spanJaccard of the two anchors. */
  readonly jaccard: number;
}

export interface Matching {
  /** In document order of the left annotation. */
  readonly pairs: readonly MatchedPair[];
  readonly unmatchedLeft: readonly Annotation[];
  readonly unmatchedRight: readonly Annotation[];
}

interface Candidate {
  readonly leftIndex: number;
  readonly rightIndex: number;
  readonly jaccard: number;
  readonly sameContent: boolean;
}

/**
 * Pairs `left` and `right` greedily: among the candidate pairs of the same type whose Jaccard
 * index reaches `threshold`, the highest index first; on a tie, pairs whose fields agree
 * first, so two tags of the same words find their twins; then by position in the lists.
 *
 * Swapping the two lists swaps the sides of every pair and changes nothing else: two
 * candidates that compete for one annotation are ordered the same way from either side.
 */
export function matchAnnotations(left: readonly Annotation[], right: readonly Annotation[], threshold = DEFAULT_MATCH_THRESHOLD): Matching {
  const leftTaken = new Set<number>();
  const rightTaken = new Set<number>();
  const pairs: MatchedPair[] = [];
  for (const candidate of candidatePairs(left, right, threshold)) {
    if (leftTaken.has(candidate.leftIndex) || rightTaken.has(candidate.rightIndex)) continue;
    leftTaken.add(candidate.leftIndex);
    rightTaken.add(candidate.rightIndex);
    pairs.push({ left: left[candidate.leftIndex], right: right[candidate.rightIndex], jaccard: candidate.jaccard });
  }
  pairs.sort((a, b) => a.left.anchor.start - b.left.anchor.start || a.left.anchor.end - b.left.anchor.end || compareText(a.left.id, b.left.id));
  return {
    pairs,
    unmatchedLeft: left.filter((_, index) => !leftTaken.has(index)),
    unmatchedRight: right.filter((_, index) => !rightTaken.has(index)),
  };
}

/**
 * Every pair that may match, best first. Only right spans that start between the left span's
 * start minus the longest right span and its end can overlap it: with the right spans sorted
 * by start, each left span looks at those alone.
 */
function candidatePairs(left: readonly Annotation[], right: readonly Annotation[], threshold: number): Candidate[] {
  const byStart = right.map((_, index) => index).sort((a, b) => right[a].anchor.start - right[b].anchor.start);
  const starts = byStart.map((index) => right[index].anchor.start);
  const longest = right.reduce((length, { anchor }) => Math.max(length, anchor.end - anchor.start), 0);
  const candidates: Candidate[] = [];
  left.forEach((leftAnnotation, leftIndex) => {
    const { start, end } = leftAnnotation.anchor;
    for (let k = firstAtOrAfter(starts, start - longest); k < starts.length && starts[k] <= end; k++) {
      const rightIndex = byStart[k];
      const rightAnnotation = right[rightIndex];
      if (leftAnnotation.type !== rightAnnotation.type) continue;
      const jaccard = spanJaccard(leftAnnotation.anchor, rightAnnotation.anchor);
      if (jaccard > 0 && jaccard >= threshold) {
        candidates.push({ leftIndex, rightIndex, jaccard, sameContent: contentKey(leftAnnotation) === contentKey(rightAnnotation) });
      }
    }
  });
  return candidates.sort(
    (a, b) => b.jaccard - a.jaccard || Number(b.sameContent) - Number(a.sameContent) || a.leftIndex - b.leftIndex || a.rightIndex - b.rightIndex,
  );
}

/** The first index of the ascending `values` holding `value` or more. */
function firstAtOrAfter(values: readonly number[], value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (values[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** What an annotation says, without who said it when: equal keys mean the same tag. */
function contentKey(annotation: Annotation): string {
  switch (annotation.type) {
    case 'speaker':
      return JSON.stringify([annotation.speaker, annotation.kind]);
    case 'stance':
      return JSON.stringify([annotation.holder, annotation.target, annotation.polarity]);
    case 'source':
      return JSON.stringify([annotation.scope, annotation.kind, annotation.outlet, annotation.agencies, annotation.writer]);
  }
}
