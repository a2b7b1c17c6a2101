/**
 * The clipping document model: what the parser returns and every feature reads.
 *
 * Offsets are UTF-16 code-unit offsets into the exact text that was parsed (BOM included
 * when present), so they map one to one onto `TextDocument.positionAt`. Ranges are
 * half-open: `start` inclusive, `end` exclusive. Line numbers are 0-based.
 */

export interface TextSpan {
  readonly start: number;
  readonly end: number;
}

/** A piece of text with where it stands. `text` is the trimmed text shown to people. */
export interface Field extends TextSpan {
  readonly text: string;
}

/** A date or dateline as written, with its ISO 8601 reading when one could be made. */
export interface DateField extends Field {
  /** `2013-05-07`, `2013-05-07T23:13:00`, or undefined when the text could not be read. */
  readonly iso: string | undefined;
}

/** How a line of an article was classified. Unknown lines are `body`. */
export type LineKind =
  | 'blank'
  | 'title'
  | 'subtitle'
  | 'date'
  | 'outlet'
  | 'quote'
  | 'byline'
  | 'body'
  | 'commentsHeading'
  | 'commentAuthor'
  | 'commentTime'
  | 'commentBody';

export interface ClassifiedLine extends TextSpan {
  readonly line: number;
  readonly kind: LineKind;
}

/** A `Speaker: text` line (or the part of a line that has that shape). */
export interface QuoteLine extends TextSpan {
  readonly speaker: Field;
  readonly quote: Field;
}

/** Starts where its first line starts: its author line, else its timestamp or body. */
export interface Comment extends TextSpan {
  /** On the comment's first line. */
  readonly author: Field | undefined;
  readonly time: DateField | undefined;
  readonly body: TextSpan | undefined;
}

/** Starts where its heading's line starts. */
export interface CommentsSection extends TextSpan {
  readonly heading: Field;
  /** The count a heading such as `التعليقات 7` announces, when it does. */
  readonly announcedCount: number | undefined;
  readonly comments: readonly Comment[];
}

export interface Article extends TextSpan {
  /** 0-based position among the articles. */
  readonly index: number;
  /** Line of the title; `start` is where that line starts. */
  readonly startLine: number;
  /** Line of the last character that belongs to the article (trailing blank lines excluded). */
  readonly endLine: number;
  /** First non-empty line, on `startLine`. Every article has one: an article is a non-blank segment. */
  readonly title: Field;
  readonly subtitle: Field | undefined;
  readonly dates: readonly DateField[];
  readonly outlet: Field | undefined;
  readonly quotes: readonly QuoteLine[];
  readonly bylines: readonly Field[];
  readonly comments: CommentsSection | undefined;
  readonly lines: readonly ClassifiedLine[];
}

/** A whole line: `start` and `end` are where `line` starts and ends. */
export interface Separator extends TextSpan {
  readonly line: number;
  /** The repeated character, such as `=`. */
  readonly char: string;
}

export interface DossierHeader extends TextSpan {
  readonly startLine: number;
  readonly endLine: number;
  /** `Home \ Files \ Dossier` split on backslashes, each segment trimmed. */
  readonly breadcrumb: { readonly span: Field; readonly segments: readonly Field[] } | undefined;
  readonly title: Field | undefined;
  readonly date: DateField | undefined;
  readonly author: Field | undefined;
}

export interface TocEntry extends TextSpan {
  readonly line: number;
  /** The entry's number as written, read as a number (Arabic-Indic digits included). */
  readonly number: number;
  readonly numberSpan: TextSpan;
  readonly title: Field;
}

export interface TableOfContents extends TextSpan {
  readonly startLine: number;
  readonly endLine: number;
  readonly heading: Field;
  readonly entries: readonly TocEntry[];
}

export type ProblemCode =
  | 'toc-entry-without-article'
  | 'article-without-toc-entry'
  | 'unreadable-date';

export interface ParseProblem extends TextSpan {
  readonly code: ProblemCode;
  /** English message; features localize by `code`. */
  readonly message: string;
}

/** The kinds of top-level block that together cover the whole text. */
export type BlockKind = 'header' | 'toc' | 'article' | 'separator' | 'gap';

export interface Block extends TextSpan {
  readonly kind: BlockKind;
}

export interface ClippingDocument {
  readonly length: number;
  readonly lineCount: number;
  readonly header: DossierHeader | undefined;
  readonly toc: TableOfContents | undefined;
  readonly articles: readonly Article[];
  readonly separators: readonly Separator[];
  /**
   * Top-level blocks in document order. They partition the text: each block starts where
   * the previous ended, the first starts at 0 and the last ends at `length`.
   */
  readonly blocks: readonly Block[];
  /** For each TOC entry index, the index of its matched article (or undefined). */
  readonly tocMatches: readonly (number | undefined)[];
  readonly problems: readonly ParseProblem[];
  /**
   * The 0-based line and UTF-16 character of an offset, counting lines as the editor does
   * (`\n`, `\r\n` and a lone `\r` end a line). Features use it instead of asking the editor for
   * every position: the outline of a large dossier needs tens of thousands of them.
   */
  positionAt(offset: number): TextPosition;
}

export interface TextPosition {
  readonly line: number;
  readonly character: number;
}
