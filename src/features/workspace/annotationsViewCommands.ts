import * as vscode from 'vscode';
import { reviseAnnotation, type Annotation } from '../../core/annotations';
import { GROUPING_MODES, type GroupingMode } from '../../core/index/annotationGrouping';
import { describeAnnotation, iconOf } from '../annotations/annotationLabels';
import { annotationsAt, quotePreview } from '../annotations/annotationGroups';
import { runAnnotationCommand } from '../annotations/commandErrors';
import { anchorFor, isRecord, resolveTarget, stringArgument, trimmedOffsets, UserFacingError } from '../annotations/commandTargets';
import type { ClippingWorkspaceIndex, WorkspaceIndexServices } from './clippingWorkspaceIndex';
import { AnnotationsTreeProvider, isItemNode, modeLabel, VIEW_ID, type ViewNode } from './annotationsView';
import { revealAnnotation } from './revealAnnotation';

/** How long the cursor rests before the view follows it to the annotation under it. */
const FOLLOW_CURSOR_MS = 150;

/**
 * The Annotations view and its commands: group by, filter, clear filter, re-attach an orphan,
 * and `clippings._annotationsTree`, which returns the tree as plain data for tests.
 */
export function registerAnnotationsView(services: WorkspaceIndexServices, index: ClippingWorkspaceIndex, state: vscode.Memento): vscode.Disposable {
  const provider = new AnnotationsTreeProvider(index, state);
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  const describeView = () => {
    view.description = provider.filter ? `${modeLabel(provider.mode)} · «${provider.filter}»` : modeLabel(provider.mode);
  };
  describeView();
  view.message = vscode.l10n.t('Indexing the clippings of the workspace…');
  void index.ready.then(() => {
    view.message = undefined;
  });
  const run = <T>(command: () => Promise<T>) => runAnnotationCommand(services.log, command);
  return vscode.Disposable.from(
    provider,
    view,
    index.onDidChange(() => provider.refresh()),
    followCursor(services, provider, view),
    vscode.commands.registerCommand('clippings.annotations.groupBy', (mode?: unknown) =>
      run(async () => {
        const chosen = GROUPING_MODES.find((candidate) => candidate === mode) ?? (await pickMode(provider.mode));
        if (chosen) {
          await provider.setMode(chosen);
          describeView();
        }
        return chosen;
      }),
    ),
    vscode.commands.registerCommand('clippings.annotations.filter', (args?: unknown) =>
      run(async () => {
        const given = typeof args === 'string' ? args : isRecord(args) && typeof args.query === 'string' ? args.query : undefined;
        const query = given ?? (await askFilter(provider.filter));
        if (query !== undefined) {
          provider.setFilter(query);
          describeView();
        }
        return query;
      }),
    ),
    vscode.commands.registerCommand('clippings.annotations.clearFilter', () => {
      provider.setFilter('');
      describeView();
    }),
    vscode.commands.registerCommand('clippings.reattachOrphan', (args?: unknown) => run(() => reattachOrphan(services, args))),
    vscode.commands.registerCommand('clippings._annotationsTree', async () => {
      await index.ready;
      return { ...(await provider.snapshot()), selection: view.selection.flatMap((node) => (node.type === 'item' ? [`${node.ref.clipping.uri}#${node.ref.annotation.id}`] : [])) };
    }),
  );
}

async function pickMode(current: GroupingMode): Promise<GroupingMode | undefined> {
  const chosen = await vscode.window.showQuickPick(
    GROUPING_MODES.map((mode) => ({ label: modeLabel(mode), description: mode === current ? vscode.l10n.t('current') : undefined, mode })),
    { title: vscode.l10n.t('Group annotations') },
  );
  return chosen?.mode;
}

async function askFilter(current: string): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title: vscode.l10n.t('Filter annotations'),
    prompt: vscode.l10n.t('Words to find in quotes, speakers, targets, sources, files or article titles, in any spelling. Empty: show all.'),
    value: current,
  });
}

