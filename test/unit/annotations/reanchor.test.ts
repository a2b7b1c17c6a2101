import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { createAnchor } from '../../../src/core/annotations/anchors';
import { articleAt } from '../../../src/core/articleLookup';
import { reanchor, reanchorAll } from '../../../src/core/annotations/reanchor';
import { normalizeForMatching } from '../../../src/core/arabic';
import { parseClipping } from '../../../src/core/parser';

const PARAGRAPH_A = 'أكد وزير الخارجية الأميركي جون كيري أن بلاده تدعم الحل السياسي في سوريا.\n';
const PARAGRAPH_B = 'وقال لافروف إن موسكو لا تنوي تسليم منظومات صواريخ جديدة إلى دمشق حاليا.\n';
const PARAGRAPH_C = 'وأعلن الوزيران الاتفاق على عقد مؤتمر دولي بشأن سوريا أواخر هذا الشهر.\n';
const TEXT = PARAGRAPH_A + PARAGRAPH_B + PARAGRAPH_C;
/** Long enough for a quote in its middle to have the same 32 characters of context in every copy. */
const DISPATCH =
  'موسكو (رويترز) - قال وزير الخارجية الروسي سيرغي لافروف يوم الثلاثاء إن بلاده والولايات المتحدة اتفقتا على حث الحكومة السورية والمعارضة على التوصل إلى حل سياسي.\n';
const DISPATCH_QUOTE = 'سيرغي لافروف يوم الثلاثاء';

function anchorOn(text: string, quote: string, occurrence = 0) {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(quote, start + 1);
  return createAnchor(text, start, start + quote.length);
}

