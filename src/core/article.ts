/**
 * One article, read in steps. Parsing finds its span and title. The rest is read the first
 * time it is asked for, in four parts that each read only the lines they need:
 * - the head (subtitle, dates, outlet): the few lines under the title;
 * - the tail (comments): a look at short lines for a comments heading;
 * - the closing lines (bylines, closing source): the last lines of the body, above the
 *   comments;
 * - the body (quotes, classified lines): every line.
 * The outline only pays for heads and tails, and for the closing lines of the articles that
 * name no outlet under their title. Those parts keep only the fields they read, not the kind
 * of every line: the body tells the kinds of the head's and the comments' lines from their
 * fields, and reads the closing lines again (only JSON and the tests ask for classified
 * lines).
 *
 * Layout: the title (first non-blank line); a header region of up to four lines right after
 * it, each a subtitle (only the first), a date line or an outlet line, ending at the first
 * line that is none of these; the body, where `Speaker: text` lines are quotes; closing
 * bylines and labeled source lines, read backwards from the end of the body; and an optional
 * comments section that runs from its heading to the end of the article.
 */
import type { Article, ClassifiedLine, CommentsSection, DateField, Field, LineKind, QuoteLine } from './model';
import { keptArray } from './arrays';
import { skipSpaces, trimEnd } from './chars';
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
import { isBlankLine, lineAt } from './lines';
import { normalizeTitles, type NormalizedTitles } from './tocMatching';

const MAX_HEADER_REGION_LINES = 4;
const MAX_CLOSING_LINES = 3;

/**
 * Where the closing lines' reader notes the kind of each line it takes: into the body's
 * classified lines, or nowhere when only the bylines and source are wanted.
 */
interface LineKindNotes {
  note(line: number, kind: LineKind): void;
}

const NO_NOTES: LineKindNotes = { note: () => undefined };

const NO_DATES: readonly DateField[] = [];

/** The text and its lines, shared by every article of a document. */
export interface ArticleScanner {
  readonly text: string;
  readonly lines: LineTable;
}

interface Head {
  readonly subtitle: Field | undefined;
  readonly outlet: Field | undefined;
  readonly dates: readonly DateField[];
  /** First line after the header region. */
  readonly bodyFrom: number;
}

interface Tail {
  readonly comments: CommentsSection | undefined;
  /** Last line of the body: before the comments heading, or the article's last line. */
  readonly bodyTo: number;
}

interface Closing {
  readonly bylines: readonly Field[];
  readonly source: Field | undefined;
}

interface Body {
  readonly quotes: QuoteLine[];
  readonly lines: ClassifiedLine[];
}

