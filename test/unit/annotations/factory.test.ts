import assert from 'node:assert/strict';
import { createAnnotation, createSpeaker, reviseAnnotation } from '../../../src/core/annotations/factory';
import { createAnchor } from '../../../src/core/annotations/anchors';

const context = {
  author: 'ليلى',
  now: () => new Date('2024-05-01T10:00:00Z'),
  randomBytes: (count: number) => new Uint8Array(count).fill(0x21),
};
const anchor = createAnchor('قال كيري: الحل سياسي', 10, 20);

describe('annotations/factory', () => {
  it('stamps a new annotation with an id, its author and the time', () => {
    const tag = createAnnotation({ type: 'speaker', speaker: 'kerry', kind: 'direct', cue: 'prefix' }, anchor, context);
    assert.deepEqual(tag, {
      type: 'speaker',
      speaker: 'kerry',
      kind: 'direct',
      cue: 'prefix',
      id: 'a-44gj289144',
      author: 'ليلى',
      created: '2024-05-01T10:00:00.000Z',
      modified: '2024-05-01T10:00:00.000Z',
      anchor,
    });
  });

  it('revises the fields and the modified time only', () => {
    const stance = createAnnotation({ type: 'stance', holder: 'kerry', target: 'الحل السياسي', polarity: 'favor' }, anchor, context);
    const revised = reviseAnnotation(stance, { polarity: 'mixed', note: 'بتحفظ' }, () => new Date('2024-06-02T08:30:00Z'));
    assert.deepEqual(revised, { ...stance, polarity: 'mixed', note: 'بتحفظ', modified: '2024-06-02T08:30:00.000Z' });
  });

  it('gives a new speaker a speaker id', () => {
    assert.deepEqual(createSpeaker({ name: 'جون كيري', aliases: ['كيري'] }, context.randomBytes), {
      id: 's-44gj289144',
      name: 'جون كيري',
      aliases: ['كيري'],
    });
  });
});
