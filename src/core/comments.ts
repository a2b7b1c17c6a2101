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

interface CommentStart {
  /** First line of the comment: its author line, else its timestamp line, else its first body line. */
  readonly line: number;
  readonly author: Field | undefined;
  readonly time: DateField | undefined;
  /** First line after the author and timestamp lines. */
  readonly bodyFrom: number;
}

/**
 * Reads the comments from `headingLine` to `lastLine` (both non-blank).
 *
 * Every timestamp line starts a comment; the short line just before it, if any, is its
 * author. Lines up to the next comment are its body. Without any timestamp, each paragraph
 * (lines between blank lines) is a comment of its own.
 */
export function readComments(
  text: string,
  lines: LineTable,
  heading: CommentsHeading,
  headingLine: number,
  lastLine: number,
): CommentsSection {
  const { starts, ends } = lines;
  const contentLines: number[] = [];
  for (let line = headingLine + 1; line <= lastLine; line++) {
    if (!isBlankLine(lines, line)) contentLines.push(line);
  }
  const commentStarts = findCommentStarts(text, lines, contentLines);
  const comments: Comment[] = [];
  for (let i = 0; i < commentStarts.length; i++) {
    const opening = commentStarts[i];
    const nextLine = i + 1 < commentStarts.length ? commentStarts[i + 1].line : lastLine + 1;
    comments.push(buildComment(lines, opening, nextLine));
  }
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

function findCommentStarts(text: string, lines: LineTable, contentLines: readonly number[]): CommentStart[] {
  const times = contentLines.map((line) => {
    const start = skipSpaces(text, lines.starts[line], lines.ends[line]);
    return readDateLine(text, start, trimEnd(text, start, lines.ends[line]));
  });
  if (!times.some((time) => time !== undefined)) return paragraphStarts(contentLines);
  const found: CommentStart[] = [];
  let claimedUpTo = -1;
  for (let i = 0; i < contentLines.length; i++) {
    const time = times[i];
    if (!time) continue;
    const timeLine = contentLines[i];
    const authorIndex = i - 1 > claimedUpTo && !times[i - 1] ? i - 1 : -1;
    const author = authorIndex < 0 ? undefined : lineField(text, lines, contentLines[authorIndex]);
    const hasAuthor = author !== undefined && author.end - author.start <= MAX_AUTHOR_LINE;
    found.push({ line: hasAuthor ? contentLines[authorIndex] : timeLine, author: hasAuthor ? author : undefined, time, bodyFrom: timeLine + 1 });
    claimedUpTo = i;
  }
  if (found[0].line > contentLines[0]) {
    found.unshift({ line: contentLines[0], author: undefined, time: undefined, bodyFrom: contentLines[0] });
  }
  return found;
}

function paragraphStarts(contentLines: readonly number[]): CommentStart[] {
  return contentLines
    .filter((line, i) => i === 0 || contentLines[i - 1] !== line - 1)
    .map((line) => ({ line, author: undefined, time: undefined, bodyFrom: line }));
}

function buildComment(lines: LineTable, opening: CommentStart, nextLine: number): Comment {
  const { starts, ends } = lines;
  let lastContent = opening.bodyFrom - 1;
  let firstBody = -1;
  for (let line = opening.bodyFrom; line < nextLine; line++) {
    if (isBlankLine(lines, line)) continue;
    if (firstBody < 0) firstBody = line;
    lastContent = line;
  }
  return {
    start: starts[opening.line],
    end: ends[lastContent],
    author: opening.author,
    time: opening.time,
    body: firstBody < 0 ? undefined : { start: starts[firstBody], end: ends[lastContent] },
  };
}
