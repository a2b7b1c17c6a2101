import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LinePositions } from '../../../src/features/annotations/annotationGroups';

/** What VS Code's document.positionAt gives: the line whose start is the last at or before the offset, the character clamped to the line's length. */
function reference(text: string, offset: number): { line: number; character: number } {
  const breaks = [...text.matchAll(/\r\n|\r|\n/g)];
  let start = 0;
  for (let line = 0; line < breaks.length; line++) {
    const lineBreak = breaks[line];
    const next = (lineBreak.index ?? 0) + lineBreak[0].length;
    if (offset < next) return { line, character: Math.min(offset - start, (lineBreak.index ?? 0) - start) };
    start = next;
  }
  return { line: breaks.length, character: offset - start };
}

describe('annotations/LinePositions', () => {
  it('converts offsets as the editor does, line breaks of every kind (a lone carriage return too) and the end included', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'ك', ' ', '\n', '\r\n', '\r'), { maxLength: 40 }), fc.nat({ max: 90 }), (units, offset) => {
        const text = units.join('');
        assert.deepEqual(new LinePositions(text).positionAt(Math.min(offset, text.length)), reference(text, Math.min(offset, text.length)));
      }),
      { numRuns: 500 },
    );
  });
});
