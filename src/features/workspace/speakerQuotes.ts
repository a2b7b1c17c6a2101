import * as vscode from 'vscode';
import type { Speaker } from '../../core/annotations';
import type { AnnotationRef } from '../../core/index/annotationGrouping';
import { articleOf, quotesOf } from '../../core/index/workspaceQueries';
import { iconOf } from '../annotations/annotationLabels';
import { AnnotationStore } from '../annotations/annotationStore';
import { quotePreview } from '../annotations/annotationGroups';
import { runAnnotationCommand } from '../annotations/commandErrors';
import { isRecord, stringArgument, UserFacingError } from '../annotations/commandTargets';
import { polarityLabel } from '../annotations/pickers';
import { pickSpeaker } from '../annotations/speakerPicker';
import type { ClippingWorkspaceIndex, WorkspaceIndexServices } from './clippingWorkspaceIndex';
import { revealAnnotation } from './revealAnnotation';

/** What `clippings.speakerQuotes` returns to a script: one entry per quote or stance. */
export interface SpeakerQuote {
  readonly uri: string;
  readonly id: string;
  readonly quote: string;
}

/**
 * `clippings.speakerQuotes`: everything a speaker said, and the stances they hold, across the
 * workspace. Picks the speaker, then lists the quotes with file, article and date; choosing one
 * shows it. With `{ speaker }` (an id or any spelling of a name) it returns the list instead.
 */
export function registerSpeakerQuotes(services: WorkspaceIndexServices, index: ClippingWorkspaceIndex): vscode.Disposable {
  return vscode.commands.registerCommand('clippings.speakerQuotes', (args?: unknown) =>
    runAnnotationCommand(services.log, async () => {
      const named = isRecord(args) ? stringArgument(args, 'speaker') : undefined;
      return named === undefined ? showQuotes(services, index) : scriptedQuotes(services, index, named);
    }),
  );
}

async function scriptedQuotes(services: WorkspaceIndexServices, index: ClippingWorkspaceIndex, name: string): Promise<SpeakerQuote[]> {
  await index.ready;
  const speaker = await findSpeaker(services, name);
  const quotes = quotesOf(index.clippings(), speaker?.id ?? name);
  return quotes.map(({ clipping, annotation }) => ({ uri: clipping.uri, id: annotation.id, quote: annotation.anchor.quote }));
}

/** The registry speaker an id or a spelling names; scripts may also give an id the registry lacks. */
async function findSpeaker(services: WorkspaceIndexServices, name: string): Promise<Speaker | undefined> {
  const registryOf = registryContext();
  const byId = await services.registry.speakerById(registryOf, name);
  if (byId) return byId;
  const [best] = await services.registry.search(registryOf, name);
  return best && (best.rank === 'exact' || best.rank === 'clitic') ? best.speaker : undefined;
}

/** Whose registry to search: the active clipping's, else the first workspace folder's. */
function registryContext(): vscode.Uri {
  const active = vscode.window.activeTextEditor?.document;
  if (active && AnnotationStore.canAnnotate(active)) return active.uri;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!folder) {
    throw new UserFacingError(vscode.l10n.t('Open a folder of clippings first.'));
  }
  return folder;
}

async function showQuotes(services: WorkspaceIndexServices, index: ClippingWorkspaceIndex): Promise<SpeakerQuote | undefined> {
  const speaker = await pickSpeaker(services.registry, registryContext(), { title: vscode.l10n.t('Whose quotes?'), initialQuery: '' });
  if (!speaker) return undefined;
  const quotes = quotesOf(index.clippings(), speaker.id);
  if (quotes.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No quotes or stances of {0} in the workspace.', speaker.name));
    return undefined;
  }
  const chosen = await vscode.window.showQuickPick(quotes.map(quoteItem), {
    title: vscode.l10n.t('{0}: {1} quotes and stances', speaker.name, quotes.length),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!chosen) return undefined;
  const { clipping, annotation } = chosen.ref;
  await revealAnnotation(services.store, vscode.Uri.parse(clipping.uri), annotation.id, annotation.anchor);
  return { uri: clipping.uri, id: annotation.id, quote: annotation.anchor.quote };
}

function quoteItem(ref: AnnotationRef): vscode.QuickPickItem & { readonly ref: AnnotationRef } {
  const { clipping, annotation } = ref;
  const article = articleOf(clipping, annotation);
  const stance = annotation.type === 'stance' ? `${annotation.target} (${polarityLabel(annotation.polarity)})` : undefined;
  return {
    label: `${iconOf(annotation)} ${quotePreview(annotation.anchor.quote, 100)}`,
    description: clipping.relativePath,
    detail: [article?.title, article?.date, stance].filter(Boolean).join(' · '),
    ref,
  };
}
