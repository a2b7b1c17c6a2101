/**
 * Recognizers for the short lines that frame an article: date lines, outlet and source lines,
 * `Speaker: text` quotes, closing bylines, subtitles, comments headings.
 *
 * Each takes the trimmed bounds [start, end) of one line and looks at the text in place;
 * strings are only made for what is returned.
 */
import type { DateField, Field, QuoteLine } from './model';
import { normalizeForMatching } from './arabic';
import { mayHoldDate, readDate } from './dates';
import { fieldAt, trimmedField, undecoratedField } from './fields';
import { countWords, isArabicMark, isLetter, isSpaceLike, readNumber } from './chars';

/** Longest line read as a date line; longer lines are prose that mentions a date. */
const MAX_DATE_LINE = 80;
/** Letters a date line may hold besides its date: labels such as `تاريخ النشر` or `حجم الخط اطبع`. */
const MAX_DATE_LINE_EXTRA_LETTERS = 16;
/** An unlabeled outlet line: at most this long… */
const MAX_OUTLET_LINE = 40;
/** …and at most this many words, unless dashes or slashes split it into short parts (`رام الله - دنيا الوطن`). */
const MAX_OUTLET_WORDS = 5;
const MAX_OUTLET_PART_WORDS = 4;
/** A line that names its source (`مصدر الخبر: …`, `Source: …`) may be longer. */
const MAX_LABELED_SOURCE_LINE = 80;
const MAX_SPEAKER_CHARS = 40;
const MAX_SPEAKER_WORDS = 4;
const MAX_BYLINE_LINE = 50;
const MAX_BYLINE_WORDS = 7;
const MAX_SUBTITLE_LINE = 150;
export const MAX_COMMENTS_HEADING_LINE = 40;

/** Patterns run on the whole text from a sticky lastIndex: their spaces, written `_`, never cross a line break. */
function linePattern(source: string, flags: string): RegExp {
  return new RegExp(source.replace(/_/g, '[ \\t\\u00a0]'), flags);
}

/**
 * A label looked for at the start of a line, with every character a match can start with:
 * most lines are told apart by that one character, without running the pattern.
 */
export interface LineLabel {
  readonly pattern: RegExp;
  readonly initials: ReadonlySet<number>;
}

function lineLabel(source: string, initials: string): LineLabel {
  return { pattern: linePattern(source, 'iy'), initials: new Set([...initials].map((char) => char.charCodeAt(0))) };
}

/** Words that announce a date: a line that has one but no readable date is reported. */
const DATE_LABEL = lineLabel(String.raw`(?:تاريخ_*النشر|[اآ]خر_*تحديث|نشر_*(?:في|بتاريخ)|published(?:_+on)?|last_+updated|updated(?:_+on)?|(?:تاريخ|date|نشر|posted)_*[:：])`, 'تاآنPpLlUuDd');
const SOURCE_LABEL = lineLabel(String.raw`(?:/|_)*(?:(?:مصدر_+الخبر|المصدر|مصدر|المصادر|sources?)_*[:：]_*|مصادر_+)`, '/ \t\u00a0ماSs');
const COMMENTS_HEADING = lineLabel(String.raw`(?:عدد_+)?(?:ال)?تعليقات(?:_+(?:ال)?قراء)?|(?:readers?['’]?_+)?comments`, 'عاتRrCc');
const COMMENTS_COUNT = linePattern(String.raw`_*[:(\[]?_*([0-9\u0660-\u0669\u06f0-\u06f9]+)?_*[)\]]?_*:?`, 'y');

/** The labels, for the tests that check their initials. */
export const LINE_LABELS: Readonly<Record<'date' | 'source' | 'commentsHeading', LineLabel>> = { date: DATE_LABEL, source: SOURCE_LABEL, commentsHeading: COMMENTS_HEADING };

function countLetters(text: string, start: number, end: number): number {
  let letters = 0;
  for (let i = start; i < end; i++) if (isLetter(text.charCodeAt(i))) letters++;
  return letters;
}

/** Lines ending like a sentence are prose, never outlets, bylines or subtitles. */
function endsSentence(text: string, end: number): boolean {
  const code = text.charCodeAt(end - 1);
  return code === 0x2e || code === 0x21 || code === 0x3f || code === 0x061f || code === 0x2026 || code === 0x06d4;
}

/** Where `label` ends when it starts at `at`, else -1. */
function labelEnd(label: LineLabel, text: string, at: number): number {
  if (!label.initials.has(text.charCodeAt(at))) return -1;
  label.pattern.lastIndex = at;
  return label.pattern.test(text) ? label.pattern.lastIndex : -1;
}

