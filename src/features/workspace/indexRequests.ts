import type { FileRequest, FileResponse, IndexRequest, IndexResponse, StatResponse, WalkRequest, WalkResponse } from './indexWorker';
import type { WorkerRequests } from './workerRequests';

/** The indexing worker thread (indexWorker.ts, built as dist/workspaceIndexWorker.js). */
export type IndexWorker = WorkerRequests<IndexRequest, IndexResponse>;

/** A clipping and its sidecar, decoded and parsed in the worker: the entry comes back packed. */
export function indexInWorker(worker: IndexWorker, request: Omit<FileRequest, 'kind'>): Promise<FileResponse> {
  return worker.request({ kind: 'file', ...request }) as Promise<FileResponse>;
}

/** Files on disk stated in the worker: each path's modification time and size, NaN for a path that is not a file. */
export function statInWorker(worker: IndexWorker, paths: readonly string[]): Promise<StatResponse> {
  return worker.request({ kind: 'stat', paths }) as Promise<StatResponse>;
}

/** A folder on disk walked in the worker for the files the index reads (paths relative to its root). */
export function walkInWorker(worker: IndexWorker, request: Omit<WalkRequest, 'kind'>): Promise<WalkResponse> {
  return worker.request({ kind: 'walk', ...request }) as Promise<WalkResponse>;
}
