import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createAnchor, type Annotation } from '../../src/core/annotations';
import { BRAT_CONFIGURATION, bratDocument, bratPathsFor, clippingRows, CodePointOffsets, foldLineBreaks } from '../../src/core/export';
import { assertBratEntitiesMatch, readAnn, speakerOf, WATER, WATER_ANNOTATIONS, WATER_TEXT } from './exportFixtures';

describe('export/brat', () => {
  const document = bratDocument(WATER_TEXT, clippingRows(WATER, speakerOf));
  const { entities, attributes, notes } = readAnn(document.annotations);

  it('writes the text with LF line breaks and every T line matching it, in characters', () => {
    assert.equal(document.text, WATER_TEXT.replace(/\r\n/g, '\n'));
    assert.equal(entities.length, WATER_ANNOTATIONS.length - 1);
    assertBratEntitiesMatch(document.text, entities);
  });

  it('counts an emoji as one character and splits a quotation at its line break', () => {
    const stance = entities[1];
    assert.equal(stance.type, 'Stance');
    const before = Array.from(document.text.slice(0, document.text.indexOf('😀'))).length;
    assert.deepEqual(stance.spans, [
      [before, before + Array.from('😀 أن العمال "سيعودون').length],
      [before + Array.from('😀 أن العمال "سيعودون\n').length, before + Array.from('😀 أن العمال "سيعودون\nغداً"').length],
    ]);
    assert.equal(stance.text, '😀 أن العمال "سيعودون غداً"');
  });

  it('leaves out an orphan, whose words are not in the text', () => {
    assert.deepEqual(document.skipped.map((annotation) => annotation.id), ['a-0000000003']);
  });

  it('gives kinds and polarities as attributes and names people in notes, with the annotation id', () => {
    assert.deepEqual(attributes, [
      ['A1', 'Speech', 'T1', 'direct'],
      ['A2', 'Polarity', 'T2', 'favor'],
      ['A3', 'SourceKind', 'T3', 'broadcaster'],
      ['A4', 'Scope', 'T3', 'article'],
      ['A5', 'Speech', 'T4', 'reported'],
    ]);
    assert.deepEqual(notes[0], ['#1', 'AnnotatorNotes', 'T1', 'وزير النقل · a-0000000001']);
    assert.equal(notes[1][3], 'وزير النقل → عودة العمال · with, a "comma" and a line · a-0000000002', 'a note has no line break');
    assert.equal(notes[2][3], 'Harbour Radio · AFP · رويترز · a-0000000004');
  });

  it('declares every entity type and attribute value it writes', () => {
    const declared = new Set(BRAT_CONFIGURATION.split('\n').filter((line) => /^\w+$/.test(line)));
    entities.forEach((entity) => assert.ok(declared.has(entity.type), entity.type));
    for (const [, name, , value] of attributes) {
      const line = BRAT_CONFIGURATION.split('\n').find((candidate) => candidate.startsWith(`${name}\t`));
      assert.ok(line?.split('Value:')[1].split('|').includes(value), `${name} ${value}`);
    }
    assert.match(BRAT_CONFIGURATION, /^<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>$/m, 'overlapping tags load');
  });

  it('names the files after the whole clipping name', () => {
    assert.deepEqual(bratPathsFor('dossiers/a.clip'), { text: 'dossiers/a.clip.txt', annotations: 'dossiers/a.clip.ann' });
  });

  it('matches the text for any span of any text: astral characters, CRLF, lone CR, Unicode line separators', () => {
    const piece = fc.constantFrom('a', 'ك', ' ', '😀', '𝒳', '\r\n', '\n', '\r', '\t', '\u2028', '\u0085', '"');
    const textAndSpans = fc.array(piece, { minLength: 1, maxLength: 40 }).chain((pieces) =>
      fc.tuple(fc.constant(pieces), fc.array(fc.tuple(fc.nat(pieces.length - 1), fc.nat(pieces.length - 1)), { minLength: 1, maxLength: 5 })),
    );
    fc.assert(
      fc.property(textAndSpans, ([pieces, spans]) => {
        const text = pieces.join('');
        const offsetOf = (piece: number) => pieces.slice(0, piece).join('').length;
        const annotations: Annotation[] = spans.map(([a, b], index) => {
          const [from, to] = [Math.min(a, b), Math.max(a, b) + 1];
          const anchor = createAnchor(text, offsetOf(from), offsetOf(to));
          return { id: `a-${String(index).padStart(10, '0')}`, type: 'speaker', speaker: 's', kind: 'direct', author: 'x', created: '', modified: '', anchor };
        });
        const written = bratDocument(text, clippingRows({ ...WATER, annotations, articles: [] }, speakerOf));
        const read = readAnn(written.annotations);
        assertBratEntitiesMatch(written.text, read.entities);
        const hasLineContent = (annotation: Annotation) => /[^\n\r\u2028\u0085]/.test(annotation.anchor.quote);
        assert.equal(read.entities.length, annotations.filter(hasLineContent).length, 'only a quote of nothing but line breaks is left out');
      }),
      { numRuns: 300 },
    );
  });
});

describe('export/codePoints', () => {
  it('counts surrogate pairs once, and CRLF once when line breaks are folded', () => {
    const text = 'a😀b\r\nc';
    const kept = CodePointOffsets.of(text, 'keep');
    assert.deepEqual([0, 1, 3, 4, 5, 6, 7].map((offset) => kept.at(offset)), [0, 1, 2, 3, 4, 5, 6]);
    const folded = CodePointOffsets.of(text, 'crlf-as-lf');
    assert.deepEqual([0, 1, 3, 4, 6, 7].map((offset) => folded.at(offset)), [0, 1, 2, 3, 4, 5]);
    assert.equal(Array.from(foldLineBreaks(text)).length, folded.at(text.length));
    assert.equal(foldLineBreaks('a\rb\r\n'), 'a\nb\n');
  });
});
