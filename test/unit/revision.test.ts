import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import type { Article } from '../../src/core/model';
import { parseClipping } from '../../src/core/parser';
import { Carried, carriedSpans, changeBetween, composeChanges, packedBounds, type TextChange } from '../../src/core/revision';
import { dossier, trickyChar } from './clippingArbitraries';

/** An edit of `text`: `removed` characters at `at` replaced by `inserted`. */
interface Edit {
  readonly at: number;
  readonly removed: number;
  readonly inserted: string;
}

function applyEdit(text: string, { at, removed, inserted }: Edit): string {
  const start = Math.min(at, text.length);
  return text.slice(0, start) + inserted + text.slice(Math.min(text.length, start + removed));
}

const edit = fc.record({
  at: fc.nat({ max: 4000 }),
  removed: fc.nat({ max: 40 }),
  inserted: fc.array(fc.oneof(trickyChar, fc.constantFrom('x', 'كيري ', '\n', '\n=====\n', '\nالتعليقات 2\n')), { maxLength: 6 }).map((parts) => parts.join('')),
});

function assertDescribes(change: TextChange, before: string, after: string): void {
  assert.equal(change.beforeLength, before.length);
  assert.equal(change.afterLength, after.length);
  assert.ok(change.start <= change.beforeEnd && change.start <= change.afterEnd);
  assert.equal(before.slice(0, change.start), after.slice(0, change.start));
  assert.equal(before.slice(change.beforeEnd), after.slice(change.afterEnd));
  assert.equal(change.beforeEnd - change.start + (after.length - before.length), change.afterEnd - change.start);
}

/** What a parse says of one article, with offsets and lines made relative to the article's start. */
function relativeReading(article: Article, lineOf: (offset: number) => number): unknown {
  const base = article.start;
  const baseLine = lineOf(base);
  return JSON.parse(
    JSON.stringify(article, (key, value) => {
      if ((key === 'start' || key === 'end') && typeof value === 'number') return value - base;
      if ((key === 'line' || key === 'startLine' || key === 'endLine') && typeof value === 'number') return value - baseLine;
      return key === 'index' ? undefined : value;
    }),
  );
}

/** Dossiers with LF or CRLF line breaks. */
const dossierText = fc.tuple(dossier, fc.boolean()).map(([text, crlf]) => (crlf ? text.replace(/\n/g, '\r\n') : text));

/** An offset `offset` characters from the start or the end of one of the text's articles: where edits are most likely to be misjudged. */
function nearBoundary(text: string, boundary: number, offset: number): number {
  const bounds = parseClipping(text).articles.flatMap((article) => [article.start, article.end]);
  if (bounds.length === 0) return 0;
  return Math.max(0, Math.min(text.length, bounds[boundary % bounds.length] + offset));
}

describe('revision: what changed between two texts', () => {
  it('finds the one region where they differ, across chunk boundaries', () => {
    const before = 'a'.repeat(10_000);
    const after = `${before.slice(0, 5000)}XY${before.slice(5001)}`;
    assert.deepEqual(changeBetween(before, after), { start: 5000, beforeEnd: 5001, afterEnd: 5002, beforeLength: 10_000, afterLength: 10_001 });
    assert.deepEqual(changeBetween(before, before), { start: 10_000, beforeEnd: 10_000, afterEnd: 10_000, beforeLength: 10_000, afterLength: 10_000 });
  });

  it('never lets the common prefix and suffix overlap (a repeated text grown by one copy)', () => {
    const change = changeBetween('abab', 'ababab');
    assertDescribes(change, 'abab', 'ababab');
    assert.equal(change.afterEnd - change.start, 2);
  });

  it('describes any edit exactly', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 9000 }), edit, (before, anEdit) => {
        const after = applyEdit(before, anEdit);
        assertDescribes(changeBetween(before, after), before, after);
      }),
    );
  });

  it('composes two changes into one that covers both', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 3000 }), edit, edit, (first, one, two) => {
        const second = applyEdit(first, one);
        const third = applyEdit(second, two);
        assertDescribes(composeChanges(changeBetween(first, second), changeBetween(second, third)), first, third);
      }),
    );
  });
});

