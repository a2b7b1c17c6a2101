/**
 * Finding an anchor again in a text that changed outside the editor (another editor, git).
 *
 * Steps, first that succeeds wins (docs/annotations.md explains why):
 * 1. `exact`: the quote is at its recorded offset, or at that offset moved by the shift its
 *    preceding anchor just took (reanchorAll passes it), and its context agrees there.
 * 2. `context`: the quote occurs elsewhere; among the occurrences whose context agrees, one is
 *    clearly best. Equally good occurrences (duplicated paragraphs) make it an orphan.
 * 3. `fuzzy`: a close approximation of the quote (at most `maxErrorRate` of its length in
 *    edits) whose context agrees, clearly better than any other place's best approximation.
 * 4. `orphan`: the last known offsets are kept.
 * "Context agrees" means contextAgreement ≥ MIN_CONTEXT_AGREEMENT: a copy of the quote in
 * other surroundings is a lookalike, never a place to move to. Steps 2 and 3 also stay in the
 * recorded article when the new articles are given: the same dispatch reprinted by another
 * outlet has the same surroundings, and only its article tells it apart.
 */

import search from 'approx-string-match';
import { normalizeForMatching } from '../arabic';
import { createAnchor } from './anchors';
import { articleAt } from '../articleLookup';
import type { ArticleSpan } from './articles';
import { contextAgreement, isTextAfter, isTextBefore } from './context';
import { runToEnd } from './steps';
import type { Anchor } from './types';

export type ReanchorStatus = 'exact' | 'context' | 'fuzzy' | 'orphan';

export interface ReanchorResult {
  readonly status: ReanchorStatus;
  readonly start: number;
  readonly end: number;
}

export interface ReanchorOptions {
  /** A second offset to try in step 1: `start + expectedShift`. */
  readonly expectedShift?: number;
  /** Fuzzy error budget as a share of the quote length; DEFAULT_MAX_ERROR_RATE when absent. */
  readonly maxErrorRate?: number;
  /**
   * The articles of the new text. When given, and the anchor records its article, a quote found
   * by search (steps 2 and 3) must lie in an article of the same title, compared normalized.
   */
  readonly articles?: readonly ArticleSpan[];
}

export const DEFAULT_MAX_ERROR_RATE = 0.15;
/** Below this share of its recorded context, a place is a lookalike. */
export const MIN_CONTEXT_AGREEMENT = 0.5;
/** The best place must lead every other by this much of its score, or the choice is ambiguous. */
const MIN_LEAD = 0.125;
/** More piece hits than this and the filtered search would cover most of the text anyway. */
const MAX_REGIONS = 4096;
/** A character no clipping contains, to blank out lookalikes before the approximate search. */
const MASK = '\uffff';

interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly errors: number;
}

type Choice = Candidate | 'ambiguous' | undefined;

export function reanchor(anchor: Anchor, text: string, options: ReanchorOptions = {}): ReanchorResult {
  const expected = placeAtExpectedOffset(anchor, text, options.expectedShift ?? 0);
  if (expected) return { status: 'exact', start: expected.start, end: expected.end };
  const inScope = articleScope(anchor, options.articles);
  const occurrences = allOccurrences(text, anchor.quote);
  const byContext = choose(occurrences.filter(inScope), anchor, text);
  if (byContext === 'ambiguous') return orphan(anchor);
  if (byContext) return { status: 'context', start: byContext.start, end: byContext.end };
  const fuzzy = chooseApproximate(anchor, text, occurrences, options, inScope);
  if (fuzzy === 'ambiguous' || !fuzzy) return orphan(anchor);
  return { status: 'fuzzy', start: fuzzy.start, end: fuzzy.end };
}

export interface ReanchorOutcome {
  readonly status: ReanchorStatus;
  /**
   * The anchor to keep: the same object when nothing about it changed; otherwise re-cut from
   * the new text (the quote changes on a fuzzy match), or marked orphaned.
   */
  readonly anchor: Anchor;
}

/**
 * Re-anchor many anchors against a new text, in document order, each trying first the shift
 * its predecessor took: after an edit elsewhere, everything below it moved by the same amount,
 * so nearly every anchor is settled by a single comparison.
 */
export function reanchorAll(
  anchors: readonly Anchor[],
  text: string,
  options: Omit<ReanchorOptions, 'expectedShift'> = {},
): ReanchorOutcome[] {
  return runToEnd(reanchorAllInSteps(anchors, text, options, Number.POSITIVE_INFINITY));
}

/**
 * reanchorAll, pausing (yielding) after every `stepSize` anchors and returning the outcomes at
 * the end: a caller with many thousands of anchors can let other work run between steps. The
 * text must not change until the steps are done.
 */