/**
 * A date line: at most 80 characters holding a readable date and few other letters
 * (`2013:05:08.08:41  حجم الخط  اطبع`). The field covers the date as matched. A short line
 * that starts with a date label (`آخر تحديث:`) but has no readable date is still a date
 * line, with `iso` undefined.
 */
export function readDateLine(text: string, start: number, end: number): DateField | undefined {
  if (end - start > MAX_DATE_LINE) return undefined;
  const reading = mayHoldDate(text, start, end) ? readDate(text, start, end) : undefined;
  if (!reading) {
    return labelEnd(DATE_LABEL, text, start) >= 0 ? { start, end, text: text.slice(start, end), iso: undefined } : undefined;
  }
  const extraLetters = countLetters(text, start, reading.matchStart) + countLetters(text, reading.matchEnd, end);
  if (extraLetters > MAX_DATE_LINE_EXTRA_LETTERS) return undefined;
  return { start: reading.matchStart, end: reading.matchEnd, text: text.slice(reading.matchStart, reading.matchEnd), iso: reading.iso };
}

function isPartSplit(code: number): boolean {
  return code === 0x2d || code === 0x2013 || code === 0x2014 || code === 0x2f || code === 0x3a || code === 0x0640;
}

/**
 * Whether [start, end) splits into parts of a few words each: on dashes, slashes or colons,
 * then on commas (`موسكو - أ ف ب، يو بي آي، رويترز`). Commas alone do not make an outlet.
 */
function splitsIntoShortParts(text: string, start: number, end: number): boolean {
  let partStart = start;
  let strongSplits = 0;
  for (let i = start; i <= end; i++) {
    const code = i < end ? text.charCodeAt(i) : 0x2f;
    const strong = isPartSplit(code);
    if (!strong && code !== 0x2c && code !== 0x060c) continue;
    if (countWords(text, partStart, i, MAX_OUTLET_PART_WORDS) > MAX_OUTLET_PART_WORDS) return false;
    if (strong && i < end) strongSplits++;
    partStart = i + 1;
  }
  return strongSplits > 0;
}

/**
 * An outlet or source line. Labeled: `مصدر الخبر: عمون`, `المصدر: …`, `Source: …`,
 * `/مصدر: شينخوا/`, `مصادر X (Y)` (the field is what follows the label). Unlabeled: a short
 * line (≤ 40 characters, no closing full stop) of at most five words (`النهار`, `روسيا اليوم`)
 * or of short parts split by dashes, slashes or colons (`رام الله - دنيا الوطن`,
 * `موسكو (رويترز) –`). Framing dashes, slashes and colons are left out of the field.
 */
export function readOutlet(text: string, start: number, end: number): Field | undefined {
  if (endsSentence(text, end)) return undefined;
  const afterLabel = labelEnd(SOURCE_LABEL, text, start);
  if (afterLabel >= 0) {
    return end - start <= MAX_LABELED_SOURCE_LINE ? undecoratedField(text, afterLabel, end) : undefined;
  }
  if (end - start > MAX_OUTLET_LINE) return undefined;
  const isShort = countWords(text, start, end, MAX_OUTLET_WORDS) <= MAX_OUTLET_WORDS;
  return isShort || splitsIntoShortParts(text, start, end) ? undecoratedField(text, start, end) : undefined;
}

/** A source line as closing lines write it: only with a label (`/مصدر: شينخوا/`). */
export function readLabeledSource(text: string, start: number, end: number): Field | undefined {
  const afterLabel = labelEnd(SOURCE_LABEL, text, start);
  if (afterLabel < 0 || end - start > MAX_LABELED_SOURCE_LINE) return undefined;
  return undecoratedField(text, afterLabel, end);
}

/**
 * Whether [start, end) can be a speaker: one to four words of letters (Arabic diacritics,
 * apostrophes, inner hyphens and attached tatweel allowed), no digits, no punctuation.
 */
function isSpeaker(text: string, start: number, end: number): boolean {
  let words = 0;
  let previous = 0x20;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (isSpaceLike(code)) {
      previous = 0x20;
      continue;
    }
    const attached = isLetter(previous) || isArabicMark(previous) || previous === 0x0640;
    const allowed =
      isLetter(code) ||
      (attached && (isArabicMark(code) || code === 0x0640 || code === 0x27 || code === 0x2019)) ||
      (code === 0x2d && isLetter(previous) && i + 1 < end && isLetter(text.charCodeAt(i + 1)));
    if (!allowed) return false;
    if (previous === 0x20 && ++words > MAX_SPEAKER_WORDS) return false;
    previous = code;
  }
  return words > 0;
}