describe('revision: spans an edit left alone', () => {
  it('carries over an article before the edit unmoved and one after it moved', () => {
    const before = 'First\nbody one\n=====\nSecond\nbody two\n=====\nThird\nbody three\n';
    const after = before.replace('body two', 'body 2, longer\nand a new line');
    const change = changeBetween(before, after);
    const { how, from } = carriedSpans(packedBounds(parseClipping(before).articles), parseClipping(after).articles, change);
    assert.deepEqual([...how], [Carried.Unmoved, Carried.No, Carried.Moved]);
    assert.deepEqual([...from], [0, -1, 2]);
  });

  it('does not carry over an article whose bounds the edit moved, even outside its text', () => {
    const before = 'First\nbody one\n\n=====\nSecond\n';
    const after = 'First\nbody one\nmore\n=====\nSecond\n';
    const { how } = carriedSpans(packedBounds(parseClipping(before).articles), parseClipping(after).articles, changeBetween(before, after));
    assert.deepEqual([...how], [Carried.No, Carried.Moved]);
  });

  it('gives every carried-over article the same reading as a fresh parse', () => {
    fc.assert(
      fc.property(dossierText, edit, fc.nat(), fc.integer({ min: -2, max: 2 }), (before, anEdit, boundary, offset) => {
        const after = applyEdit(before, { ...anEdit, at: nearBoundary(before, boundary, offset) });
        const older = parseClipping(before);
        const newer = parseClipping(after);
        const { how, from } = carriedSpans(packedBounds(older.articles), newer.articles, changeBetween(before, after));
        newer.articles.forEach((article, index) => {
          if (how[index] === Carried.No) return;
          const previous = older.articles[from[index]];
          assert.deepEqual(relativeReading(article, (offset) => newer.positionAt(offset).line), relativeReading(previous, (offset) => older.positionAt(offset).line));
          const lineDelta = newer.lineCount - older.lineCount;
          const expectedLine = how[index] === Carried.Moved ? previous.startLine + lineDelta : previous.startLine;
          assert.equal(article.startLine, expectedLine, 'lines move by the change\'s line count');
          assert.equal(newer.positionAt(article.start).character, older.positionAt(previous.start).character);
        });
      }),
      { numRuns: 300 },
    );
  });
});

/**
 * Reads some of a model's details, as features do: all of them, what the outline shows, the
 * dates only (the head), the comments only (the tail), the bylines only (the closing lines),
 * or none.
 */
function read(model: ReturnType<typeof parseClipping>, what: string): void {
  if (what === 'everything') JSON.stringify(model);
  if (what === 'outline') model.articles.forEach((article) => article.comments && article.dates && article.outlet);
  if (what === 'dates') model.articles.forEach((article) => article.dates);
  if (what === 'comments') model.articles.forEach((article) => article.comments);
  if (what === 'bylines') model.articles.forEach((article) => article.bylines);
}

describe('revision: parsing from an earlier parse', () => {
  it('gives the model a fresh parse gives, over edits in a row, whatever each parse had read', () => {
    const reading = fc.constantFrom('everything', 'outline', 'dates', 'comments', 'bylines', 'nothing');
    const step = fc.tuple(edit, fc.nat(), fc.integer({ min: -2, max: 2 }), reading);
    fc.assert(
      fc.property(dossierText, reading, fc.array(step, { minLength: 1, maxLength: 3 }), (first, firstRead, steps) => {
        let text = first;
        let model = parseClipping(text);
        read(model, firstRead);
        for (const [anEdit, boundary, offset, howRead] of steps) {
          const next = applyEdit(text, { ...anEdit, at: nearBoundary(text, boundary, offset) });
          model = parseClipping(next, { model, change: changeBetween(text, next) });
          text = next;
          read(model, howRead);
        }
        assert.deepEqual(JSON.parse(JSON.stringify(model)), JSON.parse(JSON.stringify(parseClipping(text))));
      }),
      { numRuns: 300 },
    );
  });

  it('moves the details it takes over to their new offsets', () => {
    const before = 'First\n12.03.2024\nThe Times\nbody\n=====\nSecond\nRadio One\nbody two\n';
    const after = `Preface\n=====\n${before}`;
    const earlier = parseClipping(before);
    JSON.stringify(earlier);
    const model = parseClipping(after, { model: earlier, change: changeBetween(before, after) });
    const outlet = model.articles[1].outlet;
    assert.equal(outlet?.text, 'The Times');
    assert.equal(after.slice(outlet?.start, outlet?.end), 'The Times');
    assert.notEqual(outlet, earlier.articles[0].outlet, 'a moved copy, not the earlier field');
  });
});