/** While the view is visible, the annotation under the cursor is selected in it. */
function followCursor(services: WorkspaceIndexServices, provider: AnnotationsTreeProvider, view: vscode.TreeView<ViewNode>): vscode.Disposable {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const follow = async (editor: vscode.TextEditor) => {
    const annotations = services.store.peek(editor.document)?.annotations ?? [];
    const [here] = annotationsAt(annotations, editor.document.offsetAt(editor.selection.active));
    const node = here && (await provider.nodeFor(editor.document.uri.toString(), here.id));
    // A refresh while revealing makes the node stale: the next cursor move reveals it anew.
    if (node && !view.selection.includes(node)) view.reveal(node, { select: true, focus: false }).then(undefined, () => undefined);
  };
  const subscription = vscode.window.onDidChangeTextEditorSelection((event) => {
    if (!view.visible || event.textEditor.document.languageId !== 'clipping') return;
    clearTimeout(timer);
    timer = setTimeout(() => void follow(event.textEditor), FOLLOW_CURSOR_MS);
  });
  return new vscode.Disposable(() => {
    clearTimeout(timer);
    subscription.dispose();
  });
}

/**
 * Moves an annotation (an orphan, as the view offers it) onto the words selected in its
 * clipping. Takes a view item, or `{ uri, id, range? }`; without an id it asks which orphan of
 * the active clipping. Resolves to the annotation's id.
 */
async function reattachOrphan(services: WorkspaceIndexServices, args: unknown): Promise<string | undefined> {
  const named = orphanArgument(args);
  const record = isRecord(args) ? args : {};
  const inOtherEditor = named && record.range === undefined && vscode.window.activeTextEditor?.document.uri.toString() !== named.uri;
  if (named && inOtherEditor) {
    await revealAnnotation(services.store, vscode.Uri.parse(named.uri), named.id);
    throw new UserFacingError(vscode.l10n.t('Select the words this annotation belongs to, then run Re-attach again.'));
  }
  const target = await resolveTarget(named ? { uri: named.uri, range: record.range } : record, { rangeRequired: true });
  const annotations = await services.store.annotationsOf(target.document);
  const id = named?.id ?? (await pickOrphan(services, target.document.uri, annotations.annotations));
  if (!id) return undefined;
  const annotation = annotations.find(id);
  if (!annotation) {
    throw new UserFacingError(vscode.l10n.t('There is no annotation {0} in this clipping.', id));
  }
  const anchor = anchorFor(services.parses, target.document, trimmedOffsets(target.document, target.range));
  await annotations.replace(reviseAnnotation(annotation, { anchor }, () => new Date()));
  return id;
}

function orphanArgument(args: unknown): { uri: string; id: string } | undefined {
  if (isItemNode(args)) return { uri: args.ref.clipping.uri, id: args.ref.annotation.id };
  if (!isRecord(args)) return undefined;
  const id = stringArgument(args, 'id');
  const uri = args.uri instanceof vscode.Uri ? args.uri.toString() : stringArgument(args, 'uri');
  return id && uri ? { uri, id } : undefined;
}

async function pickOrphan(services: WorkspaceIndexServices, clipping: vscode.Uri, annotations: readonly Annotation[]): Promise<string | undefined> {
  const orphans = annotations.filter((annotation) => annotation.anchor.orphaned);
  if (orphans.length === 0) {
    throw new UserFacingError(vscode.l10n.t('This clipping has no orphaned annotations.'));
  }
  if (orphans.length === 1) return orphans[0].id;
  const speakers = await services.registry.speakersFor(clipping);
  const chosen = await vscode.window.showQuickPick(
    orphans.map((annotation) => ({
      label: `${iconOf(annotation)} ${describeAnnotation(annotation, speakers)}`,
      detail: `«${quotePreview(annotation.anchor.quote, 120)}»`,
      id: annotation.id,
    })),
    { title: vscode.l10n.t('Re-attach which annotation to the selection?'), matchOnDetail: true },
  );
  return chosen?.id;
}
