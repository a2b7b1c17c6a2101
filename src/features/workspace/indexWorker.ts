// Runs in a worker thread: reads clippings and their sidecars for the workspace index, so that
// parsing hundreds of megabytes never holds up the extension host's main thread, and states
// files on disk by the thousand.
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { looksLikeClipping } from '../../core/detect';
import { packEntry, type FlatPack } from '../../core/index/entryPacking';
import { indexClipping } from '../../core/index/indexEntry';
import { walkFolder, type WalkRequest, type WalkResponse } from './folderWalk';
import { runAtLowerPriority } from '../threadPriority';
import { serveRequests } from './workerService';

export type { WalkRequest, WalkResponse } from './folderWalk';

/** A clipping and its sidecar to index, (`stat`) files on disk to state, or (`walk`) a folder on disk to list. */
export type IndexRequest = FileRequest | StatRequest | WalkRequest;

export interface StatRequest {
  readonly kind: 'stat';
  /** Paths on disk, or `file:` URIs (turned into paths here); an empty string has no stamp. */
  readonly paths: readonly string[];
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

/** The entry, packed (see entryPacking.ts); null for a scanned `.txt` file that is not a clipping. */
export type FileResponse = FlatPack | null;

/**
 * Each path's modification time and size, one after the other, as VS Code's stat gives them
 * (whole milliseconds, the size in bytes); NaN for a path that is not a file.
 */
export type StatResponse = Float64Array;

export type IndexResponse = FileResponse | StatResponse | WalkResponse;

// Decoding drops a UTF-8 byte-order mark, as VS Code does for documents: offsets agree.
const decoder = new TextDecoder('utf-8');

runAtLowerPriority();
serveRequests<IndexRequest, IndexResponse>((request) => (request.kind === 'stat' ? statFiles(request.paths) : request.kind === 'walk' ? walkFolder(request) : indexFile(request)));

function statFiles(paths: readonly string[]): StatResponse {
  const stamps = new Float64Array(paths.length * 2).fill(Number.NaN);
  paths.forEach((pathOrUri, index) => {
    if (pathOrUri === '') return;
    // Symbolic links followed, as VS Code's stat follows them; mtime as a Date, as VS Code reads it: whole milliseconds.
    let stat;
    try {
      stat = statSync(pathOrUri.startsWith('file:') ? fileURLToPath(pathOrUri) : pathOrUri);
    } catch {
      return;
    }
    if (!stat.isFile()) return;
    stamps[index * 2] = stat.mtime.getTime();
    stamps[index * 2 + 1] = stat.size;
  });
  return stamps;
}

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
  return packEntry(entry);
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
