/** A hand-made annotation and a way to move one, for the tests of rewriting sidecar blocks. */

import type { Annotation } from '../../../src/core/annotations/types';

/** A direct-speech tag on the word `water` at offsets 10–15. */
export const WATER_TAG: Annotation = {
  id: 'a-00000000b1',
  type: 'speaker',
  speaker: 'hadidi',
  kind: 'direct',
  author: 'reviewer',
  created: '2024-05-01T10:00:00.000Z',
  modified: '2024-05-01T10:00:00.000Z',
  anchor: { quote: 'water', prefix: 'the ', suffix: ' is', start: 10, end: 15 },
};

/** `annotation` with its anchor moved `by` characters. */
export function shifted(annotation: Annotation, by: number): Annotation {
  return { ...annotation, anchor: { ...annotation.anchor, start: annotation.anchor.start + by, end: annotation.anchor.end + by } };
}
