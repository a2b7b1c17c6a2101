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
 *
 * The text is cut into tokens (digit runs, letter runs, single marks) and the shapes are
 * matched on tokens: dates are read on many lines, and this costs far less than regexes.
 */
import { isDigit, isSpaceLike } from './chars';

export interface DateReading {
  /** `2013-05-07`, or `2013-05-07T23:13:00` with a time, `…Z` when the text says GMT/UTC. */
  readonly iso: string;
  /** Where the date (with its weekday and time, when present) starts and ends in the text. */
  readonly matchStart: number;
  readonly matchEnd: number;
}

/** Month names as foldWord writes them. */
const MONTHS: ReadonlyMap<string, number> = new Map([
  // Levantine and Iraqi
  ['كانون الثاني', 1], ['شباط', 2], ['اذار', 3], ['نيسان', 4], ['ايار', 5], ['حزيران', 6],
  ['تموز', 7], ['اب', 8], ['ايلول', 9], ['تشرين الاول', 10], ['تشرين الثاني', 11], ['كانون الاول', 12],
  // Egyptian and standard
  ['يناير', 1], ['فبراير', 2], ['مارس', 3], ['ابريل', 4], ['مايو', 5], ['يونيو', 6], ['يونيه', 6],
  ['يوليو', 7], ['يوليه', 7], ['اغسطس', 8], ['سبتمبر', 9], ['اكتوبر', 10], ['نوفمبر', 11], ['ديسمبر', 12],
  // Moroccan
  ['ماي', 5], ['يوليوز', 7], ['غشت', 8], ['شتنبر', 9], ['نونبر', 11], ['دجنبر', 12],
  // Algerian and Tunisian
  ['جانفي', 1], ['فيفري', 2], ['افريل', 4], ['جوان', 6], ['جويليه', 7], ['اوت', 8],
  // English
  ['january', 1], ['february', 2], ['march', 3], ['april', 4], ['may', 5], ['june', 6], ['july', 7],
  ['august', 8], ['september', 9], ['october', 10], ['november', 11], ['december', 12],
  ['jan', 1], ['feb', 2], ['mar', 3], ['apr', 4], ['jun', 6], ['jul', 7], ['aug', 8], ['sep', 9],
  ['sept', 9], ['oct', 10], ['nov', 11], ['dec', 12],
]);

/** First words of two-word month names (`كانون الثاني`, `تشرين الأول`). */
const TWO_WORD_MONTH_STARTS = new Set(['كانون', 'تشرين']);

const WEEKDAYS = new Set([
  'الاحد', 'الاثنين', 'الثلاثاء', 'الاربعاء', 'الخميس', 'الجمعه', 'السبت',
  'sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday',
  'sun', 'mon', 'tue', 'tues', 'wed', 'thu', 'thurs', 'fri', 'sat',
]);

/** Words that may stand between a date and its time: `الساعة`, `آخر تحديث`, `at`, `T`. */
const TIME_CONNECTOR_WORDS = new Set(['الساعه', 'ساعه', 'اخر', 'تحديث', 'في', 'at', 't']);
const ORDINAL_SUFFIXES = new Set(['st', 'nd', 'rd', 'th']);
const MORNING = new Set(['am', 'ص', 'صباحا', 'صباح']);
const EVENING = new Set(['pm', 'م', 'مساء', 'مساءا', 'مساءً']);
const UTC_WORDS = new Set(['gmt', 'utc', 'z']);
/** Tokens skipped at most between a date and its time. */
const MAX_TIME_CONNECTORS = 12;

const NUMBER = 0;
const WORD = 1;
const MARK = 2;

/**
 * Tokens of the text being read, in reusable arrays: `kind`, `start`, `end`, `value` (a
 * number's value or a mark's code unit) and `spaced` (1 when space comes before the token).
 */
class Tokens {
  count = 0;
  kind = new Uint8Array(64);
  spaced = new Uint8Array(64);
  start = new Int32Array(64);
  end = new Int32Array(64);
  value = new Int32Array(64);
  /** Each word token's folded text, made when first asked for; entries past `count` are stale. */
  private readonly words: (string | undefined)[] = [];
  private text = '';

