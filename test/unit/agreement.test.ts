import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  annotatorOf,
  authorsOf,
  cohensKappa,
  compareAnnotators,
  matchAnnotations,
  spanJaccard,
  type AgreementReport,
} from '../../src/core/agreement';
import type { Annotation } from '../../src/core/annotations';
import { annotationArbitrary } from './annotations/arbitraries';
import {
  EXAMPLE_CONFUSION,
  EXAMPLE_KAPPA,
  EXAMPLE_LEFT,
  EXAMPLE_MEAN_JACCARD,
  EXAMPLE_RIGHT,
  LEFT_AUTHOR,
  RIGHT_AUTHOR,
} from './agreementExample';

/** An annotation of `base`'s type and fields, moved to [start, end). */
function at(base: Annotation, start: number, end: number, changes: Partial<Annotation> = {}): Annotation {
  return { ...base, ...changes, anchor: { ...base.anchor, start, end } } as Annotation;
}

const STANCE = EXAMPLE_LEFT.find((annotation) => annotation.type === 'stance') as Annotation;
const SPEAKER = EXAMPLE_LEFT.find((annotation) => annotation.type === 'speaker') as Annotation;

describe('agreement: span Jaccard index', () => {
  it('is shared characters over covered characters', () => {
    assert.equal(spanJaccard({ start: 0, end: 10 }, { start: 0, end: 10 }), 1);
    assert.equal(spanJaccard({ start: 0, end: 10 }, { start: 0, end: 20 }), 0.5);
    assert.equal(spanJaccard({ start: 0, end: 10 }, { start: 5, end: 20 }), 5 / 20);
    assert.equal(spanJaccard({ start: 0, end: 10 }, { start: 10, end: 20 }), 0, 'touching spans share nothing');
  });
});

describe('agreement: matching annotations', () => {
  it('pairs spans whose Jaccard index reaches the threshold, and no others', () => {
    const left = [at(STANCE, 0, 10)];
    assert.equal(matchAnnotations(left, [at(STANCE, 0, 20)]).pairs.length, 1, '0.5 reaches 0.5');
    assert.equal(matchAnnotations(left, [at(STANCE, 0, 21)]).pairs.length, 0, '10/21 does not');
    assert.equal(matchAnnotations(left, [at(STANCE, 0, 21)], 0.4).pairs.length, 1, 'a lower threshold lets it pair');
  });

  it('never pairs annotations of different types', () => {
    const matching = matchAnnotations([at(STANCE, 0, 10)], [at(SPEAKER, 0, 10)]);
    assert.equal(matching.pairs.length, 0);
    assert.equal(matching.unmatchedLeft.length, 1);
    assert.equal(matching.unmatchedRight.length, 1);
  });

  it('pairs each annotation once, the best overlap first', () => {
    const wide = at(STANCE, 0, 20);
    const close = at(STANCE, 0, 18);
    const loose = at(STANCE, 2, 14);
    // wide–close (0.9) goes first; loose is left with nothing, although wide–loose (0.6) reaches the threshold.
    const matching = matchAnnotations([wide], [loose, close]);
    assert.deepEqual(matching.pairs.map((pair) => [pair.left, pair.right]), [[wide, close]]);
    assert.deepEqual(matching.unmatchedRight, [loose]);
  });

  it('pairs two tags of the same words with their twins', () => {
    const favor = at(STANCE, 0, 10, { polarity: 'favor' });
    const against = at(STANCE, 0, 10, { polarity: 'against' });
    const matching = matchAnnotations([favor, against], [against, favor]);
    assert.equal(matching.pairs.length, 2);
    assert.ok(matching.pairs.every((pair) => pair.left === pair.right), 'favor with favor, against with against');
  });
});

describe("agreement: Cohen's kappa", () => {
  it('is 7/17 on the hand-computed example', () => {
    const result = cohensKappa(EXAMPLE_CONFUSION);
    assert.ok(result.kappa !== undefined);
    assert.ok(Math.abs(result.kappa - EXAMPLE_KAPPA) < 1e-12);
    assert.equal(result.observed, 3 / 5);
    assert.equal(result.expected, 8 / 25);
  });

  it('is −1 when two annotators disagree systematically', () => {
    assert.equal(cohensKappa([[0, 3], [3, 0]]).kappa, -1);
  });

  it('is undefined without pairs, and when chance predicts all agreement', () => {
    assert.deepEqual(cohensKappa([[0, 0], [0, 0]]), { kappa: undefined, reason: 'no-pairs' });
    assert.deepEqual(cohensKappa([[4, 0], [0, 0]]), { kappa: undefined, reason: 'one-category', observed: 1, expected: 1 });
  });

  it('never exceeds 1 nor falls below −1', () => {
    const matrix = fc.array(fc.array(fc.nat(20), { minLength: 4, maxLength: 4 }), { minLength: 4, maxLength: 4 });
    fc.assert(
      fc.property(matrix, (confusion) => {
        const { kappa } = cohensKappa(confusion);
        return kappa === undefined || (kappa <= 1 && kappa >= -1);
      }),
    );
  });
});

