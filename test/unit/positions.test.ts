import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseClipping } from '../../src/core/parser';

/** Line and character the way the editor counts them: `\r\n`, `\n` and a lone `\r` end a line. */
function naivePosition(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}

describe('ClippingDocument.positionAt', () => {
  it('counts lines like the editor, with every kind of line break and a BOM', () => {
    const text = '\ufeffTitle\r\nSecond\rThird\n\n=====\nLast';
    const model = parseClipping(text);
    for (let offset = 0; offset <= text.length; offset++) {
      if (text[offset - 1] === '\r' && text[offset] === '\n') continue; // between \r and \n: not a place the editor has
      assert.deepEqual(model.positionAt(offset), naivePosition(text, offset), `offset ${offset}`);
    }
  });

  it('clamps offsets outside the text', () => {
    const model = parseClipping('one\ntwo');
    assert.deepEqual(model.positionAt(-5), { line: 0, character: 0 });
    assert.deepEqual(model.positionAt(99), { line: 1, character: 3 });
  });

  it('agrees with a naive count on any text', () => {
    const pieces = fc.constantFrom('a', 'ب', ' ', '\n', '\r', '\r\n', '=====', '\u00a0', '\ufeff');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 60 }).map((parts) => parts.join('')), fc.nat(), (text, seed) => {
        const offset = text.length === 0 ? 0 : seed % (text.length + 1);
        fc.pre(!(text[offset - 1] === '\r' && text[offset] === '\n'));
        assert.deepEqual(parseClipping(text).positionAt(offset), naivePosition(text, offset));
      }),
    );
  });
});
