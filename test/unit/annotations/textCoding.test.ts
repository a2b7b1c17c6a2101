import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CODING_SLICE, decodeText, decodeTextInSlices, encodeEditedText, encodesExactly, encodeTextInSlices } from '../../../src/features/annotations/textCoding';

/** Text of a few slices with Arabic, emoji (surrogate pairs) and a lone surrogate near each slice edge. */
function largeText(): string {
  const unit = 'قال وزير الخارجية «كيري» 😀 — a\n';
  let text = unit.repeat(Math.ceil((2.5 * CODING_SLICE) / unit.length));
  // A pair cut by the first slice edge, and a lone high surrogate right at the second.
  text = text.slice(0, CODING_SLICE - 1) + '😀' + text.slice(CODING_SLICE + 1, 2 * CODING_SLICE - 1) + '\ud83d' + text.slice(2 * CODING_SLICE);
  return text;
}

describe('Text coding in slices', () => {
  it('encodes a large text to the bytes Buffer.from gives, in one buffer, giving the thread back between slices', async () => {
    const text = largeText();
    let turns = 0;
    const counting = setInterval(() => turns++, 0);
    const bytes = await encodeTextInSlices(text);
    clearInterval(counting);
    assert.ok(bytes.equals(Buffer.from(text, 'utf8')));
    assert.ok(turns >= 1, 'timers ran while it encoded');
  });

  it('decodes what it encodes, surrogate pairs cut by a slice edge included', async () => {
    // Lone surrogates become U+FFFD in UTF-8, as in Buffer.from: only well-formed text comes back as it was.
    const text = largeText().replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
    assert.equal(await decodeTextInSlices(await encodeTextInSlices(text)), text);
  });

  it('agrees with Buffer.from on any text, small or cut into slices', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 64 }), fc.integer({ min: 0, max: 3 }), async (piece, copies) => {
        const text = piece + 'x'.repeat(copies * CODING_SLICE) + piece;
        assert.ok((await encodeTextInSlices(text)).equals(Buffer.from(text, 'utf8')));
      }),
      { numRuns: 20 },
    );
  });

  it('encodes an edited text from the bytes of the text before it and the change alone, to the bytes Buffer.from gives', async () => {
    const unit = fc.constantFrom('a', 'ك', '😀', '\n', '\ud83d', '\ude00', 'é');
    await fc.assert(
      fc.asyncProperty(fc.string({ unit, maxLength: 40 }), fc.string({ unit, maxLength: 12 }), fc.nat(), fc.nat(), fc.boolean(), async (piece, inserted, from, length, large) => {
        const before = large ? piece + 'x'.repeat(CODING_SLICE) + piece : piece;
        const start = from % (before.length + 1);
        const change = { start, end: Math.min(before.length, start + (length % 8)), text: inserted };
        const after = before.slice(0, change.start) + change.text + before.slice(change.end);
        const bytes = await encodeEditedText(after, { text: before, bytes: Buffer.from(before, 'utf8'), change });
        assert.ok(bytes.equals(Buffer.from(after, 'utf8')));
      }),
      { numRuns: 200 },
    );
  });

  it('tells bytes that are exactly the UTF-8 of their decoding from those that lost a byte order mark or malformed bytes', () => {
    const text = 'قال كيري 😀\n';
    const bytes = Buffer.from(text, 'utf8');
    assert.equal(encodesExactly(bytes, decodeText(bytes)), true);
    const marked = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
    assert.equal(decodeText(marked), text);
    assert.equal(encodesExactly(marked, decodeText(marked)), false);
    const malformed = Buffer.concat([bytes, Buffer.from([0xc3])]);
    assert.equal(encodesExactly(malformed, decodeText(malformed)), false);
  });
});
