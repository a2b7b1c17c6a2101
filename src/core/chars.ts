/** Character classes and helpers that look at text code unit by code unit, without making strings. */

/**
 * Characters that do not make a line non-blank: spaces and tabs, NBSP and the other Unicode
 * spaces, directional marks (LRM, RLM, ALM, embeddings, isolates), zero-width characters and
 * the BOM.
 */
export function isSpaceLike(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || code === 0x09 || code === 0x0b || code === 0x0c;
  if (code < 0xa0) return code === 0x85;
  if (code === 0xa0 || code === 0x061c || code === 0xfeff || code === 0x1680 || code === 0x3000) return true;
  if (code < 0x2000 || code > 0x206f) return false;
  return code <= 0x200f || (code >= 0x2028 && code <= 0x202f) || code === 0x205f || (code >= 0x2060 && code <= 0x2069 && code !== 0x2065);
}

export function isDigit(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x0660 && code <= 0x0669) || (code >= 0x06f0 && code <= 0x06f9);
}

/** Letters of the scripts clippings use: Latin, Arabic and their extensions. */
export function isLetter(code: number): boolean {
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
  if (code >= 0x0620 && code <= 0x064a) return code !== 0x0640; // tatweel is not a letter
  if (code >= 0x066e && code <= 0x06d3) return code !== 0x06d4;
  return code >= 0xc0 && code < 0x0530 && code !== 0xd7 && code !== 0xf7;
}

export function isArabicMark(code: number): boolean {
  return (code >= 0x0610 && code <= 0x061a) || (code >= 0x064b && code <= 0x065f) || code === 0x0670;
}

/** Reads ASCII, Arabic-Indic or Persian digits. */
export function readNumber(digits: string): number {
  let value = 0;
  for (let i = 0; i < digits.length; i++) {
    const code = digits.charCodeAt(i);
    const digit = code <= 0x39 ? code - 0x30 : code <= 0x0669 ? code - 0x0660 : code - 0x06f0;
    value = value * 10 + digit;
  }
  return value;
}

/** Offset of the first character in [from, to) that is not space-like, or `to`. */
export function skipSpaces(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && isSpaceLike(text.charCodeAt(i))) i++;
  return i;
}

/** Offset just after the last character in [from, to) that is not space-like, or `from`. */
export function trimEnd(text: string, from: number, to: number): number {
  let i = to;
  while (i > from && isSpaceLike(text.charCodeAt(i - 1))) i--;
  return i;
}

/** Counts space-separated words in [from, to), stopping early once `limit` is exceeded. */
export function countWords(text: string, from: number, to: number, limit: number): number {
  let words = 0;
  let inWord = false;
  for (let i = from; i < to; i++) {
    const isSpace = isSpaceLike(text.charCodeAt(i));
    if (!isSpace && !inWord && ++words > limit) return words;
    inWord = !isSpace;
  }
  return words;
}
