import assert from 'node:assert/strict';
import { cryptoRandomBytes, ID_PATTERN, newId } from '../../../src/core/annotations/ids';

/** Bytes from a fixed list, so ids are predictable. */
function bytesFrom(values: readonly number[]) {
  return (count: number) => Uint8Array.from({ length: count }, (_, i) => values[i % values.length]);
}

describe('annotations/ids', () => {
  it('spells 50 random bits as 10 Crockford base32 characters after the kind prefix', () => {
    assert.equal(newId('annotation', bytesFrom([0])), 'a-0000000000');
    assert.equal(newId('speaker', bytesFrom([0xff])), 's-zzzzzzzzzz');
    // 0b00001_00010_00011_00100_00101_00110_00111_01000_01001_01010 (+6 unused bits)
    const bytes = [0b00001000, 0b10000110, 0b01000010, 0b10011000, 0b11101000, 0b01001010, 0b10000000];
    assert.equal(newId('annotation', bytesFrom(bytes)), 'a-123456789a');
  });

  it('makes ids that match the id pattern and do not repeat', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newId('annotation', cryptoRandomBytes)));
    assert.equal(ids.size, 1000);
    for (const id of ids) assert.match(id, /^a-[0-9a-hjkmnp-tv-z]{10}$/);
    for (const id of ids) assert.match(id, ID_PATTERN);
  });
});
