import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Annotation } from '../../../src/core/annotations/types';
import { HIGHLIGHT_PARTS, highlightParts, PARTED_FROM } from '../../../src/features/annotations/annotationGroups';

const TIME = '2024-05-01T10:00:00.000Z';

function speaker(index: number, orphaned = false): Annotation {
  const start = index * 3;
  return {
    id: `a-${index.toString(32).padStart(10, '0')}`,
    type: 'speaker',
    speaker: 'kerry',
    kind: 'direct',
    author: 'bench',
    created: TIME,
    modified: TIME,
    anchor: { quote: 'ab', prefix: '', suffix: '', start, end: start + 2, ...(orphaned && { orphaned }) },
  };
}

const speakerParts = (annotations: readonly Annotation[]) => highlightParts(annotations).get('speaker') ?? [];
const starts = (parts: readonly (readonly { start: number }[])[]) => parts.flat().map((span) => span.start).sort((a, b) => a - b);

describe('Highlight parts', () => {
  it('keeps a kind with fewer than PARTED_FROM highlights in one part, in document order, orphans left out', () => {
    const annotations = Array.from({ length: PARTED_FROM - 1 }, (_, index) => speaker(index, index === 7));
    const parts = speakerParts(annotations);
    assert.equal(parts.length, 1);
    assert.deepEqual(parts[0].map((span) => span.start), annotations.filter((annotation) => !annotation.anchor.orphaned).map((annotation) => annotation.anchor.start));
  });

  it('splits a larger kind into parts that hold every highlight once, each in document order', () => {
    const annotations = Array.from({ length: PARTED_FROM + 500 }, (_, index) => speaker(index));
    const parts = speakerParts(annotations);
    assert.equal(parts.length, HIGHLIGHT_PARTS);
    assert.deepEqual(starts(parts), annotations.map((annotation) => annotation.anchor.start));
    for (const part of parts) {
      assert.ok(part.length > 0, 'every part has some');
      assert.deepEqual(part, [...part].sort((a, b) => a.start - b.start));
    }
  });

  it('changes one part when one annotation comes, goes or moves', () => {
    fc.assert(
      fc.property(fc.nat({ max: PARTED_FROM + 199 }), fc.nat({ max: 2 ** 30 }), fc.integer({ min: -5, max: 5 }), (pick, newcomer, shift) => {
        const annotations = Array.from({ length: PARTED_FROM + 200 }, (_, index) => speaker(index));
        const before = speakerParts(annotations);
        const added = speakerParts([...annotations, speaker(PARTED_FROM + 300 + newcomer)]);
        const removed = speakerParts(annotations.filter((_, index) => index !== pick));
        const target = annotations[pick];
        const movedAnchor = { ...target.anchor, start: target.anchor.start + shift * 3, end: target.anchor.end + shift * 3 };
        const moved = speakerParts(annotations.map((annotation) => (annotation === target ? { ...annotation, anchor: movedAnchor } : annotation)));
        for (const after of [added, removed, moved]) {
          const changed = before.filter((part, index) => JSON.stringify(part) !== JSON.stringify(after[index]));
          assert.ok(changed.length <= 1, `${changed.length} parts changed`);
        }
      }),
      { numRuns: 30 },
    );
  });
});
