import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { serializeSidecar } from '../../../src/core/annotations/sidecar';
import { serializeSpeakerRegistry } from '../../../src/core/annotations/registry';
import { ATTRIBUTION_KINDS, POLARITIES, SOURCE_KINDS, SOURCE_SCOPES, type Annotation } from '../../../src/core/annotations/types';

/** The JSON Schemas are written by hand for the YAML extension: these checks keep them in step with the code. */
const schemasDirectory = path.resolve(__dirname, '..', '..', '..', 'schemas');
interface ObjectSchema {
  properties: Record<string, { enum?: string[]; const?: string }>;
  required?: string[];
}
interface SidecarSchema {
  properties: Record<string, unknown>;
  definitions: {
    anchor: ObjectSchema & { properties: { article: ObjectSchema } };
    annotation: { allOf: { if: { properties: { type: { const: string } } }; then: ObjectSchema }[] };
  };
}
const sidecarSchema = JSON.parse(readFileSync(path.join(schemasDirectory, 'clipping-annotations.schema.json'), 'utf8')) as SidecarSchema;
const speakersSchema = JSON.parse(readFileSync(path.join(schemasDirectory, 'speakers.schema.json'), 'utf8')) as {
  properties: Record<string, unknown>;
  definitions: { speaker: ObjectSchema };
};

const TIME = '2024-05-01T10:00:00.000Z';
const anchor = { quote: 'q', prefix: 'p', suffix: 's', start: 1, end: 2, article: { index: 0, title: 't' }, orphaned: true };
const base = { id: 'a-1', author: 'x', created: TIME, modified: TIME, anchor };
/** One annotation of each type with every optional field set. */
const FULL: Annotation[] = [
  { ...base, id: 'a-1', type: 'speaker', speaker: 'kerry', kind: 'direct', cue: 'قال' },
  { ...base, id: 'a-2', type: 'stance', holder: 'kerry', polarity: 'favor', target: 't', note: 'n' },
  { ...base, id: 'a-3', type: 'source', scope: 'span', kind: 'agency', outlet: 'o', agencies: ['a'], writer: 'w' },
];

function branch(type: string): ObjectSchema {
  const found = sidecarSchema.definitions.annotation.allOf.find((rule) => rule.if.properties.type.const === type);
  return found ? found.then : assert.fail(`no schema branch for ${type}`);
}

const keys = (value: object) => Object.keys(value).sort();

describe('annotations/schemas', () => {
  it('allow exactly the keys the sidecar writes', () => {
    const written = parse(serializeSidecar({ version: 1, clipping: 'd.clip', annotations: FULL })) as {
      annotations: (Record<string, unknown> & { type: string; anchor: { article: object } })[];
    };
    assert.deepEqual(keys(sidecarSchema.properties), keys(written));
    for (const annotation of written.annotations) {
      assert.deepEqual(keys(branch(annotation.type).properties), keys(annotation), annotation.type);
    }
    assert.deepEqual(keys(sidecarSchema.definitions.anchor.properties), keys(written.annotations[0].anchor));
    assert.deepEqual(keys(sidecarSchema.definitions.anchor.properties.article.properties), keys(written.annotations[0].anchor.article));
  });

  it('list the same values as the model', () => {
    assert.deepEqual(branch('speaker').properties.kind.enum, ATTRIBUTION_KINDS);
    assert.deepEqual(branch('stance').properties.polarity.enum, POLARITIES);
    assert.deepEqual(branch('source').properties.kind.enum, SOURCE_KINDS);
    assert.deepEqual(branch('source').properties.scope.enum, SOURCE_SCOPES);
  });

  it('allow exactly the keys the speaker registry writes', () => {
    const written = parse(
      serializeSpeakerRegistry({ version: 1, speakers: [{ id: 'k', name: 'n', aliases: ['a'], role: 'r', affiliation: 'f' }] }),
    ) as { speakers: object[] };
    assert.deepEqual(keys(speakersSchema.properties), keys(written));
    assert.deepEqual(keys(speakersSchema.definitions.speaker.properties), keys(written.speakers[0]));
  });
});
