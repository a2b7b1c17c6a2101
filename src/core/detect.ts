/**
 * Cheap content sniffing: does a plain-text file look like a clipping dossier?
 *
 * Only the first 64 KB are read, so opening a huge log file costs nothing noticeable.
 * The vocabulary below (separator characters, table-of-contents headings) is shared with
 * the TextMate grammar generator, so the editor colors what detection recognises.
 */

/** Characters whose run, alone on a line, separates two articles. */
export const SEPARATOR_CHARACTERS = ['=', '-', '*', '_', '~', '#', '•'] as const;

/** A run shorter than this is punctuation, not a separator (`---` is a markdown rule). */
export const MIN_SEPARATOR_RUN = 5;

/** Headings that open a table of contents; matched whole-line, case-insensitively. */
export const TOC_HEADINGS = [
  'عناوين الملف',
  'عناوين',
  'محتويات الملف',
  'المحتويات',
  'محتويات',
  'فهرس الملف',
  'الفهرس',
  'فهرس',
  'table of contents',
  'contents',
  'headlines',
  'in this dossier',
] as const;

const DETECTION_WINDOW = 64 * 1024;

/** Two separators make a dossier; one is enough when a table of contents announces articles. */
const SEPARATORS_WITHOUT_TOC = 2;

/** Blank lines allowed between a table-of-contents heading and its first entry. */
const MAX_BLANKS_AFTER_TOC_HEADING = 2;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// JavaScript's \s covers NBSP and the BOM, which clipping tools leave around separators.
const SEPARATOR_LINE = new RegExp(
  `^\\s*(?:${SEPARATOR_CHARACTERS.map((c) => `${escapeRegExp(c)}{${MIN_SEPARATOR_RUN},}`).join('|')})\\s*$`,
);
const TOC_HEADING_LINE = new RegExp(`^\\s*(?:${TOC_HEADINGS.map(escapeRegExp).join('|')})\\s*[:：]?\\s*$`, 'i');
const NUMBERED_ENTRY_LINE = /^\s*[0-9٠-٩۰-۹]{1,3}\s*[.)\-–ـ]\s*\S/;
const BLANK_LINE = /^\s*$/;

/**
 * Lines that only markdown writes: ATX headings, code fences, inline links, front matter.
 * One of them is enough to leave the file alone: press clippings are copied from web
 * pages as plain text and never carry markup. Five tildes stay a separator, not a fence.
 */
const MARKDOWN_LINE = /^\s{0,3}(?:#{1,6}[ \t]+\S|```|~~~(?!~~))|\]\((?:https?:|mailto:|\.{0,2}\/|#)/;
const FRONT_MATTER_FENCE = /^\uFEFF?---\s*$/;

export function looksLikeClipping(text: string): boolean {
  const lines = linesInWindow(text);
  if (looksLikeMarkdown(lines)) {
    return false;
  }
  const separators = countArticleSeparators(lines);
  return separators >= SEPARATORS_WITHOUT_TOC || (separators >= 1 && hasTableOfContents(lines));
}

/** The lines of the first 64 KB; a line cut by the window is dropped rather than misread. */
function linesInWindow(text: string): string[] {
  let window = text;
  if (text.length > DETECTION_WINDOW) {
    const lastBreak = text.lastIndexOf('\n', DETECTION_WINDOW);
    window = text.slice(0, lastBreak > 0 ? lastBreak : DETECTION_WINDOW);
  }
  const lines = window.split(/\r\n|\r|\n/);
  // A final line break ends the last line; it does not open an empty one.
  if (lines.length > 1 && lines[lines.length - 1] === '') {
    lines.pop();
  }
  return lines;
}

function looksLikeMarkdown(lines: readonly string[]): boolean {
  return (lines.length > 0 && FRONT_MATTER_FENCE.test(lines[0])) || lines.some((line) => MARKDOWN_LINE.test(line));
}

function countArticleSeparators(lines: readonly string[]): number {
  let count = 0;
  lines.forEach((line, index) => {
    if (SEPARATOR_LINE.test(line) && !isSetextUnderline(lines, index)) {
      count++;
    }
  });
  return count;
}

/**
 * `Title` over `=====` (or `-----`) followed by a blank line is a markdown heading. In a
 * dossier the separator is followed by the next article's title, or ends the file.
 */
function isSetextUnderline(lines: readonly string[], index: number): boolean {
  const marker = lines[index].trim().charAt(0);
  if (marker !== '=' && marker !== '-') {
    return false;
  }
  const previous = lines[index - 1];
  const next = lines[index + 1];
  return (
    previous !== undefined &&
    !BLANK_LINE.test(previous) &&
    !SEPARATOR_LINE.test(previous) &&
    next !== undefined &&
    BLANK_LINE.test(next)
  );
}

/** A table-of-contents heading directly followed (blank lines aside) by a numbered entry. */
function hasTableOfContents(lines: readonly string[]): boolean {
  return lines.some((line, index) => TOC_HEADING_LINE.test(line) && numberedEntryFollows(lines, index + 1));
}

function numberedEntryFollows(lines: readonly string[], from: number): boolean {
  for (let index = from; index < lines.length && index <= from + MAX_BLANKS_AFTER_TOC_HEADING; index++) {
    if (!BLANK_LINE.test(lines[index])) {
      return NUMBERED_ENTRY_LINE.test(lines[index]);
    }
  }
  return false;
}
