/**
 * The workspace speaker registry `.clippings/speakers.yaml`: read like a sidecar (fast when it
 * is valid, with precise error positions when it is not), written new, and edited one speaker
 * block at a time like a sidecar, so comments stay and concurrent additions merge. Speakers are
 * kept in order of name, then id.
 */

import { ID_PATTERN } from './ids';
import { compareText, REGISTRY_VERSION, type Speaker, type SpeakerRegistry } from './types';
import { insertItemText, removeItemText, renderEntries, renderItem, replaceItemText, type BlockListSpec } from './yamlBlocks';
import { readListFile, type Fields, type ListFileShape, type ReadFailure, type ShapeReport } from './yamlShape';

export type RegistryParse = RegistryRead | ReadFailure;
type RegistryRead = { readonly ok: true; readonly registry: SpeakerRegistry };

const SPEAKERS: BlockListSpec<Speaker> = {
  key: 'speakers',
  toYaml: speakerToYaml,
  sortKey: (item) => {
    const { id, name } = (item ?? {}) as { id?: unknown; name?: unknown };
    return typeof name === 'string' && typeof id === 'string' ? [name, id] : undefined;
  },
};

export function serializeSpeakerRegistry(registry: SpeakerRegistry): string {
  const speakers = [...registry.speakers].sort(compareSpeakers);
  const header =
    '# Speakers of this workspace (press clippings): who said what, under every spelling.\n' +
    renderEntries({ version: registry.version });
  if (speakers.length === 0) return header + 'speakers: []\n';
  return header + 'speakers:\n' + speakers.map((speaker) => renderItem(speakerToYaml(speaker), 2)).join('');
}

export function insertSpeakerText(registryText: string, speaker: Speaker): string {
  return insertItemText(SPEAKERS, registryText, speaker);
}

export function replaceSpeakerText(registryText: string, id: string, speaker: Speaker): string {
  return replaceItemText(SPEAKERS, registryText, id, speaker);
}

export function removeSpeakerText(registryText: string, id: string): string {
  return removeItemText(SPEAKERS, registryText, id);
}

export function parseSpeakerRegistry(text: string): RegistryParse {
  return readListFile(text, SPEAKER_REGISTRY_FILE);
}

/** How the registry is read; for readListFileFast and readListFileExactly, one reading alone. */
export const SPEAKER_REGISTRY_FILE: ListFileShape<Speaker, RegistryRead> = {
  title: 'The speaker registry',
  itemTitle: 'A speaker',
  version: REGISTRY_VERSION,
  listKey: 'speakers',
  keys: ['version', 'speakers'],
  readItem: readSpeaker,
  contents: (_root, items) => ({ ok: true, registry: { version: REGISTRY_VERSION, speakers: items.map(({ item }) => item) } }),
};

function readSpeaker(fields: Fields, report: ShapeReport): Speaker | undefined {
  fields.onlyKeys(['id', 'name', 'aliases', 'role', 'affiliation']);
  const id = fields.string('id', true, ID_PATTERN);
  const name = fields.string('name', true);
  const aliases = fields.strings('aliases') ?? [];
  const role = fields.string('role', false);
  const affiliation = fields.string('affiliation', false);
  if (name === '') report.add(`'name' must not be empty`, fields.rangeOfKey('name'));
  if (id === undefined || !name) return undefined;
  return {
    id,
    name,
    aliases,
    ...(role !== undefined && { role }),
    ...(affiliation !== undefined && { affiliation }),
  };
}

function compareSpeakers(a: Speaker, b: Speaker): number {
  return compareText(a.name, b.name) || compareText(a.id, b.id);
}

function speakerToYaml(speaker: Speaker): Record<string, unknown> {
  return {
    id: speaker.id,
    name: speaker.name,
    aliases: speaker.aliases,
    role: speaker.role,
    affiliation: speaker.affiliation,
  };
}
