import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

interface LanguageConfiguration {
  brackets: [string, string][];
  colorizedBracketPairs: [string, string][];
  autoClosingPairs: { open: string; close: string }[];
  surroundingPairs: [string, string][];
  wordPattern: { pattern: string; flags: string };
}

const configuration = JSON.parse(
  readFileSync(path.resolve(__dirname, '..', '..', 'language-configuration.json'), 'utf8'),
) as LanguageConfiguration;

/** What VS Code does with the pattern: it adds the global flag and keeps `u`. */
const words = (text: string) => text.match(new RegExp(configuration.wordPattern.pattern, `g${configuration.wordPattern.flags}`));

describe('language-configuration.json', () => {
  it('keeps Arabic words whole: marks, shadda, tatweel and ZWNJ included', () => {
    assert.deepStrictEqual(words('غذائياً عمّان الـمـؤتـمـر جون‌كيري'), ['غذائياً', 'عمّان', 'الـمـؤتـمـر', 'جون‌كيري']);
  });

  it('splits on quotes, colons and punctuation, and keeps Latin compounds and digits', () => {
    assert.deepStrictEqual(words('كيري: «بيان جنيف» ٢٠١٣، Jean-Yves don’t'), [
      'كيري',
      'بيان',
      'جنيف',
      '٢٠١٣',
      'Jean-Yves',
      'don’t',
    ]);
  });

  it('closes and surrounds guillemets, curly and straight quotes', () => {
    const closing = configuration.autoClosingPairs.map((pair) => pair.open + pair.close);
    const surrounding = configuration.surroundingPairs.map((pair) => pair.join(''));
    for (const pair of ['«»', '“”', '""', '()', '[]', '{}']) {
      assert.ok(closing.includes(pair), `${pair} auto-closes`);
      assert.ok(surrounding.includes(pair), `${pair} surrounds`);
    }
  });

  it('matches guillemets as brackets without painting the stray ones red', () => {
    assert.ok(configuration.brackets.some(([open, close]) => open === '«' && close === '»'));
    assert.deepStrictEqual(configuration.colorizedBracketPairs, []);
  });
});
