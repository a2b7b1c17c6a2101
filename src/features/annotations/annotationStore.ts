import * as vscode from 'vscode';
import { clippingPathForSidecar, sidecarPathFor, SIDECAR_SUFFIX, type Sidecar } from '../../core/annotations';
import { ClippingParseCache } from '../parseCache';
import { ClippingAnnotations } from './clippingAnnotations';
import { GuardedYamlFile } from './guardedYamlFile';
import { SidecarParser } from './sidecarParsing';

/** The performance measure (Node's `performance`) of the last edit's anchor moving, change listeners included. */
export const MOVE_ANCHORS_MEASURE = 'clippings.annotations.moveAnchors';

export function sidecarUriFor(clipping: vscode.Uri): vscode.Uri {
  return clipping.with({ path: sidecarPathFor(clipping.path) });
}

/**
 * The annotations of every open clipping, one ClippingAnnotations per document, kept in step
 * with the editor: edits move anchors, saves write them, sidecars changed on disk are read
 * again, and a renamed clipping takes its sidecar along.
 */
export class AnnotationStore implements vscode.Disposable {
  private readonly sessions = new Map<string, { readonly annotations: ClippingAnnotations; readonly ready: Promise<void>; readonly listener: vscode.Disposable }>();
  private readonly changed = new vscode.EventEmitter<vscode.TextDocument>();
  /** The annotations of this document changed (tagged, edited, moved, reloaded). */
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly parses: ClippingParseCache,
    private readonly sidecarParser: SidecarParser,
    private readonly log: vscode.LogOutputChannel,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/*${SIDECAR_SUFFIX}`);
    const onSidecarChanged = (uri: vscode.Uri) => void this.refreshSidecar(uri);
    this.subscriptions = [
      watcher,
      watcher.onDidChange(onSidecarChanged),
      watcher.onDidCreate(onSidecarChanged),
      watcher.onDidDelete(onSidecarChanged),
      vscode.workspace.onDidChangeTextDocument((event) => this.moveAnchors(event)),
      vscode.workspace.onDidSaveTextDocument((document) => void this.writeMovedAnchors(document)),
      vscode.workspace.onDidCloseTextDocument((document) => this.close(document)),
      vscode.workspace.onWillRenameFiles((event) => event.waitUntil(this.sidecarRenames(event.files))),
      vscode.workspace.onDidRenameFiles((event) => event.files.forEach(({ oldUri, newUri }) => this.rekey(oldUri, newUri))),
    ];
  }

  /** Whether a document can carry annotations: a saved clipping (the sidecar lives beside its file). */
  static canAnnotate(document: vscode.TextDocument): boolean {
    return document.languageId === 'clipping' && !document.isUntitled;
  }

  /** The annotations of `document`, read from its sidecar the first time. */
  async annotationsOf(document: vscode.TextDocument): Promise<ClippingAnnotations> {
    const session = this.open(document);
    await session.ready;
    return session.annotations;
  }

  /** What is known right now, without waiting: for decorations and views that redraw on change. */
  peek(document: vscode.TextDocument): ClippingAnnotations | undefined {
    return this.sessionOf(document)?.annotations;
  }

  dispose(): void {
    this.subscriptions.forEach((subscription) => subscription.dispose());
    this.sessions.forEach((session) => {
      session.listener.dispose();
      session.annotations.dispose();
    });
    this.sessions.clear();
    this.changed.dispose();
  }

  private sessionOf(document: vscode.TextDocument) {
    return this.sessions.get(document.uri.toString());
  }

  private open(document: vscode.TextDocument) {
    const existing = this.sessionOf(document);
    if (existing) {
      return existing;
    }
    const file = new GuardedYamlFile<Sidecar>(sidecarUriFor(document.uri), this.sidecarParser.parse);
    const annotations = new ClippingAnnotations(
      file,
      {
        text: () => document.getText(),
        articles: () => this.parses.get(document).articles,
      },
      this.sidecarParser.writeMoved,
    );
    const listener = annotations.onDidChange(() => this.changed.fire(document));
    const ready = annotations.refresh().catch((error: unknown) => this.log.error(`reading ${file.uri.toString(true)}: ${String(error)}`));
    const session = { annotations, ready, listener };
    this.sessions.set(document.uri.toString(), session);
    return session;
  }

  /** Anchors move with every edit, at once; views redraw on the change event this fires. */
  private moveAnchors(event: vscode.TextDocumentChangeEvent): void {
    const session = this.sessionOf(event.document);
    if (!session || event.contentChanges.length === 0) {
      return;
    }
    const started = performance.now();
    session.annotations.applyEdits(event.contentChanges.map((change) => ({ start: change.rangeOffset, end: change.rangeOffset + change.rangeLength, text: change.text })));
    // For benchmarks: the last edit's cost, listeners included, as one entry of the process's performance timeline.
    performance.clearMeasures(MOVE_ANCHORS_MEASURE);
    performance.measure(MOVE_ANCHORS_MEASURE, { start: started, end: performance.now() });
  }

  private close(document: vscode.TextDocument): void {
    const session = this.sessionOf(document);
    if (session) {
      session.listener.dispose();
      session.annotations.dispose();
      this.sessions.delete(document.uri.toString());
    }
  }

  private async writeMovedAnchors(document: vscode.TextDocument): Promise<void> {
    try {
      await this.sessionOf(document)?.annotations.writeMovedAnchors();
    } catch (error) {
      this.log.error(`writing anchors of ${document.uri.toString(true)}: ${String(error)}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not write the annotations of {0}: {1}', document.uri.path.split('/').pop() ?? '', errorMessage(error)));
    }
  }

  private async refreshSidecar(sidecar: vscode.Uri): Promise<void> {
    const clippingPath = clippingPathForSidecar(sidecar.path);
    const session = clippingPath === undefined ? undefined : this.sessions.get(sidecar.with({ path: clippingPath }).toString());
    if (session) {
      await session.annotations.refresh().catch((error: unknown) => this.log.error(`re-reading ${sidecar.toString(true)}: ${String(error)}`));
    }
  }

  /** Renaming a clipping renames its sidecar in the same operation (and the same undo step). */
  private async sidecarRenames(files: readonly { readonly oldUri: vscode.Uri; readonly newUri: vscode.Uri }[]): Promise<vscode.WorkspaceEdit> {
    const edit = new vscode.WorkspaceEdit();
    for (const { oldUri, newUri } of files) {
      if (oldUri.path.endsWith(SIDECAR_SUFFIX)) {
        continue;
      }
      const sidecar = sidecarUriFor(oldUri);
      const exists = await vscode.workspace.fs.stat(sidecar).then(() => true, () => false);
      if (exists) {
        edit.renameFile(sidecar, sidecarUriFor(newUri), { ignoreIfExists: true });
      }
    }
    return edit;
  }

  private rekey(oldUri: vscode.Uri, newUri: vscode.Uri): void {
    const session = this.sessions.get(oldUri.toString());
    if (session) {
      this.sessions.delete(oldUri.toString());
      session.annotations.moveSidecarTo(sidecarUriFor(newUri));
      this.sessions.set(newUri.toString(), session);
    }
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
