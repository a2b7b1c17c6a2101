import * as vscode from 'vscode';
import { clippingPathForSidecar, prepareToWriteSidecars, sidecarPathFor, SIDECAR_SUFFIX, type Sidecar } from '../../core/annotations';
import { ClippingParseCache } from '../parseCache';
import { ClippingAnnotations, LARGE_LIST } from './clippingAnnotations';
import { GuardedYamlFile } from './guardedYamlFile';
import { SidecarParser } from './sidecarParsing';
import { EDIT_SIDECAR_MEASURES, MOVE_ANCHORS_MEASURE, OPEN_ANNOTATIONS_MEASURE, PARSE_SIDECAR_MEASURE, READ_SIDECAR_MEASURE, recordDuration } from './timings';


/**
 * How long after the last edit of a clipping its views (highlights, lenses, status bar,
 * problems) hear that its anchors moved. Meanwhile VS Code moves the highlights and lenses
 * itself, as the anchors move (typing at an edge does not grow either); redrawing ten thousand
 * of them on every keystroke took tens of milliseconds of each.
 */
export const VIEWS_SETTLE_MS = 250;

/** How long after the first sidecar is read the writing code is prepared (see prepareToWriteSidecars): after the editor has settled. */
const PREPARE_WRITING_DELAY_MS = 300;

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
  private readonly viewsChanged = new vscode.EventEmitter<vscode.TextDocument>();
  /**
   * onDidChange for views: at once, except for anchors moved by typing, announced once the
   * typing pauses for VIEWS_SETTLE_MS.
   */
  readonly onDidChangeForViews = this.viewsChanged.event;
  private readonly viewsSettling = new Map<string, ReturnType<typeof setTimeout>>();
  /** Whether the change being announced is anchors moved by an edit of the clipping. */
  private movingAnchors = false;
  private readonly subscriptions: vscode.Disposable[];
  private writingPrepared: ReturnType<typeof setTimeout> | undefined;

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
    clearTimeout(this.writingPrepared);
    this.viewsSettling.forEach((timer) => clearTimeout(timer));
    this.viewsSettling.clear();
    this.viewsChanged.dispose();
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
    const started = performance.now();
    const file = new GuardedYamlFile<Sidecar>(sidecarUriFor(document.uri), this.sidecarParser.parse, {
      measures: { read: READ_SIDECAR_MEASURE, parse: PARSE_SIDECAR_MEASURE },
      editMeasures: EDIT_SIDECAR_MEASURES,
      writeLarge: this.sidecarParser.writeLarge,
    });
    const annotations = new ClippingAnnotations(
      file,
      {
        text: () => document.getText(),
        articles: () => this.parses.get(document).articles,
      },
      this.sidecarParser.writeMoved,
    );
    const listener = annotations.onDidChange(() => this.announce(document));
    const ready = annotations.refresh().catch((error: unknown) => this.log.error(`reading ${file.uri.toString(true)}: ${String(error)}`));
    void ready.then(() => {
      recordDuration(OPEN_ANNOTATIONS_MEASURE, started);
      this.prepareWriting();
    });
    const session = { annotations, ready, listener };
    this.sessions.set(document.uri.toString(), session);
    return session;
  }

  /**
   * Sidecars are read without the yaml library, which writing needs: it is loaded once, while
   * the person reads, rather than when they tag the first words.
   */
  private prepareWriting(): void {
    this.writingPrepared ??= setTimeout(() => {
      try {
        prepareToWriteSidecars();
      } catch (error) {
        this.log.error(`preparing to write sidecars: ${String(error)}`);
      }
    }, PREPARE_WRITING_DELAY_MS);
  }

  private announce(document: vscode.TextDocument): void {
    this.changed.fire(document);
    const key = document.uri.toString();
    clearTimeout(this.viewsSettling.get(key));
    this.viewsSettling.delete(key);
    if (this.movingAnchors) {
      this.viewsSettling.set(
        key,
        setTimeout(() => {
          this.viewsSettling.delete(key);
          this.viewsChanged.fire(document);
        }, VIEWS_SETTLE_MS),
      );
    } else if ((this.peek(document)?.annotations.length ?? 0) > LARGE_LIST) {
      // Thousands of annotations: the views (ten thousand highlights, counts, problems) in a turn
      // of their own, after the change's own; together they took 30 ms and more of one turn.
      setImmediate(() => this.viewsChanged.fire(document));
    } else {
      this.viewsChanged.fire(document);
    }
  }

  /** Anchors move with every edit, at once; views redraw once the typing pauses (onDidChangeForViews). */
  private moveAnchors(event: vscode.TextDocumentChangeEvent): void {
    const session = this.sessionOf(event.document);
    if (!session || event.contentChanges.length === 0) {
      return;
    }
    const started = performance.now();
    this.movingAnchors = true;
    try {
      session.annotations.applyEdits(event.contentChanges.map((change) => ({ start: change.rangeOffset, end: change.rangeOffset + change.rangeLength, text: change.text })));
    } finally {
      this.movingAnchors = false;
    }
    recordDuration(MOVE_ANCHORS_MEASURE, started);
  }

  private close(document: vscode.TextDocument): void {
    const session = this.sessionOf(document);
    if (session) {
      session.listener.dispose();
      session.annotations.dispose();
      this.sessions.delete(document.uri.toString());
      clearTimeout(this.viewsSettling.get(document.uri.toString()));
      this.viewsSettling.delete(document.uri.toString());
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
