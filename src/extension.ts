import * as vscode from 'vscode';
import type { Annotation } from './core/annotations';
import { ClippingParseCache } from './features/parseCache';
import { registerOutline } from './features/outline';
import { registerFolding } from './features/folding';
import { registerSelectionRanges } from './features/selectionRanges';
import { registerTocLinks } from './features/tocLinks';
import { registerDiagnostics } from './features/diagnostics';
import { registerArticleNavigation } from './features/articleNavigation';
import { registerTextFileDetection } from './features/textFileDetection';
import { AnnotationStore } from './features/annotations/annotationStore';
import { SidecarParser } from './features/annotations/sidecarParsing';
import { SpeakerRegistryStore } from './features/annotations/speakerRegistry';
import { RecentTargets } from './features/annotations/recentTargets';
import { registerTagCommands } from './features/annotations/tagCommands';
import { registerAnnotationCommands } from './features/annotations/annotationCommands';
import { registerAnnotationViews } from './features/annotations/views';
import { registerWorkspaceFeatures } from './features/workspace/workspaceFeatures';
import { registerReports } from './features/workspace/reports';
import { registerExportCommands } from './features/workspace/exportCommands';

/** What other extensions get from `vscode.extensions.getExtension('clippings-lab.press-clippings').exports`. */
export interface ClippingsApi {
  /** Fires when the annotations of an open clipping changed: tagged, edited, moved by an edit, reloaded. */
  readonly onDidChangeAnnotations: vscode.Event<vscode.TextDocument>;
  /** The annotations of a saved clipping, in document order, read from its sidecar the first time. */
  annotationsOf(document: vscode.TextDocument): Promise<readonly Annotation[]>;
}

/** Composition root: creates the shared services and wires one feature per module. */
export function activate(context: vscode.ExtensionContext): ClippingsApi {
  const log = vscode.window.createOutputChannel(vscode.l10n.t('Press Clippings'), { log: true });
  const parses = new ClippingParseCache(log);
  const sidecarParser = new SidecarParser(context.extensionPath);
  const store = new AnnotationStore(parses, sidecarParser, log);
  const registry = new SpeakerRegistryStore();
  const annotationServices = { parses, store, registry, recentTargets: new RecentTargets(context.workspaceState), log };
  const workspace = registerWorkspaceFeatures(annotationServices, context);
  context.subscriptions.push(
    log,
    parses,
    sidecarParser,
    store,
    registry,
    vscode.commands.registerCommand('clippings.showOutput', () => log.show()),
    registerTextFileDetection(log),
    registerOutline(parses),
    registerFolding(parses),
    registerSelectionRanges(parses),
    registerTocLinks(parses),
    registerDiagnostics(parses),
    registerArticleNavigation(parses),
    registerTagCommands(annotationServices),
    registerAnnotationCommands(annotationServices),
    registerAnnotationViews(annotationServices),
    workspace.disposable,
    registerReports(workspace.index, context.extensionUri, { log, registry, sidecarParser }),
    registerExportCommands(workspace.index, log),
  );
  return {
    onDidChangeAnnotations: store.onDidChange,
    annotationsOf: async (document) => (await store.annotationsOf(document)).annotations,
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