export function* reanchorAllInSteps(
  anchors: readonly Anchor[],
  text: string,
  options: Omit<ReanchorOptions, 'expectedShift'> = {},
  stepSize = 500,
): Generator<void, ReanchorOutcome[], void> {
  const order = anchors.map((_, index) => index).sort((a, b) => anchors[a].start - anchors[b].start);
  const outcomes = new Array<ReanchorOutcome>(anchors.length);
  let shift = 0;
  let done = 0;
  for (const index of order) {
    const anchor = anchors[index];
    const result = reanchor(anchor, text, { ...options, expectedShift: shift });
    if (result.status !== 'orphan') shift = result.start - anchor.start;
    outcomes[index] = { status: result.status, anchor: settle(anchor, text, result, options.articles) };
    if (++done % stepSize === 0) yield;
  }
  return outcomes;
}

function settle(anchor: Anchor, text: string, result: ReanchorResult, articles?: readonly ArticleSpan[]): Anchor {
  if (result.status === 'orphan') return anchor.orphaned ? anchor : { ...anchor, orphaned: true };
  // Most anchors are where they were, in the same words and context: told without cutting a new anchor to compare.
  if (result.start === anchor.start && result.end === anchor.end && recutsToItself(anchor, text, articles)) return anchor;
  const recut = createAnchor(text, result.start, result.end, articles);
  // Without the new articles, the recorded article is the best knowledge there is.
  const fresh = articles || !anchor.article ? recut : { ...recut, article: anchor.article };
  return sameAnchor(anchor, fresh) ? anchor : fresh;
}

/**
 * Whether settling `anchor` at its own offsets gives it back: the anchor createAnchor cuts
 * there (with the recorded article when no articles are given) is the same as sameAnchor tells.
 */
function recutsToItself(anchor: Anchor, text: string, articles?: readonly ArticleSpan[]): boolean {
  const { start, end, quote } = anchor;
  if (anchor.orphaned || start >= end || end - start !== quote.length || !text.startsWith(quote, start)) return false;
  if (!isTextBefore(text, start, anchor.prefix) || !isTextAfter(text, end, anchor.suffix)) return false;
  if (!articles) return true;
  const article = articleAt(articles, start);
  return article?.index === anchor.article?.index && article?.title.text === anchor.article?.title;
}

function sameAnchor(a: Anchor, b: Anchor): boolean {
  return (
    a.start === b.start &&
    a.end === b.end &&
    a.quote === b.quote &&
    a.prefix === b.prefix &&
    a.suffix === b.suffix &&
    a.article?.index === b.article?.index &&
    a.article?.title === b.article?.title &&
    Boolean(a.orphaned) === Boolean(b.orphaned)
  );
}

function orphan(anchor: Anchor): ReanchorResult {
  return { status: 'orphan', start: anchor.start, end: anchor.end };
}

function placeAtExpectedOffset(anchor: Anchor, text: string, shift: number): Candidate | undefined {
  const offsets = shift === 0 ? [anchor.start] : [anchor.start, anchor.start + shift];
  for (const start of offsets) {
    const end = start + anchor.quote.length;
    if (start >= 0 && text.startsWith(anchor.quote, start) && contextAgreement(anchor, text, start, end) >= MIN_CONTEXT_AGREEMENT) {
      return { start, end, errors: 0 };
    }
  }
  return undefined;
}

function allOccurrences(text: string, quote: string): Candidate[] {
  const found: Candidate[] = [];
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) {
    found.push({ start: at, end: at + quote.length, errors: 0 });
  }
  return found;
}

/** Whether a candidate lies in the anchor's recorded article; everything is in scope without articles. */
function articleScope(anchor: Anchor, articles?: readonly ArticleSpan[]): (candidate: Candidate) => boolean {
  if (!articles || !anchor.article) return () => true;
  const title = normalizeForMatching(anchor.article.title);
  return (candidate) => {
    const article = articleAt(articles, candidate.start);
    return article !== undefined && normalizeForMatching(article.title.text) === title;
  };
}

/** The clearly best candidate whose context agrees, 'ambiguous' when several are about as good, undefined when none agrees. */
function choose(candidates: readonly Candidate[], anchor: Anchor, text: string): Choice {
  const scored = candidates
    .map((candidate) => ({ candidate, agreement: contextAgreement(anchor, text, candidate.start, candidate.end) }))
    .filter(({ agreement }) => agreement >= MIN_CONTEXT_AGREEMENT)
    .map(({ candidate, agreement }) => ({ candidate, score: agreement + 1 - candidate.errors / anchor.quote.length }))
    .sort((a, b) => b.score - a.score);
  if (scored.length === 0) return undefined;
  const contenders = scored.filter(({ score }) => scored[0].score - score < MIN_LEAD);
  return contenders.length === 1 ? contenders[0].candidate : 'ambiguous';
}