/** An article whose details are read on first use. Reading never changes what the getters return. */
export class ParsedArticle implements Article {
  readonly start: number;
  readonly end: number;
  readonly title: Field;
  /**
   * The head (see readHead) and the tail (see readTail), kept on the article itself rather
   * than in objects of their own: two objects less to make, and for the garbage collector to
   * copy, for each of the tens of thousands of articles a large outline reads. `bodyFrom` and
   * `bodyTo` are -1 until their part is read.
   */
  private subtitlePart: Field | undefined = undefined;
  private outletPart: Field | undefined = undefined;
  private datesPart: readonly DateField[] = NO_DATES;
  private bodyFrom = -1;
  private commentsPart: CommentsSection | undefined = undefined;
  private bodyTo = -1;
  private closingPart: Closing | undefined;
  private bodyPart: Body | undefined;
  private normalizedPart: NormalizedTitles | undefined;
  /** The parts an earlier parse read, taken over when first asked for (see adoptDetails). */
  private earlierHead: Earlier<Head> | undefined;
  private earlierTail: Earlier<Tail> | undefined;
  private earlierClosing: Earlier<Closing> | undefined;

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
    this.readHeadOnce();
    return this.subtitlePart;
  }

  get dates(): readonly DateField[] {
    this.readHeadOnce();
    return this.datesPart;
  }

  /** The outlet named under the title, else a labeled source line closing the article. */
  get outlet(): Field | undefined {
    this.readHeadOnce();
    return this.outletPart ?? this.closing().source;
  }

  get bylines(): readonly Field[] {
    return this.closing().bylines;
  }

  get comments(): CommentsSection | undefined {
    this.readTailOnce();
    return this.commentsPart;
  }

  get quotes(): readonly QuoteLine[] {
    return this.body().quotes;
  }

  get lines(): readonly ClassifiedLine[] {
    return this.body().lines;
  }

  /** The title and subtitle normalized for matching the table of contents (not part of the model: no offsets, nothing to show). */
  get normalizedTitles(): NormalizedTitles {
    return (this.normalizedPart ??= normalizeTitles(this.title.text, this.subtitle?.text));
  }

  /**
   * Takes over the head, tail and closing lines `older` has read (or had itself taken over):
   * `older` is an article of an earlier version of the text, with the same text `offsets`
   * characters and `lines` lines before this one (see revision.ts), and details read from the
   * same text are the same, moved. What features read of every article (outline, folding, problems) so
   * costs an edit only where it changed the text. They are moved when first asked for, which
   * an outline that keeps its own symbols never does; until then they keep the earlier text
   * alive. The classified lines, which only some commands read, are read again. The
   * normalized titles hold no offsets: they are taken over as they are, so matching the
   * contents again after an edit neither normalizes nor moves what the edit left alone.
   */
  adoptDetails(older: ParsedArticle, offsets: number, lines: number): void {
    this.earlierHead = carriedOver(older.bodyFrom >= 0 ? older.head() : undefined, older.earlierHead, offsets, lines);
    this.earlierTail = carriedOver(older.bodyTo >= 0 ? older.tail() : undefined, older.earlierTail, offsets, lines);
    this.earlierClosing = carriedOver(older.closingPart, older.earlierClosing, offsets, lines);
    this.normalizedPart = older.normalizedPart;
  }

  /** Every field as plain data, details included: what JSON.stringify and logs see. */
  toJSON(): Article {
    const { start, end, index, startLine, endLine, title, subtitle, dates, outlet, quotes, bylines, comments, lines } = this;
    return { start, end, index, startLine, endLine, title, subtitle, dates, outlet, quotes, bylines, comments, lines };
  }

  private readHeadOnce(): void {
    if (this.bodyFrom >= 0) return;
    const earlier = this.earlierHead;
    const head = earlier ? this.moverFrom(earlier).head(earlier.part) : readHead(this.scanner, this.startLine, this.endLine);
    this.subtitlePart = head.subtitle;
    this.outletPart = head.outlet;
    this.datesPart = head.dates;
    this.bodyFrom = head.bodyFrom;
    this.earlierHead = undefined;
  }

  private readTailOnce(): void {
    if (this.bodyTo >= 0) return;
    const earlier = this.earlierTail;
    const tail = earlier ? this.moverFrom(earlier).tail(earlier.part) : readTail(this.scanner, this.bodyStart(), this.endLine);
    this.commentsPart = tail.comments;
    this.bodyTo = tail.bodyTo;
    this.earlierTail = undefined;
  }

  /** The first line after the head. */
  private bodyStart(): number {
    this.readHeadOnce();
    return this.bodyFrom;
  }

  /** The last line of the body: before the comments heading, or the article's last line. */
  private bodyEnd(): number {
    this.readTailOnce();
    return this.bodyTo;
  }

  /** The head as one object: for an article of a later version to take over, and for the body. */
  private head(): Head {
    this.readHeadOnce();
    const { subtitlePart: subtitle, outletPart: outlet, datesPart: dates, bodyFrom } = this;
    return { subtitle, outlet, dates, bodyFrom };
  }

  private tail(): Tail {
    this.readTailOnce();
    const { commentsPart: comments, bodyTo } = this;
    return { comments, bodyTo };
  }

  private closing(): Closing {
    if (!this.closingPart) {
      const earlier = this.earlierClosing;
      this.closingPart = earlier ? this.moverFrom(earlier).closing(earlier.part) : readClosingLines(this.scanner, this.bodyStart(), this.bodyEnd(), NO_NOTES);
      this.earlierClosing = undefined;
    }
    return this.closingPart;
  }

  private moverFrom({ offsets, lines }: Earlier<unknown>): PartMover {
    return new PartMover(this.scanner.text, offsets, lines);
  }

  private body(): Body {
    return (this.bodyPart ??= readBody(this.scanner, this.startLine, this.endLine, this.title, this.head(), this.tail()));
  }
}

/** A part read from an earlier text, and how far this article moved since. */
interface Earlier<T> {
  readonly part: T;
  readonly offsets: number;
  readonly lines: number;
}

/** What an article takes over from `older`: the part it read, else the one it had taken over itself, moved further. */
function carriedOver<T>(part: T | undefined, earlier: Earlier<T> | undefined, offsets: number, lines: number): Earlier<T> | undefined {
  if (part) return { part, offsets, lines };
  return earlier && { part: earlier.part, offsets: earlier.offsets + offsets, lines: earlier.lines + lines };
}

/**
 * Moves the parts of an article read from an older text by `offsets` characters and `lines`
 * lines. Texts are sliced again from the newer text, so that the newer parse does not keep
 * the older text alive.
 */
class PartMover {
  constructor(
    private readonly text: string,
    private readonly offsets: number,
    private readonly lines: number,
  ) {}

  head(head: Head): Head {
    const { subtitle, outlet, dates, bodyFrom } = head;
    return { subtitle: this.field(subtitle), outlet: this.field(outlet), dates: dates.map((date) => this.date(date)), bodyFrom: bodyFrom + this.lines };
  }

