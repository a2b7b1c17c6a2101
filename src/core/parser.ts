/**
 * Parses a press-clipping dossier into the document model in one pass over its lines.
 *
 * Separator lines cut the text into segments. The first segments may hold the dossier header
 * and the table of contents; whatever non-blank text follows them, and every later non-blank
 * segment, is an article. The parser never throws and never drops text: what it cannot
 * place is article body, and the blocks (document.ts) partition the whole text.
 */
import type { ClippingDocument, DossierHeader, Separator, TableOfContents } from './model';
import { ParsedArticle } from './article';
import type { ArticleScanner } from './article';
import { lineContent, isBreadcrumb, readHeader } from './header';
import type { LineContent } from './header';
import { SEPARATOR_LINE, isBlankLine, rescanLines, scanLines } from './lines';
import type { LineTable } from './lines';
import { separatorCharCode } from './separators';
import { isTocHeading, readToc, readTocEntry } from './toc';
import { ParsedDocument } from './document';
import { Carried, carriedSpans, packedBounds, type TextChange } from './revision';

/** The header and the table of contents are looked for among this many first non-blank lines. */
const MAX_PREAMBLE_LINES = 8;

/** First non-blank line in [from, to], or to + 1. */
function firstNonBlank(lines: LineTable, from: number, to: number): number {
  let line = from;
  while (line <= to && isBlankLine(lines, line)) line++;
  return line;
}

/** Last non-blank line in [from, to], or from - 1. */
function lastNonBlank(lines: LineTable, from: number, to: number): number {
  let line = to;
  while (line >= from && isBlankLine(lines, line)) line--;
  return line;
}

interface Preamble {
  readonly header: DossierHeader | undefined;
  readonly toc: TableOfContents | undefined;
  /** First line after what the preamble took. */
  readonly nextLine: number;
}

/**
 * Looks for the header and the table of contents from `from` (a non-blank line) to `to`.
 * A header is recognized by a breadcrumb first line, or by the lines before a table of
 * contents heading; without either, the lines are an article.
 */
function readPreamble(text: string, lines: LineTable, from: number, to: number, headerAllowed: boolean): Preamble {
  const contents: LineContent[] = [];
  for (let line = from; line <= to && contents.length < MAX_PREAMBLE_LINES; line++) {
    if (!isBlankLine(lines, line)) contents.push(lineContent(text, lines, line));
  }
  const tocAt = contents.findIndex(
    (content, i) => isTocHeading(text, content.start, content.end) && i + 1 < contents.length && readTocEntry(text, lines, contents[i + 1].line),
  );
  let header: DossierHeader | undefined;
  let next = 0;
  if (headerAllowed && (tocAt > 0 || isBreadcrumb(text, contents[0]))) {
    const reading = readHeader(text, lines, tocAt > 0 ? contents.slice(0, tocAt) : contents, tocAt > 0);
    header = reading.header;
    next = reading.used;
  }
  const toc = tocAt >= 0 && tocAt === next ? readToc(text, lines, contents[tocAt].line, to) : undefined;
  const nextLine = toc ? toc.endLine + 1 : header ? header.endLine + 1 : from;
  return { header, toc, nextLine };
}

/** An earlier parse of the same document, and how its text changed since. */
export interface EarlierParse {
  readonly model: ClippingDocument;
  readonly change: TextChange;
}

/**
 * Parses `text`. Given an earlier parse of the same document, only the lines the change
 * touched are scanned again, and each article the change left alone takes over the head and
 * tail that parse had read (subtitle, dates, outlet, comments, bylines) instead of reading
 * them again: the same model, for the cost of moving them.
 */
export function parseClipping(text: string, earlier?: EarlierParse): ClippingDocument {
  const earlierLines = earlier?.model instanceof ParsedDocument ? earlier.model.lines : undefined;
  const lines = earlier && earlierLines ? rescanLines(text, earlierLines, earlier.change) : scanLines(text);
  const { starts, ends, shapes } = lines;
  const lineCount = lines.count;
  const scanner: ArticleScanner = { text, lines };
  const separators: Separator[] = [];
  const articles: ParsedArticle[] = [];
  let header: DossierHeader | undefined;
  let toc: TableOfContents | undefined;
  let inPreamble = true;

  const readSegment = (from: number, to: number) => {
    let first = firstNonBlank(lines, from, to);
    if (first > to) return;
    if (inPreamble) {
      const preamble = readPreamble(text, lines, first, to, header === undefined);
      header ??= preamble.header;
      toc = preamble.toc;
      first = firstNonBlank(lines, preamble.nextLine, to);
      // A header alone in its segment may still be followed by a table of contents.
      inPreamble = preamble.header !== undefined && !preamble.toc && first > to;
      if (first > to) return;
    }
    const last = lastNonBlank(lines, first, to);
    const article = new ParsedArticle(scanner, articles.length, first, last);
    articles.push(article);
  };

  let segmentStart = 0;
  for (let line = 0; line < lineCount; line++) {
    if (shapes[line] !== SEPARATOR_LINE) continue;
    const char = separatorCharCode(text, starts[line], ends[line]);
    readSegment(segmentStart, line - 1);
    separators.push({ start: starts[line], end: ends[line], line, char: String.fromCharCode(char) });
    segmentStart = line + 1;
  }
  readSegment(segmentStart, lineCount - 1);

  if (earlier) adoptEarlierDetails(articles, lineCount, earlier);
  return new ParsedDocument(text.length, lines, header, toc, articles, separators);
}

function adoptEarlierDetails(articles: readonly ParsedArticle[], lineCount: number, { model, change }: EarlierParse): void {
  const { how, from } = carriedSpans(packedBounds(model.articles), articles, change);
  const offsets = change.afterEnd - change.beforeEnd;
  const lines = lineCount - model.lineCount;
  articles.forEach((article, index) => {
    const older = model.articles[from[index]];
    if (how[index] === Carried.No || !(older instanceof ParsedArticle)) return;
    if (how[index] === Carried.Unmoved) article.adoptDetails(older, 0, 0);
    else article.adoptDetails(older, offsets, lines);
  });
}