/**
 * Step 3. The search runs only where an approximate occurrence can be, and returns the best
 * match of each such region, so a lookalike in one place never hides the edited quote in
 * another. Exact occurrences already turned down as lookalikes are masked out.
 */
function chooseApproximate(
  anchor: Anchor,
  text: string,
  lookalikes: readonly Candidate[],
  options: ReanchorOptions,
  inScope: (candidate: Candidate) => boolean,
): Choice {
  const { quote } = anchor;
  const maxErrors = Math.floor(quote.length * (options.maxErrorRate ?? DEFAULT_MAX_ERROR_RATE));
  if (maxErrors < 1) return undefined;
  const candidates = regionsToSearch(text, quote, maxErrors).flatMap(({ from, to }) => {
    const matches = search(masked(text, from, to, lookalikes), quote, maxErrors).map((match) => ({
      start: match.start + from,
      end: match.end + from,
      errors: match.errors,
    }));
    return clusters(matches).map((cluster) => bestOfCluster(cluster, anchor, text));
  });
  return choose(candidates.filter(inScope), anchor, text);
}

interface Region {
  readonly from: number;
  readonly to: number;
}

/**
 * Filter before searching: split the quote into maxErrors + 1 pieces; each edit spoils at most
 * one piece, so any occurrence with at most maxErrors edits contains one piece exactly. Around
 * each exact hit of a piece lies one region where the occurrence can start and end. When the
 * pieces are so common that the regions would not save much, the whole text is one region.
 */
function regionsToSearch(text: string, quote: string, maxErrors: number): Region[] {
  const pieceCount = maxErrors + 1;
  const pieceLength = Math.floor(quote.length / pieceCount);
  const regions: Region[] = [];
  for (let piece = 0; piece < pieceCount; piece++) {
    const pieceStart = piece * pieceLength;
    const pieceText = quote.slice(pieceStart, piece === pieceCount - 1 ? quote.length : pieceStart + pieceLength);
    for (let hit = text.indexOf(pieceText); hit >= 0; hit = text.indexOf(pieceText, hit + 1)) {
      if (regions.length === MAX_REGIONS) return [{ from: 0, to: text.length }];
      const start = hit - pieceStart;
      regions.push({ from: Math.max(0, start - maxErrors), to: Math.min(text.length, start + quote.length + 2 * maxErrors) });
    }
  }
  return mergeRegions(regions);
}

function mergeRegions(regions: Region[]): Region[] {
  const merged: Region[] = [];
  for (const region of regions.sort((a, b) => a.from - b.from)) {
    const last = merged[merged.length - 1];
    if (last && region.from <= last.to) merged[merged.length - 1] = { from: last.from, to: Math.max(last.to, region.to) };
    else merged.push(region);
  }
  return merged;
}

/** text[from, to) with the given spans blanked out, offsets unchanged. */
function masked(text: string, from: number, to: number, spans: readonly Candidate[]): string {
  let result = '';
  let copied = from;
  for (const span of spans) {
    const start = Math.max(span.start, copied);
    const end = Math.min(span.end, to);
    if (start >= end) continue;
    result += text.slice(copied, start) + MASK.repeat(end - start);
    copied = end;
  }
  return result + text.slice(copied, to);
}

/** Overlapping matches are one place found with different boundaries. */
function clusters(matches: readonly Candidate[]): Candidate[][] {
  const sorted = [...matches].sort((a, b) => a.start - b.start || a.end - b.end);
  const groups: Candidate[][] = [];
  let groupEnd = -1;
  for (const match of sorted) {
    if (match.start < groupEnd) {
      groups[groups.length - 1].push(match);
    } else {
      groups.push([match]);
    }
    groupEnd = Math.max(groupEnd, match.end);
  }
  return groups;
}

/** The boundaries that best fit the recorded context, then the quote's length. */
function bestOfCluster(cluster: readonly Candidate[], anchor: Anchor, text: string): Candidate {
  const fit = (candidate: Candidate) => ({
    candidate,
    agreement: contextAgreement(anchor, text, candidate.start, candidate.end),
    lengthGap: Math.abs(candidate.end - candidate.start - anchor.quote.length),
  });
  return cluster
    .map(fit)
    .reduce((best, next) =>
      next.agreement > best.agreement || (next.agreement === best.agreement && next.lengthGap < best.lengthGap) ? next : best,
    ).candidate;
}
