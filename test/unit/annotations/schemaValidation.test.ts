import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import fc from 'fast-check';
import { parse } from 'yaml';
import { serializeSidecar } from '../../../src/core/annotations/sidecar';
import { annotationsArbitrary } from './arbitraries';

/**
 * The contributed JSON Schema is what hand-editors get checked against (yamlValidation):
 * every sidecar the extension writes must validate, and typical hand mistakes must not.
 */
const schema = JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', '..', 'schemas', 'clipping-annotations.schema.json'), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

function errorsOf(): string {
  return JSON.stringify(validate.errors, null, 1);
}

describe('annotations/the sidecar JSON Schema, through a JSON Schema validator', () => {
  it('accepts every sidecar the extension writes', () => {
    fc.assert(
      fc.property(annotationsArbitrary, (annotations) => {
        const data: unknown = parse(serializeSidecar({ version: 1, clipping: 'dossier.clip', annotations }));
        assert.ok(validate(data), errorsOf());
      }),
      { numRuns: 100 },
    );
  });

  it('rejects a stance without a polarity, an unknown type and a negative offset', () => {
    const written = parse(serializeSidecar({ version: 1, clipping: 'dossier.clip', annotations: [] })) as Record<string, unknown>;
    const anchor = { quote: 'q', prefix: '', suffix: '', start: 0, end: 1 };
    const base = { id: 'a-1', author: 'x', created: '2024-05-01T10:00:00.000Z', modified: '2024-05-01T10:00:00.000Z', anchor };
    for (const annotation of [
      { ...base, type: 'stance', holder: 'kerry', target: 't' },
      { ...base, type: 'rumour' },
      { ...base, type: 'speaker', speaker: 'kerry', kind: 'direct', anchor: { ...anchor, start: -1 } },
    ]) {
      assert.equal(validate({ ...written, annotations: [annotation] }), false, JSON.stringify(annotation));
    }
  });
});