  tail(tail: Tail): Tail {
    const { comments, bodyTo } = tail;
    return { comments: comments && this.comments(comments), bodyTo: bodyTo + this.lines };
  }

  closing(closing: Closing): Closing {
    const { bylines, source } = closing;
    return { bylines: bylines.map((byline) => this.field(byline)), source: this.field(source) };
  }

  private comments(section: CommentsSection): CommentsSection {
    const { offsets } = this;
    return {
      start: section.start + offsets,
      end: section.end + offsets,
      heading: this.field(section.heading),
      announcedCount: section.announcedCount,
      comments: section.comments.map((comment) => ({
        start: comment.start + offsets,
        end: comment.end + offsets,
        author: this.field(comment.author),
        time: comment.time && this.date(comment.time),
        body: comment.body && { start: comment.body.start + offsets, end: comment.body.end + offsets },
      })),
    };
  }

  private field<T extends Field | undefined>(field: T): T {
    return (field && fieldAt(this.text, field.start + this.offsets, field.end + this.offsets)) as T;
  }

  private date(date: DateField): DateField {
    const start = date.start + this.offsets;
    const end = date.end + this.offsets;
    return { start, end, text: this.text.slice(start, end), iso: date.iso };
  }
}

/**
 * Reads the header region under the title: each of its non-blank lines is the subtitle, the
 * outlet or a date line (noteHeadKinds tells them apart from what is returned).
 */
function readHead(scanner: ArticleScanner, firstLine: number, lastLine: number): Head {
  const { text, lines } = scanner;
  const dates = headDates;
  dates.length = 0;
  let subtitle: Field | undefined;
  let outlet: Field | undefined;
  /** The bounds of the line right under the title, when it was read as the outlet; -1 when not. */
  let outletUnderTitleStart = -1;
  let outletUnderTitleEnd = -1;
  let regionLines = 0;
  let line = firstLine + 1;
  for (; line <= lastLine && regionLines < MAX_HEADER_REGION_LINES; line++) {
    const start = skipSpaces(text, lines.starts[line], lines.ends[line]);
    if (start === lines.ends[line]) continue;
    const end = trimEnd(text, start, lines.ends[line]);
    if (readCommentsHeading(text, start, end)) break;
    const date = readDateLine(text, start, end);
    const lineOutlet = date ? undefined : readOutlet(text, start, end);
    if (date) {
      dates.push(date);
    } else if (lineOutlet && !outlet) {
      outlet = lineOutlet;
      if (regionLines === 0) {
        outletUnderTitleStart = start;
        outletUnderTitleEnd = end;
      }
    } else if (lineOutlet && outletUnderTitleStart >= 0 && isSubtitle(scanner.text, outletUnderTitleStart, outletUnderTitleEnd)) {
      // A second outlet-shaped line: the short line right under the title was a subtitle.
      subtitle = fieldAt(text, outletUnderTitleStart, outletUnderTitleEnd);
      outletUnderTitleStart = -1;
      outlet = lineOutlet;
    } else if (regionLines === 0 && !lineOutlet && line < lastLine && isSubtitle(scanner.text, start, end)) {
      subtitle = fieldAt(text, start, end);
    } else {
      break;
    }
    regionLines++;
  }
  const reading = headReading;
  reading.subtitle = subtitle;
  reading.outlet = outlet;
  reading.dates = keptArray(dates);
  reading.bodyFrom = line;
  return reading;
}

/** The dates readHead finds, in one array it reuses: each head keeps a copy of exactly their number (keptArray). */
const headDates: DateField[] = [];

/** What readHead and readTail return, each in one object they reuse: the article keeps the fields, not the object. */
const headReading: { -readonly [K in keyof Head]: Head[K] } = { subtitle: undefined, outlet: undefined, dates: NO_DATES, bodyFrom: -1 };
const tailReading: { -readonly [K in keyof Tail]: Tail[K] } = { comments: undefined, bodyTo: -1 };

/** A subtitle is short, does not end like a sentence, and is not a quote line. */
function isSubtitle(text: string, start: number, end: number): boolean {
  return isSubtitleShaped(text, start, end) && !readQuote(text, start, end);
}

/** Finds the comments heading, if any, and reads the comments. */
function readTail(scanner: ArticleScanner, bodyFrom: number, lastLine: number): Tail {
  const { text, lines } = scanner;
  let bodyTo = lastLine;
  let comments: CommentsSection | undefined;
  for (let line = bodyFrom; line <= lastLine; line++) {
    if (isBlankLine(lines, line)) continue;
    const start = skipSpaces(text, lines.starts[line], lines.ends[line]);
    const end = trimEnd(text, start, lines.ends[line]);
    const heading = end - start <= MAX_COMMENTS_HEADING_LINE ? readCommentsHeading(text, start, end) : undefined;
    if (heading) {
      comments = readComments(text, lines, heading, line, lastLine);
      bodyTo = line - 1;
      break;
    }
  }
  const reading = tailReading;
  reading.comments = comments;
  reading.bodyTo = bodyTo;
  return reading;
}

