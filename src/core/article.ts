/**
 * One article, read in two steps. Parsing finds its span and title; the rest (subtitle,
 * dates, outlet, quotes, bylines, comments, classified lines) is read in one pass over its
 * lines the first time any of it is asked for, so that opening a large dossier only pays for
 * what the editor shows.
 *
 * Layout: the title (first non-blank line); a header region of up to four lines right after
 * it, each a subtitle (only the first), a date line or an outlet line, ending at the first
 * line that is none of these; the body, where `Speaker: text` lines are quotes; closing
 * bylines and labeled source lines, read backwards from the end of the body; and an optional
 * comments section that runs from its heading to the end of the article.
 */
import type { Article, ClassifiedLine, CommentsSection, DateField, Field, LineKind, QuoteLine } from './model';
import { readComments } from './comments';
import { fieldAt } from './fields';
import {
  MAX_COMMENTS_HEADING_LINE,
  isSubtitleShaped,
  readByline,
  readCommentsHeading,
  readDateLine,
  readLabeledSource,
  readOutlet,
  readQuote,
} from './lineShapes';
import type { LineTable } from './lines';
import { skipSpaces, trimEnd } from './chars';

const MAX_HEADER_REGION_LINES = 4;
const MAX_CLOSING_LINES = 3;

/** The text and its lines, shared by every article of a document. */
export interface ArticleScanner {
  readonly text: string;
  readonly lines: LineTable;
}

type ArticleDetails = Pick<Article, 'subtitle' | 'dates' | 'outlet' | 'quotes' | 'bylines' | 'comments' | 'lines'>;

/** An article whose details are read on first use. Reading never changes what the getters return. */
export class ParsedArticle implements Article {
  readonly start: number;
  readonly end: number;
  readonly title: Field;
  private details: ArticleDetails | undefined;

  /** `startLine` and `endLine` must be non-blank lines. */
  constructor(
    private readonly scanner: ArticleScanner,
    readonly index: number,
    readonly startLine: number,
    readonly endLine: number,
  ) {
    const { text, lines } = scanner;
    this.start = lines.starts[startLine];
    this.end = lines.ends[endLine];
    const titleStart = skipSpaces(text, this.start, lines.ends[startLine]);
    this.title = fieldAt(text, titleStart, trimEnd(text, titleStart, lines.ends[startLine]));
  }

  get subtitle(): Field | undefined {
    return this.read().subtitle;
  }

  get dates(): readonly DateField[] {
    return this.read().dates;
  }

  get outlet(): Field | undefined {
    return this.read().outlet;
  }

  get quotes(): readonly QuoteLine[] {
    return this.read().quotes;
  }

  get bylines(): readonly Field[] {
    return this.read().bylines;
  }

  get comments(): CommentsSection | undefined {
    return this.read().comments;
  }

  get lines(): readonly ClassifiedLine[] {
    return this.read().lines;
  }

  /** Every field as plain data, details included: what JSON.stringify and logs see. */
  toJSON(): Article {
    const { start, end, index, startLine, endLine, title } = this;
    return { start, end, index, startLine, endLine, title, ...this.read() };
  }

  private read(): ArticleDetails {
    return (this.details ??= readDetails(this.scanner, this.startLine, this.endLine, this.title));
  }
}

function readDetails(scanner: ArticleScanner, firstLine: number, lastLine: number, title: Field): ArticleDetails {
  const kinds: LineKind[] = new Array<LineKind>(lastLine - firstLine + 1);
  kinds[0] = 'title';
  const quotes: QuoteLine[] = [];
  const titleQuote = readQuote(scanner.text, title.start, title.end);
  if (titleQuote) quotes.push(titleQuote);

  const region = readHeaderRegion(scanner, firstLine, lastLine, kinds);
  const { commentsLine, comments } = readBody(scanner, region.nextLine, lastLine, firstLine, kinds, quotes);
  const bodyLastLine = commentsLine < 0 ? lastLine : commentsLine - 1;
  const closing = readClosingLines(scanner, region.nextLine, bodyLastLine, firstLine, kinds);
  return {
    subtitle: region.subtitle,
    dates: region.dates,
    outlet: region.outlet ?? closing.source,
    quotes,
    bylines: closing.bylines,
    comments,
    lines: classifiedLines(scanner.lines, firstLine, kinds),
  };
}

interface HeaderRegion {
  readonly subtitle: Field | undefined;
  readonly outlet: Field | undefined;
  readonly dates: DateField[];
  /** First line after the region. */
  readonly nextLine: number;
}

