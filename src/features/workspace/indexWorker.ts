// Runs in a worker thread: reads clippings and their sidecars for the workspace index, so that
// parsing hundreds of megabytes never holds up the extension host's main thread.
import { readFileSync } from 'node:fs';
import { looksLikeClipping } from '../../core/detect';
import { packEntry, StringTable, type PackedEntry } from '../../core/index/entryPacking';
import { readShard, type CacheOrigin, type PackedShard } from '../../core/index/indexCache';
import { indexClipping } from '../../core/index/indexEntry';
import { serveRequests } from './workerService';

/** A clipping and its sidecar to index, or (`shard`) a shard of the cache to decode and parse. */
export type IndexRequest = FileRequest | ShardRequest;

export interface ShardRequest {
  readonly kind: 'shard';
  readonly bytes: Uint8Array;
  readonly origin: CacheOrigin;
}

export interface FileRequest {
  readonly kind: 'file';
  readonly uri: string;
  readonly relativePath: string;
  /** The bytes, or where to read them on disk (`file:` URIs: the bytes then never pass through the extension host's heap). */
  readonly clipping: FileContent;
  /** Undefined when there is no sidecar, or when it cannot be read (gone since it was found). */
  readonly sidecar: FileContent | undefined;
  /** A `.txt` file found by scanning: indexed only when its content looks like a clipping. */
  readonly detect: boolean;
}

export type FileContent = Uint8Array | { readonly path: string };

/** The entry, packed with its string table (see entryPacking.ts); null for a scanned `.txt` file that is not a clipping. */
export type FileResponse = { readonly strings: readonly string[]; readonly entry: PackedEntry } | null;

/** The shard's packed entries; undefined for a shard that is corrupt or of another origin. */
export type ShardResponse = PackedShard | undefined;

export type IndexResponse = FileResponse | ShardResponse;

// Decoding drops a UTF-8 byte-order mark, as VS Code does for documents: offsets agree.
const decoder = new TextDecoder('utf-8');

serveRequests<IndexRequest, IndexResponse>((request) => (request.kind === 'shard' ? readShard(decoder.decode(request.bytes), request.origin) : indexFile(request)));

function indexFile(request: FileRequest): FileResponse {
  const text = decoder.decode(bytesOf(request.clipping));
  if (request.detect && !looksLikeClipping(text)) return null;
  const sidecar = request.sidecar && sidecarBytes(request.sidecar);
  const entry = indexClipping({
    uri: request.uri,
    relativePath: request.relativePath,
    text,
    sidecarText: sidecar && decoder.decode(sidecar),
  });
  const table = new StringTable();
  return { entry: packEntry(entry, table), strings: table.strings };
}

function bytesOf(content: FileContent): Uint8Array {
  return content instanceof Uint8Array ? content : readFileSync(content.path);
}

/** A sidecar deleted since it was found is no sidecar. */
function sidecarBytes(content: FileContent): Uint8Array | undefined {
  try {
    return bytesOf(content);
  } catch {
    return undefined;
  }
}
