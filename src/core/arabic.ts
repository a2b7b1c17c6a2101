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

/**
 * The fold of a code unit beyond the table: directional marks and the BOM as foldCode says;
 * surrogates and the compatibility blocks (letterlike, CJK compatibility, presentation
 * forms, full-width) may need NFKC; anything else is folded as a string by foldOther.
 */
function foldBeyondTable(code: number): number {
  const folded = foldCode(code);
  if (folded !== code) return folded;
  const mayNeedNfkc = (code >= 0xd800 && code <= 0xdfff) || code >= 0xf900 || (code >= 0x2070 && code < 0x3400);
  return mayNeedNfkc ? COMPATIBILITY : SLOW;
}

/**
 * Lowercase, strip marks, fold letter variants, map digits; keeps word boundaries as single
 * spaces and trims. `"إيرانُ  تستنفر، لحماية"` → `"ايران تستنفر لحمايه"`.
 */
export function normalizeForMatching(text: string): string {
  return fold(text, false);
}

/** Output code units, reused from call to call: titles are normalized by the thousand. */
let output = new Uint16Array(256);
const utf16 = new TextDecoder('utf-16le');

function reserve(length: number): void {
  if (length > output.length) {
    const grown = new Uint16Array(Math.max(length, output.length * 2));
    grown.set(output);
    output = grown;
  }
}

/**
 * Folds `source` in one pass into the output buffer. A compatibility character sends the
 * whole text through NFKC first, which clippings rarely need.
 */
function fold(source: string, isCompatibilityNormalized: boolean): string {
  // Lowercasing never more than doubles a character; the separating spaces fit in the rest.
  reserve(source.length * 2 + 1);
  let length = 0;
  let pendingSpace = false;
  for (let i = 0; i < source.length; i++) {
    const code = source.charCodeAt(i);
    const folded = code < TABLE_SIZE ? FOLD_TABLE[code] : foldBeyondTable(code);
    if (folded >= 0) {
      if (pendingSpace) output[length++] = SPACE;
      pendingSpace = false;
      output[length++] = folded;
      continue;
    }
    if (folded === SEPARATE) {
      pendingSpace = length > 0;
      continue;
    }
    if (folded === SKIP) continue;
    if (folded === COMPATIBILITY && !isCompatibilityNormalized) return fold(source.normalize('NFKC'), true);
    // A character beyond the table: fold it as a string.
    const isPair = code >= 0xd800 && code <= 0xdbff && i + 1 < source.length;
    const replacement = foldOther(isPair ? source.slice(i, i + 2) : source[i]);
    if (isPair) i++;
    if (replacement === undefined) {
      pendingSpace = length > 0;
    } else if (replacement.length > 0) {
      if (pendingSpace) output[length++] = SPACE;
      pendingSpace = false;
      for (let j = 0; j < replacement.length; j++) output[length++] = replacement.charCodeAt(j);
    }
  }
  return utf16.decode(output.subarray(0, length));
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
