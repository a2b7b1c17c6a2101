import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { rescanLines, scanLines, type LineTable } from '../../src/core/lines';
import { changeBetween, type TextChange } from '../../src/core/revision';
import { dossier, trickyChar } from './clippingArbitraries';

/** A table as plain arrays, to compare two of them whole. */
function rows(table: LineTable): unknown {
  return { count: table.count, starts: [...table.starts], ends: [...table.ends], shapes: [...table.shapes] };
}

/** Texts where line breaks of every kind are common, and separators can form or break. */
const breaky = fc.array(fc.oneof(trickyChar, fc.constantFrom('=====', 'word', '\r\n\r\n')), { maxLength: 60 }).map((parts) => parts.join(''));
const text = fc.oneof(breaky, dossier, dossier.map((value) => value.replace(/\n/g, '\r\n')));
const inserted = fc.array(fc.oneof(trickyChar, fc.constantFrom('x', '\n=====\n', '\r\n')), { maxLength: 6 }).map((parts) => parts.join(''));

/** `removed` characters at `at` replaced by `insertion`, and the change as the editor's event gives it: not always the smallest. */
function edited(before: string, at: number, removed: number, insertion: string): { after: string; change: TextChange } {
  const start = Math.min(at, before.length);
  const end = Math.min(before.length, start + removed);
  const after = before.slice(0, start) + insertion + before.slice(end);
  return { after, change: { start, beforeEnd: end, afterEnd: start + insertion.length, beforeLength: before.length, afterLength: after.length } };
}

describe('line tables', () => {
  it('made again after an edit, are the tables a full scan makes', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat({ max: 12 }), inserted, (before, at, removed, insertion) => {
        const { after, change } = edited(before, at % (before.length + 1), removed, insertion);
        const expected = rows(scanLines(after));
        assert.deepEqual(rows(rescanLines(after, scanLines(before), change)), expected);
        assert.deepEqual(rows(rescanLines(after, scanLines(before), changeBetween(before, after))), expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('join a carriage return and a line feed that an edit brings together', () => {
    const before = 'one\rX\ntwo';
    const { after, change } = edited(before, 4, 1, '');
    assert.deepEqual(rows(rescanLines(after, scanLines(before), change)), rows(scanLines(after)));
    assert.equal(scanLines(after).count, 2, 'one\\r\\n is one break');
  });

  it('split a carriage return from its line feed when an edit comes between them', () => {
    const before = 'one\r\ntwo\r\nthree';
    const { after, change } = edited(before, 4, 0, 'mid');
    assert.deepEqual(rows(rescanLines(after, scanLines(before), change)), rows(scanLines(after)));
    assert.equal(scanLines(after).count, 4);
  });
});
