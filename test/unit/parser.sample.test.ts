import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { ClippingDocument, TextSpan } from '../../src/core/model';
import { parseClipping } from '../../src/core/parser';
import { assertInvariants } from './parserInvariants';

/**
 * The shared real dossier, read from outside the repository (its text must not be copied
 * in): expectations name its lines by number (1-based, as an editor shows them).
 */
const repoRoot = path.resolve(__dirname, '..', '..');
const samplePath = path.resolve(repoRoot, '..', 'shared', 'samples', 'dossier-kerry-lavrov-2013-05-08.txt');

/** 1-based lines where the sample's 24 articles start. */
const ARTICLE_TITLE_LINES = [34, 51, 53, 100, 120, 133, 162, 174, 183, 193, 209, 216, 226, 237, 246, 250, 267, 279, 290, 296, 298, 311, 315, 330];

/** Per article title line: the line of its date and its ISO reading, the line of its outlet. */
const ARTICLE_HEADS: Record<number, { date?: [number, string]; outlet?: number; subtitle?: number }> = {
  34: { date: [35, '2013-05-07T23:13:00'], outlet: 36 },
  53: { subtitle: 54, outlet: 55 },
  100: { outlet: 101 },
  120: { date: [121, '2013-05-07T22:41:00'], outlet: 122 },
  133: { outlet: 134 },
  162: { outlet: 163, date: [164, '2013-05-08T00:42:00'] },
  174: { date: [175, '2013-05-08'], outlet: 176 },
  183: { date: [184, '2013-05-08T08:45:00'], outlet: 185 },
  193: { date: [194, '2013-05-07T20:39:00Z'], outlet: 195 },
  209: { date: [210, '2013-05-07T09:05:00'], outlet: 211 },
  216: { outlet: 217 },
  226: { date: [227, '2013-05-08T08:41:00'], outlet: 235 },
  237: { outlet: 238 },
  246: { outlet: 247 },
  250: { date: [251, '2013-05-07T22:26:23'], outlet: 252 },
  267: { date: [268, '2013-05-08T01:33:36'] },
  290: { outlet: 291 },
  298: { outlet: 299, date: [300, '2013-05-07'] },
  311: { outlet: 312 },
  315: { date: [316, '2013-05-08T00:08:00'], outlet: 317 },
  330: { outlet: 331 },
};

/** Closing byline lines, by the title line of their article. */
const ARTICLE_BYLINES: Record<number, number[]> = { 53: [96, 97, 98], 267: [277] };

(existsSync(samplePath) ? describe : describe.skip)('parseClipping on the shared sample dossier', () => {
  const text = existsSync(samplePath) ? readFileSync(samplePath, 'utf8') : '';
  const sampleLines = text.split('\n');
  const document: ClippingDocument = parseClipping(text);
  const lineOf = (span: TextSpan) => text.slice(0, span.start).split('\n').length;
  const articleAt = (titleLine: number) => document.articles[ARTICLE_TITLE_LINES.indexOf(titleLine)];

  it('keeps every invariant', () => assertInvariants(text, document));

  it('reads one header: breadcrumb, title, date, author', () => {
    const header = document.header;
    assert.ok(header);
    assert.equal(header.breadcrumb?.segments.length, 3);
    assert.equal(lineOf(header.breadcrumb.span), 1);
    assert.equal(header.title && lineOf(header.title), 3);
    assert.equal(header.date?.iso, '2013-05-09');
    assert.equal(header.date && lineOf(header.date), 5);
    assert.equal(header.author && lineOf(header.author), 6);
  });

  it('reads 23 contents entries numbered 1 to 23', () => {
    assert.deepEqual(document.toc?.entries.map((entry) => entry.number), Array.from({ length: 23 }, (_, i) => i + 1));
    assert.equal(document.toc && lineOf(document.toc.heading), 9);
  });

  it('finds 24 articles whose titles are the title lines', () => {
    assert.deepEqual(document.articles.map((article) => article.startLine + 1), ARTICLE_TITLE_LINES);
    document.articles.forEach((article) => assert.equal(article.title.text, sampleLines[article.startLine].trim()));
  });

  it('matches entries to articles by title: 1–7 to 1–7, none to article 8 (line 174), 8–23 to 9–24', () => {
    const expected = Array.from({ length: 23 }, (_, entry) => (entry < 7 ? entry : entry + 1));
    assert.deepEqual(document.tocMatches, expected);
    assert.deepEqual(
      document.problems.map((problem) => [problem.code, lineOf(problem)]),
      [['article-without-toc-entry', 174]],
    );
  });

  it('reads dates, outlets and subtitles where the articles have them', () => {
    for (const [titleLine, head] of Object.entries(ARTICLE_HEADS)) {
      const article = articleAt(Number(titleLine));
      const where = `article at line ${titleLine}`;
      if (head.date) {
        assert.deepEqual(article.dates.map((date) => [lineOf(date), date.iso]), [head.date], where);
      } else {
        assert.deepEqual(article.dates, [], where);
      }
      assert.equal(article.outlet && lineOf(article.outlet), head.outlet, where);
      if (article.outlet) assert.ok(sampleLines[lineOf(article.outlet) - 1].includes(article.outlet.text), where);
      assert.equal(article.subtitle && lineOf(article.subtitle), head.subtitle, where);
    }
  });

  it('reads the article at line 162 with the outlet on the next line and its date after', () => {
    const article = articleAt(162);
    assert.equal(article.outlet?.text, sampleLines[162].trim());
    assert.equal(article.dates[0].iso, '2013-05-08T00:42:00');
  });

  it('reads closing bylines', () => {
    for (const article of document.articles) {
      const expected = ARTICLE_BYLINES[article.startLine + 1] ?? [];
      assert.deepEqual(article.bylines.map(lineOf), expected, `article at line ${article.startLine + 1}`);
    }
  });

  it('reads the quote lines under the first article', () => {
    const first = document.articles[0];
    assert.equal(first.quotes.length, 13);
    assert.ok(first.quotes.every((quote) => quote.speaker.text.split(' ').length === 1));
  });
});
