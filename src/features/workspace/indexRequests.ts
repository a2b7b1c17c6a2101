import type { CacheOrigin } from '../../core/index/indexCache';
import type { FileRequest, FileResponse, IndexRequest, IndexResponse, ShardResponse } from './indexWorker';
import type { WorkerRequests } from './workerRequests';

/** The indexing worker thread (indexWorker.ts, built as dist/workspaceIndexWorker.js). */
export type IndexWorker = WorkerRequests<IndexRequest, IndexResponse>;

/** A clipping and its sidecar, decoded and parsed in the worker: the entry comes back packed. */
export function indexInWorker(worker: IndexWorker, request: Omit<FileRequest, 'kind'>): Promise<FileResponse> {
  return worker.request({ kind: 'file', ...request }) as Promise<FileResponse>;
}

/** A shard of the index cache, decoded and parsed in the worker: its entries come back packed. */
export function readShardInWorker(worker: IndexWorker, bytes: Uint8Array, origin: CacheOrigin): Promise<ShardResponse> {
  return worker.request({ kind: 'shard', bytes, origin }) as Promise<ShardResponse>;
}
