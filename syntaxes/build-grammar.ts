/**
 * Source of syntaxes/clipping.tmLanguage.json. TextMate JSON has no comments and no
 * variables, so the grammar is composed here from named regex fragments and written out:
 *
 *   npx tsx syntaxes/build-grammar.ts
 *
 * A unit test fails when the committed JSON and this file disagree.
 *
 * Every regex is Oniguruma syntax and must stay linear on a 1 MB line: repetitions are
 * bounded, and a repeated group never overlaps with what follows it. Oniguruma's `\s` and
 * `\S` are Unicode-aware (NBSP is a space); `[^\S\n]` is "a space on this line".
 */
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { MIN_SEPARATOR_RUN, SEPARATOR_CHARACTERS, TOC_HEADINGS } from '../src/core/detect';

const SPACE = '[^\\S\\n]';

const any = (alternatives: readonly string[]) => `(?:${alternatives.join('|')})`;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Literal phrases, case-insensitive (English labels come capitalised or not), inner spaces loosened. */
const phrases = (texts: readonly string[]) => `(?i:${texts.map((t) => escape(t).replace(/ /g, `${SPACE}{1,2}`)).join('|')})`;
const DIGIT = '[0-9٠-٩۰-۹]';
const NO_DIGIT_BEFORE = `(?<!${DIGIT})`;
const NO_DIGIT_AFTER = `(?!${DIGIT})`;
/** After a month or weekday: the word really ends (مارس is not مارسيليا). */
const WORD_END = '(?![\\p{L}\\p{M}])';
const WORD_START = '(?<![\\p{L}\\p{M}])';

/** One alternative per character instead of `(.)\1{4,}`: in an `end` rule `\1` means the `begin` match. */
const SEPARATOR_RUN = any(SEPARATOR_CHARACTERS.map((c) => `${escape(c)}{${MIN_SEPARATOR_RUN},}`));
/** For lookaheads: captures nothing, so it does not shift the group numbers around it. */
const SEPARATOR_AHEAD = `(?=${SPACE}*${SEPARATOR_RUN}${SPACE}*$)`;

/** The rest of a non-blank line, trimmed, without a lazy quantifier (lazy + `\s*$` is quadratic). */
const TRIMMED_LINE = `${SPACE}*(\\S(?:.*\\S)?)${SPACE}*$`;

const TOC_NUMBER = `${DIGIT}{1,3}`;
const TOC_NUMBER_MARK = '[.)\\-–ـ]';

// --- dates -------------------------------------------------------------------------------

const LEVANTINE_MONTHS = [
  'كانون الثاني', 'كانون الأول', 'كانون الاول', 'شباط', '[آا]ذار', 'نيسان', '[أاإ]يار', 'حزيران', 'تموز',
  '[آا]ب', '[أا]يلول', 'تشرين الأول', 'تشرين الاول', 'تشرين الثاني',
];
const EGYPTIAN_MONTHS = [
  'يناير', 'فبراير', 'مارس', '[أاإ]بريل', 'مايو', 'يوني[وةه]', 'يولي[وةه]', '[أا]غسطس', 'سبتمبر', '[أا]كتوبر',
  'نوفمبر', 'ديسمبر',
];
/** Moroccan and Algerian-Tunisian names that differ from the Egyptian ones. */
const MAGHREB_MONTHS = [
  'ماي', 'يوليوز', 'غشت', 'شتنبر', 'نونبر', 'دجنبر', 'جانفي', 'فيفري', '[أا]فريل', 'جوان', 'جويلية', '[أا]وت',
];
const ENGLISH_MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November',
  'December', 'Jan\\.?', 'Feb\\.?', 'Mar\\.?', 'Apr\\.?', 'Jun\\.?', 'Jul\\.?', 'Aug\\.?', 'Sept?\\.?', 'Oct\\.?',
  'Nov\\.?', 'Dec\\.?',
];
const ARABIC_WEEKDAYS = [
  'الأحد', 'الاحد', 'الإثنين', 'الاثنين', 'الثلاثاء', 'الأربعاء', 'الاربعاء', 'الخميس', 'الجمعة', 'الجمعه', 'السبت',
];
const ENGLISH_WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

