import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Annotation, Speaker } from '../../src/core/annotations';
import { renderMarkdown, summarize, type ReportDocument } from '../../src/core/summary';
import type { IndexedArticle, IndexedClipping, SpeakerLookup } from '../../src/core/workspaceModel';
import { EXAMPLE_CLIPPING, EXAMPLE_LEFT, EXAMPLE_RIGHT } from './agreementExample';
import { annotationsArbitrary } from './annotations/arbitraries';

const REGISTRY: readonly Speaker[] = [
  { id: 'foreign-minister', name: 'وزير الخارجية', aliases: [] },
  { id: 'spokesman', name: 'المتحدث باسم الحكومة', aliases: [] },
];
const speakerOf: SpeakerLookup = (_clipping, id) => REGISTRY.find((speaker) => speaker.id === id);

function clipping(relativePath: string, annotations: readonly Annotation[], articles: readonly IndexedArticle[] = [], sidecarProblem?: string): IndexedClipping {
  return { uri: `file:///work/${relativePath}`, relativePath, articles, annotations, sidecarProblem };
}

function article(index: number, start: number, end: number, outlet: string | undefined): IndexedArticle {
  return { index, title: `article ${index}`, outlet, date: undefined, start, end };
}

function source(start: number, fields: { kind: 'newspaper' | 'agency'; outlet?: string; agencies?: string[] }): Annotation {
  const { id, author, created, modified, anchor } = EXAMPLE_LEFT[0];
  return { id: `${id}${start}`, author, created, modified, type: 'source', scope: 'article', ...fields, anchor: { ...anchor, start, end: start + 5 } };
}

