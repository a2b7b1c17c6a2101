import type * as vscode from 'vscode';
import type { IndexedClipping, SpeakerLookup } from '../../core/workspaceModel';

/**
 * The contract of the workspace index (implemented in this folder): every clipping of the
 * workspace with its articles and annotations, built in the background, kept up to date as
 * files change. Views, searches, exports and reports read it.
 */
export interface WorkspaceIndex extends vscode.Disposable {
  /** Fires after the index changed (a file indexed, changed or deleted). */
  readonly onDidChange: vscode.Event<void>;
  /** Resolves once the first full indexing pass is done. */
  readonly ready: Promise<void>;
  /** The indexed clippings, optionally only those under `scope` (a folder or one file). */
  clippings(scope?: vscode.Uri): readonly IndexedClipping[];
  readonly speakerOf: SpeakerLookup;
}
