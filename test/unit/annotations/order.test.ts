import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compareAnnotations, withAnnotationInOrder, type Annotation } from '../../../src/core/annotations/types';
import { annotationArbitrary, annotationsArbitrary } from './arbitraries';

/** Anchors squeezed onto a few offsets, so that starts and ends tie and the id decides. */
function crowded(annotation: Annotation): Annotation {
  const start = annotation.anchor.start % 4;
  return { ...annotation, anchor: { ...annotation.anchor, start, end: start + 1 + (annotation.anchor.quote.length % 2) } };
}

/** What withAnnotationInOrder replaces: the list without the id, the annotation added, all sorted. */
function sortedWith(list: readonly Annotation[], annotation: Annotation): Annotation[] {
  return [...list.filter((other) => other.id !== annotation.id), annotation].sort(compareAnnotations);
}

describe('withAnnotationInOrder', () => {
  const cases = fc.record({
    list: annotationsArbitrary.map((list) => list.map(crowded)),
    added: annotationArbitrary().map(crowded),
    sorted: fc.boolean(),
    /** Which of the list's ids the added annotation takes, if any (a replaced annotation, an undone removal). */
    takesId: fc.option(fc.nat()),
  });

  it('gives what sorting the list with the annotation gives, for lists in order and out of order', () => {
    fc.assert(
      fc.property(cases, ({ list, added, sorted, takesId }) => {
        const given = sorted ? [...list].sort(compareAnnotations) : list;
        const annotation = takesId !== null && given.length > 0 ? { ...added, id: given[takesId % given.length].id } : added;
        const before = [...given];
        assert.deepEqual(withAnnotationInOrder(given, annotation), sortedWith(given, annotation));
        assert.deepEqual(given, before, 'the list given is not changed');
      }),
      { numRuns: 500 },
    );
  });

  it('sorts a list that an edit left out of order, as the whole sort did', () => {
    const at = (id: string, start: number): Annotation => ({
      id,
      type: 'speaker',
      speaker: 'kerry',
      kind: 'direct',
      author: 'a',
      created: '2024-05-01T10:00:00.000Z',
      modified: '2024-05-01T10:00:00.000Z',
      anchor: { quote: 'x', prefix: '', suffix: '', start, end: start + 1 },
    });
    const outOfOrder = [at('a-00000000b1', 5), at('a-00000000a1', 2), at('a-00000000c1', 9)];
    const added = at('a-00000000d1', 6);
    assert.deepEqual(
      withAnnotationInOrder(outOfOrder, added).map((annotation) => annotation.id),
      ['a-00000000a1', 'a-00000000b1', 'a-00000000d1', 'a-00000000c1'],
    );
  });
});
