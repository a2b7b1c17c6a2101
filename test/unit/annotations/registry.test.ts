import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  insertSpeakerText,
  parseSpeakerRegistry,
  removeSpeakerText,
  replaceSpeakerText,
  serializeSpeakerRegistry,
} from '../../../src/core/annotations/registry';
import type { Speaker, SpeakerRegistry } from '../../../src/core/annotations/types';
import { speakersArbitrary } from './arbitraries';

const KERRY: Speaker = { id: 'kerry', name: 'جون كيري', aliases: ['كيري', 'كيرى', 'John Kerry'], role: 'وزير الخارجية الأميركي' };
const LAVROV: Speaker = { id: 'lavrov', name: 'سيرغي لافروف', aliases: ['لافروف'], affiliation: 'روسيا' };
const BRAHIMI: Speaker = { id: 's-7k2m9q4x1c', name: 'الأخضر الإبراهيمي', aliases: [] };

function registryOf(speakers: readonly Speaker[]): SpeakerRegistry {
  return { version: 1, speakers };
}

function speakersIn(text: string): Speaker[] {
  const result = parseSpeakerRegistry(text);
  assert.ok(result.ok, result.ok ? '' : `${result.error.message} at ${result.error.line}:${result.error.column}`);
  return [...result.registry.speakers];
}

describe('annotations/registry', () => {
  it('writes speakers by name, aliases on one line, and reads them back', () => {
    const text = serializeSpeakerRegistry(registryOf([LAVROV, KERRY, BRAHIMI]));
    assert.match(text, /^ {4}aliases: \[كيري, كيرى, John Kerry\]$/m);
    assert.deepEqual(speakersIn(text), [BRAHIMI, KERRY, LAVROV]);
    assert.deepEqual(speakersIn(serializeSpeakerRegistry(registryOf([]))), []);
  });

  it('reads back any speaker it wrote', () => {
    fc.assert(
      fc.property(speakersArbitrary, (speakers) => {
        const text = serializeSpeakerRegistry(registryOf(speakers));
        assert.deepEqual(
          speakersIn(text).map((s) => s.id),
          [...speakers].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1)).map((s) => s.id),
        );
        assert.deepEqual(new Set(speakersIn(text)), new Set(speakers));
      }),
      { numRuns: 150 },
    );
  });

  it('reports shape errors where they are', () => {
    const text = serializeSpeakerRegistry(registryOf([KERRY])).replace('aliases: [', 'aliases: [3, ');
    const result = parseSpeakerRegistry(text);
    assert.ok(!result.ok);
    assert.match(result.error.message, /'aliases' must hold only strings/);
    assert.equal(result.error.line, text.split('\n').findIndex((line) => line.includes('aliases')));
    const duplicate = insertSpeakerText(serializeSpeakerRegistry(registryOf([KERRY])), { ...LAVROV, id: 'kerry' });
    const second = parseSpeakerRegistry(duplicate);
    assert.ok(!second.ok && /Duplicate id 'kerry'/.test(second.error.message));
    const unnamed = parseSpeakerRegistry('version: 1\nspeakers:\n  - id: x\n    name: ""\n');
    assert.ok(!unnamed.ok && /'name' must not be empty/.test(unnamed.error.message));
  });

  it('adds, changes and removes one speaker without touching the rest', () => {
    const text = '# shared by the team\n' + serializeSpeakerRegistry(registryOf([KERRY])).replace('  - id: kerry', '  # US\n  - id: kerry');
    const added = insertSpeakerText(text, LAVROV);
    assert.ok(added.startsWith(text), 'سيرغي sorts after جون: appended after the last block');
    const withBrahimi = insertSpeakerText(added, BRAHIMI);
    assert.deepEqual(speakersIn(withBrahimi), [BRAHIMI, KERRY, LAVROV]);
    const renamed = replaceSpeakerText(withBrahimi, 'kerry', { ...KERRY, aliases: [...KERRY.aliases, 'Kerry'] });
    const removed = removeSpeakerText(renamed, 'lavrov');
    assert.deepEqual(speakersIn(removed), [BRAHIMI, { ...KERRY, aliases: [...KERRY.aliases, 'Kerry'] }]);
    assert.ok(removed.includes('# shared by the team') && removed.includes('  # US\n'));
  });
});
