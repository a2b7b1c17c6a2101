/**
 * The reader-comments section that may close an article: a heading (`التعليقات 7`), then
 * comments, each an author line, a timestamp line and body text.
 */
import type { Comment, CommentsSection, DateField, Field } from './model';
import type { CommentsHeading } from './lineShapes';
import { readDateLine } from './lineShapes';
import { trimmedField } from './fields';
import type { LineTable } from './lines';
import { isBlankLine } from './lines';
import { skipSpaces, trimEnd } from './chars';

/** An author line is short: a name, maybe a place (`سامر - عمّان`). */
const MAX_AUTHOR_LINE = 60;

/**
 * Reads the comments from `headingLine` to `lastLine` (both non-blank).
 *
 * Every timestamp line starts a comment; the short line just before it, if any, is its
 * author. Lines up to the next comment are its body. Without any timestamp, each paragraph
 * (lines between blank lines) is a comment of its own.
 *
 * One pass over the lines: each comment is made when the next one starts, with no list of
 * lines or of comment starts in between (a large outline reads thousands of sections).
 */
export function readComments(
  text: string,
  lines: LineTable,
  heading: CommentsHeading,
  headingLine: number,
  lastLine: number,
): CommentsSection {
  const { starts, ends } = lines;
  const comments: Comment[] = [];
  let firstContent = -1;
  /** The last non-blank line seen, and the last timestamp line (which claims the line before it as its author). */
  let previous = -1;
  let claimedUpTo = -1;
  /** The comment being read: its first line (-1 before the first timestamp), author, timestamp and first line after them. */
  let openLine = -1;
  let openAuthor: Field | undefined;
  let openTime: DateField | undefined;
  let openBodyFrom = -1;
  for (let line = headingLine + 1; line <= lastLine; line++) {
    if (isBlankLine(lines, line)) continue;
    if (firstContent < 0) firstContent = line;
    const start = skipSpaces(text, starts[line], ends[line]);
    const time = readDateLine(text, start, trimEnd(text, start, ends[line]));
    if (time) {
      const author = previous > claimedUpTo ? lineField(text, lines, previous) : undefined;
      const hasAuthor = author !== undefined && author.end - author.start <= MAX_AUTHOR_LINE;
      const commentLine = hasAuthor ? previous : line;
      // The lines before the first timestamp (and its author) are a comment of their own.
      if (openLine >= 0) comments.push(buildComment(lines, openLine, openAuthor, openTime, openBodyFrom, commentLine));
      else if (commentLine > firstContent) comments.push(buildComment(lines, firstContent, undefined, undefined, firstContent, commentLine));
      openLine = commentLine;
      openAuthor = hasAuthor ? author : undefined;
      openTime = time;
      openBodyFrom = line + 1;
      claimedUpTo = line;
    }
    previous = line;
  }
  if (openLine >= 0) comments.push(buildComment(lines, openLine, openAuthor, openTime, openBodyFrom, lastLine + 1));
  else readParagraphs(lines, headingLine + 1, lastLine, comments);
  return {
    start: starts[headingLine],
    end: ends[lastLine],
    heading: heading.heading,
    announcedCount: heading.announcedCount,
    comments,
  };
}

function lineField(text: string, lines: LineTable, line: number): Field | undefined {
  return trimmedField(text, lines.starts[line], lines.ends[line]);
}

/** Each paragraph of [from, to] as a comment with no author and no timestamp, into `comments`. */
function readParagraphs(lines: LineTable, from: number, to: number, comments: Comment[]): void {
  let open = -1;
  for (let line = from; line <= to; line++) {
    if (isBlankLine(lines, line) || (open >= 0 && !isBlankLine(lines, line - 1))) continue;
    if (open >= 0) comments.push(buildComment(lines, open, undefined, undefined, open, line));
    open = line;
  }
  if (open >= 0) comments.push(buildComment(lines, open, undefined, undefined, open, to + 1));
}

/** The comment that starts at `line` (its author's, timestamp's or first body line) and ends before `nextLine`. */
function buildComment(lines: LineTable, line: number, author: Field | undefined, time: DateField | undefined, bodyFrom: number, nextLine: number): Comment {
  const { starts, ends } = lines;
  let lastContent = bodyFrom - 1;
  let firstBody = -1;
  for (let at = bodyFrom; at < nextLine; at++) {
    if (isBlankLine(lines, at)) continue;
    if (firstBody < 0) firstBody = at;
    lastContent = at;
  }
  return {
    start: starts[line],
    end: ends[lastContent],
    author,
    time,
    body: firstBody < 0 ? undefined : { start: starts[firstBody], end: ends[lastContent] },
  };
}