  read(text: string, from: number, to: number): void {
    this.text = text;
    this.words.fill(undefined, 0, this.count);
    this.count = 0;
    let spaced = 1;
    for (let i = from; i < to; ) {
      const code = text.charCodeAt(i);
      if (isSpaceLike(code) || code === 0x0a || code === 0x0d) {
        spaced = 1;
        i++;
        continue;
      }
      const start = i;
      let kind = MARK;
      let value = code;
      if (isDigit(code)) {
        kind = NUMBER;
        value = 0;
        for (; i < to && isDigit(text.charCodeAt(i)); i++) value = Math.min(value * 10 + digitValue(text.charCodeAt(i)), 1e7);
      } else if (isWordChar(code)) {
        kind = WORD;
        while (i < to && isWordChar(text.charCodeAt(i))) i++;
      } else {
        i++;
      }
      this.push(kind, spaced, start, i, value);
      spaced = 0;
    }
    while (this.words.length < this.count) this.words.push(undefined);
  }

  /** A word token folded for lookups: lowercase, hamza forms of alef as alef, ى as ي, ة as ه, marks dropped. */
  word(token: number): string {
    if (token >= this.count || this.kind[token] !== WORD) return '';
    return (this.words[token] ??= foldWord(this.text, this.start[token], this.end[token]));
  }

  /** A mark token that is one of the given code units. */
  isMark(token: number, a: number, b = a, c = a, d = a): boolean {
    if (token >= this.count || this.kind[token] !== MARK) return false;
    const value = this.value[token];
    return value === a || value === b || value === c || value === d;
  }

  /** A number of `minDigits` to `maxDigits` digits at `token`. */
  isNumber(token: number, minDigits: number, maxDigits: number): boolean {
    if (token >= this.count || this.kind[token] !== NUMBER) return false;
    const digits = this.end[token] - this.start[token];
    return digits >= minDigits && digits <= maxDigits;
  }

  /** Whether `token` follows the previous one with no space between. */
  isAttached(token: number): boolean {
    return token < this.count && this.spaced[token] === 0;
  }

  /** Whether tokens `from` to `to` (inclusive) are each written against the previous one. */
  areAttached(from: number, to: number): boolean {
    for (let token = from; token <= to; token++) if (!this.isAttached(token)) return false;
    return true;
  }

  private push(kind: number, spaced: number, start: number, end: number, value: number): void {
    if (this.count === this.kind.length) this.grow();
    const index = this.count++;
    this.kind[index] = kind;
    this.spaced[index] = spaced;
    this.start[index] = start;
    this.end[index] = end;
    this.value[index] = value;
  }

  private grow(): void {
    const size = this.kind.length * 2;
    const grown = <T extends Uint8Array | Int32Array>(array: T, make: (size: number) => T): T => {
      const copy = make(size);
      copy.set(array);
      return copy;
    };
    this.kind = grown(this.kind, (n) => new Uint8Array(n));
    this.spaced = grown(this.spaced, (n) => new Uint8Array(n));
    this.start = grown(this.start, (n) => new Int32Array(n));
    this.end = grown(this.end, (n) => new Int32Array(n));
    this.value = grown(this.value, (n) => new Int32Array(n));
  }
}

function digitValue(code: number): number {
  return code <= 0x39 ? code - 0x30 : code <= 0x0669 ? code - 0x0660 : code - 0x06f0;
}

/** Letters of Latin and Arabic words, Arabic marks and tatweel included. */
function isWordChar(code: number): boolean {
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
  return (code >= 0x0610 && code <= 0x061a) || (code >= 0x0620 && code <= 0x065f) || (code >= 0x066e && code <= 0x06d3);
}

function needsFolding(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || code === 0x0622 || code === 0x0623 || code === 0x0625 || code === 0x0671 || code === 0x0649 || code === 0x0629 || (code >= 0x064b && code <= 0x065f) || code === 0x0640 || (code >= 0x0610 && code <= 0x061a);
}

function foldWord(text: string, start: number, end: number): string {
  let first = start;
  while (first < end && !needsFolding(text.charCodeAt(first))) first++;
  if (first === end) return text.slice(start, end);
  let folded = text.slice(start, first);
  for (let i = first; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x41 && code <= 0x5a) folded += String.fromCharCode(code + 0x20);
    else if (code === 0x0622 || code === 0x0623 || code === 0x0625 || code === 0x0671) folded += 'ا';
    else if (code === 0x0649) folded += 'ي';
    else if (code === 0x0629) folded += 'ه';
    else if (!needsFolding(code)) folded += text[i];
  }
  return folded;
}

