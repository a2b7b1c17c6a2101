import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { parseClipping } from '../../src/core/parser';
import { assertInvariants } from './parserInvariants';
import { anyCodeUnit, dossier, trickyChar } from './clippingArbitraries';

const isSeparatorLine = (line: string) => /^[\s\u00a0]*([=\-*_~#•])\1{4,}[\s\u00a0]*$/.test(line);

type Mutation = (text: string, positions: readonly number[]) => string;
const insertAt = (insert: string): Mutation => (text, positions) =>
  positions.reduce((mutated, position) => {
    const at = position % (mutated.length + 1);
    return mutated.slice(0, at) + insert + mutated.slice(at);
  }, text);
const mutations: Record<string, Mutation> = {
  crlf: (text) => text.replace(/\n/g, '\r\n'),
  cr: (text) => text.replace(/\n/g, '\r'),
  bom: (text) => `\ufeff${text}`,
  nbsp: insertAt('\u00a0'),
  marks: insertAt('\u200f\u200e'),
  noSeparators: (text) => text.split('\n').filter((line) => !isSeparatorLine(line)).join('\n'),
  onlySeparators: (text) => text.split('\n').filter(isSeparatorLine).join('\n'),
  longLine: insertAt('ب'.repeat(20_000)),
};
const mutated = fc
  .tuple(dossier, fc.constantFrom(...Object.keys(mutations)), fc.array(fc.nat(), { maxLength: 5 }))
  .map(([text, name, positions]) => mutations[name](text, positions));

const titlesOf = (text: string) => parseClipping(text).articles.map((article) => article.title.text);

describe('parseClipping properties', () => {
  it('holds its invariants on any string of code units', () => {
    fc.assert(fc.property(fc.string({ unit: anyCodeUnit, maxLength: 300 }), (text) => assertInvariants(text, parseClipping(text))));
  });

  it('holds its invariants on strings of separators, breaks, marks and digits', () => {
    fc.assert(fc.property(fc.string({ unit: trickyChar, maxLength: 400 }), (text) => assertInvariants(text, parseClipping(text))));
  });

  it('holds its invariants on generated dossiers, mutated or not', () => {
    fc.assert(fc.property(fc.oneof(dossier, mutated), (text) => assertInvariants(text, parseClipping(text))));
  });

  it('is deterministic', () => {
    fc.assert(fc.property(mutated, (text) => assert.equal(JSON.stringify(parseClipping(text)), JSON.stringify(parseClipping(text)))));
  });

  it('reads the same titles whatever the line ends, with or without a BOM', () => {
    fc.assert(
      fc.property(dossier, (text) => {
        const expected = titlesOf(text);
        assert.deepEqual(titlesOf(text.replace(/\n/g, '\r\n')), expected);
        assert.deepEqual(titlesOf(text.replace(/\n/g, '\r')), expected);
        assert.deepEqual(titlesOf(`\ufeff${text}`), expected);
      }),
    );
  });

  it('finds one separator per separator line and no article in separators alone', () => {
    fc.assert(
      fc.property(dossier, (text) => {
        const separatorLines = text.split('\n').filter(isSeparatorLine);
        assert.equal(parseClipping(text).separators.length, separatorLines.length);
        assert.equal(parseClipping(separatorLines.join('\n')).articles.length, 0);
      }),
    );
  });

  it('copes with megabyte lines', () => {
    fc.assert(
      fc.property(dossier, fc.nat(), fc.constantFrom('ب', ' ', '=', ':', '\u00a0'), (text, position, char) => {
        const at = position % (text.length + 1);
        const long = text.slice(0, at) + char.repeat(1_000_000) + text.slice(at);
        assertInvariants(long, parseClipping(long));
      }),
      { numRuns: 8 },
    );
  });
});
