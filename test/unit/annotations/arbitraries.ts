/** fast-check generators of annotation data, with the strings YAML finds hardest to keep. */

import fc from 'fast-check';
import type { Anchor, Annotation, Speaker } from '../../../src/core/annotations/types';

const awkwardCharacter = fc.constantFrom('a', 'ك', 'ى', ' ', '\n', '\r', '\t', '"', "'", '#', ':', '-', '\\', '😀', '\u200f');
const awkwardWhole = fc.constantFrom('yes', 'null', '~', '123', '0x1F', '- x', '# c', ' lead', 'trail ', '@x', '`x', '{a}', '[a]', '*a', '&a', '!a', '%a', '|', '>', 'a: b');

/** Long enough (size 'medium') to reach the yaml library's 40-character threshold for splitting quoted text. */
export const awkwardString = fc.oneof(fc.string({ unit: awkwardCharacter, maxLength: 80, size: 'medium' }), awkwardWhole);
const nonEmptyString = fc.oneof(fc.string({ unit: awkwardCharacter, minLength: 1, maxLength: 80, size: 'medium' }), awkwardWhole);
const token = fc.stringMatching(/^[a-z][a-z0-9-]{0,11}$/);
const isoTime = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true })
  .map((date) => date.toISOString());

export const anchorArbitrary: fc.Arbitrary<Anchor> = fc
  .record(
    {
      quote: nonEmptyString,
      prefix: awkwardString,
      suffix: awkwardString,
      start: fc.nat({ max: 100_000 }),
      article: fc.record({ index: fc.nat({ max: 50 }), title: awkwardString }, { noNullPrototype: true }),
      orphaned: fc.constant(true),
    },
    { requiredKeys: ['quote', 'prefix', 'suffix', 'start'], noNullPrototype: true },
  )
  .map(({ start, quote, ...rest }) => ({ ...rest, quote, start, end: start + quote.length }));

const body = fc.oneof(
  fc.record(
    { type: fc.constant('speaker' as const), speaker: token, kind: fc.constantFrom('direct' as const, 'reported' as const), cue: awkwardString },
    { requiredKeys: ['type', 'speaker', 'kind'], noNullPrototype: true },
  ),
  fc.record(
    {
      type: fc.constant('stance' as const),
      holder: token,
      target: awkwardString,
      polarity: fc.constantFrom('favor' as const, 'against' as const, 'neutral' as const, 'mixed' as const),
      note: awkwardString,
    },
    { requiredKeys: ['type', 'holder', 'target', 'polarity'], noNullPrototype: true },
  ),
  fc.record(
    {
      type: fc.constant('source' as const),
      scope: fc.constantFrom('article' as const, 'span' as const),
      kind: fc.constantFrom('newspaper' as const, 'agency' as const, 'social-media' as const, 'anonymous' as const),
      outlet: awkwardString,
      agencies: fc.array(awkwardString, { maxLength: 3 }),
      writer: awkwardString,
    },
    { requiredKeys: ['type', 'scope', 'kind'], noNullPrototype: true },
  ),
);

/** Annotations whose ids are `a-` and ten characters of `idSeed`'s base-32 spelling. */
export function annotationArbitrary(idSeed: fc.Arbitrary<number> = fc.nat()): fc.Arbitrary<Annotation> {
  return fc
    .record({ seed: idSeed, body, anchor: anchorArbitrary, author: awkwardString, created: isoTime, modified: isoTime })
    .map(({ seed, body: own, ...base }) => ({ ...own, ...base, id: 'a-' + seed.toString(32).padStart(10, '0') }));
}

export const annotationsArbitrary = fc.uniqueArray(annotationArbitrary(), { selector: (annotation) => annotation.id, maxLength: 12 });

export const speakerArbitrary: fc.Arbitrary<Speaker> = fc.record(
  {
    id: fc.stringMatching(/^[a-z][a-z0-9_-]{0,15}$/),
    name: nonEmptyString,
    aliases: fc.array(awkwardString, { maxLength: 4 }),
    role: awkwardString,
    affiliation: awkwardString,
  },
  { requiredKeys: ['id', 'name', 'aliases'], noNullPrototype: true },
);

export const speakersArbitrary = fc.uniqueArray(speakerArbitrary, { selector: (speaker) => speaker.id, maxLength: 8 });