describe('agreement: comparing two annotators', () => {
  const report = compareAnnotators({ label: LEFT_AUTHOR, annotations: EXAMPLE_LEFT }, { label: RIGHT_AUTHOR, annotations: EXAMPLE_RIGHT });

  it('counts what each annotator tagged, and what paired', () => {
    assert.deepEqual(report.left.counts, { speaker: 2, stance: 5, source: 1, total: 8 });
    assert.deepEqual(report.right.counts, { speaker: 2, stance: 6, source: 0, total: 8 });
    assert.equal(report.pairs.length, 7);
    assert.deepEqual(report.unmatchedLeft.map((annotation) => annotation.type), ['source']);
    assert.deepEqual(report.unmatchedRight.map((annotation) => annotation.anchor.quote), ['الأطراف ستلتقي مجددا']);
  });

  it('measures span overlap, speaker agreement and kappa on polarity', () => {
    assert.ok(Math.abs((report.spans.meanJaccard ?? NaN) - EXAMPLE_MEAN_JACCARD) < 1e-12);
    assert.equal(report.spans.exactRate, 6 / 7);
    assert.deepEqual(report.speakers, { pairs: 2, sameSpeaker: 1, rate: 0.5 });
    assert.deepEqual(report.stances.confusion, EXAMPLE_CONFUSION);
    assert.ok(Math.abs((report.stances.kappa.kappa ?? NaN) - EXAMPLE_KAPPA) < 1e-12);
  });

  it('reads two authors out of one shared sidecar the same way', () => {
    const shared = [...EXAMPLE_LEFT, ...EXAMPLE_RIGHT];
    const [first, second] = authorsOf(shared);
    assert.deepEqual([first, second].sort(), [LEFT_AUTHOR, RIGHT_AUTHOR].sort());
    assert.deepEqual(compareAnnotators(annotatorOf(shared, LEFT_AUTHOR), annotatorOf(shared, RIGHT_AUTHOR)), report);
  });

  it('has nothing to say about spans, speakers or kappa without pairs', () => {
    const empty = compareAnnotators({ label: 'a', annotations: [] }, { label: 'b', annotations: EXAMPLE_RIGHT });
    assert.deepEqual(empty.spans, { meanJaccard: undefined, exactRate: undefined });
    assert.equal(empty.speakers.rate, undefined);
    assert.equal(empty.stances.kappa.reason, 'no-pairs');
  });
});

/** Annotations crowded into 60 characters, so that spans overlap often. */
const crowdedAnnotations = fc.array(
  fc.tuple(annotationArbitrary(), fc.nat(50), fc.integer({ min: 1, max: 12 })).map(([annotation, start, length]) => at(annotation, start, start + length)),
  { maxLength: 14 },
);

describe('agreement: properties', () => {
  it('is symmetric in the two annotators', () => {
    fc.assert(
      fc.property(crowdedAnnotations, crowdedAnnotations, (left, right) => {
        const forward = compareAnnotators({ label: 'a', annotations: left }, { label: 'b', annotations: right });
        const backward = compareAnnotators({ label: 'b', annotations: right }, { label: 'a', annotations: left });
        assert.deepEqual(pairSet(backward, 'right'), pairSet(forward, 'left'));
        assert.deepEqual(backward.unmatchedLeft, forward.unmatchedRight);
        assert.deepEqual(backward.spans, forward.spans);
        assert.deepEqual(backward.speakers, forward.speakers);
        assert.deepEqual(backward.stances.kappa, forward.stances.kappa);
        assert.deepEqual(backward.stances.confusion, transpose(forward.stances.confusion));
      }),
    );
  });

  it('finds perfect agreement between identical annotations, in any order', () => {
    fc.assert(
      fc.property(crowdedAnnotations.chain((annotations) => fc.tuple(fc.constant(annotations), fc.shuffledSubarray(annotations, { minLength: annotations.length }))), ([annotations, shuffled]) => {
        const report = compareAnnotators({ label: 'a', annotations }, { label: 'b', annotations: shuffled });
        assert.equal(report.pairs.length, annotations.length);
        assert.ok(report.pairs.every((pair) => pair.jaccard === 1));
        assert.equal(report.speakers.rate ?? 1, 1);
        const { kappa } = report.stances;
        assert.ok(kappa.kappa === 1 || kappa.reason === 'one-category' || kappa.reason === 'no-pairs', JSON.stringify(kappa));
        assert.equal(report.stances.confusion.flat().reduce((a, b) => a + b, 0), report.stances.pairs);
      }),
    );
  });
});

/** The pairs as [this side's id, the other side's id], sorted. */
function pairSet(report: AgreementReport, side: 'left' | 'right'): string[] {
  const other = side === 'left' ? 'right' : 'left';
  return report.pairs.map((pair) => `${pair[side].id}|${pair[other].id}`).sort();
}

function transpose(matrix: readonly (readonly number[])[]): number[][] {
  return matrix.map((row, i) => row.map((_, j) => matrix[j][i]));
}