const reusableTokens = new Tokens();

const COMMA = 0x2c;
const ARABIC_COMMA = 0x060c;
const DOT = 0x2e;
const SLASH = 0x2f;
const COLON = 0x3a;
const HYPHEN = 0x2d;

interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  /** A slash date whose day and month could swap: read month first when a 12-hour time follows. */
  readonly usOrderIfTwelveHour: boolean;
  /** First token after the date. */
  readonly next: number;
}

/**
 * Finds the first date in `text` between `from` and `to` and reads it. The match covers the
 * date, a weekday written just before it, and a time written just after it.
 */
export function readDate(text: string, from = 0, to = text.length): DateReading | undefined {
  const tokens = reusableTokens;
  tokens.read(text, from, to);
  for (let token = 0; token < tokens.count; token++) {
    const date = dateAt(tokens, token);
    if (date && isValidDate(date.year, date.month, date.day)) return reading(tokens, token, date);
  }
  return undefined;
}

/**
 * Whether [from, to) may hold a date readDate can read: every shape has a year, a run of
 * exactly four digits (in any of the digit sets) from 1900 to 2199. One look at each
 * character, without tokens: most short lines with digits (times, counts, prices) have no
 * such run and are spared the reading.
 */
export function mayHoldDate(text: string, from = 0, to = text.length): boolean {
  let digits = 0;
  let value = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (isDigit(code)) {
      digits++;
      value = value * 10 + digitValue(code);
    } else if (digits > 0) {
      if (digits === 4 && value >= MIN_YEAR && value <= MAX_YEAR) return true;
      digits = 0;
      value = 0;
    }
  }
  return digits === 4 && value >= MIN_YEAR && value <= MAX_YEAR;
}

function dateAt(tokens: Tokens, token: number): CalendarDate | undefined {
  if (tokens.kind[token] === WORD) return monthDayYear(tokens, token);
  if (tokens.kind[token] !== NUMBER) return undefined;
  return yearMonthDay(tokens, token) ?? numericDayMonthYear(tokens, token) ?? dayMonthNameYear(tokens, token);
}

/** `2013-05-08`, `2013/05/08`, `2013.05.08`, `2013:05:08`, written without spaces. */
function yearMonthDay(tokens: Tokens, t: number): CalendarDate | undefined {
  if (!tokens.isNumber(t, 4, 4) || !tokens.isMark(t + 1, HYPHEN, SLASH, DOT, COLON)) return undefined;
  const separator = tokens.value[t + 1];
  if (!tokens.isNumber(t + 2, 1, 2) || !tokens.isMark(t + 3, separator) || !tokens.isNumber(t + 4, 1, 2)) return undefined;
  if (!tokens.areAttached(t + 1, t + 4)) return undefined;
  return { year: tokens.value[t], month: tokens.value[t + 2], day: tokens.value[t + 4], usOrderIfTwelveHour: false, next: t + 5 };
}

/** `09.05.2013`, `8-5-2013`, `5/7/2013`, written without spaces. */
function numericDayMonthYear(tokens: Tokens, t: number): CalendarDate | undefined {
  if (!tokens.isNumber(t, 1, 2) || !tokens.isMark(t + 1, HYPHEN, SLASH, DOT)) return undefined;
  const separator = tokens.value[t + 1];
  if (!tokens.isNumber(t + 2, 1, 2) || !tokens.isMark(t + 3, separator) || !tokens.isNumber(t + 4, 4, 4)) return undefined;
  if (!tokens.areAttached(t + 1, t + 4)) return undefined;
  const first = tokens.value[t];
  const second = tokens.value[t + 2];
  const year = tokens.value[t + 4];
  if (second > 12 && first <= 12) return { year, month: first, day: second, usOrderIfTwelveHour: false, next: t + 5 };
  return { year, month: second, day: first, usOrderIfTwelveHour: separator === SLASH && first <= 12, next: t + 5 };
}

/** The month named at `t` (one or two words) and the token after it, or undefined. */
function monthAt(tokens: Tokens, t: number): { month: number; next: number } | undefined {
  const word = tokens.word(t);
  if (TWO_WORD_MONTH_STARTS.has(word)) {
    const month = MONTHS.get(`${word} ${tokens.word(t + 1)}`);
    return month === undefined ? undefined : { month, next: t + 2 };
  }
  const month = MONTHS.get(word);
  if (month === undefined) return undefined;
  return { month, next: tokens.isMark(t + 1, DOT) && tokens.isAttached(t + 1) ? t + 2 : t + 1 };
}

