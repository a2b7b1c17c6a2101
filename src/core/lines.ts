/**
 * Line scanning without per-line strings: a table of offsets and of what each line looks
 * like (text, blank or separator), made in one pass while each line is still in the cache.
 * Line breaks are `\n`, `\r\n` and a lone `\r`, as in the editor.
 */
import { skipSpaces } from './chars';
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

  constructor(private readonly text: string) {
    // Room for lines of 64 characters on average: most texts never need to grow.
    const capacity = Math.max(64, text.length >> 6);
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
    const isCrLf = text.charCodeAt(lineBreak) === CR && text.charCodeAt(lineBreak + 1) === LF;
    start = lineBreak + (isCrLf ? 2 : 1);
  }
  table.add(start, text.length);
  return table.build();
}
