import * as assert from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { OnigScanner } from 'vscode-oniguruma';
import { MIN_SEPARATOR_RUN, SEPARATOR_CHARACTERS, TOC_HEADINGS } from '../../src/core/detect';
import { GRAMMAR_PATH, renderGrammar } from '../../syntaxes/build-grammar';
import { loadClippingGrammar, tokenizeDocument } from '../grammar/load-grammar';

const repoRoot = path.resolve(__dirname, '..', '..');
const sharedSample = path.resolve(repoRoot, '..', 'shared', 'samples', 'dossier-kerry-lavrov-2013-05-08.txt');

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const SEPARATOR = new RegExp(`^\\s*(?:${SEPARATOR_CHARACTERS.map((c) => `${escape(c)}{${MIN_SEPARATOR_RUN},}`).join('|')})\\s*$`);
const TOC_HEADING = new RegExp(`^\\s*(?:${TOC_HEADINGS.map(escape).join('|')})\\s*[:：]?\\s*$`, 'i');
const TOC_ENTRY = /^\s*[0-9٠-٩۰-۹]{1,3}\s{0,2}[.)\-–ـ]/;

/** Every `match`, `begin` and `end` regex in a grammar document. */
function regexSources(node: unknown): string[] {
  if (Array.isArray(node)) {
    return node.flatMap(regexSources);
  }
  if (typeof node !== 'object' || node === null) {
    return [];
  }
  return Object.entries(node).flatMap(([key, value]) =>
    ['match', 'begin', 'end'].includes(key) && typeof value === 'string' ? [value] : regexSources(value),
  );
}

/**
 * Where titles should be, read independently of the grammar: the first non-blank line after
 * a separator, or after the numbered entries of a table of contents, unless it is a separator.
 */
function expectedTitleLines(lines: readonly string[]): number[] {
  const titles: number[] = [];
  lines.forEach((line, index) => {
    const isToc = TOC_HEADING.test(line);
    if (!SEPARATOR.test(line) && !isToc) {
      return;
    }
    let next = index + 1;
    while (next < lines.length && (lines[next].trim() === '' || (isToc && TOC_ENTRY.test(lines[next])))) {
      next++;
    }
    if (next < lines.length && !SEPARATOR.test(lines[next])) {
      titles.push(next);
    }
  });
  return titles;
}

function linesWithScope(tokenized: ReturnType<typeof tokenizeDocument>, scope: string): number[] {
  return tokenized.flatMap((tokens, index) => (tokens.some((token) => token.scopes.includes(scope)) ? [index] : []));
}

describe('clipping grammar', () => {
  it('is the output of syntaxes/build-grammar.ts (run `npx tsx syntaxes/build-grammar.ts`)', () => {
    assert.strictEqual(readFileSync(GRAMMAR_PATH, 'utf8'), renderGrammar());
  });

  it('compiles every regex with Oniguruma', async () => {
    await loadClippingGrammar(); // loads the WebAssembly engine
    const sources = regexSources(JSON.parse(readFileSync(GRAMMAR_PATH, 'utf8')));
    assert.ok(sources.length > 20, `found ${sources.length} regexes`);
    for (const source of sources) {
      assert.doesNotThrow(() => new OnigScanner([source]).dispose(), `does not compile: ${source}`);
    }
  });

  const documents: Record<string, string> = {
    'arabic-dossier.clip': path.join(repoRoot, 'test', 'fixtures', 'arabic-dossier.clip'),
    'english-crlf.clipping': path.join(repoRoot, 'test', 'fixtures', 'english-crlf.clipping'),
    'detected.txt': path.join(repoRoot, 'test', 'fixtures', 'detected.txt'),
    'shared real dossier': sharedSample,
  };

  for (const [name, file] of Object.entries(documents)) {
    it(`marks every separator and every article title in ${name}`, async function () {
      if (!existsSync(file)) {
        this.skip();
      }
      const lines = readFileSync(file, 'utf8').split(/\r\n|\r|\n/);
      const tokenized = tokenizeDocument(await loadClippingGrammar(), lines.join('\n'));

      const separators = lines.flatMap((line, index) => (SEPARATOR.test(line) ? [index] : []));
      assert.ok(separators.length >= 2, 'the document has separators to check');
      assert.deepStrictEqual(linesWithScope(tokenized, 'comment.line.separator.clipping'), separators);
      assert.deepStrictEqual(linesWithScope(tokenized, 'markup.heading.title.clipping'), expectedTitleLines(lines));
    });
  }
});
