/**
 * What the export tests share: a small annotated dossier (Arabic, CRLF line breaks, an emoji,
 * a quotation over a line break, commas and quotes) as the workspace index would hold it,
 * and readers for what the exports write, so tests check the files by reading them back.
 * The integration test reads the files the real commands write with the same readers.
 */

import assert from 'node:assert/strict';
import { createAnchor, type Annotation, type AnnotationBody, type Speaker } from '../../src/core/annotations';
import type { IndexedArticle, IndexedClipping, SpeakerLookup } from '../../src/core/workspaceModel';

export const SPEAKERS: readonly Speaker[] = [
  { id: 'minister', name: 'وزير النقل', aliases: [] },
  { id: 'union', name: 'Dockers, "United"', aliases: [] },
];

export const speakerOf: SpeakerLookup = (_uri, id) => SPEAKERS.find((speaker) => speaker.id === id);

export const WATER_TEXT = [
  'ملف: قمة المياه',
  '',
  'وزراء يتفقون على إعادة فتح الميناء',
  'الأهرام',
  '2024-03-12',
  'قال الوزير: "سنعيد فتح الميناء خلال شهر، بلا تأخير".',
  'وأضاف 😀 أن العمال "سيعودون',
  'غداً" إلى الأرصفة.',
  '=====',
  'Unions warn, again',
  'Harbour Radio',
  'The union said "no night shifts, not now".',
  '',
].join('\r\n');

const TIME = '2024-03-12T10:00:00.000Z';

/** An annotation of the `occurrence`-th appearance of `quote` in `text`. */
export function annotate(text: string, id: string, quote: string, body: AnnotationBody, occurrence = 0): Annotation {
  let start = -1;
  for (let seen = 0; seen <= occurrence; seen++) start = text.indexOf(quote, start + 1);
  assert.ok(start >= 0, `the text has «${quote}»`);
  return { ...body, id, author: 'سمير', created: TIME, modified: TIME, anchor: createAnchor(text, start, start + quote.length) };
}

/** In document order. The third was orphaned: its words are gone, its offsets are where they were. */
export const WATER_ANNOTATIONS: readonly Annotation[] = [
  annotate(WATER_TEXT, 'a-0000000001', 'سنعيد فتح الميناء خلال شهر، بلا تأخير', { type: 'speaker', speaker: 'minister', kind: 'direct', cue: 'قال' }),
  annotate(WATER_TEXT, 'a-0000000002', '😀 أن العمال "سيعودون\r\nغداً"', { type: 'stance', holder: 'minister', target: 'عودة العمال', polarity: 'favor', note: 'with, a "comma"\nand a line' }),
  orphaned(annotate(WATER_TEXT, 'a-0000000003', 'الأرصفة', { type: 'stance', holder: 'ghost', target: 'الأرصفة', polarity: 'mixed' }), 'كلمات حذفت'),
  annotate(WATER_TEXT, 'a-0000000004', 'Unions warn, again', { type: 'source', scope: 'article', kind: 'broadcaster', outlet: 'Harbour Radio', agencies: ['AFP', 'رويترز'] }),
  annotate(WATER_TEXT, 'a-0000000005', 'no night shifts, not now', { type: 'speaker', speaker: 'union', kind: 'reported' }),
];

function orphaned(annotation: Annotation, lostQuote: string): Annotation {
  return { ...annotation, anchor: { ...annotation.anchor, quote: lostQuote, orphaned: true } };
}

function articleOf(text: string, index: number, title: string, outlet: string | undefined, date: string | undefined, end: number): IndexedArticle {
  return { index, title, outlet, date, start: text.indexOf(title), end };
}

export const WATER: IndexedClipping = {
  uri: 'file:///work/dossiers/water.clip',
  relativePath: 'dossiers/water.clip',
  articles: [
    articleOf(WATER_TEXT, 0, 'وزراء يتفقون على إعادة فتح الميناء', 'الأهرام', '2024-03-12', WATER_TEXT.indexOf('=====')),
    articleOf(WATER_TEXT, 1, 'Unions warn, again', 'Harbour Radio', undefined, WATER_TEXT.length),
  ],
  annotations: WATER_ANNOTATIONS,
  sidecarProblem: undefined,
};

/** RFC 4180 records: fields split on commas, quoted fields may hold commas, `""` and line breaks. */
export function readCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (character === '"') quoted = false;
      else field += character;
    } else if (character === '"') quoted = true;
    else if (character === ',') {
      record.push(field);
      field = '';
    } else if (character === '\r' && text[index + 1] === '\n') {
      records.push([...record, field]);
      record = [];
      field = '';
      index++;
    } else {
      assert.notEqual(character, '\n', `a bare line feed outside quotes at ${index}`);
      field += character;
    }
  }
  assert.equal(field + record.join(''), '', 'the last record ends with CRLF');
  return records;
}

export interface BratEntity {
  readonly id: string;
  readonly type: string;
  readonly spans: readonly (readonly [number, number])[];
  readonly text: string;
}

/** The `T` lines of an `.ann` file, and its other lines by kind. */
export function readAnn(ann: string): { entities: BratEntity[]; attributes: string[][]; notes: string[][] } {
  const entities: BratEntity[] = [];
  const attributes: string[][] = [];
  const notes: string[][] = [];
  assert.ok(ann === '' || ann.endsWith('\n'), 'the last line ends with a line feed');
  for (const line of ann.split('\n').slice(0, -1)) {
    const [id, data, ...rest] = line.split('\t');
    if (id.startsWith('T')) {
      const [type, ...offsets] = data.split(' ');
      const spans = offsets.join(' ').split(';').map((span) => span.split(' ').map(Number) as [number, number]);
      entities.push({ id, type, spans, text: rest.join('\t') });
    } else if (id.startsWith('A')) attributes.push([id, ...data.split(' ')]);
    else if (id.startsWith('#')) notes.push([id, ...data.split(' '), rest.join('\t')]);
    else assert.fail(`an unknown line: ${line}`);
  }
  return { entities, attributes, notes };
}

/** brat's own check: the text of a `T` line is its spans' texts, in characters, joined by one space. */
export function assertBratEntitiesMatch(txt: string, entities: readonly BratEntity[]): void {
  const characters = Array.from(txt);
  for (const entity of entities) {
    const spanTexts = entity.spans.map(([start, end]) => characters.slice(start, end).join(''));
    assert.equal(spanTexts.join(' '), entity.text, `${entity.id} matches the .txt at ${JSON.stringify(entity.spans)}`);
  }
}
