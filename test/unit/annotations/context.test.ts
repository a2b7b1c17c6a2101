import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isTextAfter, isTextBefore, textAfter, textBefore } from '../../../src/core/annotations/context';

describe('annotations/context: isTextBefore and isTextAfter', () => {
  const unit = fc.constantFrom('a', 'b', ' ', '\n', '😀', 'ك');
  const cases = fc.record({
    text: fc.string({ unit, maxLength: 90 }),
    at: fc.nat(),
    /** Another context to compare with, or the one textBefore/textAfter cut, or that one a character shorter. */
    other: fc.string({ unit, maxLength: 40 }),
    which: fc.constantFrom('cut', 'shorter', 'other'),
  });

  it('tell what comparing with textBefore and textAfter tells, surrogate pairs at the edges included', () => {
    fc.assert(
      fc.property(cases, ({ text, at, other, which }) => {
        const offset = at % (text.length + 1);
        const before = textBefore(text, offset);
        const after = textAfter(text, offset);
        const candidate = (cut: string, shorter: string) => (which === 'cut' ? cut : which === 'shorter' ? shorter : other);
        const prefix = candidate(before, before.slice(1));
        const suffix = candidate(after, after.slice(0, -1));
        assert.equal(isTextBefore(text, offset, prefix), before === prefix);
        assert.equal(isTextAfter(text, offset, suffix), after === suffix);
      }),
      { numRuns: 2000 },
    );
  });
});