/** Skips an ordinal suffix written against a day number: `3rd`. */
function afterOrdinal(tokens: Tokens, t: number): number {
  return tokens.isAttached(t) && ORDINAL_SUFFIXES.has(tokens.word(t)) ? t + 1 : t;
}

/** `08 أيار , 2013`, `7 مايو/ أيار، 2013`, `12 أيار (مايو) 2017`, `7 May 2013`, `3rd of May 2013`. */
function dayMonthNameYear(tokens: Tokens, t: number): CalendarDate | undefined {
  if (!tokens.isNumber(t, 1, 2)) return undefined;
  let next = afterOrdinal(tokens, t + 1);
  if (tokens.isMark(next, HYPHEN, SLASH, DOT)) next++;
  if (tokens.word(next) === 'of') next++;
  const named = monthAt(tokens, next);
  if (!named) return undefined;
  next = named.next;
  // A second name for the same month: `مايو/ أيار`, `أيار (مايو)`.
  if (tokens.isMark(next, SLASH, 0x28)) {
    const alias = monthAt(tokens, next + 1);
    if (alias) next = tokens.isMark(alias.next, 0x29) ? alias.next + 1 : alias.next;
  }
  if (tokens.isMark(next, COMMA, ARABIC_COMMA)) next++;
  if (tokens.isMark(next, HYPHEN, SLASH)) next++;
  if (!tokens.isNumber(next, 4, 4)) return undefined;
  return { year: tokens.value[next], month: named.month, day: tokens.value[t], usOrderIfTwelveHour: false, next: next + 1 };
}

