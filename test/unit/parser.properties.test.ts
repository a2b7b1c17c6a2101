import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { parseClipping } from '../../src/core/parser';
import { assertInvariants } from './parserInvariants';

/** Any UTF-16 code unit, lone surrogates and line breaks included. */
const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
/** Characters the parser treats specially, mixed with plain ones. */
const trickyChar = fc.constantFrom(
  '\n', '\r', '\r\n', ' ', '\t', '\u00a0', '\u200f', '\u200e', '\u061c', '\u200b', '\ufeff',
  '=', '-', '*', '_', '~', '#', '•', ':', '\\', '/', 'ـ', '.', '(', ')', '«', '»', '1', '٣', 'a', 'ك', 'ة',
);

const word = fc.constantFrom(
  'كيري', 'لافروف', 'مؤتمر', 'الميناء', 'وزير', 'النقل', 'مايو', 'أيار', 'Ferries', 'strike', 'Mayor', 'Reuters',
  '2013', '٧', '12', ':', '-', 'ـ', '/', '(رويترز)', '«الحياة»', '...', 'التعليقات', 'Comments', 'Contents', '\\', '1.',
);
const textLine = fc.array(word, { minLength: 1, maxLength: 14 }).map((words) => words.join(' '));
const dateLine = fc.constantFrom(
  '09.05.2013', '5/7/2013 11:13:00 PM', 'الثلاثاء ٧ مايو ٢٠١٣', 'May 7, 2013', '8 ايار 2013 الساعة 00:42', 'آخر تحديث: منذ ساعة',
);
const outletLine = fc.constantFrom('النهار', 'روسيا اليوم', 'رام الله - دنيا الوطن', 'مصدر الخبر: عمون', 'Source: City Radio', 'موسكو (رويترز) –');
const separatorLine = fc
  .tuple(fc.constantFrom('=', '-', '*', '_', '~', '#', '•'), fc.integer({ min: 3, max: 30 }), fc.constantFrom('', ' ', '\u00a0', '\t'))
  .map(([char, count, padding]) => `${padding}${char.repeat(count)}${padding}`);

const comment = fc.tuple(textLine, dateLine, textLine).map((parts) => parts.join('\n'));
const article = fc
  .record({
    title: textLine,
    head: fc.array(fc.oneof(dateLine, outletLine, textLine), { maxLength: 3 }),
    body: fc.array(fc.oneof(textLine, fc.constant('')), { maxLength: 6 }),
    comments: fc.option(fc.array(comment, { maxLength: 3 }), { nil: undefined }),
  })
  .map(({ title, head, body, comments }) =>
    [title, ...head, ...body, ...(comments ? [`التعليقات ${comments.length}`, ...comments] : [])].join('\n'),
  );

const header = fc
  .tuple(textLine, textLine, dateLine, fc.constantFrom('Admin', 'المحرر'))
  .map(([crumb, title, date, author]) => [`الرئيسة \\ ${crumb}`, '', title, '', date, author, ''].join('\n'));
const toc = fc
  .tuple(fc.constantFrom('عناوين الملف:', 'Contents:', 'المحتويات'), fc.array(textLine, { minLength: 1, maxLength: 6 }))
  .map(([heading, entries]) => [heading, ...entries.map((entry, i) => `${i + 1}. ${entry}`), '\u00a0'].join('\n'));

/** A dossier as a list of lines: header and contents (optional), then articles between separators. */
const dossier = fc
  .record({
    header: fc.option(header, { nil: undefined }),
    toc: fc.option(toc, { nil: undefined }),
    articles: fc.array(fc.tuple(article, separatorLine, fc.constantFrom('', '\n', '\n\u00a0\n')), { maxLength: 8 }),
  })
  .map(({ header: head, toc: contents, articles }) =>
    [head, contents, ...articles.map(([text, separator, gap]) => `${text}${gap}\n${separator}`)].filter((part) => part !== undefined).join('\n'),
  );

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
