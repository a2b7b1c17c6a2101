/**
 * Finding speakers: by any spelling of their name, and from a `Speaker: words` line.
 */

import { normalizeForMatching, stripCliticPrefixes } from '../arabic';
import { compareText, type Speaker, type SpeakerRegistry } from './types';

/** Best first. */
export type SpeakerMatchRank = 'exact' | 'clitic' | 'word' | 'prefix';

const RANK_ORDER: readonly SpeakerMatchRank[] = ['exact', 'clitic', 'word', 'prefix'];

export interface SpeakerMatch {
  readonly speaker: Speaker;
  /** The name or alias that matched best. */
  readonly alias: string;
  readonly rank: SpeakerMatchRank;
}

/** Typing fewer characters than this matches by prefix nothing: one letter matches everyone. */
const MIN_PREFIX_LENGTH = 2;

/**
 * The speakers a query names, best first, each once. Spellings meet after Arabic
 * normalization (كيرى = كيري, Latin case ignored):
 * - `exact`: the query is a name or alias;
 * - `clitic`: it is one once leading clitics are set aside (وكيري, لكيري → كيري);
 * - `word`: it is one or more whole words of a name (كيري in جون كيري), clitics set aside;
 * - `prefix`: a name or one of its words starts with it, for typing ahead.
 */
export function findSpeakers(registry: SpeakerRegistry, query: string): SpeakerMatch[] {
  const normalized = normalizeForMatching(query);
  if (normalized === '') return [];
  const whole = cliticForm(normalized);
  const words = normalized.split(' ').map(cliticForm);
  const matches: SpeakerMatch[] = [];
  for (const speaker of registry.speakers) {
    let best: SpeakerMatch | undefined;
    for (const alias of [speaker.name, ...speaker.aliases]) {
      const rank = rankAlias(normalizeForMatching(alias), normalized, whole, words);
      if (rank && (!best || RANK_ORDER.indexOf(rank) < RANK_ORDER.indexOf(best.rank))) best = { speaker, alias, rank };
    }
    if (best) matches.push(best);
  }
  return matches.sort(
    (a, b) => RANK_ORDER.indexOf(a.rank) - RANK_ORDER.indexOf(b.rank) || compareText(a.speaker.name, b.speaker.name),
  );
}

function rankAlias(alias: string, query: string, queryForm: CliticForm, queryWords: readonly CliticForm[]): SpeakerMatchRank | undefined {
  if (alias === query) return 'exact';
  if (isCliticOf(queryForm, cliticForm(alias))) return 'clitic';
  const words = alias.split(' ');
  if (containsRun(words.map(cliticForm), queryWords)) return 'word';
  if (query.length >= MIN_PREFIX_LENGTH && (alias.startsWith(query) || words.some((word) => word.startsWith(query)))) {
    return 'prefix';
  }
  return undefined;
}

/** A normalized name split into the leading letters clitic stripping removes and the stem left. */
interface CliticForm {
  readonly leading: string;
  readonly stem: string;
}

function cliticForm(normalized: string): CliticForm {
  const compact = normalized.replace(/ /g, '');
  const stem = stripCliticPrefixes(compact);
  return { leading: compact.slice(0, compact.length - stem.length), stem };
}

/**
 * Whether `query` is `alias` with clitics in front: وكيري of كيري, للرئيس of الرئيس. Equal
 * stems are not enough, since stripping cannot tell a clitic from a first letter (بيري and
 * كيري share a stem): the letters stripped from the alias must end the query's as well, the
 * article's alef allowed to drop after ل.
 */
function isCliticOf(query: CliticForm, alias: CliticForm): boolean {
  if (query.stem !== alias.stem) return false;
  if (query.leading.endsWith(alias.leading)) return true;
  return alias.leading.endsWith('ال') && query.leading.endsWith(alias.leading.slice(0, -2) + 'لل');
}

function containsRun(words: readonly CliticForm[], run: readonly CliticForm[]): boolean {
  for (let start = 0; start + run.length <= words.length; start++) {
    if (run.every((word, offset) => isCliticOf(word, words[start + offset]))) return true;
  }
  return false;
}

/** A `Speaker: words` line, read. */
export interface SpeakerLine {
  /** The speaker as written, without numbering, speech verb or lead-in: كيري from `وقال كيري:`. */
  readonly name: string;
  /** `prefix` for a bare `Name:` line, otherwise the speech verb as written: قال from `وقال كيري:`. */
  readonly cue: string;
  /** Where the words after the colon start in the line. */
  readonly quoteStart: number;
}

