import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseSidecar, parseValidSidecarQuickly, serializeSidecar } from '../../../src/core/annotations/sidecar';
import { annotationsArbitrary } from './arbitraries';

describe('annotations/parseValidSidecarQuickly', () => {
  it('reads what parseSidecar reads from a valid sidecar', () => {
    fc.assert(
      fc.property(annotationsArbitrary, (annotations) => {
        const text = serializeSidecar({ version: 1, clipping: 'dossier.clip', annotations });
        assert.deepEqual(parseValidSidecarQuickly(text), parseSidecar(text));
      }),
      { numRuns: 50 },
    );
  });

  it('leaves a broken sidecar to the exact reading, which says where it is broken', () => {
    const broken = `${serializeSidecar({ version: 1, clipping: 'dossier.clip', annotations: [] })}  - id: [unclosed\n`;
    assert.equal(parseValidSidecarQuickly(broken), undefined);
    const exact = parseSidecar(broken);
    assert.ok(!exact.ok && exact.error.line > 0);
  });
});
