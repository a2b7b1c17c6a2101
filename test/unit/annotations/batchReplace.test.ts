import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseSidecar, replaceAnnotationText, replaceAnnotationTexts, serializeSidecar } from '../../../src/core/annotations/sidecar';
import type { Annotation } from '../../../src/core/annotations/types';
import { annotationsArbitrary } from './arbitraries';
import { shifted, WATER_TAG } from './samples';

describe('annotations/sidecar replaceAnnotationTexts', () => {
  it('gives the same text as replacing the blocks one by one', () => {
    fc.assert(
      fc.property(annotationsArbitrary, fc.integer({ min: 1, max: 500 }), (annotations, by) => {
        const text = serializeSidecar({ version: 1, clipping: 'dossier.clip', annotations });
        const moved = annotations.filter((_, index) => index % 2 === 0).map((annotation) => shifted(annotation, by));
        const oneByOne = moved.reduce((current, annotation) => replaceAnnotationText(current, annotation.id, annotation), text);
        assert.equal(replaceAnnotationTexts(text, moved), oneByOne);
      }),
      { numRuns: 60 },
    );
  });

  it('keeps comments between and inside blocks, and changes only the moved offsets', () => {
    const base = WATER_TAG;
    const second: Annotation = { ...base, id: 'a-00000000b2', anchor: { ...base.anchor, start: 40, end: 45 } };
    const text = serializeSidecar({ version: 1, clipping: 'dossier.clip', annotations: [base, second] })
      .replace('  - id: a-00000000b2', '  # checked by hand\n  - id: a-00000000b2')
      .replace('speaker: hadidi', 'speaker: hadidi # the minister');
    const result = replaceAnnotationTexts(text, [shifted(base, 7), shifted(second, 7)]);
    assert.match(result, /# checked by hand/);
    assert.match(result, /speaker: hadidi # the minister/);
    const parsed = parseSidecar(result);
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.sidecar.annotations.map((annotation) => annotation.anchor.start), [17, 47]);
    assert.equal(result.split('\n').length, text.split('\n').length);
  });
});
