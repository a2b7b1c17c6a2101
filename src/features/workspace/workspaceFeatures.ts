import * as path from 'node:path';
import * as vscode from 'vscode';
import { INDEX_CACHE_FORMAT } from '../../core/index/indexCache';
import { runAnnotationCommand } from '../annotations/commandErrors';
import { isRecord, stringArgument, UserFacingError } from '../annotations/commandTargets';
import { registerAnnotationsView } from './annotationsViewCommands';
import { ClippingWorkspaceIndex, type WorkspaceIndexServices } from './clippingWorkspaceIndex';
import { IndexCacheStore } from './indexCacheStore';
import type { IndexRequest, IndexResponse } from './indexWorker';
import { revealAnnotation } from './revealAnnotation';
import { registerSpeakerQuotes } from './speakerQuotes';
import type { WorkspaceIndex } from './workspaceIndex';
import { registerWorkspaceSymbols } from './workspaceSymbols';
import { WorkerRequests } from './workerRequests';

export interface WorkspaceFeatures {
  /** For the features that read the whole workspace: exports, reports. */
  readonly index: WorkspaceIndex;
  readonly disposable: vscode.Disposable;
}

/**
 * The workspace index and what is built on it: the Annotations view, Go to Symbol in
 * Workspace for article titles, the speaker quotes command and `clippings.revealAnnotation`.
 */
export function registerWorkspaceFeatures(services: WorkspaceIndexServices, context: vscode.ExtensionContext): WorkspaceFeatures {
  const worker = new WorkerRequests<IndexRequest, IndexResponse>(path.join(context.extensionPath, 'dist', 'workspaceIndexWorker.js'));
  const extensionVersion = String((context.extension.packageJSON as { version?: unknown }).version);
  const cacheFolder = context.storageUri && vscode.Uri.joinPath(context.storageUri, 'workspace-index');
  const cache = new IndexCacheStore(cacheFolder, { format: INDEX_CACHE_FORMAT, extensionVersion }, services.log);
  // A benchmark's baseline (bench/host/run.ts): the index does nothing but watch the event loop.
  const mode = process.env.CLIPPINGS_BENCH_INDEX_IDLE === '1' ? 'idle' : 'build';
  const index = new ClippingWorkspaceIndex(services, cache, worker, mode);
  const disposable = vscode.Disposable.from(
    index,
    worker,
    registerAnnotationsView(services, index, context.workspaceState),
    registerWorkspaceSymbols(index),
    registerSpeakerQuotes(services, index),
    // For scripts and benchmarks: whether the index is ready or busy, what it holds, the last full pass.
    vscode.commands.registerCommand('clippings._indexStatus', () => index.status()),
    vscode.commands.registerCommand('clippings.revealAnnotation', (args?: unknown) =>
      runAnnotationCommand(services.log, async () => {
        const uri = isRecord(args) ? (args.uri instanceof vscode.Uri ? args.uri : stringArgument(args, 'uri')) : undefined;
        const id = isRecord(args) ? stringArgument(args, 'id') : undefined;
        if (!uri || !id) {
          throw new UserFacingError(vscode.l10n.t('Which annotation? Pass {0}.', '{ uri, id }'));
        }
        await revealAnnotation(services.store, typeof uri === 'string' ? vscode.Uri.parse(uri) : uri, id);
        return true;
      }),
    ),
  );
  return { index, disposable };
}
