import { MIN_SEPARATOR_RUN, SEPARATOR_CHARACTERS } from './detect';
import { skipSpaces } from './chars';

/** Looked up on every line, so a table rather than a Set. */
const IS_SEPARATOR_CODE = new Uint8Array(Math.max(...SEPARATOR_CHARACTERS.map((char) => char.charCodeAt(0))) + 1);
for (const char of SEPARATOR_CHARACTERS) IS_SEPARATOR_CODE[char.charCodeAt(0)] = 1;

/**
 * The repeated character when [start, end) is a separator line — one of `= - * _ ~ # •`
 * repeated five times or more, with nothing but space-like characters around it — else -1.
 */
export function separatorCharCode(text: string, start: number, end: number): number {
  const first = skipSpaces(text, start, end);
  if (first === end) return -1;
  const code = text.charCodeAt(first);
  if (code >= IS_SEPARATOR_CODE.length || IS_SEPARATOR_CODE[code] === 0) return -1;
  let runEnd = first + 1;
  while (runEnd < end && text.charCodeAt(runEnd) === code) runEnd++;
  if (runEnd - first < MIN_SEPARATOR_RUN) return -1;
  return skipSpaces(text, runEnd, end) === end ? code : -1;
}
