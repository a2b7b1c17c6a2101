import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseSidecar, serializeSidecar, SIDECAR_VERSION, type Annotation, type Sidecar } from '../../src/core/annotations';
import { readSidecar, readSidecarFast } from '../../src/core/index/fastSidecar';
import { annotationsArbitrary } from './annotations/arbitraries';
import { KERRY_SIDECAR } from './annotations/sidecarFixtures';

function sidecarOf(annotations: readonly Annotation[]): Sidecar {
  return { version: SIDECAR_VERSION, clipping: 'dossier.clip', annotations };
}

/** What parseSidecar reads, or undefined when it reports an error. */
function exact(text: string): Sidecar | undefined {
  const parse = parseSidecar(text);
  return parse.ok ? parse.sidecar : undefined;
}

/** Whenever the fast reader answers, its answer is parseSidecar's. */
function assertAgrees(text: string): void {
  const fast = readSidecarFast(text);
  if (fast !== undefined) assert.deepEqual(fast, exact(text), `the fast reader misread:\n${text}`);
}

describe('Fast sidecar reading', () => {
  it('reads what the extension writes exactly as parseSidecar does', () => {
    fc.assert(
      fc.property(annotationsArbitrary, (annotations) => {
        const text = serializeSidecar(sidecarOf(annotations));
        const fast = readSidecarFast(text);
        assert.ok(fast, `the fast reader refused a sidecar the extension wrote:\n${text}`);
        assert.deepEqual(fast, exact(text));
      }),
      { numRuns: 300 },
    );
  });

  it('reads a hand-written sidecar with quotes of every style, a flow list and an orphan', () => {
    const fast = readSidecarFast(KERRY_SIDECAR);
    assert.ok(fast);
    assert.deepEqual(fast, exact(KERRY_SIDECAR));
    assert.deepEqual((fast.annotations[1] as Extract<Annotation, { type: 'source' }>).agencies, ['رويترز', 'أ ف ب', 'a, b']);
  });

  it('takes the layouts people leave after editing by hand: CRLF, comments, list items flush with their key', () => {
    const variants = [
      KERRY_SIDECAR.replace(/\n/g, '\r\n'),
      KERRY_SIDECAR.replace('    cue: قال', '    cue: قال # the cue word\n    # a comment line inside a block\n'),
      KERRY_SIDECAR.replace(/^ {2}/gm, ''),
      KERRY_SIDECAR.replace(/^ {2}- id:/gm, '  -   id:').replace(/^ {4}/gm, '      '),
    ];
    for (const text of variants) {
      assert.ok(exact(text), `the variant is valid YAML:\n${text}`);
      assert.ok(readSidecarFast(text), `the fast reader takes:\n${text}`);
      assertAgrees(text);
    }
  });

  it('leaves every broken or unusual sidecar to parseSidecar', () => {
    const refused = [
      KERRY_SIDECAR.replace('    speaker: kerry', '    speaker: kerry\n    speaker: lavrov'),
      KERRY_SIDECAR.replace('start: 74', 'start: "74"'),
      KERRY_SIDECAR.replace('start: 74', 'start: 0x4A'),
      KERRY_SIDECAR.replace('end: 96', 'end: 70'),
      KERRY_SIDECAR.replace('kind: reported', 'kind: quoted'),
      KERRY_SIDECAR.replace('cue: قال', 'cue: |\n      قال'),
      KERRY_SIDECAR.replace('cue: قال', 'cue: &c قال'),
      KERRY_SIDECAR.replace('cue: قال', 'cue: قال\n      وأضاف'),
      KERRY_SIDECAR.replace('cue: قال', 'cue: "قال\n      وأضاف"'),
      KERRY_SIDECAR.replace('cue: قال', 'cue:\tقال'),
      KERRY_SIDECAR.replace('cue: قال', 'ceu: قال'),
      KERRY_SIDECAR.replace('cue: قال', 'cue: a: b'),
      KERRY_SIDECAR.replace('cue: قال', 'cue: -\tقال'),
      KERRY_SIDECAR.replace('id: a-0v6t1s5rbe', 'id: a-3k9x2m7q1d'),
      KERRY_SIDECAR.replace('version: 1', 'version: 2'),
      KERRY_SIDECAR.replace('version: 1', '---\nversion: 1'),
      KERRY_SIDECAR.replace('"\\n"', '"\\q"'),
      KERRY_SIDECAR.replace('created: 2024-05-01T10:00:00Z', 'created: 1 May 2024'),
      `\ufeff${KERRY_SIDECAR}`,
    ];
    for (const text of refused) {
      assert.equal(readSidecarFast(text), undefined, `the fast reader should refuse:\n${text}`);
      assertAgrees(text);
    }
  });

  it('never disagrees with parseSidecar on damaged sidecars', () => {
    const damage = fc.record({
      at: fc.nat(),
      length: fc.nat({ max: 4 }),
      insert: fc.string({ unit: fc.constantFrom(' ', '\n', '\r', '-', ':', '#', '"', "'", '[', ']', ',', '\\', 'x', '1', 'ك', '\t', '~', '&', '!'), maxLength: 4 }),
    });
    fc.assert(
      fc.property(annotationsArbitrary, fc.array(damage, { minLength: 1, maxLength: 3 }), (annotations, edits) => {
        let text = serializeSidecar(sidecarOf(annotations));
        for (const { at, length, insert } of edits) {
          const position = at % (text.length + 1);
          text = text.slice(0, position) + insert + text.slice(position + length);
        }
        assertAgrees(text);
      }),
      { numRuns: 1000 },
    );
  });

  it('gives the exact error of a broken sidecar through parseSidecar', () => {
    const broken = KERRY_SIDECAR.replace('kind: reported', 'kind: quoted');
    const reading = readSidecar(broken);
    assert.ok(!reading.ok);
    const parse = parseSidecar(broken);
    assert.ok(!parse.ok);
    assert.deepEqual(reading.error, parse.error);
  });
});
