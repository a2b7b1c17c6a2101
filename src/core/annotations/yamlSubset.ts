/**
 * The line reader: the small part of YAML that the extension writes (see yamlBlocks.ts), read
 * one line at a time without any YAML library: block mappings and block lists nested by
 * spaces, one value per line, plain, single- or double-quoted scalars, lists of scalars on one
 * line (`[a, b]`) or one item a line (`- a`), comment lines.
 *
 * It is the first of the readings in yamlShape.ts, for the editor and the workspace index
 * alike: a sidecar the extension wrote reads here without loading the YAML libraries (half of
 * the bundle, and slow while their code is cold: the first sidecar of a window) and about
 * twenty times faster than the yaml library. It resolves scalars exactly as the yaml
 * library's default (YAML 1.2 core) schema does, and refuses everything else, so whatever it
 * returns is what the yaml library would return. It never reports errors: a text it does not
 * take (anchors, tags, block scalars, multi-line scalars, tabs outside quotes, odd escapes,
 * duplicate keys, any syntax error) reads as undefined, and the next reading takes it.
 */

export type YamlValue = null | boolean | number | string | readonly YamlValue[] | YamlMap;
export type YamlMap = ReadonlyMap<string, YamlValue>;

/** The document's root value, or undefined when the text is outside the subset. */
export function readYamlSubset(text: string): YamlValue | undefined {
  if (OUTSIDE_SUBSET.test(text)) return undefined;
  try {
    const reader = new SubsetReader(text);
    if (!reader.hasLine()) return undefined;
    if (reader.indent !== 0) throw new NotInSubset();
    const root = reader.isListItem() ? reader.blockList(0) : reader.blockMapping(0);
    if (reader.hasLine()) throw new NotInSubset();
    return root;
  } catch (error) {
    if (error instanceof NotInSubset) return undefined;
    throw error;
  }
}

/**
 * Characters the subset leaves to the yaml library: control characters (tabs and the line
 * break `\r\n` excepted), a lone `\r`, the byte-order mark and non-characters. Tabs are taken
 * inside quotes only (the yaml library writes them raw in single quotes); anywhere else the
 * reader refuses them (plain scalars excepted, see PLAIN_REFUSED).
 */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const OUTSIDE_SUBSET = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\ufffe\uffff]|\r(?!\n)/;

class NotInSubset extends Error {}

const SPACE = 0x20;
const HASH = 0x23;
const COLON = 0x3a;
const DASH = 0x2d;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const OPEN_BRACKET = 0x5b;