/** `May 7, 2013`, `Sept. 3rd, 2012`, `مايو 7، 2013`. */
function monthDayYear(tokens: Tokens, t: number): CalendarDate | undefined {
  const named = monthAt(tokens, t);
  if (!named || !tokens.isNumber(named.next, 1, 2)) return undefined;
  let next = afterOrdinal(tokens, named.next + 1);
  if (tokens.isMark(next, COMMA, ARABIC_COMMA)) next++;
  if (!tokens.isNumber(next, 4, 4)) return undefined;
  return { year: tokens.value[next], month: named.month, day: tokens.value[named.next], usOrderIfTwelveHour: false, next: next + 1 };
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const MIN_YEAR = 1900;
const MAX_YEAR = 2199;

function isValidDate(year: number, month: number, day: number): boolean {
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return false;
  const isLeapYear = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= DAYS_IN_MONTH[month - 1] + (month === 2 && isLeapYear ? 1 : 0);
}

interface Clock {
  readonly hours: number;
  readonly minutes: number;
  readonly seconds: number;
  readonly twelveHour: boolean;
  readonly utc: boolean;
  /** First token after the time. */
  readonly next: number;
}

/** Marks that may stand between a date and its time: commas, bars, at-signs, dashes, slashes, dots, colons. */
const TIME_CONNECTOR_MARKS = new Set([COMMA, ARABIC_COMMA, 0x7c, 0x40, HYPHEN, 0x2013, 0x2014, SLASH, DOT, COLON]);

function isTimeConnector(tokens: Tokens, t: number): boolean {
  if (tokens.kind[t] === MARK) return TIME_CONNECTOR_MARKS.has(tokens.value[t]);
  return tokens.kind[t] === WORD && TIME_CONNECTOR_WORDS.has(tokens.word(t));
}

/** `AM`, `p.m.`, `ص`, `مساء`: 0 for none, 1 for morning, 2 for evening, with the token after it. */
function meridiemAt(tokens: Tokens, t: number): { half: number; next: number } {
  const word = tokens.word(t);
  if (MORNING.has(word)) return { half: 1, next: t + 1 };
  if (EVENING.has(word)) return { half: 2, next: t + 1 };
  const dotted = (word === 'a' || word === 'p') && tokens.isMark(t + 1, DOT) && tokens.word(t + 2) === 'm';
  if (!dotted) return { half: 0, next: t };
  return { half: word === 'a' ? 1 : 2, next: tokens.isMark(t + 3, DOT) ? t + 4 : t + 3 };
}

/** A time written after the date (`22:41`, `11:13:00 PM`, `20:39 GMT`), after a few connectors at most. */
function clockAfter(tokens: Tokens, from: number): Clock | undefined {
  let t = from;
  for (let skipped = 0; t < tokens.count && skipped < MAX_TIME_CONNECTORS && !tokens.isNumber(t, 1, 2); skipped++, t++) {
    if (!isTimeConnector(tokens, t)) return undefined;
  }
  if (!tokens.isNumber(t, 1, 2) || !tokens.isMark(t + 1, COLON) || !tokens.isNumber(t + 2, 2, 2)) return undefined;
  if (!tokens.isAttached(t + 1) || !tokens.isAttached(t + 2)) return undefined;
  let next = t + 3;
  let seconds = 0;
  if (tokens.isMark(next, COLON) && tokens.isNumber(next + 1, 2, 2) && tokens.isAttached(next) && tokens.isAttached(next + 1)) {
    seconds = tokens.value[next + 1];
    next += 2;
  }
  const meridiem = meridiemAt(tokens, next);
  let hours = tokens.value[t];
  if (meridiem.half > 0) {
    if (hours < 1 || hours > 12) return undefined;
    hours = (hours % 12) + (meridiem.half === 2 ? 12 : 0);
  }
  const minutes = tokens.value[t + 2];
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
  const utc = UTC_WORDS.has(tokens.word(meridiem.next));
  return { hours, minutes, seconds, twelveHour: meridiem.half > 0, utc, next: utc ? meridiem.next + 1 : meridiem.next };
}

/** The weekday written just before the date (`الثلاثاء،`, `Tuesday,`), if any. */
function weekdayBefore(tokens: Tokens, t: number): number | undefined {
  let before = t - 1;
  if (tokens.isMark(before, COMMA, ARABIC_COMMA)) before--;
  return before >= 0 && WEEKDAYS.has(tokens.word(before)) ? before : undefined;
}

function reading(tokens: Tokens, first: number, date: CalendarDate): DateReading {
  const clock = clockAfter(tokens, date.next);
  const usOrder = clock !== undefined && clock.twelveHour && date.usOrderIfTwelveHour;
  const month = usOrder ? date.day : date.month;
  const day = usOrder ? date.month : date.day;
  const last = (clock ? clock.next : date.next) - 1;
  return {
    iso: isoText(date.year, month, day, clock),
    matchStart: tokens.start[weekdayBefore(tokens, first) ?? first],
    matchEnd: tokens.end[last],
  };
}

/** Character codes of the ISO texts being made, one array per length, reused from one date to the next. */
const isoDateCodes = new Array<number>(10).fill(0);
const isoTimeCodes = new Array<number>(19).fill(0);
const isoUtcCodes = new Array<number>(20).fill(0);
const LATIN_T = 0x54;
const LATIN_Z = 0x5a;

/**
 * `2013-05-07`, `2013-05-07T23:13:00` or `…Z` (isValidDate keeps years to four digits). Made
 * from character codes in one piece: `+` and template literals make a tree of string pieces
 * (six objects per date), which a parse would keep alive for every dateline of a large
 * dossier, and joining an array of parts costs five times as much. The codes are written in
 * place with integer arithmetic: pushing them one by one, each digit found by a division by a
 * power of ten, cost ten times as much as the string itself.
 */
function isoText(year: number, month: number, day: number, clock: Clock | undefined): string {
  const codes = !clock ? isoDateCodes : clock.utc ? isoUtcCodes : isoTimeCodes;
  putTwoDigits(codes, 0, (year / 100) | 0);
  putTwoDigits(codes, 2, year % 100);
  codes[4] = HYPHEN;
  putTwoDigits(codes, 5, month);
  codes[7] = HYPHEN;
  putTwoDigits(codes, 8, day);
  if (clock) {
    codes[10] = LATIN_T;
    putTwoDigits(codes, 11, clock.hours);
    codes[13] = COLON;
    putTwoDigits(codes, 14, clock.minutes);
    codes[16] = COLON;
    putTwoDigits(codes, 17, clock.seconds);
    if (clock.utc) codes[19] = LATIN_Z;
  }
  return String.fromCharCode(...codes);
}

/** `value` (0 to 99) as two decimal digits, written into `codes` at `at`: no loop, which code not yet optimized pays for on every date. */
function putTwoDigits(codes: number[], at: number, value: number): void {
  codes[at] = 0x30 + ((value / 10) | 0);
  codes[at + 1] = 0x30 + (value % 10);
}
