import type { Field } from './model';
import { skipSpaces, trimEnd } from './chars';

export function fieldAt(text: string, start: number, end: number): Field {
  return { start, end, text: text.slice(start, end) };
}

/** The non-blank part of [from, to) as a field, or undefined when it is all blank. */
export function trimmedField(text: string, from: number, to: number): Field | undefined {
  const start = skipSpaces(text, from, to);
  const end = trimEnd(text, start, to);
  return start < end ? fieldAt(text, start, end) : undefined;
}

/** Dashes, slashes, bars and colons that frame outlet and byline lines but are not part of the name. */
function isDecoration(code: number): boolean {
  switch (code) {
    case 0x2d: // -
    case 0x2013: // –
    case 0x2014: // —
    case 0x0640: // ـ used as a dash
    case 0x2f: // /
    case 0x5c: // \
    case 0x7c: // |
    case 0x3a: // :
    case 0x2022: // •
    case 0xbb: // »
      return true;
  }
  return false;
}

/** Like trimmedField, but also drops framing punctuation: `/مصدر: شينخوا/` → `مصدر: شينخوا`. */
export function undecoratedField(text: string, from: number, to: number): Field | undefined {
  let start = from;
  let end = to;
  for (;;) {
    const trimmedStart = skipSpaces(text, start, end);
    const trimmedEnd = trimEnd(text, trimmedStart, end);
    start = trimmedStart;
    end = trimmedEnd;
    if (start < end && isDecoration(text.charCodeAt(start))) start++;
    else if (start < end && isDecoration(text.charCodeAt(end - 1)) && text.charCodeAt(end - 1) !== 0xbb) end--;
    else break;
  }
  return start < end ? fieldAt(text, start, end) : undefined;
}
