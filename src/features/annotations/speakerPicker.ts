import * as vscode from 'vscode';
import { createSpeaker, cryptoRandomBytes, type Speaker } from '../../core/annotations';
import type { SpeakerRegistryStore } from './speakerRegistry';

interface SpeakerItem extends vscode.QuickPickItem {
  readonly speaker?: Speaker;
  readonly newName?: string;
}

/**
 * Finds the speaker an argument names (an id, or any spelling of a name or alias), creating
 * a new registry entry when nobody matches: scripts can tag with a plain name.
 */
export async function speakerFromArgument(registry: SpeakerRegistryStore, clipping: vscode.Uri, value: string): Promise<Speaker> {
  const byId = await registry.speakerById(clipping, value);
  if (byId) {
    return byId;
  }
  const [best] = await registry.search(clipping, value);
  if (best && (best.rank === 'exact' || best.rank === 'clitic')) {
    return best.speaker;
  }
  return addSpeaker(registry, clipping, value);
}

/**
 * A quick pick of the registry's speakers, filtered by our own Arabic-aware matching (any
 * spelling, clitic prefixes set aside) rather than VS Code's fuzzy filter, with a last item
 * that creates a new speaker from what was typed.
 */
export async function pickSpeaker(
  registry: SpeakerRegistryStore,
  clipping: vscode.Uri,
  options: { readonly title: string; readonly initialQuery: string },
): Promise<Speaker | undefined> {
  const speakers = await registry.speakersFor(clipping);
  const picker = vscode.window.createQuickPick<SpeakerItem>();
  picker.title = options.title;
  picker.placeholder = vscode.l10n.t('Type a name in any spelling; pick a speaker or create a new one');
  picker.value = options.initialQuery;
  picker.matchOnDescription = true;
  const refresh = async () => {
    const query = picker.value.trim();
    const matches = query === '' ? [...speakers].sort((a, b) => a.name.localeCompare(b.name)) : (await registry.search(clipping, query)).map((match) => match.speaker);
    const items: SpeakerItem[] = matches.map((speaker) => ({
      label: speaker.name,
      description: speaker.aliases.join('، '),
      detail: [speaker.role, speaker.affiliation].filter(Boolean).join(' · ') || undefined,
      speaker,
      alwaysShow: true,
    }));
    if (query !== '' && !matches.some((speaker) => speaker.name === query)) {
      items.push({ label: `$(add) ${vscode.l10n.t('New speaker: {0}', query)}`, newName: query, alwaysShow: true });
    }
    picker.items = items;
  };
  picker.onDidChangeValue(() => void refresh());
  await refresh();
  const chosen = await new Promise<SpeakerItem | undefined>((resolve) => {
    picker.onDidAccept(() => resolve(picker.selectedItems[0] ?? picker.activeItems[0]));
    picker.onDidHide(() => resolve(undefined));
    picker.show();
  });
  picker.dispose();
  if (chosen?.newName) {
    return addSpeaker(registry, clipping, chosen.newName);
  }
  return chosen?.speaker;
}

async function addSpeaker(registry: SpeakerRegistryStore, clipping: vscode.Uri, name: string): Promise<Speaker> {
  const speaker = createSpeaker({ name, aliases: [] }, cryptoRandomBytes);
  await registry.add(clipping, speaker);
  return speaker;
}