// The Arabic month names are written with literal spaces, loosened to one or two spaces.
const arabicMonth = any(
  [...LEVANTINE_MONTHS, ...EGYPTIAN_MONTHS, ...MAGHREB_MONTHS].map((m) => m.replace(/ /g, `${SPACE}{1,2}`)),
);
const MONTH = `${any([arabicMonth, ...ENGLISH_MONTHS])}${WORD_END}`;
const ENGLISH_MONTH = `${any(ENGLISH_MONTHS)}${WORD_END}`;
/** `مايو/ أيار`, `أيار (مايو)`: the Egyptian and Levantine names side by side. */
const MONTH_PAIR = `${MONTH}(?:${SPACE}{0,2}/${SPACE}{0,2}${MONTH}|${SPACE}{0,2}\\(${SPACE}?${MONTH}${SPACE}?\\))?`;
const WEEKDAY = `${WORD_START}${any([...ARABIC_WEEKDAYS, ...ENGLISH_WEEKDAYS])}${WORD_END}`;
/** A weekday, then an optional comma, then at least one space. */
const WEEKDAY_PREFIX = `${WEEKDAY}(?:${SPACE}{0,2}[,،])?${SPACE}{1,3}`;
const DAY = `${NO_DIGIT_BEFORE}${DIGIT}{1,2}(?:st|nd|rd|th)?`;
const YEAR = `${DIGIT}{4}${NO_DIGIT_AFTER}`;
/** An optional comma before the year: `08 أيار , 2013`, `مايو/ أيار، 2013`. */
const YEAR_SUFFIX = `(?:(?:${SPACE}{0,3}[,،])?${SPACE}{0,3}${YEAR})`;

// `(?:prefix day|day)` rather than `(?:prefix)?day`: Oniguruma then starts the search only
// where a weekday or a digit starts, which halves the cost on long lines.
const DAY_MONTH_YEAR = `(?:${WEEKDAY_PREFIX}${DAY}|${DAY})${SPACE}{0,2}${MONTH_PAIR}${YEAR_SUFFIX}?`;
/** `Tuesday, May 7, 2013`: an English order only; Arabic writes the day first. */
const MONTH_DAY_YEAR = `(?:${WORD_START}${any(ENGLISH_WEEKDAYS)},?${SPACE}{1,3}${ENGLISH_MONTH}|${ENGLISH_MONTH})${SPACE}{1,2}${DAY}${NO_DIGIT_AFTER}(?:,?${SPACE}{1,2}${YEAR})?`;
const MONTH_YEAR = `${WORD_START}${MONTH}${SPACE}{1,2}${YEAR}`;
const NUMERIC_DATE = `${NO_DIGIT_BEFORE}${any([
  `${DIGIT}{4}([\\-/.:])${DIGIT}{1,2}\\1${DIGIT}{1,2}`, // 2013-05-08, 2013:05:08
  `${DIGIT}{1,2}([\\-/.])${DIGIT}{1,2}\\2${DIGIT}{4}`, // 09.05.2013, 5/7/2013, 8-5-2013
  `${DIGIT}{1,2}/${DIGIT}{1,2}/${DIGIT}{2}`, // 5/7/13; two-digit years only with slashes
])}${NO_DIGIT_AFTER}`;
const TIME_SUFFIX = any(['[AaPp]\\.?[Mm]\\.?', 'GMT', 'UTC', 'صباحاً', 'صباحا', 'مساءً', 'مساء', 'ص', 'م']);
/** Digits glued to a colon on either side are a ratio or a longer clock: `12:30:45:67` is no time. */
const DIGIT_OR_COLON = '[0-9٠-٩۰-۹:]';
const TIME = `(?<!${DIGIT_OR_COLON})${DIGIT}{1,2}:${DIGIT}{2}(?::${DIGIT}{2})?(?!${DIGIT_OR_COLON})(?:${SPACE}?${TIME_SUFFIX}${WORD_END})?`;

const DATE_LABELS = ['تاريخ النشر', 'تاريخ', 'آخر تحديث', 'اخر تحديث', 'نشر في', 'published', 'last updated', 'updated', 'date'];

// --- speakers, outlets, bylines ---------------------------------------------------------

/** A name word: no spaces, colons, quotes, brackets, digits or sentence punctuation. */
const NAME_WORD = '[^\\s:：«»"“”()\\[\\]{}0-9٠-٩۰-۹.,،؛;!?؟/\\\\|<>=*#_~•]{1,30}';
/** One to four words, then a colon and some text; `http://` is not a speaker. */
const SPEAKER = `^${SPACE}*(${NAME_WORD}(?:${SPACE}{1,2}${NAME_WORD}){0,3})${SPACE}{0,2}([:：])(?!//)(?=${SPACE}{0,3}\\S)`;

const SOURCE_LABELS = ['مصدر الخبر', 'المصدر', 'مصدر', 'المصادر', 'sources', 'source', 'outlet'];

