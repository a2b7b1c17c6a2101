/**
 * Reading dates and datelines as press clippings write them, into ISO 8601.
 *
 * Shapes: numeric `09.05.2013`, `8-5-2013`, `5/7/2013 11:13:00 PM`, `2013-05-08 08:45:00`,
 * `2013:05:08.08:41`; with month names `08 أيار , 2013`, `الأربعاء، 8 مايو 2013 - 00:08`,
 * `7 مايو/ أيار، 2013`, `May 7, 2013`, `Tuesday, 7 May 2013 22:41`. Levantine, Egyptian,
 * Maghreb and Algerian month names; Arabic-Indic and Persian digits; 12- and 24-hour clocks.
 *
 * Numeric day and month order: day first (`09.05.2013` is 9 May), except slash dates followed
 * by AM/PM, which US-made sites write month first (`5/7/2013 11:13:00 PM` is 7 May). A number
 * above 12 settles the order either way.
 */

export interface DateReading {
  /** `2013-05-07`, or `2013-05-07T23:13:00` with a time, `…Z` when the text says GMT/UTC. */
  readonly iso: string;
  /** Where the date (with its weekday and time, when present) starts and ends in the text. */
  readonly matchStart: number;
  readonly matchEnd: number;
}

const MONTHS: Readonly<Record<string, number>> = {
  // Levantine and Iraqi
  'كانون الثاني': 1, 'شباط': 2, 'اذار': 3, 'نيسان': 4, 'ايار': 5, 'حزيران': 6,
  'تموز': 7, 'اب': 8, 'ايلول': 9, 'تشرين الاول': 10, 'تشرين الثاني': 11, 'كانون الاول': 12,
  // Egyptian and standard
  'يناير': 1, 'فبراير': 2, 'مارس': 3, 'ابريل': 4, 'مايو': 5, 'يونيو': 6, 'يونيه': 6,
  'يوليو': 7, 'يوليه': 7, 'اغسطس': 8, 'سبتمبر': 9, 'اكتوبر': 10, 'نوفمبر': 11, 'ديسمبر': 12,
  // Moroccan
  'ماي': 5, 'يوليوز': 7, 'غشت': 8, 'شتنبر': 9, 'نونبر': 11, 'دجنبر': 12,
  // Algerian and Tunisian
  'جانفي': 1, 'فيفري': 2, 'افريل': 4, 'جوان': 6, 'جويليه': 7, 'اوت': 8,
  // English
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8,
  september: 9, october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

const WEEKDAYS = [
  'الاحد', 'الاثنين', 'الثلاثاء', 'الاربعاء', 'الخميس', 'الجمعه', 'السبت',
  'sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday',
  'sun', 'mon', 'tue', 'tues', 'wed', 'thu', 'thurs', 'fri', 'sat',
];

/** Longest names first, so that `مايو` wins over `ماي`; inner spaces match any run of spaces. */
function alternation(names: readonly string[]): string {
  return [...names]
    .sort((a, b) => b.length - a.length)
    .map((name) => name.replace(/ /g, '\\s+'))
    .join('|');
}

const MONTH = `(${alternation(Object.keys(MONTHS))})`;
const WEEKDAY = alternation(WEEKDAYS);
const WORD_BEFORE = '(?<![\\p{L}\\p{N}])';
const WORD_AFTER = '(?![\\p{L}\\p{N}])';
const S = '[\\s\\u00a0]';

const ISO_DATE = new RegExp(`${WORD_BEFORE}(\\d{4})([-/.:])(\\d{1,2})\\2(\\d{1,2})(?=t\\d|${WORD_AFTER})`, 'gu');
const NUMERIC_DATE = new RegExp(`${WORD_BEFORE}(\\d{1,2})([-/.])(\\d{1,2})\\2(\\d{4})${WORD_AFTER}`, 'gu');
const DAY_MONTH_YEAR = new RegExp(
  `${WORD_BEFORE}(\\d{1,2})(?:st|nd|rd|th)?${S}*(?:[-/.]${S}*)?(?:of${S}+)?${MONTH}\\.?` +
    `(?:${S}*[/(]${S}*${MONTH}${S}*\\)?)?${S}*[,،]?${S}*(?:[-/]${S}*)?(\\d{4})${WORD_AFTER}`,
  'gu',
);
const MONTH_DAY_YEAR = new RegExp(
  `${WORD_BEFORE}${MONTH}\\.?${S}+(\\d{1,2})(?:st|nd|rd|th)?${S}*[,،]?${S}*(\\d{4})${WORD_AFTER}`,
  'gu',
);

/** What may stand between a date and its time: spaces, commas, dashes, `الساعة`, `آخر تحديث`, `at`. */
const TIME_AFTER_DATE = new RegExp(
  `(?:[\\s\\u00a0,،|@\\-–—/.:t]|at|الساعه|اخر${S}+تحديث|تحديث|في){0,24}?` +
    `(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:${S}*(a\\.?m\\.?|p\\.?m\\.?|صباحا|مساء|ص|م)${WORD_AFTER})?(?:${S}*(gmt|utc|z)${WORD_AFTER})?`,
  'yu',
);

const WEEKDAY_BEFORE_DATE = new RegExp(`${WORD_BEFORE}(?:${WEEKDAY})${S}*[,،]?${S}*$`, 'u');

/** Fold, one code unit for one, what date patterns must not care about: case, hamza, digits. */
const FOLDABLE = /[A-Z\u0622\u0623\u0625\u0671\u0649\u0629\u06cc\u0660-\u0669\u06f0-\u06f9]/g;

function foldUnit(char: string): string {
  const code = char.charCodeAt(0);
  if (code <= 0x5a) return String.fromCharCode(code + 0x20);
  if (code >= 0x0660 && code <= 0x0669) return String.fromCharCode(code - 0x0660 + 0x30);
  if (code >= 0x06f0 && code <= 0x06f9) return String.fromCharCode(code - 0x06f0 + 0x30);
  if (code === 0x0649 || code === 0x06cc) return 'ي';
  if (code === 0x0629) return 'ه';
  return 'ا';
}

interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  /** A slash date whose day and month could swap: read month first when a 12-hour time follows. */
  readonly usOrderIfTwelveHour?: boolean;
}

