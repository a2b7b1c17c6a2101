import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compareAnnotations, parseSidecar, serializeSidecar, type Annotation, type Sidecar } from '../../src/core/annotations';
import { COLUMNS, exportRows, jsonLines, mergeIntoSidecar, parseJsonLines } from '../../src/core/export';
import type { IndexedClipping } from '../../src/core/workspaceModel';
import { annotationsArbitrary } from './annotations/arbitraries';
import { speakerOf, WATER, WATER_ANNOTATIONS } from './exportFixtures';

function clippingOf(relativePath: string, annotations: readonly Annotation[]): IndexedClipping {
  return { uri: `file:///work/${relativePath}`, relativePath, articles: [], annotations, sidecarProblem: undefined };
}

function sidecarOf(clipping: IndexedClipping): Sidecar {
  return { version: 1, clipping: clipping.relativePath.split('/').pop() ?? '', annotations: [...clipping.annotations].sort(compareAnnotations) };
}

const exported = (clippings: readonly IndexedClipping[]) => [...jsonLines(exportRows(clippings, speakerOf))].join('');

describe('export/jsonLines', () => {
  it('writes one object per line: the columns the annotation has, in order, then the whole annotation', () => {
    const lines = exported([WATER]).split('\n');
    assert.equal(lines.pop(), '', 'the last line ends with a line feed');
    assert.equal(lines.length, WATER_ANNOTATIONS.length);
    const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    records.forEach((record, index) => {
      const keys = Object.keys(record);
      assert.deepEqual(keys, [...COLUMNS, 'annotation'].filter((key) => keys.includes(key)), 'in column order');
      assert.deepEqual(record.annotation, WATER_ANNOTATIONS[index]);
    });
    const [speaker, , , source] = records;
    assert.deepEqual([speaker.speaker, speaker.speech, 'holder' in speaker, 'source_kind' in speaker], ['وزير النقل', 'direct', false, false]);
    assert.deepEqual([source.source_kind, 'speaker' in source], ['broadcaster', false]);
    assert.deepEqual(source.source_agencies, ['AFP', 'رويترز']);
    assert.equal(source.date, undefined, 'an article without a date has no date field');
    assert.equal(speaker.date, '2024-03-12');
  });

  it('round trip: importing an export gives back every sidecar, ids, anchors and times included', () => {
    const clippings = fc.uniqueArray(
      fc.record({ path: fc.constantFrom('a.clip', 'dossiers/ب.clip', 'x/y/z.txt', 'dossiers/a.clip'), annotations: annotationsArbitrary }),
      { selector: (clipping) => clipping.path, maxLength: 4 },
    );
    fc.assert(
      fc.property(clippings, (generated) => {
        const indexed = generated.filter((clipping) => clipping.annotations.length > 0).map((clipping) => clippingOf(clipping.path, clipping.annotations));
        const imported = parseJsonLines(exported(indexed));
        assert.deepEqual(imported.problems, []);
        const expected = [...indexed].sort((a, b) => (a.relativePath < b.relativePath ? -1 : 1));
        assert.deepEqual(imported.clippings.map((clipping) => clipping.file), expected.map((clipping) => clipping.relativePath));
        imported.clippings.forEach((clipping, index) => {
          assert.deepEqual(clipping.sidecar, sidecarOf(expected[index]));
          assert.equal(serializeSidecar(clipping.sidecar), serializeSidecar(sidecarOf(expected[index])));
        });
      }),
      { numRuns: 150 },
    );
  });

  it('keeps characters JSON escapes and YAML treats specially', () => {
    const quote = 'a\u0085b\u2028c\u200f"\\\t😀: #x';
    const [annotation] = WATER_ANNOTATIONS;
    const awkward = { ...annotation, author: 'null', anchor: { ...annotation.anchor, quote, prefix: '- x', suffix: '{a}' } };
    const [clipping] = parseJsonLines(exported([clippingOf('a.clip', [awkward])])).clippings;
    assert.deepEqual(clipping.sidecar.annotations, [awkward]);
  });

  it('reports the lines it leaves out, and imports the rest', () => {
    const [good, other] = exported([WATER]).split('\n');
    const record = JSON.parse(good) as { annotation: Record<string, unknown> };
    const withoutSpeaker = JSON.stringify({ file: 'dossiers/water.clip', annotation: { ...record.annotation, speaker: undefined } });
    const rival = JSON.stringify({ ...record, annotation: { ...record.annotation, author: 'someone else' } });
    const outside = ['../water.clip', '/etc/water.clip', 'dossiers/./water.clip', 'dossiers\\..\\..\\water.clip', 'dossiers/'].map((file) => JSON.stringify({ ...record, file }));
    const text = ['\uFEFF' + good, '', 'not json', '[1]', JSON.stringify({ annotation: record.annotation }), withoutSpeaker, rival, ...outside, good, other + '\r', ''].join('\n');
    const imported = parseJsonLines(text);
    assert.deepEqual(
      imported.problems.map((problem) => problem.line),
      [3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
    );
    assert.match(imported.problems[3].message, /speaker/);
    assert.match(imported.problems[4].message, /a-0000000001/);
    assert.match(imported.problems[5].message, /inside the workspace folder/, 'no path leads out of the workspace folder');
    assert.deepEqual(imported.clippings[0].sidecar.annotations, WATER_ANNOTATIONS.slice(0, 2), 'a repeated identical line is no problem');
  });
});

describe('export/mergeIntoSidecar', () => {
  const [first, second, third] = WATER_ANNOTATIONS;
  const incoming: Sidecar = { version: 1, clipping: 'water.clip', annotations: [first, second, third] };

  it('writes a new sidecar when the clipping has none', () => {
    const merge = mergeIntoSidecar(undefined, incoming);
    assert.ok(merge.ok);
    assert.equal(merge.text, serializeSidecar(incoming));
    assert.deepEqual(merge.added, [first.id, second.id, third.id]);
  });

  it('adds new ids, leaves equal ones, reports different ones, and keeps hand-written comments', () => {
    const changedSecond = { ...second, author: 'someone else' };
    const current = serializeSidecar({ version: 1, clipping: 'water.clip', annotations: [first, changedSecond] }).replace('annotations:\n', 'annotations:\n  # checked by hand\n');
    const merge = mergeIntoSidecar(current, incoming);
    assert.ok(merge.ok);
    assert.deepEqual([merge.added, merge.unchanged, merge.conflicts], [[third.id], [first.id], [second.id]]);
    assert.ok(merge.text.includes('  # checked by hand\n'));
    const parsed = parseSidecar(merge.text);
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.sidecar.annotations, [first, changedSecond, third]);
  });

  it('changes nothing in a sidecar that does not parse', () => {
    const merge = mergeIntoSidecar('version: 1\nannotations: [\n', incoming);
    assert.equal(merge.ok, false);
  });
});
