import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseSidecar, parseValidSidecarInSteps, parseValidSidecarQuickly, serializeSidecar } from '../../../src/core/annotations/sidecar';
import { annotationsArbitrary } from './arbitraries';
import { WATER_TAG } from './samples';

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

/** Runs a generator of steps to its end. */
function toEnd<T>(steps: Generator<void, T, void>): { value: T; steps: number } {
  let count = 0;
  for (;;) {
    const step = steps.next();
    if (step.done) return { value: step.value, steps: count };
    count++;
  }
}

/** Hand edits of a sidecar: comments, CRLF, a byte-order mark, a key after the list, an id twice, a broken item. */
const EDITS: Readonly<Record<string, (text: string) => string>> = {
  crlf: (text) => text.replace(/\n/g, '\r\n'),
  commentLines: (text) => text.replace(/^( *)- id:/gm, '$1# a note\n$1- id:'),
  trailingComments: (text) => text.replace(/^( *(?:start|quote): .*)$/gm, '$1 # note'),
  byteOrderMark: (text) => `\ufeff${text}`,
  keyAfterList: (text) => `${text}clipping: other.clip\n`,
  commentAfterList: (text) => `${text}\n# the end\n`,
  idTwice: (text) => text.replace(/^( *- id: )(.*)$/m, (line, key: string) => `${line}\n${text.match(/^ *- id: (.*)$/gm)?.at(-1)?.replace(/^ *- id: /, key) ?? ''}`),
  brokenItem: (text) => text.replace(/kind: (\w+)$/m, 'kind: [$1'),
};

describe('annotations/parseValidSidecarInSteps', () => {
  it('reads what parseValidSidecarQuickly reads, a step every few annotations, or leaves the file to be read whole', () => {
    fc.assert(
      fc.property(annotationsArbitrary, fc.integer({ min: 1, max: 4 }), fc.subarray(Object.keys(EDITS)), (annotations, perStep, edits) => {
        const text = edits.reduce((current, name) => EDITS[name](current), serializeSidecar({ version: 1, clipping: 'dossier.clip', annotations }));
        const { value, steps } = toEnd(parseValidSidecarInSteps(text, perStep));
        const whole = parseValidSidecarQuickly(text);
        if (value !== undefined) assert.deepEqual(value, whole);
        // What the extension writes, and comments anywhere, always read in steps when there are enough annotations.
        if (edits.every((name) => ['crlf', 'commentLines', 'trailingComments', 'commentAfterList'].includes(name))) {
          assert.deepEqual(value, whole);
          if (value !== undefined && annotations.length > perStep) assert.equal(steps, Math.ceil(annotations.length / perStep));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('leaves a file with an id twice in different steps, or a key after the list, to the whole reading', () => {
    const annotations = [WATER_TAG, { ...WATER_TAG, id: 'a-00000000b2' }, { ...WATER_TAG, id: 'a-00000000b3' }];
    const text = serializeSidecar({ version: 1, clipping: 'dossier.clip', annotations });
    assert.ok(toEnd(parseValidSidecarInSteps(text, 1)).value?.ok);
    assert.equal(toEnd(parseValidSidecarInSteps(text.replace('a-00000000b3', 'a-00000000b1'), 1)).value, undefined);
    assert.equal(toEnd(parseValidSidecarInSteps(`${text}clipping: other.clip\n`, 1)).value, undefined);
  });
});
