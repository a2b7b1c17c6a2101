import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyTextChange, applyTextChanges, createAnchor, type TextChange } from '../../../src/core/annotations/anchors';
import { CONTEXT_LENGTH } from '../../../src/core/annotations/context';
import { reanchor } from '../../../src/core/annotations/reanchor';
import type { Anchor } from '../../../src/core/annotations/types';

function edit(text: string, change: TextChange): string {
  return text.slice(0, change.start) + change.text + text.slice(change.end);
}

/** Every promise an anchor that is not orphaned makes about the text. */
function assertTrue(anchor: Anchor, text: string): void {
  assert.ok(anchor.start < anchor.end, `empty span ${anchor.start}-${anchor.end}`);
  assert.equal(text.slice(anchor.start, anchor.end), anchor.quote);
  assert.ok(text.slice(0, anchor.start).endsWith(anchor.prefix), 'prefix');
  assert.ok(text.slice(anchor.end).startsWith(anchor.suffix), 'suffix');
  assert.ok(anchor.prefix.length <= CONTEXT_LENGTH && anchor.suffix.length <= CONTEXT_LENGTH);
}

const TEXT = 'قال كيري إن بيان جنيف مهم جدا، وأضاف لافروف أن الحل سياسي.';

describe('annotations/anchors', () => {
  describe('createAnchor', () => {
    it('records the quote, its surroundings and its article', () => {
      const start = TEXT.indexOf('بيان');
      const anchor = createAnchor(TEXT, start, start + 'بيان جنيف'.length, [
        { index: 3, start: 0, end: TEXT.length, title: { text: 'كيري ولافروف' } },
      ]);
      assert.equal(anchor.quote, 'بيان جنيف');
      assert.equal(anchor.prefix, 'قال كيري إن ');
      assert.equal(anchor.suffix, TEXT.slice(anchor.end, anchor.end + CONTEXT_LENGTH));
      assert.deepEqual(anchor.article, { index: 3, title: 'كيري ولافروف' });
    });

    it('leaves the article out when the span is in none', () => {
      assert.equal('article' in createAnchor(TEXT, 0, 3, []), false);
    });

    it('never cuts the context inside a surrogate pair', () => {
      const text = 'x'.repeat(10) + '😀'.repeat(20) + 'QUOTE' + '😀'.repeat(20);
      const start = text.indexOf('QUOTE');
      const anchor = createAnchor(text, start, start + 5);
      assert.equal(anchor.prefix, '😀'.repeat(16));
      assert.equal(anchor.suffix, '😀'.repeat(16));
      const odd = createAnchor('a' + text, start + 1, start + 6);
      assert.equal(odd.prefix, '😀'.repeat(16));
    });

    it('refuses empty and out-of-range spans', () => {
      assert.throws(() => createAnchor(TEXT, 4, 4), RangeError);
      assert.throws(() => createAnchor(TEXT, -1, 2), RangeError);
      assert.throws(() => createAnchor(TEXT, 0, TEXT.length + 1), RangeError);
    });
  });

  describe('applyTextChange', () => {
    const start = TEXT.indexOf('بيان');
    const end = start + 'بيان جنيف'.length;
    const anchor = createAnchor(TEXT, start, end);
    const after = (change: TextChange) => {
      const [moved] = applyTextChange([anchor], change);
      const text = edit(TEXT, change);
      if (!moved.orphaned) assertTrue(moved, text);
      return moved;
    };

    it('shifts a span when the edit is before it, a boundary insertion included', () => {
      assert.equal(after({ start: 0, end: 3, text: 'صرّح' }).start, start + 1);
      const boundary = after({ start, end: start, text: 'نص ' });
      assert.equal(boundary.quote, 'بيان جنيف');
      assert.equal(boundary.start, start + 3);
      assert.equal(boundary.prefix.endsWith('إن نص '), true);
    });

    it('leaves a span alone when the edit is after it, without growing it at its end', () => {
      const far = { start: TEXT.length, end: TEXT.length, text: '!' };
      assert.equal(applyTextChange([anchor], far)[0], anchor);
      const boundary = after({ start: end, end, text: ' الأول' });
      assert.equal(boundary.quote, 'بيان جنيف');
      assert.equal(boundary.suffix.startsWith(' الأول'), true);
    });

    it('takes an edit inside the span into the quote', () => {
      const inside = after({ start: start + 4, end: start + 5, text: ' «' });
      assert.equal(inside.quote, 'بيان «جنيف');
      assert.equal(inside.end, end + 1);
    });

    it('keeps only the surviving part when an edit overlaps a boundary', () => {
      const left = after({ start: start - 3, end: start + 5, text: 'XY' });
      assert.equal(left.quote, 'جنيف');
      assert.equal(left.start, start - 3 + 2);
      const right = after({ start: start + 4, end: end + 4, text: 'Z' });
      assert.equal(right.quote, 'بيان');
      assert.equal(right.end, start + 4);
      assert.equal(right.suffix.startsWith('Z'), true);
    });

    it('orphans a span the edit covers, even when it is retyped in place', () => {
      for (const change of [
        { start, end, text: '' },
        { start, end, text: 'إعلان جنيف' },
        { start: 0, end: TEXT.length, text: TEXT },
      ]) {
        const orphan = after(change);
        assert.equal(orphan.orphaned, true);
        assert.equal(orphan.quote, 'بيان جنيف', 'an orphan keeps its last known anchor');
      }
    });

    it('keeps an orphan as a point where the edit began, moved only by edits before it', () => {
      const [orphan] = applyTextChange([anchor], { start: start - 3, end: end + 2, text: 'X' });
      assert.equal(orphan.start, start - 3);
      const [shifted] = applyTextChange([orphan], { start: 0, end: 2, text: '>>>' });
      assert.equal(shifted.start, start - 2);
      assert.equal(applyTextChange([shifted], { start: start - 2, end: start - 2, text: 'typed here' })[0], shifted);
      assert.equal(applyTextChange([shifted], { start: start, end: start + 4, text: '' })[0], shifted);
      assert.equal(applyTextChange([shifted], { start: start - 5, end: start + 1, text: '' })[0].start, start - 5);
    });

    it('lets a re-anchor find an orphan where an undo put its text back', () => {
      const deletion = { start, end, text: '' };
      const [orphan] = applyTextChange([anchor], deletion);
      const undo = { start, end: start, text: anchor.quote };
      const [kept] = applyTextChange([orphan], undo);
      assert.deepEqual(reanchor(kept, edit(edit(TEXT, deletion), undo)), { status: 'exact', start, end });
    });
  });

  describe('applyTextChanges', () => {
    it('applies the changes of one event in the order VS Code gives them (last to first)', () => {
      const start = TEXT.indexOf('لافروف');
      const anchor = createAnchor(TEXT, start, start + 'لافروف'.length);
      const changes = [
        { start: start + 6, end: start + 6, text: ' (الروسي)' },
        { start: start + 2, end: start + 3, text: 'ـا' },
        { start: 0, end: 0, text: '- ' },
      ];
      const text = changes.reduce(edit, TEXT);
      const [moved] = applyTextChanges([anchor], changes);
      assertTrue(moved, text);
      assert.equal(moved.quote, 'لاـاروف');
    });
  });

  describe('properties', () => {
    const unit = fc.constantFrom('a', 'b', ' ', '\n', 'ك', 'ي', 'ى', '😀');
    const changeSeed = fc.record({ from: fc.nat(), length: fc.nat({ max: 12 }), text: fc.string({ unit, maxLength: 6 }) });
    const scenario = fc.record({
      text: fc.string({ unit, minLength: 1, maxLength: 120 }),
      spans: fc.array(fc.tuple(fc.nat(), fc.nat({ max: 20 })), { minLength: 1, maxLength: 8 }),
      changes: fc.array(changeSeed, { maxLength: 25 }),
    });

    function anchorsFor(text: string, spans: readonly [number, number][]): Anchor[] {
      return spans.map(([from, length]) => {
        const start = from % text.length;
        return createAnchor(text, start, Math.min(text.length, start + 1 + length));
      });
    }

    it('after any edits, every anchor that is not orphaned still tells the truth about the text', () => {
      fc.assert(
        fc.property(scenario, ({ text, spans, changes }) => {
          let current = text;
          let anchors = anchorsFor(text, spans);
          for (const seed of changes) {
            const start = seed.from % (current.length + 1);
            const change = { start, end: Math.min(current.length, start + seed.length), text: seed.text };
            current = edit(current, change);
            anchors = applyTextChange(anchors, change);
            for (const anchor of anchors) if (!anchor.orphaned) assertTrue(anchor, current);
          }
        }),
        { numRuns: 300 },
      );
    });

    it('an edit away from a span never changes its quote nor orphans it', () => {
      fc.assert(
        fc.property(scenario, ({ text, spans, changes }) => {
          const anchors = anchorsFor(text, spans);
          for (const seed of changes) {
            const start = seed.from % (text.length + 1);
            const change = { start, end: Math.min(text.length, start + seed.length), text: seed.text };
            const moved = applyTextChange(anchors, change);
            anchors.forEach((anchor, index) => {
              const away = change.end < anchor.start || change.start > anchor.end;
              if (away) {
                assert.equal(moved[index].quote, anchor.quote);
                assert.equal(moved[index].orphaned, undefined);
              }
            });
          }
        }),
      );
    });
  });
});
