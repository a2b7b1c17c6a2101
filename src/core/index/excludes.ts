/**
 * The exclude pattern of the index's file search. `workspace.findFiles` applies `files.exclude`
 * only when given no exclude pattern of its own, and never `search.exclude`; the index wants
 * both, so it builds one pattern out of the two settings.
 */

/**
 * One glob that matches what any of the settings' patterns matches, or undefined for none.
 * A pattern is in force when its value is `true`; `{ "when": … }` conditions on sibling files
 * cannot be decided without listing folders and are left out. VS Code globs do not nest braces,
 * so braces inside a pattern are spread into several patterns first.
 */
export function excludeGlob(settings: readonly (Readonly<Record<string, unknown>> | undefined)[]): string | undefined {
  const patterns = excludePatterns(settings);
  if (patterns.length === 0) return undefined;
  return patterns.length === 1 ? patterns[0] : `{${patterns.join(',')}}`;
}

/** The patterns in force in the settings, braces spread, each once. */
export function excludePatterns(settings: readonly (Readonly<Record<string, unknown>> | undefined)[]): string[] {
  const patterns = new Set<string>();
  for (const setting of settings) {
    for (const [pattern, value] of Object.entries(setting ?? {})) {
      if (value === true) expandBraces(pattern).forEach((expanded) => patterns.add(expanded));
    }
  }
  return [...patterns];
}

/**
 * Whether a path relative to the workspace folder (`/`-separated, no leading slash) matches one
 * of `patterns` (brace-free, see excludePatterns), read as VS Code reads glob patterns: `**`
 * any number of folders (none included), `*` and `?` within one path segment, `[…]` and
 * `[!…]` character classes; patterns without `**` match from the folder's root. For the
 * index's own walk of the folder (indexWorker.ts), which skips a folder that matches.
 */
export function excludeMatcher(patterns: readonly string[]): (relativePath: string) => boolean {
  if (patterns.length === 0) return () => false;
  const matcher = new RegExp(patterns.map(globSource).join('|'));
  return (relativePath) => matcher.test(relativePath);
}

function globSource(pattern: string): string {
  let source = '';
  const glob = pattern.replace(/^\.\//, '').replace(/\/+$/, '');
  for (let at = 0; at < glob.length; at++) {
    const char = glob[at];
    if (char === '*' && glob[at + 1] === '*') {
      const segmentStart = at === 0 || glob[at - 1] === '/';
      const segmentEnd = at + 2 === glob.length || glob[at + 2] === '/';
      if (segmentStart && segmentEnd) {
        if (at + 2 === glob.length) source += '.*';
        else source += '(?:[^/]*/)*';
        at += 2; // also past the slash after `**`
        continue;
      }
      source += '[^/]*';
      at++;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '[' && glob.indexOf(']', at + 2) > 0) {
      const close = glob.indexOf(']', at + 2);
      const body = glob.slice(at + 1, close);
      source += `[${body.startsWith('!') || body.startsWith('^') ? `^${escapeClass(body.slice(1))}` : escapeClass(body)}]`;
      at = close;
    } else source += char.replace(/[.+^${}()|\\\][]/g, '\\$&');
  }
  // A trailing `/**` also matches the folder itself: excluding it excludes what it holds.
  return `^${source.replace(/\/\.\*$/, '(?:/.*)?')}$`;
}

function escapeClass(body: string): string {
  return body.replace(/[\\\]^]/g, '\\$&');
}

/** `**\/*.{js,ts}` → `**\/*.js`, `**\/*.ts`; nested braces are spread too. */
export function expandBraces(pattern: string): string[] {
  const open = pattern.indexOf('{');
  const close = open < 0 ? -1 : matchingBrace(pattern, open);
  if (close < 0) return [pattern];
  const before = pattern.slice(0, open);
  const after = pattern.slice(close + 1);
  return splitTopLevel(pattern.slice(open + 1, close)).flatMap((choice) => expandBraces(before + choice + after));
}

function matchingBrace(pattern: string, open: number): number {
  let depth = 0;
  for (let index = open; index < pattern.length; index++) {
    if (pattern[index] === '{') depth++;
    else if (pattern[index] === '}' && --depth === 0) return index;
  }
  return -1;
}

/** The choices of a brace group, split on the commas that are not inside nested braces. */
function splitTopLevel(choices: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < choices.length; index++) {
    const char = choices[index];
    if (char === '{') depth++;
    else if (char === '}') depth--;
    else if (char === ',' && depth === 0) {
      parts.push(choices.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(choices.slice(start));
  return parts;
}
