/**
 * Arabic-aware text normalization for matching (never for display).
 *
 * Two spellings of the same word must compare equal: hamza forms of alef, alef maqsura and
 * ya, ta marbuta and ha, tatweel, diacritics, Arabic-Indic digits, punctuation and spacing.
 */

const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;
const COMBINING_MARK = /\p{M}/u;

const SPACE = 0x20;
const SKIP = -1;
const SEPARATE = -2;

/**
 * What one UTF-16 unit becomes: a code unit to keep, SKIP (dropped without breaking the word:
 * diacritics, tatweel, directional marks) or SEPARATE (a word boundary: spaces, punctuation).
 */
function foldCode(code: number): number {
  if (code < 0x80) {
    if (code >= 0x61 && code <= 0x7a) return code;
    if (code >= 0x30 && code <= 0x39) return code;
    if (code >= 0x41 && code <= 0x5a) return code + 0x20;
    return SEPARATE;
  }
  if (code >= 0x0600 && code <= 0x06ff) return foldArabic(code);
  if ((code >= 0x200b && code <= 0x200f) || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) {
    return SKIP;
  }
  if (code === 0xfeff || code === 0x2060) return SKIP;
  return code;
}

function foldArabic(code: number): number {
  if (code >= 0x0660 && code <= 0x0669) return code - 0x0660 + 0x30;
  if (code >= 0x06f0 && code <= 0x06f9) return code - 0x06f0 + 0x30;
  if ((code >= 0x0610 && code <= 0x061a) || (code >= 0x064b && code <= 0x065f) || code === 0x0670) return SKIP;
  if ((code >= 0x06d6 && code <= 0x06ed) || code === 0x0640 || code === 0x061c) return SKIP;
  switch (code) {
    case 0x0622: // آ
    case 0x0623: // أ
    case 0x0625: // إ
    case 0x0671: // ٱ
      return 0x0627;
    case 0x0649: // ى
    case 0x0626: // ئ
    case 0x06cc: // Persian ye
      return 0x064a;
    case 0x0629: // ة
    case 0x06c0: // ۀ
    case 0x06be: // ھ
      return 0x0647;
    case 0x0624: // ؤ
      return 0x0648;
    case 0x06a9: // Persian kaf
      return 0x0643;
  }
  return (code >= 0x0621 && code <= 0x064a) || (code >= 0x0671 && code <= 0x06d3) ? code : SEPARATE;
}

/** Letters and numbers outside ASCII and Arabic are kept (lowercased); marks are dropped; the rest separates words. */
function foldOther(char: string): string | undefined {
  if (COMBINING_MARK.test(char)) return '';
  return LETTER_OR_NUMBER.test(char) ? char.toLowerCase() : undefined;
}

/** A character whose folding is not one code unit: fold it with foldOther at run time. */
const SLOW = -4;
/** A compatibility character (presentation form, ligature, superscript…): the text needs NFKC first. */
const COMPATIBILITY = -3;

/** Below this, every code unit's fold is looked up: Latin, Greek, Cyrillic, Arabic, general punctuation. */
const TABLE_SIZE = 0x2070;

const FOLD_TABLE = Int32Array.from({ length: TABLE_SIZE }, (_, code) => {
  const char = String.fromCharCode(code);
  if (char.normalize('NFKC') !== char) return COMPATIBILITY;
  const folded = foldCode(code);
  if (folded !== code || code < 0x80 || (code >= 0x0600 && code < 0x0700)) return folded;
  const other = foldOther(char);
  if (other === undefined) return SEPARATE;
  if (other.length === 0) return SKIP;
  return other.length === 1 ? other.charCodeAt(0) : SLOW;
});

/** The fold of the code unit at `i`; beyond the table, characters that may need NFKC say so. */
function foldAt(source: string, i: number): number {
  const code = source.charCodeAt(i);
  if (code < TABLE_SIZE) return FOLD_TABLE[code];
  const folded = foldCode(code);
  return folded !== code ? folded : code >= 0xd800 && code <= 0xdfff ? COMPATIBILITY : code >= 0xf900 || (code >= 0x2070 && code < 0x3400) ? COMPATIBILITY : SLOW;
}

