/**
 * Making anchors, and keeping them on their text while the clipping is edited.
 *
 * Edit rules (docs/annotations.md has the reasoning). For a span [start, end) and an edit that
 * replaces [s, e) of the old text:
 * - the edit ends at or before `start` (an insertion exactly at `start` included): the span shifts;
 * - the edit starts at or after `end` (an insertion exactly at `end` included): the span stays.
 *   So typing next to an annotation never grows it;
 * - the edit lies inside the span: the span grows or shrinks and its quote takes the new text;
 * - the edit overlaps one boundary: the span keeps only its surviving original part;
 * - the edit covers the whole span: nothing original survives, the anchor is orphaned. It keeps
 *   its quote and context, and its offsets become a point where the edit began, which later
 *   edits move like a cursor; an insertion right there does not push it, so the text an undo
 *   puts back is found at the orphan's offset by a re-anchor (see reanchor.ts).
 * The prefix and suffix are kept true as well: they may get shorter, never wrong.
 */

import { articleRefAt, type ArticleSpan } from './articles';
import { textAfter, textBefore } from './context';
import type { Anchor } from './types';

/** Replace [start, end) of the old text with `text`: the shape of a VS Code content change. */
export interface TextChange {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Anchor the non-empty span [start, end) of `text`; `articles` (in order) names its article. */
export function createAnchor(text: string, start: number, end: number, articles?: readonly ArticleSpan[]): Anchor {
  if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start < end && end <= text.length)) {
    throw new RangeError(`Cannot anchor [${start}, ${end}) in a text of length ${text.length}`);
  }
  const article = articles && articleRefAt(articles, start);
  return {
    quote: text.slice(start, end),
    prefix: textBefore(text, start),
    suffix: textAfter(text, end),
    start,
    end,
    ...(article && { article }),
  };
}

/**
 * Move anchors through one edit. Unaffected anchors come back as the same objects, so the caller
 * can tell what changed with `!==`.
 */
export function applyTextChange(anchors: readonly Anchor[], change: TextChange): Anchor[] {
  return anchors.map((anchor) => (anchor.orphaned ? moveOrphan(anchor, change) : moveAnchor(anchor, change)));
}

/**
 * Move anchors through the changes of one VS Code change event, applied one after the other,
 * each against the text the previous one produced. Pass `event.contentChanges` as given: VS Code
 * orders them from last to first in the document, so their offsets also hold in the old text.
 */
export function applyTextChanges(anchors: readonly Anchor[], changes: readonly TextChange[]): Anchor[] {
  return changes.reduce<Anchor[]>((moved, change) => applyTextChange(moved, change), [...anchors]);
}

/** An orphan is a point at its start: it moves with edits before it, and to an edit's start when the edit covers it. */
function moveOrphan(anchor: Anchor, change: TextChange): Anchor {
  const point = anchor.start;
  const before = change.end < point || (change.end === point && change.start < change.end);
  if (before) return orphanAt(anchor, point + change.text.length - (change.end - change.start));
  return change.start < point ? orphanAt(anchor, change.start) : anchor;
}

function orphanAt(anchor: Anchor, point: number): Anchor {
  if (anchor.orphaned && anchor.start === point) return anchor;
  return { ...anchor, start: point, end: point + anchor.quote.length, orphaned: true };
}

function moveAnchor(anchor: Anchor, change: TextChange): Anchor {
  const { start, end, quote } = anchor;
  const delta = change.text.length - (change.end - change.start);
  if (change.end <= start) {
    return { ...anchor, start: start + delta, end: end + delta, prefix: prefixAfterEdit(anchor, change) };
  }
  if (change.start >= end) {
    const suffix = suffixAfterEdit(anchor, change);
    return suffix === anchor.suffix ? anchor : { ...anchor, suffix };
  }
  if (change.start <= start && change.end >= end) {
    return orphanAt(anchor, change.start);
  }
  if (change.start < start) {
    // Overlaps the start: what survives begins right after the inserted text.
    return {
      ...anchor,
      quote: quote.slice(change.end - start),
      prefix: lastContext(anchor.prefix.slice(0, Math.max(0, change.start - (start - anchor.prefix.length))) + change.text),
      start: change.start + change.text.length,
      end: end + delta,
    };
  }
  if (change.end > end) {
    // Overlaps the end: what survives ends where the edit begins.
    return {
      ...anchor,
      quote: quote.slice(0, change.start - start),
      suffix: firstContext(change.text + anchor.suffix.slice(change.end - end)),
      end: change.start,
    };
  }
  return {
    ...anchor,
    quote: quote.slice(0, change.start - start) + change.text + quote.slice(change.end - start),
    end: end + delta,
  };
}

/** The recorded prefix after an edit that ends at or before the quote. */
function prefixAfterEdit(anchor: Anchor, change: TextChange): string {
  const { prefix, start } = anchor;
  const prefixStart = start - prefix.length;
  if (change.end <= prefixStart) return prefix;
  const kept = prefix.slice(0, Math.max(0, change.start - prefixStart));
  return lastContext(kept + change.text + prefix.slice(change.end - prefixStart));
}

/** The recorded suffix after an edit that starts at or after the quote's end. */
function suffixAfterEdit(anchor: Anchor, change: TextChange): string {
  const { suffix, end } = anchor;
  const suffixEnd = end + suffix.length;
  if (change.start >= suffixEnd) return suffix;
  const kept = suffix.slice(0, change.start - end);
  return firstContext(kept + change.text + suffix.slice(change.end - end));
}

function lastContext(text: string): string {
  return textBefore(text, text.length);
}

function firstContext(text: string): string {
  return textAfter(text, 0);
}
