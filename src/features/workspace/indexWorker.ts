// Runs in a worker thread: reads clippings and their sidecars for the workspace index, so that
// parsing hundreds of megabytes never holds up the extension host's main thread.
import { looksLikeClipping } from '../../core/detect';
import { packEntry, StringTable, type PackedEntry } from '../../core/index/entryPacking';
import { indexClipping } from '../../core/index/indexEntry';
import { serveRequests } from './workerService';

export interface IndexRequest {
  readonly uri: string;
  readonly relativePath: string;
  readonly clipping: Uint8Array;
  readonly sidecar: Uint8Array | undefined;
  /** A `.txt` file found by scanning: indexed only when its content looks like a clipping. */
  readonly detect: boolean;
}

/** The entry, packed with its string table (see entryPacking.ts); null for a scanned `.txt` file that is not a clipping. */
export type IndexResponse = { readonly strings: readonly string[]; readonly entry: PackedEntry } | null;

// Decoding drops a UTF-8 byte-order mark, as VS Code does for documents: offsets agree.
const decoder = new TextDecoder('utf-8');

serveRequests<IndexRequest, IndexResponse>((request) => {
  const text = decoder.decode(request.clipping);
  if (request.detect && !looksLikeClipping(text)) return null;
  const entry = indexClipping({
    uri: request.uri,
    relativePath: request.relativePath,
    text,
    sidecarText: request.sidecar && decoder.decode(request.sidecar),
  });
  const table = new StringTable();
  return { entry: packEntry(entry, table), strings: table.strings };
});