/** Walks back from the end of the body over up to three byline or labeled source lines. */
function readClosingLines(scanner: ArticleScanner, bodyFrom: number, bodyTo: number, notes: LineKindNotes): Closing {
  const { text, lines } = scanner;
  const bylines: Field[] = [];
  let source: Field | undefined;
  let seen = 0;
  for (let line = bodyTo; line >= bodyFrom && seen < MAX_CLOSING_LINES; line--) {
    if (isBlankLine(lines, line)) continue;
    const start = skipSpaces(text, lines.starts[line], lines.ends[line]);
    const end = trimEnd(text, start, lines.ends[line]);
    if (readQuote(text, start, end)) break;
    const labeledSource = readLabeledSource(text, start, end);
    const byline = labeledSource ? undefined : readByline(text, start, end);
    if (labeledSource) {
      source ??= labeledSource;
      notes.note(line, 'outlet');
    } else if (byline) {
      bylines.push(byline);
      notes.note(line, 'byline');
    } else {
      break;
    }
    seen++;
  }
  return { bylines: keptArray(bylines.reverse()), source };
}

/**
 * Classifies every line: the title's, the head's and the comments' from what they read, the
 * closing lines by reading them again; the lines left are blank, quote or body.
 */
function readBody(scanner: ArticleScanner, firstLine: number, lastLine: number, title: Field, head: Head, tail: Tail): Body {
  const { text, lines } = scanner;
  const kinds = new Array<LineKind>(lastLine - firstLine + 1);
  const notes: LineKindNotes = {
    note: (line, kind) => {
      kinds[line - firstLine] = kind;
    },
  };
  noteHeadKinds(lines, firstLine, head, notes);
  if (tail.comments) noteCommentKinds(lines, tail.comments, notes);
  readClosingLines(scanner, head.bodyFrom, tail.bodyTo, notes);
  const quotes: QuoteLine[] = [];
  const titleQuote = readQuote(text, title.start, title.end);
  if (titleQuote) quotes.push(titleQuote);
  for (let line = head.bodyFrom; line <= tail.bodyTo; line++) {
    if (kinds[line - firstLine] !== undefined) continue;
    if (isBlankLine(lines, line)) {
      kinds[line - firstLine] = 'blank';
      continue;
    }
    const start = skipSpaces(text, lines.starts[line], lines.ends[line]);
    const quote = readQuote(text, start, trimEnd(text, start, lines.ends[line]));
    if (quote) quotes.push(quote);
    kinds[line - firstLine] = quote ? 'quote' : 'body';
  }
  return { quotes, lines: classifiedLines(lines, firstLine, kinds) };
}

/** The title's line, then the head's region: each line blank, the subtitle's, the outlet's or else a date line (see readHead). */
function noteHeadKinds(lines: LineTable, firstLine: number, head: Head, notes: LineKindNotes): void {
  notes.note(firstLine, 'title');
  const subtitleLine = head.subtitle ? lineAt(lines, head.subtitle.start) : -1;
  const outletLine = head.outlet ? lineAt(lines, head.outlet.start) : -1;
  for (let line = firstLine + 1; line < head.bodyFrom; line++) {
    notes.note(line, isBlankLine(lines, line) ? 'blank' : line === subtitleLine ? 'subtitle' : line === outletLine ? 'outlet' : 'date');
  }
}

/**
 * The comments section's lines (see readComments): its heading, then blank or comment body
 * lines, except each comment's author line (its first) and timestamp line.
 */
function noteCommentKinds(lines: LineTable, section: CommentsSection, notes: LineKindNotes): void {
  const headingLine = lineAt(lines, section.start);
  notes.note(headingLine, 'commentsHeading');
  for (let line = headingLine + 1, last = lineAt(lines, section.end); line <= last; line++) notes.note(line, isBlankLine(lines, line) ? 'blank' : 'commentBody');
  for (const comment of section.comments) {
    if (comment.author) notes.note(lineAt(lines, comment.start), 'commentAuthor');
    if (comment.time) notes.note(lineAt(lines, comment.time.start), 'commentTime');
  }
}

function classifiedLines(lines: LineTable, firstLine: number, kinds: readonly LineKind[]): ClassifiedLine[] {
  const classified = new Array<ClassifiedLine>(kinds.length);
  for (let i = 0; i < kinds.length; i++) {
    const line = firstLine + i;
    classified[i] = { start: lines.starts[line], end: lines.ends[line], line, kind: kinds[i] };
  }
  return classified;
}