function readHeaderRegion(scanner: ArticleScanner, firstLine: number, lastLine: number, kinds: LineKind[]): HeaderRegion {
  const { text, lines } = scanner;
  const dates: DateField[] = [];
  let subtitle: Field | undefined;
  let outlet: Field | undefined;
  /** The line right under the title, when it was read as the outlet. */
  let outletUnderTitle: { line: number; start: number; end: number } | undefined;
  let regionLines = 0;
  let line = firstLine + 1;
  for (; line <= lastLine && regionLines < MAX_HEADER_REGION_LINES; line++) {
    const start = skipSpaces(text, lines.starts[line], lines.ends[line]);
    if (start === lines.ends[line]) {
      kinds[line - firstLine] = 'blank';
      continue;
    }
    const end = trimEnd(text, start, lines.ends[line]);
    if (readCommentsHeading(text, start, end)) break;
    const date = readDateLine(text, start, end);
    const lineOutlet = date ? undefined : readOutlet(text, start, end);
    if (date) {
      dates.push(date);
      kinds[line - firstLine] = 'date';
    } else if (lineOutlet && !outlet) {
      outlet = lineOutlet;
      kinds[line - firstLine] = 'outlet';
      if (regionLines === 0) outletUnderTitle = { line, start, end };
    } else if (lineOutlet && outletUnderTitle && isSubtitle(scanner.text, outletUnderTitle.start, outletUnderTitle.end)) {
      // A second outlet-shaped line: the short line right under the title was a subtitle.
      subtitle = fieldAt(text, outletUnderTitle.start, outletUnderTitle.end);
      kinds[outletUnderTitle.line - firstLine] = 'subtitle';
      outletUnderTitle = undefined;
      outlet = lineOutlet;
      kinds[line - firstLine] = 'outlet';
    } else if (regionLines === 0 && !lineOutlet && line < lastLine && isSubtitle(scanner.text, start, end)) {
      subtitle = fieldAt(text, start, end);
      kinds[line - firstLine] = 'subtitle';
    } else {
      break;
    }
    regionLines++;
  }
  return { subtitle, outlet, dates, nextLine: line };
}

/** A subtitle is short, does not end like a sentence, and is not a quote line. */
function isSubtitle(text: string, start: number, end: number): boolean {
  return isSubtitleShaped(text, start, end) && !readQuote(text, start, end);
}

interface Body {
  /** Line of the comments heading, or -1. */
  readonly commentsLine: number;
  readonly comments: CommentsSection | undefined;
}

/** Classifies body lines as blank, quote or body, until a comments heading takes the rest. */
function readBody(
  scanner: ArticleScanner,
  fromLine: number,
  lastLine: number,
  firstLine: number,
  kinds: LineKind[],
  quotes: QuoteLine[],
): Body {
  const { text, lines } = scanner;
  const { starts, ends } = lines;
  for (let line = fromLine; line <= lastLine; line++) {
    const lineEnd = ends[line];
    const start = skipSpaces(text, starts[line], lineEnd);
    if (start === lineEnd) {
      kinds[line - firstLine] = 'blank';
      continue;
    }
    const end = trimEnd(text, start, lineEnd);
    if (end - start <= MAX_COMMENTS_HEADING_LINE) {
      const heading = readCommentsHeading(text, start, end);
      if (heading) {
        return { commentsLine: line, comments: readComments(text, lines, heading, line, lastLine, kinds, firstLine) };
      }
    }
    const quote = readQuote(text, start, end);
    if (quote) quotes.push(quote);
    kinds[line - firstLine] = quote ? 'quote' : 'body';
  }
  return { commentsLine: -1, comments: undefined };
}

interface ClosingLines {
  readonly bylines: Field[];
  readonly source: Field | undefined;
}

/** Walks back from the end of the body over up to three byline or labeled source lines. */
function readClosingLines(scanner: ArticleScanner, bodyFirstLine: number, bodyLastLine: number, firstLine: number, kinds: LineKind[]): ClosingLines {
  const { text, lines } = scanner;
  const bylines: Field[] = [];
  let source: Field | undefined;
  let seen = 0;
  for (let line = bodyLastLine; line >= bodyFirstLine && seen < MAX_CLOSING_LINES; line--) {
    const kind = kinds[line - firstLine];
    if (kind === 'blank') continue;
    if (kind !== 'body') break;
    const start = skipSpaces(text, lines.starts[line], lines.ends[line]);
    const end = trimEnd(text, start, lines.ends[line]);
    const labeledSource = readLabeledSource(text, start, end);
    const byline = labeledSource ? undefined : readByline(text, start, end);
    if (labeledSource) {
      source ??= labeledSource;
      kinds[line - firstLine] = 'outlet';
    } else if (byline) {
      bylines.push(byline);
      kinds[line - firstLine] = 'byline';
    } else {
      break;
    }
    seen++;
  }
  return { bylines: bylines.reverse(), source };
}

function classifiedLines(lines: LineTable, firstLine: number, kinds: readonly LineKind[]): ClassifiedLine[] {
  const classified = new Array<ClassifiedLine>(kinds.length);
  for (let i = 0; i < kinds.length; i++) {
    const line = firstLine + i;
    classified[i] = { start: lines.starts[line], end: lines.ends[line], line, kind: kinds[i] };
  }
  return classified;
}
