import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseSidecar, replaceAnnotationTexts, serializeSidecar, writeMovedAnnotationsText, writeMovedAnnotationsTextInSteps, writeMovedOffsetsText, type MovedAnnotation, type MovedOffsets } from '../../../src/core/annotations/sidecar';
import type { Annotation } from '../../../src/core/annotations/types';
import { packOffsets, unpackOffsets } from '../../../src/features/annotations/sidecarParseProtocol';
import { annotationsArbitrary } from './arbitraries';
import { shifted, WATER_TAG } from './samples';

/** Every other annotation moved by `by`, with the offsets its block records. */
function movedBy(annotations: readonly Annotation[], by: number): MovedAnnotation[] {
  return annotations
    .filter((annotation, index) => index % 2 === 0 && annotation.anchor.start + by >= 0)
    .map((annotation) => ({ annotation: shifted(annotation, by), recorded: annotation.anchor }));
}

/** Hand edits that keep the meaning: some the number swap handles, some it leaves to the full rewrite. */
const EDITS: Readonly<Record<string, (text: string) => string>> = {
  crlf: (text) => text.replace(/\n/g, '\r\n'),
  deeper: (text) => text.replace(/^ +/gm, '$&  '),
  trailingSpaces: (text) => text.replace(/^( +(?:start|end): \d+)(\r?)$/gm, (_line, entry: string, cr: string) => `${entry}   ${cr}`),
  startAfterEnd: (text) => text.replace(/^( +)(start: \d+)(\r?\n)\1(end: \d+)$/gm, '$1$4$3$1$2'),
  commentLines: (text) => text.replace(/^( *)- id:/gm, '$1# a note\n$1- id:'),
  trailingComments: (text) => text.replace(/^( *(?:start|quote): .*)$/gm, '$1 # note'),
  flowAnchor: (text) => text.replace(/^( +)anchor:\n\1 {2}quote: (.*)\n/gm, '$1anchor: {quote: $2,\n'),
  multiLinePrefix: (text) => text.replace(/^( +)prefix: "(.*)"$/gm, '$1prefix: "$2\n$1  "'),
  taggedNumbers: (text) => text.replace(/^( +)start: (\d+)$/gm, '$1start: !!int "$2"'),
};

describe('annotations/sidecar writeMovedAnnotationsText', () => {
  it('gives the text replaceAnnotationTexts gives, on files the extension wrote', () => {
    fc.assert(
      fc.property(annotationsArbitrary, fc.integer({ min: -5, max: 100_000 }), (annotations, by) => {
        const text = serializeSidecar({ version: 1, clipping: 'dossier.clip', annotations });
        const moved = movedBy(annotations, by);
        assert.equal(writeMovedAnnotationsText(text, moved), replaceAnnotationTexts(text, moved.map((entry) => entry.annotation)));
      }),
      { numRuns: 80 },
    );
  });

  it('gives a file that means the moved annotations, whatever the hand edits', () => {
    fc.assert(
      fc.property(annotationsArbitrary, fc.nat({ max: 1000 }), fc.subarray(Object.keys(EDITS)), (annotations, by, edits) => {
        const text = edits.reduce((current, name) => EDITS[name](current), serializeSidecar({ version: 1, clipping: 'dossier.clip', annotations }));
        const before = parseSidecar(text);
        fc.pre(before.ok);
        const read = before.ok ? before.sidecar.annotations : [];
        const moved = movedBy(read, by);
        const after = parseSidecar(writeMovedAnnotationsText(text, moved));
        assert.ok(after.ok);
        const byId = new Map(moved.map((entry) => [entry.annotation.id, entry.annotation]));
        assert.deepEqual(after.sidecar.annotations, read.map((annotation) => byId.get(annotation.id) ?? annotation));
      }),
      { numRuns: 150 },
    );
  });

  it('rewrites a block whose recorded offsets are not the ones given, and one changed otherwise', () => {
    const annotation = WATER_TAG;
    const text = serializeSidecar({ version: 1, clipping: 'dossier.clip', annotations: [annotation] });
    const moved = { ...annotation, anchor: { ...annotation.anchor, prefix: 'The ', start: 20, end: 25 } };
    const expected = replaceAnnotationTexts(text, [moved]);
    assert.equal(writeMovedAnnotationsText(text, [{ annotation: moved, recorded: { start: 11, end: 16 } }]), expected);
    assert.equal(writeMovedAnnotationsText(text, [{ annotation: moved }]), expected);
  });

  it('in steps, pauses after every few blocks and gives the same text, whatever the hand edits', () => {
    fc.assert(
      fc.property(annotationsArbitrary, fc.nat({ max: 1000 }), fc.subarray(Object.keys(EDITS)), fc.integer({ min: 1, max: 4 }), (annotations, by, edits, stepSize) => {
        const text = edits.reduce((current, name) => EDITS[name](current), serializeSidecar({ version: 1, clipping: 'dossier.clip', annotations }));
        const before = parseSidecar(text);
        fc.pre(before.ok);
        const moved = movedBy(before.ok ? before.sidecar.annotations : [], by);
        const steps = writeMovedAnnotationsTextInSteps(text, moved, stepSize);
        let pauses = 0;
        let step = steps.next();
        for (; !step.done; step = steps.next()) pauses++;
        assert.equal(step.value, writeMovedAnnotationsText(text, moved));
        // At least one pause per `stepSize` moved blocks rewritten, where the blocks are found by the line scan.
        if (moved.length >= stepSize && !edits.includes('flowAnchor')) assert.ok(pauses >= Math.floor(moved.length / stepSize), `${pauses} pauses for ${moved.length} blocks`);
      }),
      { numRuns: 100 },
    );
  });

  it('swaps only the numbers: comments between blocks and every other byte stay', () => {
    const annotations: Annotation[] = [10, 40].map((start, index) => ({
      id: `a-00000000c${index}`,
      type: 'stance',
      holder: 'lavrov',
      polarity: 'favor',
      target: 'talks: "now"',
      author: 'reviewer',
      created: '2024-05-01T10:00:00.000Z',
      modified: '2024-05-01T10:00:00.000Z',
      anchor: { quote: 'no other way', prefix: '\n', suffix: ' #1', start, end: start + 12, article: { index: 0, title: 'Geneva: start: 5' } },
    }));
    const text = serializeSidecar({ version: 1, clipping: 'dossier.clip', annotations }).replace('  - id: a-00000000c1', '  # checked by hand\n  - id: a-00000000c1');
    const result = writeMovedAnnotationsText(
      text,
      annotations.map((annotation) => ({ annotation: shifted(annotation, 100), recorded: annotation.anchor })),
    );
    assert.equal(result, text.replace('start: 10\n', 'start: 110\n').replace('end: 22\n', 'end: 122\n').replace('start: 40\n', 'start: 140\n').replace('end: 52\n', 'end: 152\n'));
  });
});

