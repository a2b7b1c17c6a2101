/**
 * The text around an anchor: cutting it, and measuring how much of it is still there.
 */

import type { Anchor } from './types';

/** How many characters of context an anchor records on each side. */
export const CONTEXT_LENGTH = 32;

/** Up to `length` characters ending at `offset`, never starting in the middle of a surrogate pair. */
export function textBefore(text: string, offset: number, length = CONTEXT_LENGTH): string {
  return text.slice(startBefore(text, offset, length), offset);
}

/** Up to `length` characters starting at `offset`, never ending in the middle of a surrogate pair. */
export function textAfter(text: string, offset: number, length = CONTEXT_LENGTH): string {
  return text.slice(offset, endAfter(text, offset, length));
}

/** Whether `context` is textBefore(text, offset), told without cutting that. */
export function isTextBefore(text: string, offset: number, context: string): boolean {
  return offset - startBefore(text, offset, CONTEXT_LENGTH) === context.length && text.startsWith(context, offset - context.length);
}

/** Whether `context` is textAfter(text, offset), told without cutting that. */
export function isTextAfter(text: string, offset: number, context: string): boolean {
  return endAfter(text, offset, CONTEXT_LENGTH) - offset === context.length && text.startsWith(context, offset);
}

function startBefore(text: string, offset: number, length: number): number {
  const from = Math.max(0, offset - length);
  return from > 0 && isLowSurrogate(text.charCodeAt(from)) ? from + 1 : from;
}

function endAfter(text: string, offset: number, length: number): number {
  const to = Math.min(text.length, offset + length);
  return to < text.length && isLowSurrogate(text.charCodeAt(to)) ? to - 1 : to;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * How well the recorded prefix and suffix agree with the text around [start, end): 1 when both
 * are there unchanged, 0 when nothing of them is left. Each side counts its characters minus
 * its edit distance to the text read outward from the boundary, so an edit near the quote
 * costs only the characters it touched, and a line-ending change (CRLF → LF) costs little.
 */
export function contextAgreement(
  anchor: Pick<Anchor, 'prefix' | 'suffix'>,
  text: string,
  start: number,
  end: number,
): number {
  const { prefix, suffix } = anchor;
  const total = prefix.length + suffix.length;
  if (total === 0) return 1;
  const prefixIntact = start >= prefix.length && text.startsWith(prefix, start - prefix.length);
  const suffixIntact = text.startsWith(suffix, end);
  const prefixErrors = prefixIntact ? 0 : outwardEditDistance(prefix, text, start, -1);
  const suffixErrors = suffixIntact ? 0 : outwardEditDistance(suffix, text, end, 1);
  return (total - prefixErrors - suffixErrors) / total;
}

/**
 * Edit distance between `context` and the text that starts at `boundary` and runs outward
 * (leftward for a prefix, whose last character touches the boundary; rightward for a suffix),
 * over whichever length of text fits best. Never more than `context.length`.
 */
function outwardEditDistance(context: string, text: string, boundary: number, direction: -1 | 1): number {
  const slack = Math.ceil(context.length / 4) + 1;
  const available = direction < 0 ? boundary : text.length - boundary;
  const width = Math.min(available, context.length + slack);
  const contextAt = (i: number) =>
    direction < 0 ? context.charCodeAt(context.length - 1 - i) : context.charCodeAt(i);
  const textAt = (j: number) => (direction < 0 ? text.charCodeAt(boundary - 1 - j) : text.charCodeAt(boundary + j));

  let previous = Array.from({ length: width + 1 }, (_, j) => j);
  let current = new Array<number>(width + 1);
  for (let i = 1; i <= context.length; i++) {
    current[0] = i;
    const contextCode = contextAt(i - 1);
    for (let j = 1; j <= width; j++) {
      const substitution = previous[j - 1] + (contextCode === textAt(j - 1) ? 0 : 1);
      current[j] = Math.min(substitution, previous[j] + 1, current[j - 1] + 1);
    }
    [previous, current] = [current, previous];
  }
  return Math.min(...previous);
}