/** Scalars the core schema reads as something other than a string. */
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOLEAN = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const NUMBER = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$/;
/** The first characters of NULL, BOOLEAN and NUMBER (and the empty scalar, which is null). */
const MAYBE_NOT_STRING = /^(?:$|[~nNtTfF0-9+\-.])/;
/** The next `"` or `\` of a double-quoted scalar. */
const QUOTE_OR_ESCAPE = /["\\]/g;
/** The numbers read here; other spellings (`007`, `0x1F`, `1e3`) go to the yaml library. */
const PLAIN_WHOLE_NUMBER = /^(?:0|[1-9][0-9]{0,14})$/;
/** A plain scalar cannot start with these (`-`, `?` and `:` only when a space or a tab follows). */
const INDICATOR_START = /^(?:[,[\]{}#&*!|>'"%@`]|[-?:](?:[ \t]|$))/;
/**
 * Inside a plain scalar, `: ` starts a mapping and ` #` a comment (a tab counts as the space).
 * Tabs inside are kept; a tab at either end is left to the yaml library.
 */
const PLAIN_REFUSED = /:[ \t]|:$|[ \t]#|^\t|\t$/;

const ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
};
const HEX_ESCAPE_LENGTHS: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };
const HEX = /^[0-9a-fA-F]+$/;

/**
 * Walks the text one content line at a time (blank and comment lines skipped). `indent` and
 * `contentStart` describe the current line; after `- ` they move past the dash, so that the
 * item's first key reads like the keys on the following lines.
 */
class SubsetReader {
  private lineStart = 0;
  /** Just before the line break, `\r` excluded. */
  private lineEnd = 0;
  private nextLineStart = 0;
  indent = 0;
  private contentStart = 0;

  constructor(private readonly text: string) {
    this.nextLineStart = 0;
    this.advance();
  }

  hasLine(): boolean {
    return this.lineStart < this.text.length;
  }

  isListItem(): boolean {
    return this.text.charCodeAt(this.contentStart) === DASH && (this.contentStart + 1 === this.lineEnd || this.text.charCodeAt(this.contentStart + 1) === SPACE);
  }

  /** Keys at `indent` up to the first line indented less. */
  blockMapping(indent: number): YamlMap {
    const map = new Map<string, YamlValue>();
    while (this.hasLine() && this.indent === indent) {
      const key = this.key();
      if (map.has(key)) throw new NotInSubset();
      map.set(key, this.valueAfterKey(indent));
    }
    if (this.hasLine() && this.indent > indent) throw new NotInSubset();
    return map;
  }

  /** `- ` items at `indent`: mappings whose first key is on the dash's line, or values alone on it. */
  blockList(indent: number): YamlValue[] {
    const items: YamlValue[] = [];
    while (this.hasLine() && this.indent === indent && this.isListItem()) {
      let content = this.contentStart + 1;
      while (content < this.lineEnd && this.text.charCodeAt(content) === SPACE) content++;
      if (content === this.lineEnd || this.text.charCodeAt(content) === HASH) throw new NotInSubset();
      this.contentStart = content;
      if (this.startsKey(content)) {
        this.indent = content - this.lineStart;
        items.push(this.blockMapping(this.indent));
      } else {
        items.push(this.inlineValue(content));
        this.advance();
        if (this.hasLine() && this.indent > indent) throw new NotInSubset();
      }
    }
    return items;
  }

  /** Whether `key:` starts at `position` (a mapping), rather than a value. */
  private startsKey(position: number): boolean {
    const { text } = this;
    while (position < this.lineEnd && isKeyCharacter(text.charCodeAt(position))) position++;
    return text.charCodeAt(position) === COLON && (position + 1 === this.lineEnd || text.charCodeAt(position + 1) === SPACE);
  }

  /** Reads `key:` at the line's content start and leaves the position after the colon. */
  private key(): string {
    const { text } = this;
    let position = this.contentStart;
    while (position < this.lineEnd && isKeyCharacter(text.charCodeAt(position))) position++;
    const colonFollowedBySpace = text.charCodeAt(position) === COLON && (position + 1 === this.lineEnd || text.charCodeAt(position + 1) === SPACE);
    if (position === this.contentStart || !colonFollowedBySpace) throw new NotInSubset();
    const key = text.slice(this.contentStart, position);
    this.contentStart = position + 1;
    return key;
  }

  /** The value after `key:` on this line, or the block below it; moves to the next key's line. */
  private valueAfterKey(keyIndent: number): YamlValue {
    const start = this.skipSpaces(this.contentStart);
    if (start === this.lineEnd || this.text.charCodeAt(start) === HASH) {
      this.advance();
      if (!this.hasLine()) return null;
      if (this.indent > keyIndent) return this.isListItem() ? this.blockList(this.indent) : this.blockMapping(this.indent);
      if (this.indent === keyIndent && this.isListItem()) return this.blockList(keyIndent);
      return null;
    }
    const value = this.inlineValue(start);
    this.advance();
    if (this.hasLine() && this.indent > keyIndent) throw new NotInSubset();
    return value;
  }

  private inlineValue(start: number): YamlValue {
    const first = this.text.charCodeAt(start);
    if (first === OPEN_BRACKET) return this.flowList(start);
    const { value, end } = this.scalar(start, this.lineEnd, false);
    this.expectLineEnd(end);
    return value;
  }

  /** `[a, "b", 'c']` on one line: scalars only. */
  private flowList(open: number): YamlValue[] {
    const items: YamlValue[] = [];
    let position = this.skipSpaces(open + 1);
    if (this.text[position] === ']') {
      this.expectLineEnd(position + 1);
      return items;
    }
    for (;;) {
      const { value, end } = this.scalar(position, this.lineEnd, true);
      items.push(value);
      position = this.skipSpaces(end);
      const separator = this.text[position];
      if (separator === ']') {
        this.expectLineEnd(position + 1);
        return items;
      }
      if (separator !== ',') throw new NotInSubset();
      position = this.skipSpaces(position + 1);
    }
  }

  /** A scalar starting at `start`: its value and where it ends (trailing spaces not included). */
  private scalar(start: number, limit: number, inFlow: boolean): { value: YamlValue; end: number } {
    const first = this.text.charCodeAt(start);
    if (first === DOUBLE_QUOTE) return this.doubleQuoted(start);
    if (first === SINGLE_QUOTE) return this.singleQuoted(start);
    return this.plain(start, limit, inFlow);
  }

  private plain(start: number, limit: number, inFlow: boolean): { value: YamlValue; end: number } {
    const { text } = this;
    let end = start;
    let rest: string | undefined;
    if (inFlow) {
      while (end < limit && !isFlowStopper(text[end])) end++;
    } else {
      // Up to a comment (` #`) or the line's end; indexOf, not a loop, as the code is still cold when the first sidecar is read.
      rest = text.slice(start, limit);
      const comment = rest.indexOf(' #');
      end = comment < 0 ? limit : start + comment;
    }
    while (end > start && text.charCodeAt(end - 1) === SPACE) end--;
    // Most values run to the line's end: the text cut to look for a comment is the value.
    const source = rest !== undefined && end === limit ? rest : text.slice(start, end);
    if (source === '' || INDICATOR_START.test(source) || PLAIN_REFUSED.test(source)) throw new NotInSubset();
    return { value: resolvePlain(source), end };
  }

  private singleQuoted(open: number): { value: string; end: number } {
    const { text } = this;
    let value = '';
    let from = open + 1;
    for (;;) {
      const quote = text.indexOf("'", from);
      if (quote < 0 || quote >= this.lineEnd) throw new NotInSubset();
      value += text.slice(from, quote);
      if (text[quote + 1] !== "'") return { value, end: quote + 1 };
      value += "'";
      from = quote + 2;
    }
  }

  private doubleQuoted(open: number): { value: string; end: number } {
    const { text } = this;
    let value = '';
    let from = open + 1;
    for (;;) {
      QUOTE_OR_ESCAPE.lastIndex = from;
      const position = QUOTE_OR_ESCAPE.test(text) ? QUOTE_OR_ESCAPE.lastIndex - 1 : text.length;
      if (position >= this.lineEnd) throw new NotInSubset();
      value += text.slice(from, position);
      if (text.charCodeAt(position) === DOUBLE_QUOTE) return { value, end: position + 1 };
      const escape = this.escape(position);
      value += escape.text;
      from = escape.end;
    }
  }

  /** The escape at `backslash`: what it stands for and where the text goes on. */
  private escape(backslash: number): { text: string; end: number } {
    if (backslash + 1 >= this.lineEnd) throw new NotInSubset();
    const letter = this.text[backslash + 1];
    const simple = ESCAPES[letter];
    if (simple !== undefined) return { text: simple, end: backslash + 2 };
    const length = HEX_ESCAPE_LENGTHS[letter];
    const digits = length === undefined ? '' : this.text.slice(backslash + 2, backslash + 2 + length);
    if (length === undefined || digits.length !== length || backslash + 2 + length > this.lineEnd || !HEX.test(digits)) throw new NotInSubset();
    const code = parseInt(digits, 16);
    if (code > 0x10ffff) throw new NotInSubset();
    return { text: String.fromCodePoint(code), end: backslash + 2 + length };
  }

  /** After a value only spaces and a ` #` comment may follow. */
  private expectLineEnd(position: number): void {
    const after = this.skipSpaces(position);
    if (after === this.lineEnd) return;
    if (this.text.charCodeAt(after) !== HASH || after === position) throw new NotInSubset();
  }

  private skipSpaces(position: number): number {
    while (position < this.lineEnd && this.text.charCodeAt(position) === SPACE) position++;
    return position;
  }

  /** Moves to the next line that holds more than spaces or a comment. */
  private advance(): void {
    const { text } = this;
    while (this.nextLineStart < text.length) {
      const start = this.nextLineStart;
      const lineBreak = text.indexOf('\n', start);
      const end = lineBreak < 0 ? text.length : lineBreak;
      this.nextLineStart = lineBreak < 0 ? text.length : lineBreak + 1;
      const lineEnd = end > start && text.charCodeAt(end - 1) === 0x0d ? end - 1 : end;
      let content = start;
      while (content < lineEnd && text.charCodeAt(content) === SPACE) content++;
      if (content < lineEnd && text.charCodeAt(content) !== HASH) {
        this.lineStart = start;
        this.lineEnd = lineEnd;
        this.indent = content - start;
        this.contentStart = content;
        return;
      }
    }
    this.lineStart = text.length;
    this.lineEnd = text.length;
    this.contentStart = text.length;
    this.indent = 0;
  }
}

function isKeyCharacter(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x5f || code === DASH;
}

function isFlowStopper(char: string): boolean {
  return char === ',' || char === ']' || char === '[' || char === '{' || char === '}';
}

/** What the core schema makes of a plain scalar; whole numbers outside the common spelling are refused. */
function resolvePlain(source: string): YamlValue {
  // Only these can start a null, a boolean or a number: any other plain scalar is a string (most are).
  if (!MAYBE_NOT_STRING.test(source)) return source;
  if (NULL.test(source)) return null;
  if (BOOLEAN.test(source)) return source[0] === 't' || source[0] === 'T';
  if (NUMBER.test(source)) {
    if (!PLAIN_WHOLE_NUMBER.test(source)) throw new NotInSubset();
    return Number(source);
  }
  return source;
}