describe('annotations/reanchor', () => {
  it('keeps an anchor whose quote is still at its offset', () => {
    const anchor = anchorOn(TEXT, 'تسليم منظومات صواريخ');
    assert.deepEqual(reanchor(anchor, TEXT), { status: 'exact', start: anchor.start, end: anchor.end });
    const [outcome] = reanchorAll([anchor], TEXT);
    assert.equal(outcome.anchor, anchor, 'an untouched anchor comes back as the same object');
  });

  it('finds a moved quote by its context', () => {
    const anchor = anchorOn(TEXT, 'تسليم منظومات صواريخ');
    const text = 'مقدمة جديدة\n' + TEXT;
    const result = reanchor(anchor, text);
    assert.equal(result.status, 'context');
    assert.equal(text.slice(result.start, result.end), anchor.quote);
  });

  it('places everything below an edit with the shift of the anchor before it', () => {
    const quotes = ['جون كيري', 'لافروف', 'مؤتمر دولي'];
    const anchors = quotes.map((quote) => anchorOn(TEXT, quote));
    const text = 'سطر جديد\n' + TEXT;
    const outcomes = reanchorAll(anchors, text);
    assert.deepEqual(
      outcomes.map((outcome) => outcome.status),
      ['context', 'exact', 'exact'],
    );
    outcomes.forEach((outcome, i) => assert.equal(text.slice(outcome.anchor.start, outcome.anchor.end), quotes[i]));
  });

  it('survives a change of line endings', () => {
    const anchors = ['جون كيري', 'لافروف', 'مؤتمر دولي'].map((quote) => anchorOn(TEXT, quote));
    const crlf = TEXT.replace(/\n/g, '\r\n');
    for (const outcome of reanchorAll(anchors, crlf)) assert.notEqual(outcome.status, 'orphan');
  });

  it('follows a corrected quote within the error budget, and not beyond', () => {
    const anchor = anchorOn(TEXT, 'الاتفاق على عقد مؤتمر دولي بشأن سوريا');
    const corrected = TEXT.replace('عقد مؤتمر', 'عقد موتمر');
    const result = reanchor(anchor, corrected);
    assert.equal(result.status, 'fuzzy');
    assert.equal(corrected.slice(result.start, result.end), 'الاتفاق على عقد موتمر دولي بشأن سوريا');
    const [outcome] = reanchorAll([anchor], corrected);
    assert.equal(outcome.anchor.quote, 'الاتفاق على عقد موتمر دولي بشأن سوريا', 'the quote takes the new text');

    const rewritten = TEXT.replace('عقد مؤتمر دولي بشأن سوريا', 'تنظيم لقاء عالمي حول سوريا');
    assert.equal(reanchor(anchor, rewritten).status, 'orphan');
  });

  it('orphans a passage duplicated in the same surroundings rather than picking one', () => {
    const text = PARAGRAPH_A + DISPATCH + PARAGRAPH_B + DISPATCH + PARAGRAPH_C;
    const anchor = anchorOn(text, DISPATCH_QUOTE, 1);
    const moved = 'تمهيد\n' + text;
    const result = reanchor(anchor, moved);
    assert.equal(result.status, 'orphan');
    assert.deepEqual([result.start, result.end], [anchor.start, anchor.end], 'an orphan keeps its last known place');
  });

  it('tells duplicated passages apart by the recorded article title', () => {
    const first = 'الحياة\n' + DISPATCH;
    const second = 'السفير\n' + DISPATCH;
    const articlesOf = (text: string) => {
      const secondStart = text.indexOf('السفير');
      return [
        { index: 0, start: text.indexOf('الحياة'), end: secondStart, title: { text: 'الحياة' } },
        { index: 1, start: secondStart, end: text.length, title: { text: 'السفير' } },
      ];
    };
    const text = first + second;
    const start = text.lastIndexOf(DISPATCH_QUOTE);
    const anchor = createAnchor(text, start, start + DISPATCH_QUOTE.length, articlesOf(text));
    const moved = 'تمهيد\n' + text;
    assert.equal(reanchor(anchor, moved).status, 'orphan', 'without the articles the copies are equal');
    const result = reanchor(anchor, moved, { articles: articlesOf(moved) });
    assert.equal(result.status, 'context');
    assert.equal(result.start, start + 'تمهيد\n'.length);
  });

  it('never moves to a reprint in another article once the original is gone, given the articles', () => {
    const articlesOf = (text: string) => {
      const second = text.indexOf('السفير');
      return [
        { index: 0, start: 0, end: second, title: { text: 'الحياة' } },
        { index: 1, start: second, end: text.length, title: { text: 'السفير' } },
      ];
    };
    const text = 'الحياة\n' + PARAGRAPH_A + DISPATCH + 'السفير\n' + PARAGRAPH_B + DISPATCH;
    const start = text.indexOf(DISPATCH_QUOTE);
    const anchor = createAnchor(text, start, start + DISPATCH_QUOTE.length, articlesOf(text));
    const withoutOriginal = text.replace(DISPATCH, '');
    assert.equal(reanchor(anchor, withoutOriginal).status, 'context', 'the reprint has the same surroundings');
    assert.equal(reanchor(anchor, withoutOriginal, { articles: articlesOf(withoutOriginal) }).status, 'orphan');
    const titleRespelled = text.replace('الحياة', 'الحياه');
    assert.equal(reanchor(anchor, 'x' + titleRespelled, { articles: articlesOf('x' + titleRespelled) }).status, 'context');
  });

  it('never moves to a copy in other surroundings once the original is gone', () => {
    const text = PARAGRAPH_A + PARAGRAPH_B + 'وفي سياق آخر: جون كيري وحده.\n' + PARAGRAPH_C;
    const anchor = anchorOn(text, 'جون كيري');
    assert.equal(reanchor(anchor, text.replace(PARAGRAPH_A, '')).status, 'orphan');
  });

  const dossier = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'samples', 'dossier-kerry-lavrov-2013-05-08.txt');

  it('on the real dossier, a deleted passage never re-attaches in another article', function () {
    if (!existsSync(dossier)) this.skip();
    const text = readFileSync(dossier, 'utf8');
    const articles = parseClipping(text).articles;
    fc.assert(
      fc.property(fc.nat({ max: text.length - 100 }), fc.integer({ min: 15, max: 75 }), (start, length) => {
        const anchor = createAnchor(text, start, start + length, articles);
        fc.pre(anchor.article !== undefined);
        const changed = text.slice(0, start) + text.slice(start + length);
        const changedArticles = parseClipping(changed).articles;
        const result = reanchor(anchor, changed, { articles: changedArticles });
        if (result.status !== 'orphan') {
          const title = articleAt(changedArticles, result.start)?.title.text ?? '';
          assert.equal(normalizeForMatching(title), normalizeForMatching(anchor.article?.title ?? ''));
        }
      }),
      { numRuns: 100, seed: 20130508 },
    );
  });

  describe('properties', () => {
    const unit = fc.constantFrom('a', 'b', 'c', ' ', '\n', 'ك', 'ي');
    const edits = fc.array(
      fc.record({ from: fc.nat(), length: fc.nat({ max: 10 }), text: fc.string({ unit, maxLength: 8 }) }),
      { maxLength: 6 },
    );

    it('an exact or context result always spans the quote itself', () => {
      fc.assert(
        fc.property(fc.string({ unit, minLength: 2, maxLength: 200 }), fc.nat(), fc.nat({ max: 12 }), edits, (text, from, length, changes) => {
          const start = from % (text.length - 1);
          const anchor = createAnchor(text, start, Math.min(text.length, start + 1 + length));
          const changed = changes.reduce((current, { from: at, length: cut, text: inserted }) => {
            const position = at % (current.length + 1);
            return current.slice(0, position) + inserted + current.slice(position + cut);
          }, text);
          const result = reanchor(anchor, changed);
          if (result.status === 'exact' || result.status === 'context') {
            assert.equal(changed.slice(result.start, result.end), anchor.quote);
          }
        }),
        { numRuns: 500 },
      );
    });

    /** Surroundings from disjoint alphabets, so the two copies of the passage never share context. */
    const surroundings = (letters: string) => fc.string({ unit: fc.constantFrom(...letters), minLength: 32, maxLength: 60 });
    const duplicatedPassage = (minLength: number) =>
      fc.record({
        before: surroundings('abc'),
        between: surroundings('def'),
        after: surroundings('ghi'),
        passage: fc.string({ unit: fc.constantFrom('ك', 'ي', 'ر', ' '), minLength, maxLength: 40 }),
        annotated: fc.constantFrom(0, 1),
      });
    const duplicated = duplicatedPassage(1);

    it('a duplicated passage whose annotated copy was removed ends orphaned, never on the other copy', () => {
      fc.assert(
        fc.property(duplicated, fc.string({ unit: fc.constantFrom('x', 'y'), maxLength: 10 }), (d, replacement) => {
          const text = d.before + d.passage + d.between + d.passage + d.after;
          const anchor = anchorOn(text, d.passage, d.annotated);
          const changed =
            d.annotated === 0
              ? d.before + replacement + d.between + d.passage + d.after
              : d.before + d.passage + d.between + replacement + d.after;
          assert.equal(reanchor(anchor, changed).status, 'orphan');
        }),
        { numRuns: 300 },
      );
    });

    it('a duplicated passage whose other copy was removed stays on the annotated copy', () => {
      fc.assert(
        fc.property(duplicated, (d) => {
          const text = d.before + d.passage + d.between + d.passage + d.after;
          const anchor = anchorOn(text, d.passage, d.annotated);
          const changed =
            d.annotated === 0 ? d.before + d.passage + d.between + d.after : d.before + d.between + d.passage + d.after;
          const expectedStart = d.annotated === 0 ? d.before.length : d.before.length + d.between.length;
          const result = reanchor(anchor, changed);
          assert.notEqual(result.status, 'orphan');
          assert.equal(result.start, expectedStart);
        }),
        { numRuns: 300 },
      );
    });

    it('a quote edited up to its error budget is still found, wherever the edits fall', () => {
      const edit = fc.record({ at: fc.nat(), kind: fc.constantFrom('replace', 'insert', 'delete'), letter: fc.constantFrom('x', 'y') });
      fc.assert(
        fc.property(
          surroundings('abc'),
          fc.string({ unit: fc.constantFrom('ك', 'ي', 'ر', 'ل', ' '), minLength: 20, maxLength: 60 }),
          surroundings('ghi'),
          fc.array(edit, { minLength: 1, maxLength: 9 }),
          (before, quote, after, edits) => {
            const text = before + quote + after;
            const anchor = createAnchor(text, before.length, before.length + quote.length);
            const budget = Math.floor(quote.length * 0.15);
            const edited = edits.slice(0, budget).reduce((current, { at, kind, letter }) => {
              const position = at % current.length;
              if (kind === 'insert') return current.slice(0, position) + letter + current.slice(position);
              return current.slice(0, position) + (kind === 'replace' ? letter : '') + current.slice(position + 1);
            }, quote);
            fc.pre(edited.length > 0);
            const result = reanchor(anchor, before + edited + after);
            assert.notEqual(result.status, 'orphan');
            assert.ok(result.start < before.length + edited.length && result.end > before.length, 'overlaps the edited quote');
          },
        ),
        { numRuns: 300 },
      );
    });

    it('a slightly corrected copy is followed, and its untouched lookalike elsewhere is not', () => {
      fc.assert(
        // 14 characters and more have an error budget of 2.
        fc.property(duplicatedPassage(14), fc.nat(), fc.constantFrom('x', 'y'), (d, at, letter) => {
          const text = d.before + d.passage + d.between + d.passage + d.after;
          const anchor = anchorOn(text, d.passage, d.annotated);
          const position = anchor.start + (at % d.passage.length);
          const changed = text.slice(0, position) + letter + text.slice(position + 1);
          const result = reanchor(anchor, changed);
          assert.equal(result.status, 'fuzzy');
          assert.ok(Math.abs(result.start - anchor.start) <= 1 && Math.abs(result.end - anchor.end) <= 1);
        }),
        { numRuns: 300 },
      );
    });
  });
});