interface Candidate extends CalendarDate {
  readonly start: number;
  readonly end: number;
}

/** The first valid match of `pattern` in `folded`, read by `toDate`. */
function firstMatch(pattern: RegExp, folded: string, toDate: (match: RegExpExecArray) => CalendarDate): Candidate | undefined {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(folded); match; match = pattern.exec(folded)) {
    const date = toDate(match);
    if (isValidDate(date.year, date.month, date.day)) {
      return { ...date, start: match.index, end: match.index + match[0].length };
    }
    pattern.lastIndex = match.index + 1;
  }
  return undefined;
}

function isValidDate(year: number, month: number, day: number): boolean {
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

function monthNumber(name: string): number {
  return MONTHS[name.replace(/\s+/g, ' ')] ?? 0;
}

/** Day first unless the first number cannot be a day-of-month reading that leaves a valid month. */
function numericDate(match: RegExpExecArray): CalendarDate {
  const first = +match[1];
  const second = +match[3];
  const year = +match[4];
  if (second > 12 && first <= 12) return { year, month: first, day: second };
  return { year, month: second, day: first, usOrderIfTwelveHour: match[2] === '/' && first <= 12 };
}

/**
 * Finds the first date in `text` between `from` and `to` and reads it. The match covers the
 * date, a weekday written just before it, and a time written just after it.
 */
export function readDate(text: string, from = 0, to = text.length): DateReading | undefined {
  const folded = text.slice(from, to).replace(FOLDABLE, foldUnit);
  const candidates = [
    firstMatch(ISO_DATE, folded, (m) => ({ year: +m[1], month: +m[3], day: +m[4] })),
    firstMatch(NUMERIC_DATE, folded, numericDate),
    firstMatch(DAY_MONTH_YEAR, folded, (m) => ({ year: +m[4], month: monthNumber(m[2]), day: +m[1] })),
    firstMatch(MONTH_DAY_YEAR, folded, (m) => ({ year: +m[3], month: monthNumber(m[1]), day: +m[2] })),
  ];
  let best: Candidate | undefined;
  for (const next of candidates) {
    if (next && (!best || next.start < best.start || (next.start === best.start && next.end > best.end))) best = next;
  }
  return best && withTimeAndWeekday(folded, best, from);
}

function withTimeAndWeekday(folded: string, date: Candidate, offset: number): DateReading {
  const weekday = WEEKDAY_BEFORE_DATE.exec(folded.slice(Math.max(0, date.start - 24), date.start));
  const start = weekday ? date.start - weekday[0].length : date.start;
  TIME_AFTER_DATE.lastIndex = date.end;
  const time = TIME_AFTER_DATE.exec(folded);
  const clock = time ? readClock(time) : undefined;
  const end = clock && time ? date.end + time[0].length : date.end;
  const usOrder = clock !== undefined && time?.[4] !== undefined && date.usOrderIfTwelveHour === true;
  const [month, dayOfMonth] = usOrder ? [date.day, date.month] : [date.month, date.day];
  const day = `${date.year}-${pad(month)}-${pad(dayOfMonth)}`;
  return { iso: clock ? `${day}T${clock}` : day, matchStart: offset + start, matchEnd: offset + end };
}

function readClock(time: RegExpExecArray): string | undefined {
  let hours = +time[1];
  const minutes = +time[2];
  const seconds = time[3] === undefined ? 0 : +time[3];
  const meridiem = time[4];
  if (meridiem !== undefined) {
    if (hours < 1 || hours > 12) return undefined;
    const afternoon = meridiem.startsWith('p') || meridiem === 'م' || meridiem === 'مساء';
    hours = (hours % 12) + (afternoon ? 12 : 0);
  }
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
  return `${pad(hours)}:${pad(minutes)}:${pad(seconds)}${time[5] === undefined ? '' : 'Z'}`;
}

function pad(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}