/** A byline word: like a name word, but dashes and slashes separate place from author. */
const BYLINE_WORD = '[^\\s:：«»"“”()\\[\\]{}0-9٠-٩۰-۹,،؛;!?؟/\\\\|<>=*#_~•ـ\\-–—]{1,30}';
const BYLINE_DASH = '[ـ\\-–—/]';
const PLACE = `${BYLINE_WORD}(?:${SPACE}{1,2}${BYLINE_WORD}){0,2}`;
/** Up to eight words, commas allowed between them: `أ ف ب، يو بي آي، رويترز`. */
const AUTHOR = `${BYLINE_WORD}(?:(?:${SPACE}|[,،]){1,3}${BYLINE_WORD}){0,7}`;
/** After `By`: a name of one to four words, so `By the end of the day, …` is not a byline. */
const AUTHOR_NAME = `${BYLINE_WORD}(?:${SPACE}{1,2}${BYLINE_WORD}){0,3}`;
const BY = phrases(['by', 'بقلم', 'كتب', 'كتبت']);
/** A line ending in a full stop is a sentence, not a signature. */
const NOT_AFTER_FULL_STOP = '(?<!\\.)';

const COMMENT_WORDS = ['تعليقات القراء', 'عدد التعليقات', 'التعليقات', 'تعليقات', 'reader comments', 'comments'];

// --- rules ----------------------------------------------------------------------------------

type Captures = Record<string, { name?: string; patterns?: Rule[] }>;
interface Rule {
  name?: string;
  match?: string;
  begin?: string;
  end?: string;
  captures?: Captures;
  beginCaptures?: Captures;
  endCaptures?: Captures;
  patterns?: Rule[];
  include?: string;
}

const include = (name: string): Rule => ({ include: `#${name}` });
const named = (name: string): { name: string } => ({ name });

/**
 * Quoted speech on one line, closed within 1000 characters. An unclosed quote colors
 * nothing instead of running to the end of the paragraph, and the bound keeps a failed
 * attempt cheap: `[^open close]` stops at the next quote mark, so the work stays linear.
 */
const MAX_QUOTE_LENGTH = 1000;
function quoted(name: string, open: string, close: string): Rule {
  const marks = open === close ? open : `${open}${close}`;
  return {
    name,
    match: `(${open})[^${marks}\\n]{1,${MAX_QUOTE_LENGTH}}(${close})`,
    captures: {
      1: named('punctuation.definition.string.begin.clipping'),
      2: named('punctuation.definition.string.end.clipping'),
    },
  };
}

/** The end of a block that may be followed by an article title: a separator (not consumed)
 * or the first non-blank line, which is the title. Blank lines in between stay inside. */
const TITLE_OR_SEPARATOR = `^${SEPARATOR_AHEAD}|^${TRIMMED_LINE}`;
const TITLE_CAPTURE: Captures = { 1: { name: 'markup.heading.title.clipping', patterns: [include('quotes')] } };