/** Longest name taken for a speaker: beyond this, the text before a colon is a sentence. */
const MAX_NAME_WORDS = 6;
const MAX_NAME_LENGTH = 60;
const COLON = /[:：﹕]/;
const LIST_NUMBER = /^\s*[0-9٠-٩۰-۹]+\s*[.)\-–]\s*/;
const NOT_IN_A_NAME = /[0-9٠-٩۰-۹.!?؟"«»“”()[\]{}/\\|]/;

/** Speech verbs, normalized: the Arabic ones open the sentence (قال كيري), the English ones close it (Kerry said). */
const SPEECH_VERBS = new Set(
  [
    'قال', 'قالت', 'يقول', 'تقول', 'اكد', 'اكدت', 'يؤكد', 'اضاف', 'اضافت', 'يضيف', 'اعلن', 'اعلنت', 'حذر', 'حذرت',
    'تابع', 'تابعت', 'اوضح', 'اوضحت', 'اعتبر', 'اعتبرت', 'راى', 'رات', 'شدد', 'شددت', 'صرح', 'صرحت', 'اشار',
    'اشارت', 'لفت', 'لفتت', 'ختم', 'ختمت', 'اردف', 'اردفت', 'said', 'says', 'told', 'added', 'stated', 'warned', 'declared',
  ].map(normalizeForMatching),
);
/** "saying", "his words", "adding", closing an Arabic lead-in: وتابع لافروف قائلا, وأضاف لافروف قوله. */
const SAYING = new Set(
  ['قائلا', 'قائلة', 'قائلين', 'قوله', 'قولها', 'مضيفا', 'مضيفة', 'مؤكدا', 'مؤكدة', 'محذرا', 'محذرة'].map(normalizeForMatching),
);
/** Header labels that take the `Label: value` shape without being speakers. */
const LABELS = new Set(
  ['تاريخ النشر', 'آخر تحديث', 'المصدر', 'مصدر الخبر', 'الكاتب', 'بقلم', 'عناوين الملف', 'التعليقات', 'source', 'date', 'by', 'updated', 'published'].map(
    normalizeForMatching,
  ),
);

/**
 * The speaker of a `Speaker: words` line (`كيري: بيان جنيف مهم`, `5. لافروف : …`,
 * `وقال كيري: "…"`, `Kerry said: …`), or undefined when the line has no such shape: no colon,
 * a time (22:41), a label (تاريخ النشر: …), nothing worded after the colon, or too long a name.
 */
export function suggestSpeakerForLine(lineText: string): SpeakerLine | undefined {
  const numbering = LIST_NUMBER.exec(lineText)?.[0].length ?? 0;
  const colon = lineText.slice(numbering).search(COLON) + numbering;
  if (colon < numbering) return undefined;
  const after = lineText.slice(colon + 1);
  if (!/\p{L}/u.test(after) || after.startsWith('//')) return undefined;
  const quoteStart = colon + 1 + (after.length - after.trimStart().length);
  // The text before the colon, from its last comma: من جهته، قال وزير الخارجية → قال وزير الخارجية.
  const leadIn = lineText.slice(numbering, colon).split(/[،,]/).pop()?.trim() ?? '';
  const words = leadIn.split(/\s+/).filter((word) => word !== '');
  let cue = 'prefix';
  const verbAt = [0, words.length - 1].find((index) => SPEECH_VERBS.has(verbOf(words[index] ?? '')));
  if (verbAt !== undefined && words.length > 1) {
    cue = withoutConjunction(words[verbAt]);
    words.splice(verbAt, 1);
  }
  if (words.length > 0 && SAYING.has(normalizeForMatching(words[words.length - 1]))) words.pop();
  const name = words.join(' ');
  const plausible =
    words.length > 0 &&
    words.length <= MAX_NAME_WORDS &&
    name.length <= MAX_NAME_LENGTH &&
    /\p{L}/u.test(name) &&
    !NOT_IN_A_NAME.test(name) &&
    !LABELS.has(normalizeForMatching(name)) &&
    !SPEECH_VERBS.has(verbOf(name));
  return plausible ? { name, cue, quoteStart } : undefined;
}

/** A speech verb's normalized form, a leading و or ف set aside: وقال → قال. */
function verbOf(word: string): string {
  return normalizeForMatching(withoutConjunction(word));
}

function withoutConjunction(word: string): string {
  return /^[وف]/.test(word) && SPEECH_VERBS.has(normalizeForMatching(word.slice(1))) ? word.slice(1) : word;
}
