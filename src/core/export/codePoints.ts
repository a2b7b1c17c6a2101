/**
 * Offsets for formats that count characters (Unicode code points) where this extension counts
 * UTF-16 code units: brat standoff and the W3C Web Annotation TextPositionSelector. Both count
 * an emoji as one character, JavaScript as two units.
 */

/** How a format's text treats line breaks: brat reads `\r\n` as one `\n` (Python's universal newlines). */
export type LineBreakHandling = 'keep' | 'crlf-as-lf';

/** Converts UTF-16 offsets of one text into code-point offsets, in O(log n) each after one scan. */
export class CodePointOffsets {
  /**
   * UTF-16 positions that are not characters of their own in the target's count: the second
   * half of each surrogate pair, and the `\r` of each `\r\n` when line breaks are folded.
   * Sorted, so the count of those before an offset is one binary search.
   */
  private constructor(private readonly uncounted: readonly number[]) {}

  static of(text: string, lineBreaks: LineBreakHandling): CodePointOffsets {
    const uncounted: number[] = [];
    // Only the rare units are matched: most Arabic and Latin text has none, so this is one quick regex pass.
    const rare = lineBreaks === 'crlf-as-lf' ? /[\uD800-\uDBFF][\uDC00-\uDFFF]|\r\n/g : /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;
    for (const match of text.matchAll(rare)) {
      const index = match.index;
      uncounted.push(match[0] === '\r\n' ? index : index + 1);
    }
    return new CodePointOffsets(uncounted);
  }

  /** The character offset of UTF-16 `offset`. Anchors never split a pair or a `\r\n`, so the rounding there does not matter. */
  at(offset: number): number {
    let low = 0;
    let high = this.uncounted.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.uncounted[middle] < offset) low = middle + 1;
      else high = middle;
    }
    return offset - low;
  }
}

/**
 * The text as a reader with universal newlines sees it: `\r\n` and a lone `\r` both become
 * `\n` (the lone one keeps its length, so only `\r\n` moves offsets). What a brat `.txt` holds.
 */
export function foldLineBreaks(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