/** The anchors that only moved, by id and offsets alone, packed and unpacked as the host sends them its worker; the others whole. */
function split(moved: readonly MovedAnnotation[]): { whole: MovedAnnotation[]; offsets: MovedOffsets[] } {
  return { whole: moved.filter((entry) => !entry.recorded), offsets: unpackOffsets(packOffsets(moved)) };
}

describe('annotations/sidecar writeMovedOffsetsText', () => {
  it('gives the text writeMovedAnnotationsText gives, or undefined, whatever the hand edits', () => {
    fc.assert(
      fc.property(annotationsArbitrary, fc.nat({ max: 1000 }), fc.subarray(Object.keys(EDITS)), fc.boolean(), (annotations, by, edits, someWhole) => {
        const text = edits.reduce((current, name) => EDITS[name](current), serializeSidecar({ version: 1, clipping: 'dossier.clip', annotations }));
        const before = parseSidecar(text);
        fc.pre(before.ok);
        // Some annotations changed otherwise than their offsets (their recorded offsets unknown), the others only moved.
        const moved = movedBy(before.ok ? before.sidecar.annotations : [], by).map((entry, index) => (someWhole && index % 3 === 0 ? { annotation: entry.annotation } : entry));
        const { whole, offsets } = split(moved);
        const written = writeMovedOffsetsText(text, whole, offsets);
        // Undefined where a block's offsets cannot be swapped (a value the line check does not take, such as a tab in quotes).
        if (written !== undefined) assert.equal(written, writeMovedAnnotationsText(text, moved));
      }),
      { numRuns: 150 },
    );
  });

  it('gets the anchors that only moved packed for the worker as they were: ids, recorded offsets, new offsets', () => {
    fc.assert(
      fc.property(annotationsArbitrary, fc.integer({ min: -50, max: 1000 }), (annotations, by) => {
        const moved = movedBy(annotations, by).map((entry, index) => (index % 3 === 1 ? { annotation: entry.annotation } : entry));
        const expected = moved.flatMap(({ annotation, recorded }) => (recorded ? [{ id: annotation.id, recorded: { start: recorded.start, end: recorded.end }, start: annotation.anchor.start, end: annotation.anchor.end }] : []));
        assert.deepEqual(unpackOffsets(structuredClone(packOffsets(moved))), expected);
      }),
      { numRuns: 100 },
    );
  });

  it('gives undefined when an anchor that only moved is not where its recorded offsets say, or has no block', () => {
    const text = serializeSidecar({ version: 1, clipping: 'dossier.clip', annotations: [WATER_TAG] });
    const offsets = { id: WATER_TAG.id, recorded: { start: 10, end: 15 }, start: 20, end: 25 };
    assert.equal(writeMovedOffsetsText(text, [], [{ ...offsets, recorded: { start: 11, end: 16 } }]), undefined);
    assert.equal(writeMovedOffsetsText(text, [], [{ ...offsets, id: 'a-nothere000' }]), undefined);
    assert.equal(writeMovedOffsetsText(text, [], [offsets]), text.replace('start: 10\n', 'start: 20\n').replace('end: 15\n', 'end: 25\n'));
  });
});