/** Arabic verbs that open a sentence reporting speech (`وقال كيري:`), as normalizeForMatching writes them. */
const SPEECH_VERBS = new Set([
  'قال', 'قالت', 'اضاف', 'اضافت', 'تابع', 'تابعت', 'اكد', 'اكدت', 'اوضح', 'اوضحت', 'اشار', 'اشارت',
  'لفت', 'لفتت', 'شدد', 'شددت', 'اعتبر', 'اعتبرت', 'ذكر', 'ذكرت', 'صرح', 'صرحت', 'اعلن', 'اعلنت',
]);
/** Words that close a sentence reporting speech: `وتابع لافروف قائلا:`, `Kerry said:`. */
const SPEECH_TAILS = new Set(['قايلا', 'قوله', 'قولها', 'بالقول', 'said', 'says', 'added', 'told', 'asked']);

/** `وقال كيري`, `وتابع لافروف قائلا` or `Kerry said`: a sentence reporting speech, not a speaker's name. */
function reportsSpeech(speaker: string): boolean {
  const words = normalizeForMatching(speaker).split(' ');
  const verb = words[0];
  const bareVerb = verb.startsWith('و') || verb.startsWith('ف') ? verb.slice(1) : verb;
  return SPEECH_VERBS.has(verb) || SPEECH_VERBS.has(bareVerb) || SPEECH_TAILS.has(words[words.length - 1]);
}

/** The first colon in the first 40 characters of [start, end), or -1. */
function speakerColon(text: string, start: number, end: number): number {
  const limit = Math.min(end, start + MAX_SPEAKER_CHARS + 1);
  for (let i = start; i < limit; i++) if (text.charCodeAt(i) === 0x3a) return i;
  return -1;
}

/**
 * A `Speaker: text` line: a colon within the first 40 characters, one to four words of
 * letters before it, some text after it.
 * Prose that reports speech (`وقال كيري: "…"`, `وتابع لافروف قائلا: …`, `Kerry said: …`) is
 * not a quote line.
 */
export function readQuote(text: string, start: number, end: number): QuoteLine | undefined {
  const colon = speakerColon(text, start, end);
  if (colon <= start) return undefined;
  if (text.charCodeAt(colon + 1) === 0x2f) return undefined; // a URL, not a speaker
  const speaker = trimmedField(text, start, colon);
  const quote = trimmedField(text, colon + 1, end);
  if (!speaker || !quote || !isSpeaker(text, speaker.start, speaker.end) || reportsSpeech(speaker.text)) return undefined;
  return { start, end, speaker, quote };
}

function hasBylineMark(text: string, start: number, end: number): boolean {
  if (text.charCodeAt(start) === 0xbb) return true; // »
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x2d || code === 0x2013 || code === 0x2014 || code === 0x2f) return true;
    const standsAlone = code === 0x0640 && (i === start || isSpaceLike(text.charCodeAt(i - 1)));
    if (standsAlone) return true;
  }
  return false;
}

/**
 * A closing byline: a short line (≤ 50 characters, ≤ 7 words, no full stop) that joins a
 * city, an author or an agency with ـ, -, –, — or /, or starts with »:
 * `موسكو ـ وكالات`, `»  فاطمة شقير / وكالات`, `Moscow - Reuters`. Links are not bylines.
 */
export function readByline(text: string, start: number, end: number): Field | undefined {
  if (end - start > MAX_BYLINE_LINE || endsSentence(text, end)) return undefined;
  if (countWords(text, start, end, MAX_BYLINE_WORDS) > MAX_BYLINE_WORDS) return undefined;
  if (text.slice(start, end).includes('://')) return undefined; // a link, not a byline
  return hasBylineMark(text, start, end) ? undecoratedField(text, start, end) : undefined;
}

/** A subtitle candidate: a line of at most 150 characters that does not end like a sentence. */
export function isSubtitleShaped(text: string, start: number, end: number): boolean {
  return end - start <= MAX_SUBTITLE_LINE && !endsSentence(text, end);
}

export interface CommentsHeading {
  readonly heading: Field;
  readonly announcedCount: number | undefined;
}

/** `التعليقات 7`, `التعليقات (3)`, `تعليقات القراء`, `Comments`, `Comments (2)`, `Reader comments`. */
export function readCommentsHeading(text: string, start: number, end: number): CommentsHeading | undefined {
  if (end - start > MAX_COMMENTS_HEADING_LINE) return undefined;
  const afterWords = labelEnd(COMMENTS_HEADING, text, start);
  if (afterWords < 0) return undefined;
  COMMENTS_COUNT.lastIndex = afterWords;
  const count = COMMENTS_COUNT.exec(text);
  if (!count || COMMENTS_COUNT.lastIndex !== end) return undefined;
  return { heading: fieldAt(text, start, end), announcedCount: count[1] === undefined ? undefined : readNumber(count[1]) };
}
