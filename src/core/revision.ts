/**
 * What changed between two versions of a text, and which spans of the older parse still hold
 * in the newer one, so that features can keep what they built for the spans an edit did not
 * touch instead of building it again for the whole of a large document.
 */
import type { TextSpan } from './model';

/**
 * The one region where two texts differ: everything before `start` is the same in both, and
 * so is everything from `beforeEnd` in the older text and from `afterEnd` in the newer one.
 */
export interface TextChange {
  readonly start: number;
  readonly beforeEnd: number;
  readonly afterEnd: number;
  readonly beforeLength: number;
  readonly afterLength: number;
}

/** Compared a chunk at a time: slices compare natively, far faster than code unit by code unit. */
const CHUNK = 4096;

/** The smallest region outside which `before` and `after` are equal (empty when they are equal). */
export function changeBetween(before: string, after: string): TextChange {
  const shorter = Math.min(before.length, after.length);
  const start = commonPrefixLength(before, after, shorter);
  const suffix = commonSuffixLength(before, after, shorter - start);
  return { start, beforeEnd: before.length - suffix, afterEnd: after.length - suffix, beforeLength: before.length, afterLength: after.length };
}

/**
 * The change from the text before `first` to the text after `second`, when `second` follows
 * `first`. It may be wider than the smallest one: what neither changed is left out of it.
 */
export function composeChanges(first: TextChange, second: TextChange): TextChange {
  const start = Math.min(first.start, second.start);
  const suffix = Math.min(
    first.beforeLength - first.beforeEnd,
    second.afterLength - second.afterEnd,
    first.beforeLength - start,
    second.afterLength - start,
  );
  return {
    start,
    beforeEnd: first.beforeLength - suffix,
    afterEnd: second.afterLength - suffix,
    beforeLength: first.beforeLength,
    afterLength: second.afterLength,
  };
}

function commonPrefixLength(a: string, b: string, limit: number): number {
  let at = 0;
  while (at + CHUNK <= limit && a.slice(at, at + CHUNK) === b.slice(at, at + CHUNK)) at += CHUNK;
  while (at < limit && a.charCodeAt(at) === b.charCodeAt(at)) at++;
  return at;
}

function commonSuffixLength(a: string, b: string, limit: number): number {
  let length = 0;
  while (length + CHUNK <= limit && a.slice(a.length - length - CHUNK, a.length - length) === b.slice(b.length - length - CHUNK, b.length - length)) {
    length += CHUNK;
  }
  while (length < limit && a.charCodeAt(a.length - length - 1) === b.charCodeAt(b.length - length - 1)) length++;
  return length;
}

/** How a span of the newer parse relates to the older parse. */
export const Carried = {
  /** Nothing of the older parse can stand for it. */
  No: 0,
  /** Same text at the same offsets, before the change: what was built for it holds as is. */
  Unmoved: 1,
  /** Same text after the change, moved by the change's length and by its line count. */
  Moved: 2,
} as const;

export interface CarriedSpans {
  /** For each newer span: how it was carried over. */
  readonly how: Uint8Array;
  /** For each newer span carried over: the index of the older span it stands for; else -1. */
  readonly from: Int32Array;
}

/**
 * The bounds of `spans` in one array: span i starts at [2i] and ends at [2i + 1]. What keeps
 * the bounds of tens of thousands of spans (an outline's, for its next build) keeps them so,
 * not as many small objects for the garbage collector to copy.
 */
export function packedBounds(spans: readonly TextSpan[]): Int32Array {
  const bounds = new Int32Array(spans.length * 2);
  for (let i = 0; i < spans.length; i++) {
    bounds[2 * i] = spans[i].start;
    bounds[2 * i + 1] = spans[i].end;
  }
  return bounds;
}

/**
 * Matches the newer spans (sorted, not overlapping) with the older ones (their packedBounds)
 * the change left intact: a span that ends before the change and was there with the same
 * bounds is unmoved; a span that starts after the change, with a line break before it that
 * the change did not touch either, and was there with the same bounds less the change's
 * length, moved. A parse that reads a span only from the text inside it gives the same
 * reading for both.
 */
export function carriedSpans(before: Int32Array, after: readonly TextSpan[], change: TextChange): CarriedSpans {
  const how = new Uint8Array(after.length);
  const from = new Int32Array(after.length).fill(-1);
  const delta = change.afterEnd - change.beforeEnd;
  const olderCount = before.length >> 1;
  let older = 0;
  for (let newer = 0; newer < after.length; newer++) {
    const span = after[newer];
    const moved = span.start > change.afterEnd;
    if (!moved && span.end > change.start) continue;
    const start = moved ? span.start - delta : span.start;
    while (older < olderCount && before[2 * older] < start) older++;
    if (older < olderCount && before[2 * older] === start && before[2 * older + 1] === (moved ? span.end - delta : span.end)) {
      how[newer] = moved ? Carried.Moved : Carried.Unmoved;
      from[newer] = older;
    }
  }
  return { how, from };
}
