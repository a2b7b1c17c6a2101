/**
 * The table of contents: a heading line (`عناوين الملف:`, `المحتويات`, `Contents:`…) followed
 * by numbered entries (`1. title`, `1) title`, `1- title`, `١. title`), blank lines allowed
 * between them. It ends at the first non-blank line that is not an entry.
 */
import type { TableOfContents, TocEntry } from './model';
import { normalizeForMatching } from './arabic';
import { TOC_HEADINGS } from './detect';
import { fieldAt, trimmedField } from './fields';
import { isDigit, readNumber, skipSpaces, trimEnd } from './chars';
import type { LineTable } from './lines';
import { isBlankLine } from './lines';

const MAX_HEADING_LINE = 40;
const MAX_ENTRY_NUMBER_DIGITS = 4;

/** The shared heading vocabulary, as normalizeForMatching writes it: hamza, case and colons do not matter. */
const HEADINGS = new Set(TOC_HEADINGS.map(normalizeForMatching));

export function isTocHeading(text: string, start: number, end: number): boolean {
  return end - start <= MAX_HEADING_LINE && HEADINGS.has(normalizeForMatching(text.slice(start, end)));
}

function isSpaceOrTab(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0xa0;
}

/** `.` `)` `-` `–` `:` or `ـ` after the entry number. */
function isNumberMark(code: number): boolean {
  return code === 0x2e || code === 0x29 || code === 0x2d || code === 0x2013 || code === 0x3a || code === 0x0640 || code === 0x066b;
}

/** Reads `12. title` on `line`; undefined when the line is not a numbered entry. */
export function readTocEntry(text: string, lines: LineTable, line: number): TocEntry | undefined {
  const lineEnd = lines.ends[line];
  const numberStart = skipSpaces(text, lines.starts[line], lineEnd);
  let numberEnd = numberStart;
  while (numberEnd < lineEnd && isDigit(text.charCodeAt(numberEnd))) numberEnd++;
  if (numberEnd === numberStart || numberEnd - numberStart > MAX_ENTRY_NUMBER_DIGITS) return undefined;
  let mark = numberEnd;
  while (mark < lineEnd && isSpaceOrTab(text.charCodeAt(mark))) mark++;
  if (mark === lineEnd || !isNumberMark(text.charCodeAt(mark))) return undefined;
  const title = trimmedField(text, mark + 1, lineEnd);
  if (!title) return undefined;
  const digits = text.slice(numberStart, numberEnd);
  return {
    start: numberStart,
    end: title.end,
    line,
    number: readNumber(digits),
    numberSpan: { start: numberStart, end: numberEnd },
    title,
  };
}

/**
 * Reads a table of contents whose heading is on `headingLine`, not going past `lastLine`.
 * Undefined unless the heading is followed by at least one entry.
 */
export function readToc(text: string, lines: LineTable, headingLine: number, lastLine: number): TableOfContents | undefined {
  const headingStart = skipSpaces(text, lines.starts[headingLine], lines.ends[headingLine]);
  const headingEnd = trimEnd(text, headingStart, lines.ends[headingLine]);
  if (!isTocHeading(text, headingStart, headingEnd)) return undefined;
  const entries: TocEntry[] = [];
  for (let line = headingLine + 1; line <= lastLine; line++) {
    if (isBlankLine(lines, line)) continue;
    const entry = readTocEntry(text, lines, line);
    if (!entry) break;
    entries.push(entry);
  }
  if (entries.length === 0) return undefined;
  const endLine = entries[entries.length - 1].line;
  return {
    start: lines.starts[headingLine],
    end: lines.ends[endLine],
    startLine: headingLine,
    endLine,
    heading: fieldAt(text, headingStart, headingEnd),
    entries,
  };
}
