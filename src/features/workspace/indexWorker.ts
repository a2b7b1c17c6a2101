// Runs in a worker thread: reads clippings and their sidecars for the workspace index, so that
// parsing hundreds of megabytes never holds up the extension host's main thread.
import { looksLikeClipping } from '../../core/detect';
import { indexClipping, type IndexEntry } from '../../core/index/indexEntry';
import { serveRequests } from './workerService';

export interface IndexRequest {
  readonly uri: string;
  readonly relativePath: string;
  readonly clipping: Uint8Array;
  readonly sidecar: Uint8Array | undefined;
  /** A `.txt` file found by scanning: indexed only when its content looks like a clipping. */
  readonly detect: boolean;
}

/** The entry, or null for a scanned `.txt` file that is not a clipping. */
export type IndexResponse = IndexEntry | null;

// Decoding drops a UTF-8 byte-order mark, as VS Code does for documents: offsets agree.
const decoder = new TextDecoder('utf-8');

serveRequests<IndexRequest, IndexResponse>((request) => {
  const text = decoder.decode(request.clipping);
  if (request.detect && !looksLikeClipping(text)) return null;
  return indexClipping({
    uri: request.uri,
    relativePath: request.relativePath,
    text,
    sidecarText: request.sidecar && decoder.decode(request.sidecar),
  });
});