/**
 * Lowercase, strip marks, fold letter variants, map digits; keeps word boundaries as single
 * spaces and trims. `"إيرانُ  تستنفر، لحماية"` → `"ايران تستنفر لحمايه"`.
 */
export function normalizeForMatching(text: string): string {
  return fold(text, false);
}

/**
 * Folds `source` in one pass. Unchanged stretches, single spaces between words included,
 * are copied with one slice each; only changed characters are appended one by one. A
 * compatibility character sends the whole text through NFKC first, which clippings rarely need.
 */
function fold(source: string, isCompatibilityNormalized: boolean): string {
  let out = '';
  let runStart = -1;
  let pendingSpace = false;
  const flush = (until: number) => {
    if (runStart >= 0) out += source.slice(runStart, until);
    runStart = -1;
  };
  for (let i = 0; i < source.length; i++) {
    const code = source.charCodeAt(i);
    let folded = foldAt(source, i);
    if (folded === code) {
      if (pendingSpace) out += ' ';
      pendingSpace = false;
      if (runStart < 0) runStart = i;
      continue;
    }
    if (folded === SEPARATE && code === SPACE && runStart >= 0 && i + 1 < source.length && foldAt(source, i + 1) === source.charCodeAt(i + 1)) {
      continue; // a single space inside an unchanged stretch
    }
    if (folded === COMPATIBILITY) {
      if (!isCompatibilityNormalized) return fold(source.normalize('NFKC'), true);
      folded = SLOW;
    }
    flush(i);
    let replacement: string | undefined;
    if (folded === SLOW) {
      const isPair = code >= 0xd800 && code <= 0xdbff && i + 1 < source.length;
      replacement = foldOther(isPair ? source.slice(i, i + 2) : source[i]);
      if (isPair) i++;
      folded = replacement === undefined ? SEPARATE : replacement.length === 0 ? SKIP : 0;
    }
    if (folded === SKIP) continue;
    if (folded === SEPARATE) {
      pendingSpace = out.length > 0;
      continue;
    }
    if (pendingSpace) out += ' ';
    pendingSpace = false;
    out += replacement ?? String.fromCharCode(folded);
  }
  flush(source.length);
  return out;
}

/** A stem must keep at least this many letters; shorter words are left alone. */
const MIN_STEM_LENGTH = 3;
const ONE_LETTER_CLITICS = new Set(['و', 'ف', 'ب', 'ل', 'ك']);

/** The first clitic at the start of `word` (`ال` or one of و ف ب ل ك), when a long enough stem remains. */
function leadingClitic(word: string): string | undefined {
  if (word.startsWith('ال') && word.length - 2 >= MIN_STEM_LENGTH) return 'ال';
  if (ONE_LETTER_CLITICS.has(word[0]) && word.length - 1 >= MIN_STEM_LENGTH) return word[0];
  return undefined;
}

/**
 * Removes leading Arabic clitics, one at a time, while at least three letters remain: the
 * conjunctions و and ف, the prepositions ب ل ك and the article ال, in any combination
 * (`وال`, `بال`, `لل`, `فال`, `وبال`…): `وكيري` → `كيري` → `يري`, `للافروف` → `افروف`.
 *
 * Without a lexicon a clitic cannot be told from a first root letter (`وزير` → `زير`), so
 * the result is a comparison key, not a word: strip both sides of a comparison. Because
 * stripping goes one clitic at a time, `stripCliticPrefixes(clitic + w)` equals
 * `stripCliticPrefixes(w)` whenever `w` has three letters or more.
 */
export function stripCliticPrefixes(word: string): string {
  let stem = word;
  for (let clitic = leadingClitic(stem); clitic !== undefined; clitic = leadingClitic(stem)) {
    stem = stem.slice(clitic.length);
  }
  return stem;
}

/**
 * A key under which spellings of the same name meet: normalized (hamza, alef maqsura, ta
 * marbuta, marks, case), spaces removed, then clitics stripped. `وكيري`, `لكيري`, `كيرى` and
 * `كيري` share one key. Different names can collide (`بيري` too gives `يري`): compare keys
 * against a short list of names known to appear, not across a whole vocabulary.
 */
export function matchKey(word: string): string {
  return stripCliticPrefixes(normalizeForMatching(word).replace(/ /g, ''));
}
