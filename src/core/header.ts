/**
 * The dossier header: a breadcrumb line (`Home \ Files \ Dossier`), the dossier title, a date
 * and an author, each on its own line, blank lines allowed between them.
 */
import type { DateField, DossierHeader, Field } from './model';
import { fieldAt, trimmedField } from './fields';
import { readDateLine } from './lineShapes';
import type { LineTable } from './lines';
import { countWords, skipSpaces, trimEnd } from './chars';

const MAX_AUTHOR_LINE = 40;
const MAX_AUTHOR_WORDS = 4;

/** The trimmed bounds of a non-blank line. */
export interface LineContent {
  readonly line: number;
  readonly start: number;
  readonly end: number;
}

export function lineContent(text: string, lines: LineTable, line: number): LineContent {
  const start = skipSpaces(text, lines.starts[line], lines.ends[line]);
  return { line, start, end: trimEnd(text, start, lines.ends[line]) };
}

const BACKSLASH = 0x5c;

/** Offset of the next backslash in [from, to), or `to`. */
function nextBackslash(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && text.charCodeAt(i) !== BACKSLASH) i++;
  return i;
}

/** A line with text on both sides of a backslash. */
export function isBreadcrumb(text: string, content: LineContent): boolean {
  const backslash = nextBackslash(text, content.start, content.end);
  return backslash > content.start && backslash < content.end - 1;
}

function readBreadcrumb(text: string, content: LineContent): DossierHeader['breadcrumb'] {
  const segments: Field[] = [];
  for (let from = content.start; from <= content.end; ) {
    const to = nextBackslash(text, from, content.end);
    const segment = trimmedField(text, from, to);
    if (segment) segments.push(segment);
    from = to + 1;
  }
  return { span: fieldAt(text, content.start, content.end), segments };
}

function isAuthorShaped(text: string, content: LineContent): boolean {
  return content.end - content.start <= MAX_AUTHOR_LINE && countWords(text, content.start, content.end, MAX_AUTHOR_WORDS) <= MAX_AUTHOR_WORDS;
}

export interface HeaderReading {
  readonly header: DossierHeader;
  /** How many of the given lines the header took. */
  readonly used: number;
}

/**
 * Reads a header from the given non-blank lines, in order: breadcrumb (if the first line has
 * backslashes), title (a line that is not a date line), date (a date line), author (a short
 * line after the date). With `takeAll` (a table of contents follows) every given line belongs
 * to the header even if it fills no field; otherwise the header stops at the first line that
 * fits no field.
 */
export function readHeader(text: string, lines: LineTable, contents: readonly LineContent[], takeAll: boolean): HeaderReading {
  let next = 0;
  const breadcrumb = isBreadcrumb(text, contents[0]) ? readBreadcrumb(text, contents[next++]) : undefined;
  let title: Field | undefined;
  let date: DateField | undefined;
  let author: Field | undefined;
  if (next < contents.length && !readDateLine(text, contents[next].start, contents[next].end)) {
    title = fieldAt(text, contents[next].start, contents[next++].end);
  }
  if (next < contents.length) {
    date = readDateLine(text, contents[next].start, contents[next].end);
    if (date) next++;
  }
  if (date && next < contents.length && isAuthorShaped(text, contents[next])) {
    author = fieldAt(text, contents[next].start, contents[next++].end);
  }
  const used = takeAll ? contents.length : next;
  const first = contents[0].line;
  const last = contents[used - 1].line;
  return {
    header: { start: lines.starts[first], end: lines.ends[last], startLine: first, endLine: last, breadcrumb, title, date, author },
    used,
  };
}