const repository: Record<string, Rule> = {
  breadcrumb: {
    name: 'meta.breadcrumb.clipping',
    match: `\\A\\x{FEFF}?([^\\n]*\\\\[^\\n]*)$`,
    captures: {
      1: {
        patterns: [
          { match: '\\\\', name: 'punctuation.separator.breadcrumb.clipping' },
          { match: '[^\\\\\\n]+', name: 'entity.name.section.breadcrumb.clipping' },
        ],
      },
    },
  },
  'article-start': {
    // A separator line; the first non-blank line after it is the next article's title.
    begin: `^${SPACE}*(${SEPARATOR_RUN})${SPACE}*$`,
    beginCaptures: { 0: named('meta.separator.clipping'), 1: named('comment.line.separator.clipping') },
    end: TITLE_OR_SEPARATOR,
    endCaptures: TITLE_CAPTURE,
  },
  'table-of-contents': {
    // Numbered entries until the first other non-blank line: the first article's title.
    begin: `^${SPACE}*(${phrases(TOC_HEADINGS)})${SPACE}*([:：])?${SPACE}*$`,
    beginCaptures: {
      1: named('markup.heading.toc.clipping'),
      2: named('punctuation.separator.heading.clipping'),
    },
    end: `^${SEPARATOR_AHEAD}|^(?!${SPACE}*${TOC_NUMBER}${SPACE}{0,2}${TOC_NUMBER_MARK})${TRIMMED_LINE}`,
    endCaptures: TITLE_CAPTURE,
    patterns: [include('toc-entry')],
  },
  'toc-entry': {
    name: 'markup.list.numbered.toc.clipping',
    match: `^${SPACE}*(${TOC_NUMBER})${SPACE}{0,2}(${TOC_NUMBER_MARK})(.*)$`,
    captures: {
      1: named('constant.numeric.toc.clipping'),
      2: named('punctuation.definition.list.begin.clipping'),
      3: { patterns: [include('quotes'), include('dates')] },
    },
  },
  'comments-heading': {
    name: 'markup.heading.comments.clipping',
    match: `^${SPACE}*(?:${phrases(COMMENT_WORDS)}${SPACE}*[:：]?${SPACE}*(?:\\(?${SPACE}*(${DIGIT}{1,5})${SPACE}*\\)?)?|\\(?(${DIGIT}{1,5})\\)?${SPACE}*${phrases(['تعليقات', 'تعليق', 'comments', 'comment'])})${SPACE}*$`,
    captures: { 1: named('constant.numeric.count.clipping'), 2: named('constant.numeric.count.clipping') },
  },
  dateline: {
    // `تاريخ النشر : 2013-05-08`, `آخر تحديث: …`: a labelled date, never a speaker.
    name: 'meta.dateline.clipping',
    begin: `^${SPACE}*(${phrases(DATE_LABELS)})${SPACE}*([:：])`,
    beginCaptures: { 1: named('keyword.other.date-label.clipping'), 2: named('punctuation.separator.key-value.clipping') },
    end: '$',
    patterns: [include('dates')],
  },
  outlet: {
    // `مصدر الخبر: عمون`, `/مصدر: شينخوا/`, `Source: Reuters`.
    name: 'meta.source.clipping',
    match: `^${SPACE}*/?${SPACE}*(${phrases(SOURCE_LABELS)})${SPACE}*([:：])${SPACE}*([^\\n/]{0,80}[^\\s/])${SPACE}*/?${SPACE}*$`,
    captures: {
      1: named('keyword.other.source-label.clipping'),
      2: named('punctuation.separator.key-value.clipping'),
      3: named('entity.name.tag.source.clipping'),
    },
  },
  byline: {
    patterns: [
      {
        // `موسكو ـ وكالات`, `عمون - رصد –`, `» فاطمة شقير / وكالات`, `KESSEL BAY — Tom Everett`.
        name: 'markup.italic.byline.clipping',
        match: `^${SPACE}*(?:»${SPACE}*)?(${PLACE})${SPACE}{0,3}(?:\\(([^()\\n]{1,40})\\)${SPACE}{0,3})?(${BYLINE_DASH})${SPACE}{0,3}(${AUTHOR})?${NOT_AFTER_FULL_STOP}${SPACE}{0,3}[ـ\\-–—]?${SPACE}*$`,
        captures: {
          1: named('entity.other.attribute-name.place.clipping'),
          2: named('entity.other.attribute-name.author.clipping'),
          3: named('punctuation.separator.byline.clipping'),
          4: named('entity.other.attribute-name.author.clipping'),
        },
      },
      {
        // `By Priya Nair`, `بقلم: سلمى العتوم`.
        name: 'markup.italic.byline.clipping',
        match: `^${SPACE}*(${BY})${SPACE}{0,2}:?${SPACE}{1,2}(${AUTHOR_NAME})${NOT_AFTER_FULL_STOP}${SPACE}*$`,
        captures: {
          1: named('keyword.other.byline.clipping'),
          2: named('entity.other.attribute-name.author.clipping'),
        },
      },
    ],
  },
  speaker: {
    match: SPEAKER,
    captures: {
      1: named('entity.name.function.speaker.clipping'),
      2: named('punctuation.separator.speaker.clipping'),
    },
  },
  quotes: {
    patterns: [
      quoted('string.quoted.other.guillemets.clipping', '«', '»'),
      quoted('string.quoted.double.clipping', '"', '"'),
      quoted('string.quoted.other.curly.clipping', '“', '”'),
    ],
  },
  dates: {
    patterns: [
      { name: 'constant.numeric.date.clipping', match: DAY_MONTH_YEAR },
      { name: 'constant.numeric.date.clipping', match: MONTH_DAY_YEAR },
      { name: 'constant.numeric.date.clipping', match: MONTH_YEAR },
      { name: 'constant.numeric.date.clipping', match: NUMERIC_DATE },
      { name: 'constant.numeric.time.clipping', match: TIME },
    ],
  },
};

function buildGrammar(): object {
  return {
    information_for_contributors: [
      'Generated by syntaxes/build-grammar.ts: edit that file, then run `npx tsx syntaxes/build-grammar.ts`.',
    ],
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'Press Clipping',
    scopeName: 'text.clipping',
    patterns: [
      include('breadcrumb'),
      include('article-start'),
      include('table-of-contents'),
      include('comments-heading'),
      include('dateline'),
      include('outlet'),
      include('byline'),
      include('speaker'),
      include('quotes'),
      include('dates'),
    ],
    repository,
  };
}

export const GRAMMAR_PATH = path.join(__dirname, 'clipping.tmLanguage.json');

export function renderGrammar(): string {
  return `${JSON.stringify(buildGrammar(), null, 2)}\n`;
}

if (require.main === module) {
  writeFileSync(GRAMMAR_PATH, renderGrammar());
}
