/**
 * Line scanning without per-line strings: a table of offsets and of what each line looks
 * like (text, blank or separator), made in one pass while each line is still in the cache.
 * Line breaks are `\n`, `\r\n` and a lone `\r`, as in the editor.
 */
import { skipSpaces } from './chars';
import type { TextChange } from './revision';
import { separatorCharCode } from './separators';

/** A line with text. */
const TEXT_LINE = 0;
/** A line with nothing but space-like characters. */
const BLANK_LINE = 1;
/** A separator line (see separators.ts). */
export const SEPARATOR_LINE = 2;

export interface LineTable {
  /** How many lines: one more than there are line breaks. */
  readonly count: number;
  /** Offset of the first character of each line. */
  readonly starts: Int32Array;
  /** Offset just after the last character of each line, before its line break. */
  readonly ends: Int32Array;
  /** TEXT_LINE, BLANK_LINE or SEPARATOR_LINE for each line. */
  readonly shapes: Uint8Array;
}

const LF = 0x0a;
const CR = 0x0d;

/** Lines collected into typed arrays that double when full. */
class LineTableBuilder {
  private starts: Int32Array<ArrayBuffer>;
  private ends: Int32Array<ArrayBuffer>;
  private shapes: Uint8Array<ArrayBuffer>;
  private count = 0;

  constructor(
    private readonly text: string,
    // Room for lines of 64 characters on average: most texts never need to grow.
    capacity = Math.max(64, text.length >> 6),
  ) {
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    this.shapes = new Uint8Array(capacity);
  }

  add(start: number, end: number): void {
    if (this.count === this.starts.length) this.grow();
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.shapes[this.count++] = shapeOf(this.text, start, end);
  }

  /** Appends the lines [from, to) of `table`, a table of the same text moved by `shift` characters. */
  copy(table: LineTable, from: number, to: number, shift: number): void {
    while (this.count + to - from > this.starts.length) this.grow();
    const at = this.count;
    this.shapes.set(table.shapes.subarray(from, to), at);
    this.starts.set(table.starts.subarray(from, to), at);
    this.ends.set(table.ends.subarray(from, to), at);
    if (shift !== 0) {
      for (let i = at; i < at + to - from; i++) {
        this.starts[i] += shift;
        this.ends[i] += shift;
      }
    }
    this.count += to - from;
  }

  build(): LineTable {
    const { count } = this;
    return { count, starts: this.starts.subarray(0, count), ends: this.ends.subarray(0, count), shapes: this.shapes.subarray(0, count) };
  }

  private grow(): void {
    const starts = new Int32Array(this.starts.length * 2);
    const ends = new Int32Array(this.ends.length * 2);
    const shapes = new Uint8Array(this.shapes.length * 2);
    starts.set(this.starts);
    ends.set(this.ends);
    shapes.set(this.shapes);
    this.starts = starts;
    this.ends = ends;
    this.shapes = shapes;
  }
}

export function isBlankLine(lines: LineTable, line: number): boolean {
  return lines.shapes[line] === BLANK_LINE;
}

function shapeOf(text: string, start: number, end: number): number {
  if (skipSpaces(text, start, end) === end) return BLANK_LINE;
  return separatorCharCode(text, start, end) < 0 ? TEXT_LINE : SEPARATOR_LINE;
}

export function scanLines(text: string): LineTable {
  return text.indexOf('\r') < 0 ? scanLfLines(text) : scanMixedLines(text);
}

/** The common case: `indexOf` jumps from break to break. */
function scanLfLines(text: string): LineTable {
  const table = new LineTableBuilder(text);
  let start = 0;
  for (let lf = text.indexOf('\n'); lf >= 0; lf = text.indexOf('\n', start)) {
    table.add(start, lf);
    start = lf + 1;
  }
  table.add(start, text.length);
  return table.build();
}

/** Text with carriage returns: the nearest of the next `\n` and the next `\r` ends each line. */
function scanMixedLines(text: string): LineTable {
  const table = new LineTableBuilder(text);
  let start = 0;
  let nextLf = text.indexOf('\n');
  let nextCr = text.indexOf('\r');
  for (;;) {
    if (nextLf >= 0 && nextLf < start) nextLf = text.indexOf('\n', start);
    if (nextCr >= 0 && nextCr < start) nextCr = text.indexOf('\r', start);
    const lineBreak = nextCr < 0 ? nextLf : nextLf < 0 ? nextCr : Math.min(nextLf, nextCr);
    if (lineBreak < 0) break;
    table.add(start, lineBreak);
    start = nextLineStart(text, lineBreak);
  }
  table.add(start, text.length);
  return table.build();
}

/**
 * The line table of `text` made from `earlier`, the table of the text before `change`: the
 * lines before the change are kept, the lines after it moved, and only the lines the change
 * touched are scanned. Typing in a dossier of millions of characters so costs a copy of the
 * tables, not a look at every line.
 */
export function rescanLines(text: string, earlier: LineTable, change: TextChange): LineTable {
  const shift = change.afterEnd - change.beforeEnd;
  const table = new LineTableBuilder(text, earlier.count + 64);
  // From the line before the change's: an inserted `\n` may join the `\r` that ended it.
  const first = Math.max(0, lineAt(earlier, change.start) - 1);
  table.copy(earlier, 0, first, 0);
  let older = first;
  let start = earlier.starts[first];
  for (;;) {
    if (start >= change.afterEnd) {
      // Past the change, the texts are the same: the first line the earlier table also starts here begins the lines it has right.
      while (older < earlier.count && earlier.starts[older] < start - shift) older++;
      if (older < earlier.count && earlier.starts[older] === start - shift) {
        table.copy(earlier, older, earlier.count, shift);
        break;
      }
    }
    const lineBreak = nextLineBreak(text, start);
    if (lineBreak < 0) {
      table.add(start, text.length);
      break;
    }
    table.add(start, lineBreak);
    start = nextLineStart(text, lineBreak);
  }
  return table.build();
}

/** The line holding `offset`: the last one starting at or before it. */
export function lineAt(table: LineTable, offset: number): number {
  let low = 0;
  let high = table.count - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (table.starts[middle] <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** The first `\n` or `\r` at or after `from`, or -1. */
function nextLineBreak(text: string, from: number): number {
  for (let at = from; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === LF || code === CR) return at;
  }
  return -1;
}

/** Where the line after the break at `lineBreak` starts: `\r\n` is one break. */
function nextLineStart(text: string, lineBreak: number): number {
  return lineBreak + (text.charCodeAt(lineBreak) === CR && text.charCodeAt(lineBreak + 1) === LF ? 2 : 1);
}