describe('summary of annotated clippings', () => {
  const waterTalks = clipping('water/talks.clip', [...EXAMPLE_LEFT, ...EXAMPLE_RIGHT], [article(0, 0, EXAMPLE_CLIPPING.length, 'الشروق')]);
  const summary = summarize([waterTalks], speakerOf);

  it('counts each speaker’s direct and reported speech, named from the registry, the most quoted first', () => {
    assert.deepEqual(summary.speakers, [
      { id: 'foreign-minister', name: 'وزير الخارجية', direct: 0, reported: 2 },
      { id: 'informed-source', name: 'informed-source', direct: 0, reported: 1 },
      { id: 'spokesman', name: 'المتحدث باسم الحكومة', direct: 0, reported: 1 },
    ]);
  });

  it('tables stances by holder and target, and sums them by holder for the chart', () => {
    const union = summary.stances.find((line) => line.holder === 'union');
    assert.deepEqual(union, { holder: 'union', holderName: 'union', target: 'الاتفاق', counts: { favor: 1, against: 1, neutral: 0, mixed: 0 } });
    assert.deepEqual(summary.holders.find((holder) => holder.id === 'foreign-minister'), { id: 'foreign-minister', name: 'وزير الخارجية', counts: { favor: 2, against: 0, neutral: 0, mixed: 0 } });
    assert.equal(summary.holders.reduce((sum, holder) => sum + Object.values(holder.counts).reduce((a, b) => a + b, 0), 0), 11);
  });

  it('merges spellings that normalize alike, showing the most frequent', () => {
    const [hamza, plain] = EXAMPLE_RIGHT.filter((annotation) => annotation.type === 'stance').slice(0, 2);
    const lines = summarize([clipping('a.clip', [
      { ...hamza, target: 'الإتفاق', holder: 'x' } as Annotation,
      { ...plain, target: 'الاتفاق', holder: 'x' } as Annotation,
      { ...plain, id: 'a-other00000', target: 'الاتفاق', holder: 'x' } as Annotation,
    ])], speakerOf).stances;
    assert.equal(lines.length, 1);
    assert.equal(lines[0].target, 'الاتفاق');
    assert.equal(lines[0].counts.favor, 3);
  });

  it('counts sources by kind and outlet, taking the article’s outlet when the tag names none', () => {
    const articles = [article(0, 0, 100, 'الأهرام'), article(1, 100, 200, undefined)];
    const tags = [
      source(10, { kind: 'newspaper' }),
      source(20, { kind: 'newspaper', outlet: 'الاهرام', agencies: ['رويترز', 'أ ف ب'] }),
      source(110, { kind: 'agency', agencies: ['رويترز'] }),
    ];
    const result = summarize([clipping('b.clip', tags, articles)], speakerOf);
    assert.deepEqual(result.sourceKinds, [{ kind: 'newspaper', count: 2 }, { kind: 'agency', count: 1 }]);
    assert.deepEqual(result.sources, [
      { outlet: 'الأهرام', kind: 'newspaper', count: 2 },
      { outlet: undefined, kind: 'agency', count: 1 },
    ]);
    assert.deepEqual(result.citations, [
      { outlet: 'الأهرام', agency: 'أ ف ب', count: 1 },
      { outlet: 'الأهرام', agency: 'رويترز', count: 1 },
      { outlet: undefined, agency: 'رويترز', count: 1 },
    ]);
  });

  it('lists every clipping, with the reason when its sidecar could not be read', () => {
    const broken = clipping('broken.clip', [], [article(0, 0, 10, undefined)], 'line 3: bad indentation');
    const result = summarize([waterTalks, broken], speakerOf);
    assert.equal(result.articles, 2);
    assert.deepEqual(result.clippings.map((line) => [line.relativePath, line.speakerTags, line.stanceTags, line.sourceTags, line.sidecarProblem]), [
      ['water/talks.clip', 4, 11, 1, undefined],
      ['broken.clip', 0, 0, 0, 'line 3: bad indentation'],
    ]);
  });

  it('accounts for every tag exactly once', () => {
    fc.assert(
      fc.property(fc.array(annotationsArbitrary, { maxLength: 4 }), (sidecars) => {
        const result = summarize(sidecars.map((annotations, index) => clipping(`${index}.clip`, annotations)), speakerOf);
        const all = sidecars.flat();
        const count = (type: Annotation['type']) => all.filter((annotation) => annotation.type === type).length;
        const sumOf = (numbers: number[]) => numbers.reduce((a, b) => a + b, 0);
        assert.equal(sumOf(result.speakers.map((line) => line.direct + line.reported)), count('speaker'));
        assert.equal(sumOf(result.stances.flatMap((line) => Object.values(line.counts))), count('stance'));
        assert.equal(sumOf(result.holders.flatMap((line) => Object.values(line.counts))), count('stance'));
        assert.equal(sumOf(result.sources.map((line) => line.count)), count('source'));
        assert.equal(sumOf(result.sourceKinds.map((line) => line.count)), count('source'));
      }),
    );
  });
});

describe('report documents as Markdown', () => {
  const document: ReportDocument = {
    title: 'Summary: water | talks',
    sections: [
      { heading: 'Overview', blocks: [{ kind: 'facts', rows: [['Kappa', '0.412'], ['Only سمير', 7]] }] },
      {
        heading: 'Stances',
        blocks: [
          { kind: 'bars', rowHeading: 'Holder', categories: [{ key: 'favor', label: 'in favor' }, { key: 'against', label: 'against' }], rows: [{ label: 'وزير الخارجية', counts: [2, 0] }] },
          { kind: 'table', columns: ['Quote', 'Count'], rows: [['- a *starred*\nline', 3]] },
          { kind: 'text', text: '1. not a list' },
        ],
      },
    ],
  };

  // Right-to-left text is wrapped in U+2068…U+2069, so that `سمير: 7` does not show as `7 :سمير`.
  it('writes headings, facts, tables and bars as tables, with the text kept as it is and Arabic isolated', () => {
    assert.equal(
      renderMarkdown(document),
      [
        '# Summary: water \\| talks',
        '## Overview',
        '- Kappa: **0.412**\n- \u2068Only سمير\u2069: **7**',
        '## Stances',
        '| Holder | in favor | against |\n| --- | ---: | ---: |\n| \u2068وزير الخارجية\u2069 | 2 | 0 |',
        '| Quote | Count |\n| --- | ---: |\n| \\- a \\*starred\\* line | 3 |',
        '1\\. not a list',
      ].join('\n\n') + '\n',
    );
  });
});
